package org.sampling4j;

import static org.sampling4j.processor.MinTokensProcessor.MIN_TOKENS;

/**
 * {@link SamplingParams}' stop conditions and min-tokens: stop ids (null = none) are masked until
 * minTokens tokens exist; maxTokens 0 = no limit.
 */
record StopParams(int minTokens, int[] stopTokenIds, int maxTokens, int[][] stopSequences) {
    static final StopParams DEFAULTS = new StopParams(MIN_TOKENS.defaultInt(), null, 0, new int[0][]);

    /** Each value checked ({@link StopConditions#of} checks the budget and sequences), everything copied. */
    StopParams validated() {
        int[] ids = TokenArrays.checkIds("stopTokenIds", stopTokenIds);
        int[][] sequences = stopSequences == null ? new int[0][] : stopSequences.clone();
        StopConditions.of(ids, maxTokens, sequences);
        return new StopParams(MIN_TOKENS.check(minTokens), ids, maxTokens, TokenArrays.deepCopy(sequences));
    }

    /** The conditions the sampler checks after each token. */
    StopConditions conditions() {
        return StopConditions.of(stopTokenIds, maxTokens, stopSequences);
    }

    StopParams withMinTokens(int value) {
        return new StopParams(value, stopTokenIds, maxTokens, stopSequences);
    }

    StopParams withStopTokenIds(int[] value) {
        return new StopParams(minTokens, value, maxTokens, stopSequences);
    }

    StopParams withMaxTokens(int value) {
        return new StopParams(minTokens, stopTokenIds, value, stopSequences);
    }

    StopParams withStopSequences(int[][] value) {
        return new StopParams(minTokens, stopTokenIds, maxTokens, value);
    }
}
