package org.sampling4j;

import static org.sampling4j.processor.NoRepeatNGramProcessor.NO_REPEAT_NGRAM_SIZE;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link SamplingParams}' steps on named tokens: the logit bias, the allowed and banned ids (null =
 * none), bad words and the no-repeat n-gram size. In a builder the bias map is the builder's own,
 * mutable; {@link #validated()} makes it an unmodifiable copy ordered by id.
 */
record MaskParams(Map<Integer, Float> logitBias, int[] allowedTokenIds, int[] bannedTokenIds, int[][] badWords,
        int noRepeatNgramSize) {
    /** A fresh draft with every default. */
    static MaskParams defaults() {
        return new MaskParams(new LinkedHashMap<>(), null, null, new int[0][], NO_REPEAT_NGRAM_SIZE.defaultInt());
    }

    /** Each value checked, ids non-negative, everything copied. */
    MaskParams validated() {
        return new MaskParams(TokenArrays.checkBias(logitBias), TokenArrays.checkIds("allowedTokenIds", allowedTokenIds),
                TokenArrays.checkIds("bannedTokenIds", bannedTokenIds), TokenArrays.checkSequences("badWords", badWords),
                NO_REPEAT_NGRAM_SIZE.check(noRepeatNgramSize));
    }

    /** A draft a builder may change, sharing nothing with this one. */
    MaskParams draft() {
        return new MaskParams(new LinkedHashMap<>(logitBias), TokenArrays.copy(allowedTokenIds),
                TokenArrays.copy(bannedTokenIds), TokenArrays.deepCopy(badWords), noRepeatNgramSize);
    }

    MaskParams withLogitBias(Map<Integer, Float> value) {
        return new MaskParams(new LinkedHashMap<>(value), allowedTokenIds, bannedTokenIds, badWords, noRepeatNgramSize);
    }

    MaskParams withAllowedTokenIds(int[] value) {
        return new MaskParams(logitBias, value, bannedTokenIds, badWords, noRepeatNgramSize);
    }

    MaskParams withBannedTokenIds(int[] value) {
        return new MaskParams(logitBias, allowedTokenIds, value, badWords, noRepeatNgramSize);
    }

    MaskParams withBadWords(int[][] value) {
        return new MaskParams(logitBias, allowedTokenIds, bannedTokenIds, value, noRepeatNgramSize);
    }

    MaskParams withNoRepeatNgramSize(int value) {
        return new MaskParams(logitBias, allowedTokenIds, bannedTokenIds, badWords, value);
    }
}
