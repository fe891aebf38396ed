package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.internal.Canonical;
import org.sampling4j.kernel.FastExp;

/**
 * Mirostat 2.0: keeps the perplexity of the generated text near a target by truncating to the
 * tokens whose surprise is at most {@code mu} and steering {@code mu} after every token.
 *
 * <p><b>Formula.</b> p the softmax of the set; keep i iff {@code -log2 p_i <= mu} (at least the best
 * token); draw from the kept tokens renormalised (inverse CDF, draw j of the picker stream); with
 * {@code q} the chosen token's renormalised probability, {@code mu <- mu - eta * (-log2 q - tau)}.
 * {@code mu} starts at {@code 2 tau} and lives in {@link SequenceView#pickerState()}, so it
 * follows {@link org.sampling4j.SequenceState#rollback}.
 * <p><b>Parameters.</b> {@code tau} (target surprise, bits) in [0, +Inf), llama.cpp default 5;
 * {@code eta} (learning rate) in [0, +Inf), default 0.1 (both declared in {@link Mirostat}).
 * <p><b>Reference.</b> llama.cpp {@code llama_sampler_init_mirostat_v2} (Basu et al., 2021,
 * "Mirostat", algorithm 2). Differs: the uniform is the counter-based draw; a sequence made by
 * {@code SequenceView.resume} restarts at {@code mu = 2 tau}.
 * <p><b>Cost per call.</b> two exp-sum passes over the set and one threshold compaction.
 * <p><b>Example.</b> tau 1, mu 2: tokens with p >= 0.25 survive.
 */
public final class MirostatV2Picker implements TokenPicker {
    private final double tau;
    private final double eta;

    /** @param tau target surprise in bits, [0, +Inf); @param eta learning rate, [0, +Inf) */
    public MirostatV2Picker(double tau, double eta) {
        this.tau = Mirostat.MIROSTAT_TAU.check(tau);
        this.eta = Mirostat.MIROSTAT_ETA.check(eta);
    }

    @Override
    public String name() {
        return "mirostat-v2(" + Canonical.of(tau, eta) + ")";
    }

    @Override
    public int pick(Candidates c, SequenceView state) {
        double mu = Mirostat.mu(state, tau);
        float max = c.max();
        float scale = c.inverseTemperature();
        double total = c.kernels().expSum(c.currentValues(), 0, c.size(), max, scale);
        // -log2 p_i <= mu  <=>  (x_i - max) / T >= ln W - mu ln 2
        double bound = max + c.temperature() * (Math.log(total) - mu * Math.log(2));
        Selection.keepAtLeast(c, Selection.smallestFloatAtLeast(bound), 1);
        return Mirostat.drawAndSteer(c, state, mu, tau, eta);
    }
}
