package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.kernel.FastExp;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.ReductionOrder;

/**
 * The inverse-CDF walk over a dense row, restricted to the tokens ranked before a bound (all of
 * them with {@link #ALL}): block sums (already in {@code Scratch.blockSums()}) find the block,
 * sub-block sums of {@value #SUB_BLOCK} find the sub-block, and only that is walked token by token.
 * Every level's sums come from the kernels, so both twins walk to the same token.
 */
final class DenseWalk {
    /** A bound with nothing ranked at or above it by value: every finite token is "before" it. */
    static final float ALL = Float.NEGATIVE_INFINITY;
    static final int SUB_BLOCK = 128;

    private DenseWalk() {
    }

    /**
     * The token at cumulative weight {@code target} among the tokens ranked before
     * {@code (bound, boundId)}, weights {@code exp((x - max) * scale)}; the block sums must have
     * been computed for the same restriction.
     */
    static int find(Candidates c, float[] x, float max, float scale, double target, float bound, int boundId) {
        Kernels k = c.kernels();
        int n = c.vocabSize();
        double[] blocks = c.scratch().blockSums();
        boolean masked = bound != ALL;
        double before = 0.0;
        int block = 0;
        int lastBlock = (n - 1) / ReductionOrder.BLOCK;
        while (block < lastBlock && before + blocks[block] <= target) {
            before += blocks[block++];
        }
        int start = block * ReductionOrder.BLOCK;
        int end = Math.min(n, start + ReductionOrder.BLOCK);
        int sub = start;
        while (sub + SUB_BLOCK < end) {
            double w = masked ? k.expSumBefore(x, sub, sub + SUB_BLOCK, max, scale, bound, boundId)
                    : k.expSum(x, sub, sub + SUB_BLOCK, max, scale);
            if (before + w > target) {
                break;
            }
            before += w;
            sub += SUB_BLOCK;
        }
        int at = walk(x, sub, n, max, scale, target, before, bound, boundId);
        // Rounding left the walk short: the last token with weight, from the start.
        return at >= 0 ? at : walk(x, 0, n, max, scale, Double.POSITIVE_INFINITY, 0.0, bound, boundId);
    }

    /**
     * From position {@code from}, adds the weights of the tokens ranked before the bound to
     * {@code before} and returns the first position where the running sum exceeds {@code target};
     * if none does (rounding), the last position with a positive weight, or -1. Also the walk of a
     * sparse set, with {@link #ALL}.
     */
    static int walk(float[] x, int from, int n, float max, float scale, double target, double before,
            float bound, int boundId) {
        double cumulative = before;
        int last = -1;
        for (int i = from; i < n; i++) {
            float v = x[i];
            if (!(v > bound || v == bound && i < boundId)) {
                continue;
            }
            double w = FastExp.weight(v, max, scale);
            if (w > 0) {
                cumulative += w;
                last = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return last;
    }
}
