package org.sampling4j.chain;

import org.sampling4j.kernel.Kernels;

/**
 * The dense representation of a step's logits: either the caller's own row, borrowed for reading,
 * or the set's copy of it, made by the first write (copy on write), with its maximum cached until
 * a write may change it. A greedy load ({@link #loadArgmax}) also caches the first index of the
 * maximum, and at a non-zero offset defers the copy to the first read or write: a greedy step that
 * reads nothing else never copies.
 */
final class DenseRow {
    private final int vocabSize;
    private final Kernels kernels;
    private final float[] copy;
    private float[] borrowed;
    /** A caller's row at a non-zero offset whose copy is deferred (greedy load), else null. */
    private float[] deferred;
    private int deferredOffset;
    private float max;
    private boolean maxValid;
    /** The first index of the max, from a greedy load, while the row is unchanged; else -1. */
    private int argmax = -1;
    /** The value at {@link #argmax} (its own zero sign, which the cached max may not have). */
    private float argmaxValue;

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
        forget();
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
        forget();
        return validated(kernels.copyMasked(logits, offset, copy, vocabSize, mask), logits, offset);
    }

    /**
     * As {@link #load} without a copy, in one pass that also finds the first index of the max
     * ({@link Kernels#argmaxChecked}): borrowed at offset 0, else copied only when first read or
     * written. Max, index and the returned first NaN or +Inf are those of {@link #load} followed
     * by {@code indexOf(max)}.
     */
    int loadArgmax(float[] logits, int offset) {
        forget();
        int at = kernels.argmaxChecked(logits, offset, offset + vocabSize);
        if (at < 0) {
            maxValid = false;
            return firstInvalid(logits, offset);
        }
        if (logits != copy) {
            if (offset == 0) {
                borrowed = logits;
            } else {
                deferred = logits;
                deferredOffset = offset;
            }
        }
        float m = logits[at];
        // The index ties +0 with -0, the max pass returns +0 when both occur: ask it for a zero.
        max = m == 0f ? kernels.max(logits, offset, offset + vocabSize) : m;
        maxValid = true;
        argmax = at - offset;
        argmaxValue = m;
        return -1;
    }

    /** Holds no row: the step went sparse while loading ({@link Candidates#loadBest}). */
    void clear() {
        forget();
        maxValid = false;
    }

    private void forget() {
        borrowed = null;
        deferred = null;
        argmax = -1;
    }

    /** Caches {@code m} as the max when it is below +Inf, else finds the first NaN or +Inf. */
    private int validated(float m, float[] logits, int offset) {
        max = m;
        maxValid = m < Float.POSITIVE_INFINITY;
        if (maxValid) {
            return -1;
        }
        return firstInvalid(logits, offset);
    }

    private int firstInvalid(float[] logits, int offset) {
        for (int i = 0; i < vocabSize; i++) {
            if (!(logits[offset + i] < Float.POSITIVE_INFINITY)) {
                return i;
            }
        }
        throw new AssertionError("the load reported a NaN or +Inf but no value is one");
    }

    /** The set's own row, for a caller that fills it and then loads it, with no second copy. */
    float[] own() {
        return copy;
    }

    /** The row to read: the caller's while borrowed. */
    float[] read() {
        if (deferred != null) {
            System.arraycopy(deferred, deferredOffset, copy, 0, vocabSize);
            deferred = null;
        }
        return borrowed != null ? borrowed : copy;
    }

    /** The row to write: copies a borrowed or deferred row first; the cached max and index are dropped. */
    float[] write() {
        float[] row = read();
        if (row != copy) {
            System.arraycopy(row, 0, copy, 0, vocabSize);
            borrowed = null;
        }
        maxValid = false;
        argmax = -1;
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
        argmax = -1;
    }

    float max() {
        if (!maxValid) {
            max = kernels.max(read(), 0, vocabSize);
            maxValid = true;
        }
        return max;
    }

    /** The first index of the max found by {@link #loadArgmax}, while the row is unchanged; else -1. */
    int argmax() {
        return argmax;
    }

    /** {@code read()[i]}, without copying a deferred row when i is the cached argmax (greedy's temperature 0 asks for it). */
    float valueAt(int i) {
        return i == argmax ? argmaxValue : read()[i];
    }

    /** Forgets the caller's row. */
    void release() {
        borrowed = null;
        deferred = null;
    }
}
