package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.kernel.Envelope;
import org.sampling4j.kernel.FastExp;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.ReductionOrder;
import org.sampling4j.random.Uniforms;

/**
 * Draws a token of a dense row, restricted to the tokens ranked before a bound (all of them with
 * {@link DenseWalk#ALL}), exactly in proportion to its weight {@code w_j = FastExp.weight(x_j)}, by
 * rejection from the {@link Envelope}: one cheap pass over V instead of an exp-sum pass.
 *
 * <p><b>Formula.</b> With {@code B_b} the envelope's float block sums ({@code Kernels.envelopeBlocks},
 * already computed for the same restriction) and {@code E} their total, round r takes
 * {@code u = uniform(round 2r)}: block b is the one whose interval of the running block sums holds
 * {@code u E}, and its offset {@code o = (u E - B_0 - ... - B_{b-1}) (1 + BLOCK_SUM_ERROR)} picks the
 * first token j of the block whose running envelope sum (in double, index order) exceeds o; an
 * offset past the block's sum proposes nothing. Token j is proposed with probability
 * {@code e_j / (E (1 + BLOCK_SUM_ERROR))} exactly: the inflation makes every block's interval at
 * least as long as its tokens' exact sum, whatever the float rounding of {@code B_b}. It is accepted
 * when {@code uniform(round 2r + 1) * BELOW * e_j < w_j}, probability {@code w_j / (BELOW e_j) <= 1};
 * so each accepted token has probability proportional to {@code w_j}, and a proposal is accepted
 * with probability about {@code 1 / ABOVE} (99.65% or more). After {@value #ROUNDS} rounds without
 * acceptance the exact inverse-CDF walk decides, with {@code uniform(round 2 ROUNDS)}.
 *
 * <p><b>Cost.</b> The envelope pass (its caller's), then per round one block's envelope weights
 * (2,048 lanes), a walk of on average half of them, and one FastExp.
 *
 * <p>Both twins compute the same block sums and block weights to the bit, and the walk and the
 * test are scalar, so a seed picks the same token on every twin and lane width.
 */
final class EnvelopeDraw {
    /**
     * Proposals before the exact fallback: at one temperature 32 rejections in a row have
     * probability below {@code 1e-78}; a sharper target (top-p's thinning) accepts less often.
     */
    static final int ROUNDS = 32;
    /** Uniform rounds one draw may use: two per proposal and one for the fallback. */
    static final int SLOT = 2 * ROUNDS + 1;
    private static final double INFLATE = 1 + Envelope.BLOCK_SUM_ERROR;

    private EnvelopeDraw() {
    }

    /**
     * The token, with rounds {@code firstRound .. firstRound + SLOT - 1} of the picker's stream;
     * {@code total} is what {@code envelopeBlocks} returned into {@code Scratch.envelopeBlockSums()}.
     */
    static int draw(Candidates c, SequenceView state, float[] x, int n, float max, float scale, float bound, int boundId,
            double total, int firstRound) {
        return draw(c, state, x, n, max, scale, scale, bound, boundId, total, firstRound);
    }

    /**
     * As {@link #draw(Candidates, SequenceView, float[], int, float, float, float, int, double, int)}
     * with proposals from the envelope at {@code scale} and weights at {@code targetScale >= scale}
     * (a sharper temperature): acceptance {@code w_target / (BELOW e) <= 1}, since
     * {@code w_target <= w <= BELOW e} for exponents at most 0 (up to FastExp's 2 ulps, inside
     * BELOW's margin: the largest {@code w / e} is {@code 1 + 9.3e-7}), thins the proposals to the sharper
     * distribution exactly; the fallback walks the target's exact sums.
     */
    static int draw(Candidates c, SequenceView state, float[] x, int n, float max, float scale, float targetScale,
            float bound, int boundId, double total, int firstRound) {
        Kernels k = c.kernels();
        float[] blocks = c.scratch().envelopeBlockSums();
        float[] weights = c.scratch().blockWeights();
        int[] philox = c.scratch().philoxBlock();
        int lastBlock = (n - 1) / ReductionOrder.BLOCK;
        for (int round = 0; round < ROUNDS && total > 0; round++) {
            double u = Uniforms.uniform(state.seed(), state.step(), c.draw(),
                    Uniforms.round(Uniforms.STREAM_PICKER, firstRound + 2 * round), philox);
            double target = u * total;
            double before = 0;
            int b = 0;
            while (b < lastBlock && before + blocks[b] <= target) {
                before += blocks[b++];
            }
            int start = b * ReductionOrder.BLOCK;
            int end = Math.min(n, start + ReductionOrder.BLOCK);
            k.envelopeWeights(x, start, end, max, scale, bound, boundId, weights);
            int j = walk(weights, end - start, (target - before) * INFLATE);
            if (j < 0) {
                continue;
            }
            double w = FastExp.weight(x[start + j], max, targetScale);
            double a = Uniforms.uniform(state.seed(), state.step(), c.draw(),
                    Uniforms.round(Uniforms.STREAM_PICKER, firstRound + 2 * round + 1), philox);
            if (a * Envelope.BELOW * weights[j] < w) {
                return start + j;
            }
        }
        double exact = bound == DenseWalk.ALL && boundId == Integer.MAX_VALUE
                ? k.expSumBlocks(x, 0, n, max, targetScale, c.scratch().blockSums())
                : k.expSumBlocksBefore(x, 0, n, max, targetScale, bound, boundId, c.scratch().blockSums());
        double u = Uniforms.uniform(state.seed(), state.step(), c.draw(),
                Uniforms.round(Uniforms.STREAM_PICKER, firstRound + 2 * ROUNDS), philox);
        return DenseWalk.find(c, x, max, targetScale, u * exact, bound, boundId);
    }

    /** The first i whose running sum of {@code weights[0..i]} (in double) exceeds {@code offset}, or -1. */
    private static int walk(float[] weights, int length, double offset) {
        double cumulative = 0;
        for (int i = 0; i < length; i++) {
            cumulative += weights[i];
            if (cumulative > offset) {
                return i;
            }
        }
        return -1;
    }
}
