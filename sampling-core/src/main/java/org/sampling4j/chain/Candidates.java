package org.sampling4j.chain;

import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.KernelsProvider;

/**
 * The working set of one step: <b>dense</b> (all V logits, ids implicit) until a truncating
 * processor runs, then <b>sparse</b> (ids and logits of the survivors, with a flag that says
 * whether they are sorted by descending logit, ties by ascending id). Later processors touch only
 * the survivors. A value of {@code -Inf} means the token is removed, in both representations.
 *
 * <p>Temperature is applied lazily: {@link #temperature()} is the divisor still to apply to every
 * value. Processors that only compare values (top-k, masks) ignore it; those that need
 * probabilities (top-p, min-p, the pickers) fold it into their arithmetic; those that add to or
 * scale values (penalties, bias) first call {@link #applyTemperature()}. So the default chain
 * never spends a pass over V on temperature, and processed values still equal HF's {@code x / T}.
 *
 * <p>The dense row may be the caller's own array, borrowed for reading; the first
 * {@link #writableDenseValues()} copies it. Memory beyond the set lives in {@link #scratch()}.
 * This class trusts its callers (the processors and pickers of this module, or yours).
 */
public final class Candidates {
    private final int vocabSize;
    private final Kernels kernels;
    private final Scratch scratch;
    private final DenseRow dense;
    private final Nucleus nucleus = new Nucleus();
    private boolean nucleusPending;
    private int[] ids;
    private float[] values;
    private int[] nextIds;
    private float[] nextValues;
    private boolean isDense;
    private int size;
    private boolean sorted;
    private float temperature;
    private int draw;
    private float[] unconditional;
    private double nextPickerState;

    private Candidates(int vocabSize, Kernels kernels) {
        this.vocabSize = vocabSize;
        this.kernels = kernels;
        this.scratch = new Scratch(vocabSize);
        this.dense = new DenseRow(vocabSize, kernels);
        this.ids = new int[vocabSize];
        this.values = new float[vocabSize];
        this.nextIds = new int[vocabSize];
        this.nextValues = new float[vocabSize];
    }

    /**
     * A working set for {@code vocabSize} tokens on the kernels twin {@code kernels}
     * ({@code auto}, {@code scalar} or {@code panama}): what a workspace holds, about 20 bytes per
     * token.
     */
    public static Candidates create(int vocabSize, String kernels) {
        if (vocabSize < 1) {
            throw new IllegalArgumentException("vocabSize = " + vocabSize + " is outside [1, 2147483647]");
        }
        return new Candidates(vocabSize, KernelsProvider.named(kernels));
    }

    /**
     * Makes the set the dense row {@code logits[offset, offset + V)}, copied now or borrowed until
     * the first write ({@link DenseRow#load}); returns the index of its first NaN or +Inf, or -1.
     */
    int load(float[] logits, int offset, boolean copy, float[] unconditionalRow) {
        reset(unconditionalRow);
        return dense.load(logits, offset, copy);
    }

    /** As {@link #load} then {@link #applyMask}, in one pass over the row. */
    int loadMasked(float[] logits, int offset, int[] mask, float[] unconditionalRow) {
        reset(unconditionalRow);
        return dense.loadMasked(logits, offset, mask);
    }

    private void reset(float[] unconditionalRow) {
        nucleusPending = false;
        isDense = true;
        size = vocabSize;
        sorted = false;
        temperature = 1f;
        draw = 0;
        unconditional = unconditionalRow;
    }

    /** The set's own row, for a caller that fills it (from a direct buffer) and then loads it with no second copy. */
    public float[] rowForLoading() {
        return dense.own();
    }

    /** Forgets the caller's rows, so a workspace keeps no reference to them after a step. */
    void release() {
        dense.release();
        unconditional = null;
    }

    void defer(DeferrableCut cut) {
        nucleus.set(cut, inverseTemperature());
        nucleusPending = true;
    }

    Nucleus nucleus() {
        return nucleus;
    }

    void setDraw(int value) {
        draw = value;
        nextPickerState = Double.NaN;
    }

    /** The kernels every processor of this step should use. */
    @SuppressWarnings("exports") // the kernels are internal: for this module's own processors
    public Kernels kernels() {
        return kernels;
    }

    /** The step's scratch buffers. */
    public Scratch scratch() {
        return scratch;
    }

    /** V, the vocabulary size. */
    public int vocabSize() {
        return vocabSize;
    }

    /** Whether the set is still the dense row of all V tokens. */
    public boolean isDense() {
        return isDense;
    }

    /** V when dense, else the number of survivors (some may be {@code -Inf}). */
    public int size() {
        return size;
    }

    /** Whether a sparse set is sorted by descending value, ties by ascending id. */
    public boolean isSorted() {
        return sorted;
    }

    /** The dense row (while {@link #isDense()}), index = token id, for <b>reading</b> only. */
    public float[] denseValues() {
        return dense.read();
    }

    /** The dense row for writing: copies a borrowed row into the set first. */
    public float[] writableDenseValues() {
        if (nucleusPending) {
            throw new IllegalStateException("a processor wrote the dense row after a deferred top-p cut; "
                    + "it must not answer preservesRanking() = true");
        }
        return dense.write();
    }

    /**
     * Removes every token whose bit in {@code mask} is 0 (bit {@code j % 32} of word {@code j / 32},
     * the layout of XGrammar and llguidance; {@code mask.length >= ceil(V / 32)}): one fused pass
     * over a dense row (copy, mask, max), or a walk over a sparse set's survivors.
     */
    public void applyMask(int[] mask) {
        if (mask.length < (vocabSize + 31) / 32) {
            throw new IllegalArgumentException("mask.length = " + mask.length + " but " + vocabSize
                    + " tokens need " + (vocabSize + 31) / 32 + " words");
        }
        if (isDense) {
            if (nucleusPending) {
                throw new IllegalStateException("a mask came after a deferred top-p cut; "
                        + "it must not answer preservesRanking() = true");
            }
            dense.mask(mask);
            return;
        }
        for (int i = 0; i < size; i++) {
            int t = ids[i];
            if ((mask[t >>> 5] >>> (t & 31) & 1) == 0 && values[i] != Float.NEGATIVE_INFINITY) {
                values[i] = Float.NEGATIVE_INFINITY;
                sorted = false;
            }
        }
    }

    /** Whether a deferred top-p cut is pending (the set is then dense). */
    public boolean nucleusPending() {
        return nucleusPending;
    }

    /** Carries out a pending top-p cut, if any, so that the set is exactly what the chain keeps. */
    public void materialize() {
        if (nucleusPending) {
            nucleusPending = false;
            nucleus.carryOut(this);
        }
    }

    /** Token ids of a sparse set, first {@link #size()} entries. */
    public int[] ids() {
        return ids;
    }

    /** Values of a sparse set, parallel to {@link #ids()}. */
    public float[] values() {
        return values;
    }

    /** The second id buffer (length V): fill it, then make it the set with {@link #publishNext}. */
    public int[] nextIds() {
        return nextIds;
    }

    /** The second value buffer, parallel to {@link #nextIds()}. */
    public float[] nextValues() {
        return nextValues;
    }

    /** Makes the first {@code newSize} entries of {@link #ids()} / {@link #values()} the set. */
    public void setSparse(int newSize, boolean isSorted) {
        isDense = false;
        size = newSize;
        sorted = isSorted;
    }

    /** Swaps the second buffers in as the set: their first {@code newSize} entries. */
    public void publishNext(int newSize, boolean isSorted) {
        int[] i = ids;
        ids = nextIds;
        nextIds = i;
        float[] v = values;
        values = nextValues;
        nextValues = v;
        setSparse(newSize, isSorted);
    }

    /** Marks a sparse set as no longer sorted (after a value changed). */
    public void markUnsorted() {
        sorted = false;
    }

    /** The draw index j of the sample being picked: 0 for one sample, 0..n-1 for n samples of one step. */
    public int draw() {
        return draw;
    }

    /** The unconditional logits row of classifier-free guidance (V values, read-only), or null. */
    public float[] unconditionalRow() {
        return unconditional;
    }

    /** Sets the value a stateful picker (mirostat's mu) carries into the next step. */
    public void setNextPickerState(double value) {
        nextPickerState = value;
    }

    /** The value set by {@link #setNextPickerState} during this pick, NaN if none. */
    public double nextPickerState() {
        return nextPickerState;
    }

    /** The temperature still to be applied to every value (1 = none pending). */
    public float temperature() {
        return temperature;
    }

    /** Sets the pending temperature; the caller has applied any earlier one. {@code t > 0}. */
    public void setTemperature(float t) {
        temperature = t;
    }

    /** {@code 1 / T}: the factor that turns value differences into log-probabilities. */
    public float inverseTemperature() {
        return 1f / temperature;
    }

    /** Divides every value by the pending temperature, as HF does ({@code x / T} in float). */
    public void applyTemperature() {
        float t = temperature;
        if (t == 1f) {
            return;
        }
        float[] x = isDense ? writableDenseValues() : values;
        for (int i = 0, n = size; i < n; i++) {
            x[i] = x[i] / t;
        }
        temperature = 1f;
    }

    /** The largest value in the set ({@code -Inf} when every token is removed). */
    public float max() {
        if (isDense) {
            return dense.max();
        }
        return sorted && size > 0 ? values[0] : kernels.max(values, 0, size);
    }

    /** The values array of the current representation (dense row or sparse values). */
    public float[] currentValues() {
        return isDense ? denseValues() : values;
    }

    /** The token at position i of the current representation. */
    public int tokenAt(int i) {
        return isDense ? i : ids[i];
    }

    /** The value of {@code token}, or {@code -Inf} if it is not in the set. O(1) dense, O(size) sparse. */
    public float valueOf(int token) {
        if (isDense) {
            return denseValues()[token];
        }
        for (int i = 0; i < size; i++) {
            if (ids[i] == token) {
                return values[i];
            }
        }
        return Float.NEGATIVE_INFINITY;
    }

    /** Turns a dense set sparse, keeping every token that is not {@code -Inf}, in id order. */
    public void toSparse() {
        materialize();
        if (isDense) {
            setSparse(kernels.compactAtLeast(denseValues(), vocabSize, -Float.MAX_VALUE, ids, values), false);
        }
    }

    /** Reduces the set to the single token {@code token} with value {@code value}. */
    public void keepOnly(int token, float value) {
        ids[0] = token;
        values[0] = value;
        setSparse(1, true);
    }

    /** Sorts the set (made sparse) by descending value, ties by ascending id. O(size log size). */
    public void sortDescending() {
        toSparse();
        if (!sorted) {
            Selection.sortRange(this, 0, size);
            sorted = true;
        }
    }
}
