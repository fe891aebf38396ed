package org.sampling4j.chain;

import org.sampling4j.kernel.Kernels;

/**
 * The sparse representation of a step's working set: the ids and values of the survivors in the
 * first {@link #size()} entries of two parallel buffers, whether they are sorted (descending value,
 * ties by ascending id), and a second pair of buffers in which a processor builds the next set
 * before {@link #swap} publishes it. Every buffer holds V entries and is allocated once, with the
 * workspace. {@link Candidates} decides when the set is sparse; this class only keeps the entries.
 */
final class SparseSet {
    private int[] ids;
    private float[] values;
    private int[] nextIds;
    private float[] nextValues;
    private int size;
    private boolean sorted;

    SparseSet(int vocabSize) {
        this.ids = new int[vocabSize];
        this.values = new float[vocabSize];
        this.nextIds = new int[vocabSize];
        this.nextValues = new float[vocabSize];
    }

    int[] ids() {
        return ids;
    }

    float[] values() {
        return values;
    }

    int[] nextIds() {
        return nextIds;
    }

    float[] nextValues() {
        return nextValues;
    }

    int size() {
        return size;
    }

    boolean sorted() {
        return sorted;
    }

    /** Makes the first {@code newSize} entries of the buffers the set. */
    void set(int newSize, boolean isSorted) {
        size = newSize;
        sorted = isSorted;
    }

    /** Marks the set as no longer sorted (after a value changed). */
    void markUnsorted() {
        sorted = false;
    }

    /** Exchanges the two buffer pairs: the next buffers become the set's. */
    void swap() {
        int[] i = ids;
        ids = nextIds;
        nextIds = i;
        float[] v = values;
        values = nextValues;
        nextValues = v;
    }

    /** Sets to {@code -Inf} every survivor whose bit in {@code mask} is 0 (bit {@code j % 32} of word {@code j / 32}). */
    void mask(int[] mask) {
        for (int i = 0; i < size; i++) {
            int t = ids[i];
            if ((mask[t >>> 5] >>> (t & 31) & 1) == 0 && values[i] != Float.NEGATIVE_INFINITY) {
                values[i] = Float.NEGATIVE_INFINITY;
                sorted = false;
            }
        }
    }

    /** The value of {@code token}, or {@code -Inf} if it is not a survivor; O(size). */
    float valueOf(int token) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == token) {
                return values[i];
            }
        }
        return Float.NEGATIVE_INFINITY;
    }

    /** The largest value: the first when sorted, else one pass; {@code -Inf} for an empty set. */
    float max(Kernels kernels) {
        return sorted && size > 0 ? values[0] : kernels.max(values, 0, size);
    }

    /** Reduces the set to the single token {@code token} with value {@code value}. */
    void keepOnly(int token, float value) {
        ids[0] = token;
        values[0] = value;
        set(1, true);
    }
}
