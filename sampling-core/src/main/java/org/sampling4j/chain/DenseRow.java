package org.sampling4j.chain;

import org.sampling4j.kernel.Kernels;

/**
 * The dense representation of a step's logits: either the caller's own row, borrowed for reading
 * at any offset, or the set's copy of it, made by the first write (copy on write), with its maximum
 * cached until a write may change it.
 *
 * <p>A borrowed row keeps its base offset: {@link #array()} at {@link #base()} + token id is the
 * value, so the speculative verifier's row i of a (K + 1)-row block is read in place, with no copy.
 * Readers that index by token id alone ({@link #read()}) get the set's copy, made on that first
 * call, unless the row is borrowed at offset 0. The caller's array is never written.
 */
final class DenseRow {
    private final int vocabSize;
    private final Kernels kernels;
    private final float[] copy;
    private float[] borrowed;
    private int base;
    private float max;
    private boolean maxValid;

    DenseRow(int vocabSize, Kernels kernels) {
        this.vocabSize = vocabSize;
        this.kernels = kernels;
        this.copy = new float[vocabSize];
    }

    /**
     * Takes {@code logits[offset, offset + V)}: copied in the pass that finds its max when asked
     * to, else borrowed at {@code offset}. Returns the index (relative to offset) of the first NaN
     * or +Inf value, or -1.
     */
    int load(float[] logits, int offset, boolean copyNow) {
        borrowed = null;
        base = 0;
        float m;
        if (logits == copy) { // filled by the caller through rowForLoading()
            m = kernels.max(copy, 0, vocabSize);
        } else if (copyNow) {
            m = kernels.copyMax(logits, offset, copy, vocabSize);
        } else {
            borrowed = logits;
            base = offset;
            m = kernels.max(logits, offset, offset + vocabSize);
        }
        return validated(m, logits, offset);
    }

    /**
     * As {@link #load} followed by {@link #mask}, in one pass: always copied, since the mask writes.
     * Every value is validated, kept or not.
     */
    int loadMasked(float[] logits, int offset, int[] mask) {
        borrowed = null;
        base = 0;
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

    /**
     * The row to read, index = token id: the caller's while borrowed at offset 0; a row borrowed
     * at another offset is copied first (the cached max stays valid: the values are the same).
     */
    float[] read() {
        if (borrowed != null && base != 0) {
            unborrow();
        }
        return borrowed != null ? borrowed : copy;
    }

    /** The array that holds the row, value of token t at {@code array()[base() + t]}: no copy. */
    float[] array() {
        return borrowed != null ? borrowed : copy;
    }

    /** Where the row starts in {@link #array()}: the load offset while borrowed, else 0. */
    int base() {
        return borrowed != null ? base : 0;
    }

    /** The row to write: copies a borrowed row first; the cached max is dropped. */
    float[] write() {
        unborrow();
        maxValid = false;
        return copy;
    }

    private void unborrow() {
        if (borrowed != null) {
            System.arraycopy(borrowed, base, copy, 0, vocabSize);
            borrowed = null;
            base = 0;
        }
    }

    /**
     * Removes (sets to {@code -Inf}) every token whose bit in {@code mask} is 0, in the one pass that
     * also copies a borrowed row and finds the new max: a grammar mask costs one pass over V.
     */
    void mask(int[] mask) {
        max = kernels.copyMasked(array(), base(), copy, vocabSize, mask);
        borrowed = null;
        base = 0;
        maxValid = true;
    }

    float max() {
        if (!maxValid) {
            int from = base();
            max = kernels.max(array(), from, from + vocabSize);
            maxValid = true;
        }
        return max;
    }

    /** Forgets the caller's row. */
    void release() {
        borrowed = null;
        base = 0;
    }
}
