package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.internal.SortKeys;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.internal.Canonical;
import org.sampling4j.internal.Range;

/**
 * Mirostat (1.0): estimates the Zipf exponent of the distribution from its top m tokens and
 * picks the top-k that makes the expected surprise {@code mu}, steering {@code mu} toward
 * {@code tau} after every token.
 *
 * <p><b>Formula.</b> with the set's logits sorted descending, {@code t_i = ln((i+2)/(i+1))},
 * {@code b_i = ln(p_i / p_{i+1}) = (x_i - x_{i+1}) / T} for {@code i < m - 1}:
 * {@code s = sum t_i b_i / sum t_i^2}, {@code e = s - 1},
 * {@code k = ((e 2^mu) / (1 - V^-e))^(1/s)}, at least 1; keep the top k (ties to the lower id),
 * draw (inverse CDF), and update {@code mu <- mu - eta (-log2 q - tau)}, q the chosen token's
 * probability among the k. {@code mu} starts at {@code 2 tau}, in {@link SequenceView#pickerState()}.
 * <p><b>Parameters.</b> {@code tau} in [0, +Inf) (llama.cpp default 5), {@code eta} in [0, +Inf)
 * (default 0.1), both declared in {@link Mirostat}, {@code m} = 100 as in llama.cpp; V is the vocabulary size.
 * <p><b>Reference.</b> llama.cpp {@code llama_sampler_init_mirostat} (Basu et al., 2021,
 * algorithm 1). Differs: the uniform is the counter-based draw; a degenerate estimate (s not
 * positive and finite, or k not finite) keeps every token instead of producing NaN.
 * <p><b>Cost per call.</b> one selection pass of the top 100, a top-k selection and two exp-sum passes.
 * <p><b>Example.</b> a Zipf distribution p_i ~ 1/(i+1) gives s = 1 exactly.
 */
public final class MirostatV1Picker implements TokenPicker {
    /** Tokens used to estimate the Zipf exponent, as in llama.cpp. */
    public static final int M = 100;

    private final double tau;
    private final double eta;
    private final int vocabSize;

    /** @param tau [0, +Inf); @param eta [0, +Inf); @param vocabSize V, the n of the k formula */
    public MirostatV1Picker(double tau, double eta, int vocabSize) {
        this.tau = Mirostat.MIROSTAT_TAU.check(tau);
        this.eta = Mirostat.MIROSTAT_ETA.check(eta);
        this.vocabSize = Range.atLeast(1).check("vocabSize", vocabSize);
    }

    @Override
    public String name() {
        return "mirostat-v1(" + Canonical.of(tau, eta, vocabSize) + ")";
    }

    @Override
    public int pick(Candidates c, SequenceView state) {
        double mu = Mirostat.mu(state, tau);
        int finite = c.kernels().countAtLeast(c.currentValues(), 0, c.size(), -Float.MAX_VALUE);
        long k = topK(c, mu, Math.min(M, finite));
        if (k < finite) {
            Selection.keepBest(c, (int) k);
        }
        return Mirostat.drawAndSteer(c, state, mu, tau, eta);
    }

    /** The k of the formula from the best {@code m} logits, or V when the estimate degenerates. */
    private long topK(Candidates c, double mu, int m) {
        long[] best = c.scratch().sortKeys();
        int size = Selection.bestKeys(c, m, best);
        double scale = c.inverseTemperature();
        double sumTb = 0;
        double sumT2 = 0;
        for (int i = 0; i + 1 < size; i++) {
            double t = Math.log((i + 2.0) / (i + 1.0));
            double b = (SortKeys.value(best[i]) - (double) SortKeys.value(best[i + 1])) * scale;
            sumTb += t * b;
            sumT2 += t * t;
        }
        double s = sumTb / sumT2;
        double e = s - 1;
        double k = Math.pow(e * Math.pow(2, mu) / (1 - Math.pow(vocabSize, -e)), 1 / s);
        if (!(s > 0) || Double.isNaN(k) || Double.isInfinite(k)) {
            return vocabSize;
        }
        return Math.max(1, (long) Math.min(k, vocabSize));
    }
}
