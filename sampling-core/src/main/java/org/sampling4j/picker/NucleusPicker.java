package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Nucleus;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.kernel.Envelope;
import org.sampling4j.kernel.FastExp;
import org.sampling4j.kernel.Kernels;

/**
 * Samples a pending top-p cut ({@link Nucleus}) of a dense row by rejection, without finding the nucleus boundary
 * (after FlashInfer's pivot-based top-p sampling).
 *
 * <p>Round r draws token j from the distribution at the final temperature restricted to the tokens
 * ranked before the pivot (all tokens in round 0), with rounds {@code r * EnvelopeDraw.SLOT} on of
 * the sample's draw index ({@link EnvelopeDraw}, an exact draw). j is in the nucleus iff the mass
 * ranked before it, at the cut's temperature, is below {@code topP * W}, or fewer than
 * {@code minKeep} tokens rank before it: then it is returned. Otherwise j and everything ranked
 * after it lie outside the nucleus, j becomes the pivot, and the next round draws again. Rejection
 * from a restriction that always contains the nucleus leaves exactly the nucleus distribution
 * (each accepted token with probability {@code w_j / W_nucleus}).
 *
 * <p><b>Two temperatures.</b> The envelope is taken at the flatter of the cut's and the draw's
 * temperatures. When the draw is sharper (a lower temperature follows top-p, llama.cpp's order),
 * the proposals come from the cut's envelope and are accepted with probability
 * {@code w_final / (BELOW e_cut) <= 1}, which thins them to the final distribution in the same
 * test, and the cut's envelope total bounds {@code topP * W}. Otherwise the envelope is the draw's,
 * and W at the cut's temperature is summed exactly once when it differs.
 *
 * <p><b>Cost.</b> Round 0: one envelope pass over V (about half an exp-sum pass); the membership
 * test visits the tokens ranked before j (one SIMD scan that also sums their weights while there
 * are few, else one masked exp-sum pass) and decides from the envelope's bounds on
 * {@code topP * W} (within 0.4%), summing W exactly only when j's preceding mass falls between
 * them. Each rejection costs one masked envelope pass more; at most {@value #MAX_ROUNDS} rounds,
 * after which the cut is carried out and sampled as a set (same distribution, rare).
 */
final class NucleusPicker {
    static final int MAX_ROUNDS = 16;
    /** Up to this many tokens ranked before j, their mass is summed token by token. */
    static final int DIRECT_SUM_LIMIT = 2048;

    private NucleusPicker() {
    }

    static int pick(Candidates c, SequenceView state, Nucleus nucleus) {
        Kernels k = c.kernels();
        float[] x = c.denseValues();
        int n = c.vocabSize();
        float max = c.max();
        float scale = c.inverseTemperature();
        float cutScale = nucleus.scale();
        float drawScale = Math.min(cutScale, scale); // the flatter one: its envelope bounds both weights
        float[] envelope = c.scratch().envelopeBlockSums();
        float bound = DenseWalk.ALL;
        int boundId = Integer.MAX_VALUE;
        double total = k.envelopeBlocks(x, 0, n, max, drawScale, bound, boundId, envelope);
        double low;
        double high;
        if (drawScale == cutScale) {
            low = nucleus.mass() * Envelope.lowerTotal(total);
            high = nucleus.mass() * Envelope.upperTotal(total);
        } else {
            low = nucleus.mass() * k.expSumBlocks(x, 0, n, max, cutScale, c.scratch().cutBlockSums());
            high = low;
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round > 0) {
                total = k.envelopeBlocks(x, 0, n, max, drawScale, bound, boundId, envelope);
            }
            int j = EnvelopeDraw.draw(c, state, x, n, max, drawScale, scale, bound, boundId, total,
                    round * EnvelopeDraw.SLOT);
            if (inNucleus(c, x, max, cutScale, j, low, high, nucleus)) {
                return j;
            }
            bound = x[j];
            boundId = j;
        }
        c.materialize();
        // Past every round the proposals could have used: their uniforms decided the rejections.
        return InverseCdfPicker.pick(c, state, MAX_ROUNDS * EnvelopeDraw.SLOT);
    }

    /**
     * Whether token j is in the nucleus: fewer than {@code minKeep} tokens, or less than the target
     * mass {@code topP * W} at the cut's temperature, rank before it, where the target is known to
     * lie in {@code [low, high]} (equal when it is known exactly). The tokens ranked before j (a
     * typical draw is near the top) are visited through the SIMD scan for values at least x[j],
     * counting and summing as it goes; past {@value #DIRECT_SUM_LIMIT} of them the mass comes from one
     * masked exp-sum pass instead. Only a mass in {@code [low, high)} pays for the exact W
     * ({@code expSumBlocks}, the sum the exact test has always used), so the answer is the exact
     * test's whatever the bounds.
     */
    static boolean inNucleus(Candidates c, float[] x, float max, float cutScale, int j, double low, double high,
            Nucleus nucleus) {
        Kernels k = c.kernels();
        int n = c.vocabSize();
        int minKeep = nucleus.minKeep();
        float v = x[j];
        float atLeast = Math.nextDown(v); // for finite v: x > nextDown(v) iff x >= v
        int rank = 0;
        double mass = 0.0;
        // Ranked before j: x >= v below j, x > v above it; visited in index order.
        for (int i = k.nextAbove(x, 0, j, atLeast); i >= 0 && rank <= DIRECT_SUM_LIMIT; i = k.nextAbove(x, i + 1, j, atLeast)) {
            rank++;
            mass += FastExp.weight(x[i], max, cutScale);
        }
        for (int i = k.nextAbove(x, j + 1, n, v); i >= 0 && rank <= DIRECT_SUM_LIMIT; i = k.nextAbove(x, i + 1, n, v)) {
            rank++;
            mass += FastExp.weight(x[i], max, cutScale);
        }
        if (rank <= DIRECT_SUM_LIMIT) {
            if (rank < minKeep) {
                return true;
            }
        } else {
            if (minKeep > DIRECT_SUM_LIMIT) {
                rank = k.countAtLeast(x, 0, j, v) + k.countAtLeast(x, j + 1, n, Math.nextUp(v));
                if (rank < minKeep) {
                    return true;
                }
            }
            mass = k.expSumBefore(x, 0, n, max, cutScale, v, j);
        }
        if (mass < low) {
            return true;
        }
        if (mass >= high) {
            return false;
        }
        return mass < nucleus.mass() * k.expSumBlocks(x, 0, n, max, cutScale, c.scratch().cutBlockSums());
    }
}
