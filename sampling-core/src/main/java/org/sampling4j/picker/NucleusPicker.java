package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Nucleus;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.kernel.Envelope;
import org.sampling4j.kernel.FastExp;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.random.Uniforms;

/**
 * Samples a pending top-p cut ({@link Nucleus}) of a dense row by rejection, without finding the nucleus boundary
 * (after FlashInfer's pivot-based top-p sampling).
 *
 * <p>Round r draws token j from the distribution at the final temperature restricted to the tokens
 * ranked before the pivot (all tokens in round 0), with the uniform of round r of the sample's draw index. j is in the nucleus
 * iff the mass ranked before it, at the cut's temperature, is below {@code topP * W}, or fewer than
 * {@code minKeep} tokens rank before it: then it is returned. Otherwise j and everything ranked
 * after it lie outside the nucleus, j becomes the pivot, and the next round draws again. Rejection
 * from a restriction that always contains the nucleus leaves exactly the nucleus distribution
 * (each accepted token with probability {@code w_j / W_nucleus}).
 *
 * <p><b>Cost.</b> Round 0 is the full-vocabulary draw (one exp-sum pass, plus one at the cut's
 * temperature when it differs), and the membership test visits the tokens ranked before j (one
 * SIMD scan that also sums their weights while there are few), else one masked exp-sum pass. Each rejection costs one masked pass more; at most {@value #MAX_ROUNDS} rounds, after which
 * the cut is carried out and sampled as a set (same distribution, rare).
 */
final class NucleusPicker {
    static final int MAX_ROUNDS = 16;
    /** Rounds of proposal and thinning at the cut's temperature before falling back. */
    static final int THINNING_ROUNDS = 32;
    /** First round of the proposals at the final temperature (after the thinning rounds). */
    static final int FINAL_DRAWS = 2 * THINNING_ROUNDS;
    /** Up to this many tokens ranked before j, their mass is summed token by token. */
    static final int DIRECT_SUM_LIMIT = 2048;

    private NucleusPicker() {
    }

    static int pick(Candidates c, SequenceView state, Nucleus nucleus) {
        if (nucleus.scale() < c.inverseTemperature()) {
            int token = pickByThinning(c, state, nucleus);
            if (token >= 0) {
                return token;
            }
        }
        return pickAtFinalTemperature(c, state, nucleus);
    }

    /**
     * The draw is sharper than the cut (a lower temperature follows top-p, as in llama.cpp's
     * order): propose at the cut's temperature, whose sums the membership test needs anyway, and
     * keep a proposal j with probability {@code w_final(j) / w_cut(j) = exp(t_j (s_final - s_cut))},
     * at most 1 since {@code t_j <= 0}. That thins the proposal to the final distribution without a
     * second exp-sum pass. Rounds {@code 2r} and {@code 2r + 1} of the sample's draw; -1 after
     * {@value #THINNING_ROUNDS} rounds without a decision, which the caller then resolves at the
     * final temperature.
     */
    private static int pickByThinning(Candidates c, SequenceView state, Nucleus nucleus) {
        Kernels k = c.kernels();
        float[] x = c.denseValues();
        int n = c.vocabSize();
        float max = c.max();
        float scale = c.inverseTemperature();
        float cutScale = nucleus.scale();
        double total = k.expSumBlocks(x, 0, n, max, cutScale, c.scratch().blockSums());
        double target = nucleus.mass() * total;
        float bound = DenseWalk.ALL;
        int boundId = Integer.MAX_VALUE;
        int[] block = c.scratch().philoxBlock();
        for (int round = 0; round < THINNING_ROUNDS; round++) {
            double u = Uniforms.uniform(state.seed(), state.step(), c.draw(), Uniforms.round(Uniforms.STREAM_PICKER, 2 * round), block);
            int j = DenseWalk.find(c, x, max, cutScale, u * total, bound, boundId);
            double keep = FastExp.weight(x[j], max, scale) / (double) FastExp.weight(x[j], max, cutScale);
            if (Uniforms.uniform(state.seed(), state.step(), c.draw(), Uniforms.round(Uniforms.STREAM_PICKER, 2 * round + 1), block) >= keep) {
                continue;
            }
            if (inNucleus(c, x, max, cutScale, j, target, target, nucleus)) {
                return j;
            }
            bound = x[j];
            boundId = j;
            total = k.expSumBlocksBefore(x, 0, n, max, cutScale, bound, boundId, c.scratch().blockSums());
        }
        return -1;
    }

    /**
     * Proposals at the final temperature by {@link EnvelopeDraw}, proposal p with rounds from
     * {@code FINAL_DRAWS + p * EnvelopeDraw.SLOT}. When the cut's temperature is the draw's, the
     * nucleus target {@code topP * W} is only bounded by the envelope total (within 0.4%), and
     * {@link #inNucleus} pays for the exact W only for a token whose preceding mass falls between
     * the bounds.
     */
    private static int pickAtFinalTemperature(Candidates c, SequenceView state, Nucleus nucleus) {
        Kernels k = c.kernels();
        float[] x = c.denseValues();
        int n = c.vocabSize();
        float max = c.max();
        float scale = c.inverseTemperature();
        float cutScale = nucleus.scale();
        float[] envelope = c.scratch().envelopeBlockSums();
        float bound = DenseWalk.ALL;
        int boundId = Integer.MAX_VALUE;
        double total = k.envelopeBlocks(x, 0, n, max, scale, bound, boundId, envelope);
        double low;
        double high;
        if (cutScale == scale) {
            low = nucleus.mass() * Envelope.lowerTotal(total);
            high = nucleus.mass() * Envelope.upperTotal(total);
        } else {
            low = nucleus.mass() * k.expSumBlocks(x, 0, n, max, cutScale, c.scratch().cutBlockSums());
            high = low;
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round > 0) {
                total = k.envelopeBlocks(x, 0, n, max, scale, bound, boundId, envelope);
            }
            int j = EnvelopeDraw.draw(c, state, x, n, max, scale, bound, boundId, total,
                    FINAL_DRAWS + round * EnvelopeDraw.SLOT);
            if (inNucleus(c, x, max, cutScale, j, low, high, nucleus)) {
                return j;
            }
            bound = x[j];
            boundId = j;
        }
        c.materialize();
        return InverseCdfPicker.INSTANCE.pick(c, state);
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
