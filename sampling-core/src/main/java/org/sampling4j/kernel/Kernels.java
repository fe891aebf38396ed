package org.sampling4j.kernel;

/**
 * The passes over a logits row that the chain is built from. Implementations are stateless and
 * trust their arguments: the public API validates lengths and ranges before calling them.
 *
 * <p>Every implementation must give bit-identical results: sums follow {@link ReductionOrder} and
 * exponentials use {@link FastExp}, so a seed picks the same token whichever twin runs.
 */
public interface Kernels {

    /** Name of the implementation, as accepted by {@code -Dsampling4j.kernels}. */
    String name();

    /**
     * Copies {@code n} values from {@code src[srcOffset..]} into {@code dst[0..n)} and returns their
     * maximum, as {@link #max} would: NaN if any value is NaN, else {@code +Inf} if any is.
     */
    float copyMax(float[] src, int srcOffset, float[] dst, int n);

    /**
     * {@link #copyMax} under a token mask: token j is kept iff bit {@code j % 32} of
     * {@code mask[j / 32]} is 1 (the layout of XGrammar and llguidance), and a token not kept is
     * written as {@code -Inf}. Returns the largest kept value ({@code -Inf} if none), except that a
     * NaN or {@code +Inf} anywhere in the source, kept or not, is returned as such: the row is
     * validated whatever the mask says.
     */
    float copyMasked(float[] src, int srcOffset, float[] dst, int n, int[] mask);

    /**
     * The first largest value's index among the tokens of {@code x[0..n)} that {@code mask} keeps
     * (the layout of {@link #copyMasked}), -1 when it keeps none, -2 when the row holds a NaN or
     * {@code +Inf} anywhere (the row is validated whatever the mask says): greedy decoding under a
     * grammar in one pass, without writing the row.
     */
    int maskedArgmax(float[] x, int n, int[] mask);

    /**
     * Largest value of {@code x[from..to)}; {@code -Inf} when the range is empty or all {@code -Inf};
     * NaN if any value is NaN (so one pass both finds the maximum and validates a row).
     */
    float max(float[] x, int from, int to);

    /** Index of the first largest value of {@code x[from..to)} (ties to the lowest index). */
    int argmax(float[] x, int from, int to);

    /**
     * Greedy decoding's load in one read of the row: the first {@code i} in {@code [from, to)}
     * ({@code from < to}) with {@code x[i] == max(x, from, to)} (ties to the lowest index; +0 and
     * -0 are equal, as for {@link #indexOf}; {@code from} when every value is {@code -Inf}), or -1
     * when some value is NaN or {@code +Inf}, which the caller then locates (the row is validated
     * as {@link #max} validates it). Equal to {@code indexOf(x, from, to, max(x, from, to))} on
     * every row without NaN or {@code +Inf}.
     */
    int argmaxChecked(float[] x, int from, int to);

    /** The first {@code i} in {@code [from, to)} with {@code x[i] == value}, or -1. */
    int indexOf(float[] x, int from, int to, float value);

    /**
     * The first {@code i} in {@code [from, to)} with {@code x[i] > threshold}, or -1: the scan of a
     * streaming selection, which does scalar work only on the hits it returns.
     */
    int nextAbove(float[] x, int from, int to, float threshold);

    /**
     * The first {@code i} in {@code [from, to)} with {@code !(x[i] <= threshold)}, or -1: a value
     * above the threshold, or a NaN. The scan of a streaming selection that also validates the row
     * it reads (a NaN or {@code +Inf} is always a hit, whatever the threshold below {@code +Inf}).
     */
    int nextNotAtMost(float[] x, int from, int to, float threshold);

    /** Number of {@code i} in {@code [from, to)} with {@code x[i] >= threshold}. */
    int countAtLeast(float[] x, int from, int to, float threshold);

    /**
     * Writes {@code dst[i] = src[i] / divisor} for {@code i} in {@code [0, n)} (a plain copy when the
     * divisor is 1, where the quotient is the value) and returns how many {@code src[i]} are at
     * least {@code -Float.MAX_VALUE}: the finite (kept) tokens, counted before the division. One
     * pass where a processed row's write-out took a copy and a count.
     */
    int copyDividedCountFinite(float[] src, float[] dst, int n, float divisor);

    /**
     * Writes the index and value of every {@code x[i] >= threshold}, {@code i} in {@code [0, n)},
     * in increasing index order, into {@code ids} and {@code values}, which hold at least {@code n}
     * entries: an implementation may write any entry below {@code n}, and the entries from the
     * returned count on are unspecified (a branch-free compaction writes every token at the next
     * free position). {@code values} may be {@code x} itself (in-place compaction).
     *
     * @return how many were written
     */
    int compactAtLeast(float[] x, int n, float threshold, int[] ids, float[] values);

    /**
     * {@code sum exp((x[i] - shift) * scale)} over {@code [from, to)}, in the canonical order of
     * {@link ReductionOrder}, each term the float {@link FastExp#weight} added in double;
     * {@code -Inf} values contribute 0.
     * {@code shift} is normally the maximum, so every exponent is at most 0.
     */
    double expSum(float[] x, int from, int to, float shift, float scale);

    /**
     * Splits {@code [from, to)} into blocks of {@link ReductionOrder#BLOCK} elements (the last one
     * shorter), writes each block's {@link #expSum} into {@code blockSums[b]}, and returns their
     * sum taken in block order. An inverse-CDF walk then skips whole blocks instead of walking V.
     */
    default double expSumBlocks(float[] x, int from, int to, float shift, float scale, double[] blockSums) {
        double total = 0;
        int b = 0;
        for (int start = from; start < to; start += ReductionOrder.BLOCK, b++) {
            blockSums[b] = expSum(x, start, Math.min(to, start + ReductionOrder.BLOCK), shift, scale);
            total += blockSums[b];
        }
        return total;
    }

    /**
     * As {@link #expSum}, and also writes into {@code weighted[0]} the sum of {@code w_i * t_i},
     * {@code t_i = (x[i] - shift) * scale} in float and {@code w_i} its weight, multiplied in double;
     * terms whose weight is 0 ({@code -Inf} values, underflow) add 0. Both sums follow the canonical
     * order. With {@code W} the returned sum, the distribution's entropy in nats is
     * {@code ln W - weighted[0] / W} (dynamic temperature, eta, typical-p).
     */
    double expSumWeighted(float[] x, int from, int to, float shift, float scale, double[] weighted);

    /**
     * Writes each weight {@code out[i] = FastExp.weight(x[i], shift, scale)} for {@code i} in
     * {@code [from, to)} (same positions), 0 for {@code -Inf}: per-token weights for a pass that needs
     * them one by one (typical-p's quantile), at SIMD speed.
     */
    void weights(float[] x, int from, int to, float shift, float scale, float[] out);

    /**
     * Classifier-free guidance's mix, in float, in place on {@code x[0, n)} with the row
     * {@code u[uFrom, uFrom + n)}: {@code a = x[i] - xNorm}, {@code b = u[uFrom + i] - uNorm},
     * {@code x[i] = scale * (a - b) + b} (HF's form). A {@code -Inf} in x stays; a {@code -Inf} in u
     * makes the result {@code -Inf} (the caller rejects that case for scales above 1).
     */
    void guidanceMix(float[] x, int n, float scale, float xNorm, float[] u, int uFrom, float uNorm);

    /**
     * Moments of the finite values ({@code != -Inf}) of {@code x[from..to)}: their count into
     * {@code out[0]}, their sum into {@code out[1]} (floats added in double), and the sum of their
     * squared deviations from the mean {@code out[1] / out[0]} into {@code out[2]}, each in the
     * canonical order (two passes). All three are 0 when no value is finite.
     */
    void finiteMoments(float[] x, int from, int to, double[] out);

    /**
     * As {@link #expSum}, over only the elements ranked before {@code (bound, boundId)} in the
     * order "larger value first, then lower index": {@code x[i] > bound}, or {@code x[i] == bound}
     * and {@code i < boundId}. The others contribute 0 at their place in the canonical order.
     */
    double expSumBefore(float[] x, int from, int to, float shift, float scale, float bound, int boundId);

    /** As {@link #expSumBlocks}, over only the elements ranked before {@code (bound, boundId)}. */
    default double expSumBlocksBefore(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            double[] blockSums) {
        double total = 0;
        int b = 0;
        for (int start = from; start < to; start += ReductionOrder.BLOCK, b++) {
            blockSums[b] = expSumBefore(x, start, Math.min(to, start + ReductionOrder.BLOCK), shift, scale, bound, boundId);
            total += blockSums[b];
        }
        return total;
    }

    /**
     * Adaptive-p's reshaping, in place on {@code x[0, n)}, in float: for every {@code x[i] != -Inf},
     * {@code d = |(weights[i] * weightScale - center) * inverseWidth|} and
     * {@code x[i] = peak - sharpness * d * d / (1 + d)} (that order of operations, no fused
     * multiply-add, so both twins give the same bits); {@code -Inf} stays. {@code weights} is only read.
     */
    void adaptivePLogits(float[] x, int n, float[] weights, float weightScale, float center, float inverseWidth,
            float peak, float sharpness);

    /**
     * Splits {@code [from, to)} into blocks of {@link ReductionOrder#BLOCK} elements (the last one
     * shorter) and writes into {@code blockSums[b]} each block's float sum, in the canonical order,
     * of {@link Envelope#weight} over the tokens ranked before {@code (bound, boundId)} (larger value
     * first, then lower index; every token with {@code bound = -Inf, boundId = Integer.MAX_VALUE});
     * the others add 0 at their place. Returns the block sums' total, added in double in block order.
     * {@code shift} must be at least every value (the row's maximum). The proposal pass of
     * rejection sampling: about half the cost of {@link #expSumBlocks}.
     */
    double envelopeBlocks(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            float[] blockSums);

    /**
     * Writes {@code out[i - from]} = {@link Envelope#weight}{@code (x[i], shift, scale)} for each
     * {@code i} in {@code [from, to)} ranked before {@code (bound, boundId)}, 0 for the others: one
     * block's envelope for the proposal's walk.
     */
    void envelopeWeights(float[] x, int from, int to, float shift, float scale, float bound, int boundId, float[] out);
}
