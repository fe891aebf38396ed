package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Nucleus;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.random.Uniforms;

/**
 * Draws a token from the processed distribution, exactly in proportion to the weights.
 *
 * <p><b>Formula.</b> weights {@code w_i = exp((x_i - x_max) / T)} ({@code FastExp.weight}); uniforms
 * {@code uniform(seed, step, draw j, stream 0, round r)} (53-bit Philox doubles; j = 0 for
 * {@code Sampler.sample}, the sample index for {@code Sampler.sampleMany}). A sparse set: total
 * {@code W} summed in the canonical order, {@code u} of round 0, and the first candidate i, in the
 * set's current order, with {@code w_0 + ... + w_i > u * W} (should rounding leave the walk short,
 * the last candidate with non-zero weight). A dense row: rejection from the weights' envelope
 * ({@link EnvelopeDraw}: propose by the envelope's float block sums and one block's envelope
 * weights, accept with probability {@code w_j / (BELOW e_j)}), rounds 0, 1, 2, ...; each token
 * with probability exactly {@code w_j / W} up to double rounding. A pending top-p cut is sampled by
 * rejection too ({@link NucleusPicker}).
 * <p><b>Reference.</b> torch.multinomial / vLLM / llama.cpp {@code dist} sample the same
 * distribution with other random streams; this one is a pure function of (seed, step).
 * <p><b>Cost per call.</b> the max is known from loading the row (free on a sorted set); a dense
 * row: one envelope pass over V (about half an exp-sum pass), then per proposal one block of 2,048
 * envelope weights and one FastExp (about 1.004 proposals on average); a sparse set: O(candidates).
 */
public final class InverseCdfPicker implements TokenPicker {
    /** The one instance: the picker has no configuration. */
    public static final InverseCdfPicker INSTANCE = new InverseCdfPicker();

    private InverseCdfPicker() {
    }

    @Override
    public boolean readsCandidatesOnly() {
        return true;
    }

    @Override
    public String name() {
        return "inverse-cdf";
    }

    @Override
    public boolean samplesPendingNucleus() {
        return true;
    }

    @Override
    public int pickFromNucleus(Candidates c, SequenceView state, Nucleus nucleus) {
        return NucleusPicker.pick(c, state, nucleus);
    }

    @Override
    public int pick(Candidates c, SequenceView state) {
        return pick(c, state, 0);
    }

    /**
     * The draw with rounds from {@code firstRound} of the picker's stream: a sparse set takes round
     * {@code firstRound}, a dense row rounds {@code firstRound .. firstRound + EnvelopeDraw.SLOT - 1}.
     * A caller that has already spent rounds on this sample (the nucleus fallback) starts past them,
     * so its draw never reuses a uniform whose value an earlier rejection depended on.
     */
    static int pick(Candidates c, SequenceView state, int firstRound) {
        float max = c.max();
        float scale = c.inverseTemperature();
        float[] values = c.currentValues();
        int n = c.size();
        if (!c.isDense()) {
            double u = Uniforms.uniform(state.seed(), state.step(), c.draw(),
                    Uniforms.round(Uniforms.STREAM_PICKER, firstRound), c.scratch().philoxBlock());
            double total = c.kernels().expSum(values, 0, n, max, scale);
            return c.tokenAt(DenseWalk.walk(values, 0, n, max, scale, u * total, 0.0, DenseWalk.ALL, Integer.MAX_VALUE));
        }
        double total = c.kernels().envelopeBlocks(values, 0, n, max, scale, DenseWalk.ALL, Integer.MAX_VALUE,
                c.scratch().envelopeBlockSums());
        return EnvelopeDraw.draw(c, state, values, n, max, scale, DenseWalk.ALL, Integer.MAX_VALUE, total, firstRound);
    }
}
