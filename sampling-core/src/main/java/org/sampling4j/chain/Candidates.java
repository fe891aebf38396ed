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
    private final SparseSet sparse;
    private final Nucleus nucleus = new Nucleus();
    private boolean isDense;
    private float temperature;
    private int draw;
    private float[] unconditional;
    private double nextPickerState;

    private Candidates(int vocabSize, Kernels kernels) {
        this.vocabSize = vocabSize;
        this.kernels = kernels;
        this.scratch = new Scratch(vocabSize);
        this.dense = new DenseRow(vocabSize, kernels);
        this.sparse = new SparseSet(vocabSize);
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

    /**
     * As {@link #load} without a copy, finding the first largest value in the same pass
     * ({@link DenseRow#loadArgmax}): for a greedy chain whose processors neither write nor mask.
     */
    int loadArgmax(float[] logits, int offset, float[] unconditionalRow) {
        reset(unconditionalRow);
        return dense.loadArgmax(logits, offset);
    }

    /**
     * Loads the row straight into the sparse set of its {@code k} best tokens outside
     * {@code history}, plus the history's tokens, without copying it ({@link Selection#loadBest}):
     * for a chain whose first steps fuse before a {@link BestKCut} (penalties, temperature) and the cut. Returns the
     * index of the row's first NaN or +Inf, or -1.
     */
    int loadBest(float[] logits, int offset, int k, TokenCounts history, float[] unconditionalRow) {
        reset(unconditionalRow);
        dense.clear();
        return Selection.loadBest(this, logits, offset, k, history);
    }

    /**
     * The token of the dense row's first largest value when loading found it and the row has not
     * changed since, else -1 (also when sparse).
     */
    int knownArgmax() {
        return isDense ? dense.argmax() : -1;
    }

    private void reset(float[] unconditionalRow) {
        nucleus.clear();
        isDense = true;
        sparse.set(0, false);
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

    /** The top-p cut a chain may defer to the picker, and whether one is pending. */
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
        return isDense ? vocabSize : sparse.size();
    }

    /** Whether a sparse set is sorted by descending value, ties by ascending id. */
    public boolean isSorted() {
        return !isDense && sparse.sorted();
    }

    /** The dense row (while {@link #isDense()}), index = token id, for <b>reading</b> only. */
    public float[] denseValues() {
        return dense.read();
    }

    /** The dense row for writing: copies a borrowed row into the set first. */
    public float[] writableDenseValues() {
        nucleus.checkNotPending("a processor wrote the dense row");
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
            nucleus.checkNotPending("a mask came");
            dense.mask(mask);
        } else {
            sparse.mask(mask);
        }
    }

    /** Whether a deferred top-p cut is pending (the set is then dense). */
    public boolean nucleusPending() {
        return nucleus.pending();
    }

    /** Carries out a pending top-p cut, if any, so that the set is exactly what the chain keeps. */
    public void materialize() {
        nucleus.carryOutIfPending(this);
    }

    /** Token ids of a sparse set, first {@link #size()} entries. */
    public int[] ids() {
        return sparse.ids();
    }

    /** Values of a sparse set, parallel to {@link #ids()}. */
    public float[] values() {
        return sparse.values();
    }

    /** The second id buffer (length V): fill it, then make it the set with {@link #publishNext}. */
    public int[] nextIds() {
        return sparse.nextIds();
    }

    /** The second value buffer, parallel to {@link #nextIds()}. */
    public float[] nextValues() {
        return sparse.nextValues();
    }

    /** Makes the first {@code newSize} entries of {@link #ids()} / {@link #values()} the set. */
    public void setSparse(int newSize, boolean isSorted) {
        isDense = false;
        sparse.set(newSize, isSorted);
    }

    /** Swaps the second buffers in as the set: their first {@code newSize} entries. */
    public void publishNext(int newSize, boolean isSorted) {
        sparse.swap();
        setSparse(newSize, isSorted);
    }

    /** Marks a sparse set as no longer sorted (after a value changed). */
    public void markUnsorted() {
        sparse.markUnsorted();
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
        float[] x = isDense ? writableDenseValues() : sparse.values();
        for (int i = 0, n = size(); i < n; i++) {
            x[i] = x[i] / t;
        }
        temperature = 1f;
    }

    /** The largest value in the set ({@code -Inf} when every token is removed). */
    public float max() {
        return isDense ? dense.max() : sparse.max(kernels);
    }

    /** The values array of the current representation (dense row or sparse values). */
    public float[] currentValues() {
        return isDense ? denseValues() : sparse.values();
    }

    /**
     * {@code currentValues()[i]}: the value at position i of the current representation, read
     * without copying the row when it is the argmax the load found ({@link Selection#bestPosition}).
     */
    public float valueAt(int i) {
        return isDense ? dense.valueAt(i) : sparse.values()[i];
    }

    /** The token at position i of the current representation. */
    public int tokenAt(int i) {
        return isDense ? i : sparse.ids()[i];
    }

    /** The value of {@code token}, or {@code -Inf} if it is not in the set. O(1) dense, O(size) sparse. */
    public float valueOf(int token) {
        return isDense ? denseValues()[token] : sparse.valueOf(token);
    }

    /** Turns a dense set sparse, keeping every token that is not {@code -Inf}, in id order. */
    public void toSparse() {
        materialize();
        if (isDense) {
            setSparse(kernels.compactAtLeast(denseValues(), vocabSize, -Float.MAX_VALUE, sparse.ids(), sparse.values()),
                    false);
        }
    }

    /** Reduces the set to the single token {@code token} with value {@code value}. */
    public void keepOnly(int token, float value) {
        isDense = false;
        sparse.keepOnly(token, value);
    }

    /** Sorts the set (made sparse) by descending value, ties by ascending id. O(size log size). */
    public void sortDescending() {
        toSparse();
        if (!sparse.sorted()) {
            Selection.sortRange(this, 0, sparse.size());
            sparse.set(sparse.size(), true);
        }
    }
}
