package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Nucleus;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.random.Uniforms;

/**
 * Draws a token from the processed distribution by inverting its cumulative distribution.
 *
 * <p><b>Formula.</b> weights {@code w_i = exp((x_i - x_max) / T)}, total {@code W} summed in the
 * canonical order (on a dense row: per block of 2048, blocks added in order);
 * {@code u = uniform(seed, step, draw j, stream 0)} (53-bit Philox double; j = 0 for
 * {@code Sampler.sample}, the sample index for {@code Sampler.sampleMany}); return the first
 * candidate i, in the set's current order, with {@code w_0 + ... + w_i > u * W}, the sums before
 * the target taken from block and sub-block sums. Should rounding leave the walk short of
 * {@code u * W}, the last candidate with non-zero weight is returned. Each candidate is chosen with
 * probability {@code w_i / W} up to rounding. A pending top-p cut is sampled by rejection
 * ({@link NucleusPicker}), with rounds 0, 1, 2, ... of the same draw ({@link Uniforms#round}).
 * <p><b>Reference.</b> torch.multinomial / vLLM / llama.cpp {@code dist} sample the same
 * distribution with other random streams; this one is a pure function of (seed, step).
 * <p><b>Cost per call.</b> the max is known from loading the row (free on a sorted set), one
 * exp-sum pass, and a walk of at most one sub-block of 128 after two levels of sums: on a dense row
 * about one exp pass over V beyond the load, on a sparse set O(candidates).
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
        float max = c.max();
        float scale = c.inverseTemperature();
        float[] values = c.currentValues();
        int n = c.size();
        if (!c.isDense()) {
            double u = Uniforms.uniform(state.seed(), state.step(), c.draw(), Uniforms.STREAM_PICKER, c.scratch().philoxBlock());
            double total = c.kernels().expSum(values, 0, n, max, scale);
            return c.tokenAt(DenseWalk.walk(values, 0, n, max, scale, u * total, 0.0, DenseWalk.ALL, Integer.MAX_VALUE));
        }
        double total = c.kernels().envelopeBlocks(values, 0, n, max, scale, DenseWalk.ALL, Integer.MAX_VALUE,
                c.scratch().envelopeBlockSums());
        return EnvelopeDraw.draw(c, state, values, n, max, scale, DenseWalk.ALL, Integer.MAX_VALUE, total, 0);
    }
}
