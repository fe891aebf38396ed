package org.sampling4j.processor;

import org.sampling4j.Candidates;
import org.sampling4j.SequenceState;
import org.sampling4j.kernel.FastExp;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.random.Uniforms;

/**
 * Samples a pending top-p cut of a dense row by rejection, without finding the nucleus boundary
 * (after FlashInfer's pivot-based top-p sampling).
 *
 * <p>Round r draws token j from the distribution at the final temperature restricted to the tokens
 * ranked before the pivot (all tokens in round 0), with the uniform of draw r. j is in the nucleus
 * iff the mass ranked before it, at the cut's temperature, is below {@code topP * W}, or fewer than
 * {@code minKeep} tokens rank before it: then it is returned. Otherwise j and everything ranked
 * after it lie outside the nucleus, j becomes the pivot, and the next round draws again. Rejection
 * from a restriction that always contains the nucleus leaves exactly the nucleus distribution
 * (each accepted token with probability {@code w_j / W_nucleus}).
 *
 * <p><b>Cost.</b> Round 0 is the full-vocabulary draw (one exp-sum pass, plus one at the cut's
 * temperature when it differs), and the membership test counts the tokens ranked before j (one
 * SIMD count) and sums their weights directly when there are few, else with one masked exp-sum
 * pass. Each rejection costs one masked pass more; at most {@value #MAX_ROUNDS} rounds, after which
 * the cut is carried out and sampled as a set (same distribution, rare).
 */
final class NucleusPicker {
    static final int MAX_ROUNDS = 16;
    /** Up to this many tokens ranked before j, their mass is summed token by token. */
    static final int DIRECT_SUM_LIMIT = 2048;

    private NucleusPicker() {
    }

    static int pick(Candidates c, SequenceState state) {
        Kernels k = c.kernels();
        float[] x = c.denseValues();
        int n = c.vocabSize();
        float max = c.max();
        float scale = c.inverseTemperature();
        float cutScale = c.nucleusScale();
        double total = k.expSumBlocks(x, 0, n, max, scale, c.blockSums());
        double cutTotal = cutScale == scale ? total : k.expSumBlocks(x, 0, n, max, cutScale, c.spareBlockSums());
        double target = c.nucleusTopP() * cutTotal;
        float bound = DenseWalk.ALL;
        int boundId = Integer.MAX_VALUE;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round > 0) {
                total = k.expSumBlocksBefore(x, 0, n, max, scale, bound, boundId, c.blockSums());
            }
            double u = Uniforms.uniform(state.seed(), state.step(), round, Uniforms.STREAM_PICKER, c.randomBlock());
            int j = DenseWalk.find(c, x, max, scale, u * total, bound, boundId);
            if (inNucleus(c, x, max, cutScale, j, target)) {
                return j;
            }
            bound = x[j];
            boundId = j;
        }
        c.materialize();
        return InverseCdfPicker.INSTANCE.pick(c, state);
    }

    /** Whether token j is in the nucleus: little enough mass, or few enough tokens, rank before it. */
    static boolean inNucleus(Candidates c, float[] x, float max, float cutScale, int j, double target) {
        Kernels k = c.kernels();
        int n = c.vocabSize();
        float v = x[j];
        // Ranked before j: x >= v below j, x > v above it (for finite v, x > nextDown(v) iff x >= v).
        int below = k.countAtLeast(x, 0, j, v);
        int above = k.countAtLeast(x, j + 1, n, Math.nextUp(v));
        int rank = below + above;
        if (rank < c.nucleusMinKeep()) {
            return true;
        }
        double mass;
        if (rank <= DIRECT_SUM_LIMIT) {
            mass = 0.0;
            float atLeast = Math.nextDown(v);
            for (int i = k.nextAbove(x, 0, j, atLeast); i >= 0; i = k.nextAbove(x, i + 1, j, atLeast)) {
                mass += FastExp.weight(x[i], max, cutScale);
            }
            for (int i = k.nextAbove(x, j + 1, n, v); i >= 0; i = k.nextAbove(x, i + 1, n, v)) {
                mass += FastExp.weight(x[i], max, cutScale);
            }
        } else {
            mass = k.expSumBefore(x, 0, n, max, cutScale, v, j);
        }
        return mass < target;
    }
}
