package org.sampling4j;

import org.sampling4j.internal.LongSort;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.ReductionOrder;
import org.sampling4j.processor.TopPProcessor;

/**
 * The working set of one step, owned by a {@link Workspace}: <b>dense</b> (all V logits of the
 * working copy, ids implicit) until a truncating processor runs, then <b>sparse</b> (ids and logits
 * of the survivors, with a flag that says whether they are sorted by descending logit, ties by
 * ascending id). Later processors touch only the survivors.
 *
 * <p>Temperature is applied lazily: {@link #temperature()} is the divisor still to apply to every
 * value. Processors that only compare values (top-k, masks) ignore it; those that need
 * probabilities (top-p, min-p, the pickers) fold it into their arithmetic; those that add to or
 * scale values (penalties, bias) first call {@link #applyTemperature()}. So the default chain
 * never spends a pass over V on temperature, and processed values still equal HF's {@code x / T}.
 *
 * <p>A value of {@code -Inf} means the token is removed, in both representations. This class is a
 * toolbox for {@link LogitsProcessor} implementations; it trusts its callers.
 */
public final class Candidates {
    /** Length of {@link #histogram()}. */
    public static final int HISTOGRAM_BUCKETS = 1024;

    private final int vocabSize;
    private final Kernels kernels;
    private final float[] dense;
    private final double[] blockSums;
    private final double[] spareBlockSums;
    private boolean mayDeferTruncation;
    private boolean nucleusPending;
    private double nucleusTopP;
    private int nucleusMinKeep;
    private float nucleusScale;
    private float[] source;
    private boolean borrowed;
    private float denseMax;
    private boolean denseMaxValid;
    private int[] ids;
    private float[] values;
    private int[] scratchIds;
    private float[] scratchValues;
    private final long[] keys;
    private float[] weights;
    private final TokenCounts windowCounts = new TokenCounts();
    private final double[] histogram = new double[HISTOGRAM_BUCKETS];
    private final int[] randomBlock = new int[4];
    private int[] historyScratch = new int[64];
    private int draw;
    private final double[] sums = new double[4];
    private float[] unconditional;
    private int unconditionalOffset;

    private boolean isDense;
    private int size;
    private boolean sorted;
    private float temperature;

    Candidates(int vocabSize, Kernels kernels) {
        this.vocabSize = vocabSize;
        this.kernels = kernels;
        this.dense = new float[vocabSize];
        this.blockSums = new double[(vocabSize + ReductionOrder.BLOCK - 1) / ReductionOrder.BLOCK];
        this.spareBlockSums = new double[blockSums.length];
        this.ids = new int[vocabSize];
        this.values = new float[vocabSize];
        this.scratchIds = new int[vocabSize];
        this.scratchValues = new float[vocabSize];
        this.keys = new long[vocabSize];
    }

    /**
     * Makes the set the dense row {@code logits[offset, offset + V)} and returns the index (relative
     * to {@code offset}) of its first NaN or +Inf value, or -1. With {@code copy} the row is copied
     * into the workspace (and its maximum found) in one pass; without, the caller's array is only
     * read, and copied the first time a processor asks for {@link #writableDenseValues()}. A row at
     * a non-zero offset is always copied, since processors index the dense row by token id. Either
     * way one pass validates it and finds the max.
     */
    int load(float[] logits, int offset, boolean copy) {
        nucleusPending = false;
        draw = 0;
        isDense = true;
        size = vocabSize;
        sorted = false;
        temperature = 1f;
        float max;
        if (logits == dense) { // filled by the caller through rowForLoading(): already ours
            source = null;
            borrowed = false;
            max = kernels.max(dense, 0, vocabSize);
        } else if (copy || offset != 0) {
            source = null;
            borrowed = false;
            max = kernels.copyMax(logits, offset, dense, vocabSize);
        } else {
            source = logits;
            borrowed = true;
            max = kernels.max(logits, 0, vocabSize);
        }
        if (max < Float.POSITIVE_INFINITY) {
            denseMax = max;
            denseMaxValid = true;
            return -1;
        }
        denseMaxValid = false;
        for (int i = 0; i < vocabSize; i++) {
            if (!(logits[offset + i] < Float.POSITIVE_INFINITY)) {
                return i;
            }
        }
        throw new AssertionError("max was " + max + " but no value is NaN or +Inf");
    }

    /**
     * The workspace's own row, for a caller that fills it (from a direct buffer, say) and then
     * passes it to {@link #load}: the row is then read in place, with no second copy.
     */
    float[] rowForLoading() {
        return dense;
    }

    /** Forgets the caller's row, so the workspace holds no reference to it after a step. */
    void release() {
        source = null;
        unconditional = null;
    }

    /** The kernels every processor of this step should use. */
    public Kernels kernels() {
        return kernels;
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

    /**
     * The dense row (valid while {@link #isDense()}), index = token id, for <b>reading</b>: it may be
     * the caller's own array, which must never be written. Use {@link #writableDenseValues()} to
     * change values.
     */
    public float[] denseValues() {
        return borrowed ? source : dense;
    }

    /** The dense row for writing: copies the caller's row into the workspace first if needed. */
    public float[] writableDenseValues() {
        if (nucleusPending) {
            materialize();
            if (!isDense) {
                throw new IllegalStateException("a processor asked to write a dense row after a top-p cut");
            }
        }
        if (borrowed) {
            System.arraycopy(source, 0, dense, 0, vocabSize);
            borrowed = false;
            source = null;
        }
        denseMaxValid = false;
        return dense;
    }

    /**
     * A scratch array of at least {@code length} ints for work proportional to the history (DRY's
     * Z-function); grows on demand and is kept, so steady state allocates nothing.
     */
    public int[] historyScratch(int length) {
        if (historyScratch.length < length) {
            historyScratch = new int[Math.max(length, historyScratch.length * 2)];
        }
        return historyScratch;
    }

    /** Per-block weight sums of the dense row, filled by {@link Kernels#expSumBlocks}. */
    public double[] blockSums() {
        return blockSums;
    }

    /** A second block-sum array, for a second temperature. */
    public double[] spareBlockSums() {
        return spareBlockSums;
    }

    /**
     * Whether the processor being applied may leave its cut pending (set by the {@link Sampler}):
     * true when every later step preserves the ranking of the logits and the picker can sample a
     * pending nucleus directly.
     */
    public boolean mayDeferTruncation() {
        return mayDeferTruncation;
    }

    void setMayDeferTruncation(boolean value) {
        mayDeferTruncation = value;
    }

    /**
     * Records a top-p cut of a dense row without carrying it out: the nucleus of mass
     * {@code topP} under weights {@code exp((x - max) * scale)}, at least {@code minKeep} tokens.
     * The picker samples it by rejection without finding its boundary; {@link #materialize()}
     * carries it out for anything that needs the set itself.
     */
    public void deferNucleus(double topP, int minKeep, float scale) {
        nucleusPending = true;
        nucleusTopP = topP;
        nucleusMinKeep = minKeep;
        nucleusScale = scale;
    }

    /** Whether a deferred top-p cut is pending (the set is then dense). */
    public boolean nucleusPending() {
        return nucleusPending;
    }

    /** The pending cut's mass. */
    public double nucleusTopP() {
        return nucleusTopP;
    }

    /** The pending cut's minimum size. */
    public int nucleusMinKeep() {
        return nucleusMinKeep;
    }

    /** The pending cut's {@code 1 / T}: the temperature at which its mass is measured. */
    public float nucleusScale() {
        return nucleusScale;
    }

    /** Carries out a pending top-p cut, if any, so that the set is exactly what the chain keeps. */
    public void materialize() {
        if (nucleusPending) {
            nucleusPending = false;
            TopPProcessor.truncate(this, nucleusTopP, nucleusMinKeep, nucleusScale);
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

    /** Spare id buffer of length V, to be filled and then published with {@link #publishScratch}. */
    public int[] scratchIds() {
        return scratchIds;
    }

    /** Spare value buffer of length V, parallel to {@link #scratchIds()}. */
    public float[] scratchValues() {
        return scratchValues;
    }

    /** A scratch buffer of V longs (sort keys, heaps). */
    public long[] scratchKeys() {
        return keys;
    }

    /** A reusable counter (cleared by its user) for counts over a window of the history. */
    public TokenCounts windowCounts() {
        return windowCounts;
    }

    /** A scratch array of {@link #HISTOGRAM_BUCKETS} doubles (bucketed probability mass). */
    public double[] histogram() {
        return histogram;
    }

    /**
     * The draw index j of the sample being picked: 0 for {@link Sampler#sample}, 0..n-1 for the n
     * samples of {@link Sampler#sampleMany}. Random pickers use it as the Philox counter's draw word.
     */
    public int draw() {
        return draw;
    }

    void setDraw(int value) {
        draw = value;
    }

    /**
     * The unconditional logits row of this step for classifier-free guidance, read-only, at
     * {@link #unconditionalOffset()}; null when the caller passed none.
     */
    public float[] unconditionalRow() {
        return unconditional;
    }

    /** Where {@link #unconditionalRow()}'s V values start. */
    public int unconditionalOffset() {
        return unconditionalOffset;
    }

    void setUnconditional(float[] row, int offset) {
        unconditional = row;
        unconditionalOffset = offset;
    }

    /** A scratch array of V floats for per-token weights ({@code Kernels.weights}), apart from the other scratch arrays. */
    public float[] weightScratch() {
        if (weights == null) { // only the bucketed top-p cut needs it: most workspaces never do
            weights = new float[vocabSize];
        }
        return weights;
    }

    /** A scratch array of 4 doubles for kernels that return several sums (moments, entropy). */
    public double[] sums() {
        return sums;
    }

    /** A 4-int scratch block for Philox output, so drawing allocates nothing. */
    public int[] randomBlock() {
        return randomBlock;
    }

    /** Makes the first {@code newSize} entries of {@link #ids()} / {@link #values()} the set. */
    public void setSparse(int newSize, boolean isSorted) {
        isDense = false;
        size = newSize;
        sorted = isSorted;
    }

    /** Swaps the scratch buffers in as the set: their first {@code newSize} entries. */
    public void publishScratch(int newSize, boolean isSorted) {
        int[] i = ids;
        ids = scratchIds;
        scratchIds = i;
        float[] v = values;
        values = scratchValues;
        scratchValues = v;
        setSparse(newSize, isSorted);
    }

    /** Marks a sparse set as no longer sorted (after a value changed). */
    public void markUnsorted() {
        sorted = false;
    }

    /** The temperature still to be applied to every value (1 = none pending). */
    public float temperature() {
        return temperature;
    }

    /** Sets the pending temperature; the caller has applied any earlier one. {@code t > 0}. */
    public void setTemperature(float t) {
        temperature = t;
    }

    /** Divides every value by the pending temperature, as HF does ({@code x / T} in float). */
    public void applyTemperature() {
        float t = temperature;
        if (t == 1f) {
            return;
        }
        if (isDense) {
            float[] x = writableDenseValues();
            for (int i = 0; i < vocabSize; i++) {
                x[i] = x[i] / t;
            }
        } else {
            for (int i = 0; i < size; i++) {
                values[i] = values[i] / t;
            }
        }
        temperature = 1f;
    }

    /** {@code 1 / T}: the factor that turns value differences into log-probabilities. */
    public float inverseTemperature() {
        return 1f / temperature;
    }

    /** The largest value in the set ({@code -Inf} when every token is removed). */
    public float max() {
        if (isDense) {
            if (!denseMaxValid) {
                denseMax = kernels.max(denseValues(), 0, vocabSize);
                denseMaxValid = true;
            }
            return denseMax;
        }
        if (sorted && size > 0) {
            return values[0];
        }
        return kernels.max(values, 0, size);
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
            int n = kernels.compactAtLeast(denseValues(), vocabSize, -Float.MAX_VALUE, ids, values);
            setSparse(n, false);
        }
    }

    /** Reduces the set to the single token {@code token} with value {@code value}. */
    public void keepOnly(int token, float value) {
        ids[0] = token;
        values[0] = value;
        setSparse(1, true);
    }

    /** Sorts a sparse set by descending value, ties by ascending id. O(size log size). */
    public void sortDescending() {
        if (isDense) {
            toSparse();
        }
        if (sorted) {
            return;
        }
        sortRange(0, size);
        sorted = true;
    }

    /**
     * Sorts positions {@code [from, to)} of a sparse set by descending value, ties by ascending id,
     * leaving the rest and the sorted flag alone. O(m log m) for m = to - from.
     */
    public void sortRange(int from, int to) {
        boolean inOrder = true;
        for (int i = from; i < to; i++) {
            keys[i] = SortKeys.key(values[i], ids[i]);
            inOrder &= i == from || keys[i - 1] < keys[i];
        }
        if (inOrder) {
            return; // already sorted: typically a run of ties in ascending id order, however long
        }
        LongSort.sort(keys, from, to);
        for (int i = from; i < to; i++) {
            ids[i] = SortKeys.id(keys[i]);
            values[i] = SortKeys.value(keys[i]);
        }
    }
}
