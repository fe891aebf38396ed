package org.sampling4j.chain;

import org.sampling4j.kernel.ReductionOrder;

/**
 * The scratch memory of one step, each buffer named for what it holds, owned by a workspace and
 * reused across steps so the hot path allocates nothing. Contents do not survive from one
 * processor to the next unless a comment there says so (the block sums, which the picker reuses);
 * every user fills what it reads.
 */
public final class Scratch {
    /** Length of {@link #massHistogram()}. */
    public static final int HISTOGRAM_BUCKETS = 1024;

    private final int vocabSize;
    private final double[] blockSums;
    private final double[] cutBlockSums;
    private final float[] envelopeBlockSums;
    private final float[] blockWeights = new float[ReductionOrder.BLOCK];
    private final long[] sortKeys;
    private final double[] massHistogram = new double[HISTOGRAM_BUCKETS];
    private final double[] sums = new double[4];
    private final int[] philoxBlock = new int[4];
    private final TokenCounter windowCounts = new TokenCounter();
    private float[] tokenWeights;
    private int[] historyInts = new int[64];
    private int[] maskWords;

    Scratch(int vocabSize) {
        this.vocabSize = vocabSize;
        this.blockSums = new double[(vocabSize + ReductionOrder.BLOCK - 1) / ReductionOrder.BLOCK];
        this.cutBlockSums = new double[blockSums.length];
        this.envelopeBlockSums = new float[blockSums.length];
        this.sortKeys = new long[vocabSize];
    }

    /**
     * Per-block weight sums of the dense row at the draw's temperature ({@code Kernels.expSumBlocks}),
     * which the inverse-CDF walk descends.
     */
    public double[] blockSums() {
        return blockSums;
    }

    /** Per-block sums at a truncation's own temperature (top-p's total mass, the nucleus test). */
    public double[] cutBlockSums() {
        return cutBlockSums;
    }

    /** Per-block float sums of the envelope ({@code Kernels.envelopeBlocks}): a rejection draw's proposals. */
    public float[] envelopeBlockSums() {
        return envelopeBlockSums;
    }

    /** {@code ReductionOrder.BLOCK} floats: one block's envelope weights, walked by a proposal. */
    public float[] blockWeights() {
        return blockWeights;
    }

    /** V longs: sort keys ({@link org.sampling4j.internal.SortKeys}), heaps, a bucket per token. */
    public long[] sortKeys() {
        return sortKeys;
    }

    /** {@value #HISTOGRAM_BUCKETS} doubles: probability mass per bucket of a histogram pass. */
    public double[] massHistogram() {
        return massHistogram;
    }

    /** V floats of per-token weights ({@code Kernels.weights}); allocated on first use, as few chains need it. */
    public float[] tokenWeights() {
        if (tokenWeights == null) {
            tokenWeights = new float[vocabSize];
        }
        return tokenWeights;
    }

    /**
     * {@code ceil(V / 32)} ints for a token mask (bit {@code j % 32} of word {@code j / 32}), which a
     * grammar fills each step; allocated on first use.
     */
    public int[] maskWords() {
        if (maskWords == null) {
            maskWords = new int[(vocabSize + 31) / 32];
        }
        return maskWords;
    }

    /** 4 doubles for kernels that return several sums (moments, entropy). */
    public double[] sums() {
        return sums;
    }

    /** The 4-int Philox output block, so drawing a uniform allocates nothing. */
    public int[] philoxBlock() {
        return philoxBlock;
    }

    /** A counter (cleared by its user) for counts over a window of the history. */
    public TokenCounter windowCounts() {
        return windowCounts;
    }

    /**
     * At least {@code length} ints for work proportional to the history (DRY's Z-function); grows
     * on demand and is kept, so steady state allocates nothing.
     */
    public int[] historyInts(int length) {
        if (historyInts.length < length) {
            historyInts = new int[Math.max(length, historyInts.length * 2)];
        }
        return historyInts;
    }
}
