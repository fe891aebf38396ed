package org.sampling4j;

import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * The argument checks of {@link Sampler}'s public calls, for a vocabulary of V tokens: a whole row
 * of length V, a row at an offset inside a larger array or at an index inside a buffer, and the
 * shape of a multi-sample call. Each returns what it checked, so a call reads as one line, and
 * each message names the argument, its value and what is allowed. Rows' values (NaN, +Inf) are
 * checked later, in the pass that loads them.
 */
final class RowArguments {
    private final int vocabSize;

    RowArguments(int vocabSize) {
        this.vocabSize = vocabSize;
    }

    /** {@code array}, which must be non-null and of length V. */
    float[] whole(String field, float[] array) {
        Objects.requireNonNull(array, field);
        if (array.length != vocabSize) {
            throw new IllegalArgumentException(field + ".length = " + array.length
                    + " but this sampler's vocabulary is " + vocabSize);
        }
        return array;
    }

    /** {@code logits}, which must hold the row {@code [offset, offset + V)}. */
    float[] at(float[] logits, int offset) {
        Objects.requireNonNull(logits, "logits");
        if (offset < 0 || offset > logits.length - vocabSize) {
            throw new IllegalArgumentException("offset = " + offset + " is outside [0, " + (logits.length - vocabSize)
                    + "]: the row [offset, offset + " + vocabSize + ") must lie inside logits.length = " + logits.length);
        }
        return logits;
    }

    /** {@code logits}, whose limit must hold the row {@code [index, index + V)}. */
    FloatBuffer at(FloatBuffer logits, int index) {
        Objects.requireNonNull(logits, "logits");
        if (index < 0 || index > logits.limit() - vocabSize) {
            throw new IllegalArgumentException("index = " + index + " is outside [0, " + (logits.limit() - vocabSize)
                    + "]: the row [index, index + " + vocabSize + ") must lie inside the buffer's limit "
                    + logits.limit());
        }
        return logits;
    }

    /** {@code tokens}, which must ask for at least one draw, with one result holder per draw or none. */
    int[] draws(int[] tokens, SampleResult[] results) {
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.length == 0) {
            throw new IllegalArgumentException("tokens.length = 0 is outside [1, +Inf): ask for at least one sample");
        }
        if (results != null && results.length != tokens.length) {
            throw new IllegalArgumentException("results.length = " + results.length + " but tokens.length = "
                    + tokens.length + ": give one result holder per token, or null");
        }
        return tokens;
    }
}
