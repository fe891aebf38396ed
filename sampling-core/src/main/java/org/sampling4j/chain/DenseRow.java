package org.sampling4j.chain;

import org.sampling4j.kernel.Kernels;

/**
 * The dense representation of a step's logits: either the caller's own row, borrowed for reading,
 * or the set's copy of it, made by the first write (copy on write), with its maximum cached until
 * a write may change it.
 */
final class DenseRow {
    private final int vocabSize;
    private final Kernels kernels;
    private final float[] copy;
    private float[] borrowed;
    private float max;
    private boolean maxValid;

    DenseRow(int vocabSize, Kernels kernels) {
        this.vocabSize = vocabSize;
        this.kernels = kernels;
        this.copy = new float[vocabSize];
    }

    /**
     * Takes {@code logits[offset, offset + V)}: copied in the pass that finds its max when asked
     * to, or at a non-zero offset (processors index the row by token id), else borrowed. Returns
     * the index (relative to offset) of the first NaN or +Inf value, or -1.
     */
    int load(float[] logits, int offset, boolean copyNow) {
        borrowed = null;
        float m;
        if (logits == copy) { // filled by the caller through rowForLoading()
            m = kernels.max(copy, 0, vocabSize);
        } else if (copyNow || offset != 0) {
            m = kernels.copyMax(logits, offset, copy, vocabSize);
        } else {
            borrowed = logits;
            m = kernels.max(logits, 0, vocabSize);
        }
        return validated(m, logits, offset);
    }

    /**
     * As {@link #load} followed by {@link #mask}, in one pass: always copied, since the mask writes.
     * Every value is validated, kept or not.
     */
    int loadMasked(float[] logits, int offset, int[] mask) {
        borrowed = null;
        return validated(kernels.copyMasked(logits, offset, copy, vocabSize, mask), logits, offset);
    }

    /** Caches {@code m} as the max when it is below +Inf, else finds the first NaN or +Inf. */
    private int validated(float m, float[] logits, int offset) {
        max = m;
        maxValid = m < Float.POSITIVE_INFINITY;
        if (maxValid) {
            return -1;
        }
        for (int i = 0; i < vocabSize; i++) {
            if (!(logits[offset + i] < Float.POSITIVE_INFINITY)) {
                return i;
            }
        }
        throw new AssertionError("max was " + m + " but no value is NaN or +Inf");
    }

    /** The set's own row, for a caller that fills it and then loads it, with no second copy. */
    float[] own() {
        return copy;
    }

    /** The row to read: the caller's while borrowed. */
    float[] read() {
        return borrowed != null ? borrowed : copy;
    }

    /** The row to write: copies a borrowed row first; the cached max is dropped. */
    float[] write() {
        if (borrowed != null) {
            System.arraycopy(borrowed, 0, copy, 0, vocabSize);
            borrowed = null;
        }
        maxValid = false;
        return copy;
    }

    /**
     * Removes (sets to {@code -Inf}) every token whose bit in {@code mask} is 0, in the one pass that
     * also copies a borrowed row and finds the new max: a grammar mask costs one pass over V.
     */
    void mask(int[] mask) {
        max = kernels.copyMasked(read(), 0, copy, vocabSize, mask);
        borrowed = null;
        maxValid = true;
    }

    float max() {
        if (!maxValid) {
            max = kernels.max(read(), 0, vocabSize);
            maxValid = true;
        }
        return max;
    }

    /** Forgets the caller's row. */
    void release() {
        borrowed = null;
    }
}
