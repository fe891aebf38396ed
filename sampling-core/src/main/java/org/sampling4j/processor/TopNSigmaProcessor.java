package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;

/**
 * Top-n-sigma: keeps the tokens whose logit is within n standard deviations of the largest.
 *
 * <p><b>Formula.</b> over the finite logits of the set (removed, {@code -Inf} tokens excluded):
 * mean {@code m}, population standard deviation {@code s}; keep i iff
 * {@code x_i >= x_max - n * s}. Temperature scales x_max and s alike, so the kept set does not
 * depend on where temperature sits in the chain.
 * <p><b>Parameters.</b> {@link #TOP_N_SIGMA n} in [0, +Inf), 0 disables (no step is added; the
 * processor then changes nothing). llama.cpp's {@code n <= 0} (disabled) maps to 0.
 * <p><b>Reference.</b> llama.cpp {@code llama_sampler_init_top_n_sigma} (Tang et al., 2024, "Top-nσ:
 * Not All Logits Are You Need"). Differs: mean and deviation are summed in double (llama.cpp: float),
 * which can move a token lying within float rounding of the threshold.
 * <p><b>Cost per call.</b> two SIMD passes ({@code Kernels.finiteMoments}: count and sum, then
 * squared deviations, in double) and one threshold compaction; no allocation.
 * <p><b>Example.</b> logits [3, 1, 0, -1]: mean 0.75, s = 1.479; n = 1 keeps x >= 1.521: token 0.
 */
public final class TopNSigmaProcessor implements LogitsProcessor {
    /** The number of standard deviations. */
    public static final Setting TOP_N_SIGMA = Setting.atLeast("topNSigma", 0).byDefault(0).offAt(0)
            .note("0 disables top-n-sigma");

    private final double n;

    /** Whether a chain built from params needs this step: a positive n; otherwise it would change nothing. */
    public static boolean enabledBy(double n) {
        return !TOP_N_SIGMA.isOff(n);
    }

    /** @param n the number of standard deviations, in [0, +Inf) ({@link #TOP_N_SIGMA}) */
    public TopNSigmaProcessor(double n) {
        this.n = TOP_N_SIGMA.check(n);
    }

    @Override
    public String name() {
        return "top-n-sigma";
    }

    @Override
    public String parameters() {
        return Canonical.of(n);
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (!enabledBy(n)) {
            return; // the off value: nothing to remove
        }
        float max = c.max();
        if (max == Float.NEGATIVE_INFINITY) {
            return;
        }
        // The kernel's mean-then-deviations passes: count, sum, sum of squared deviations.
        double[] m = c.scratch().sums();
        c.kernels().finiteMoments(c.currentValues(), 0, c.size(), m);
        double deviation = Math.sqrt(m[2] / m[0]);
        Selection.keepAtLeast(c, Selection.smallestFloatAtLeast(max - n * deviation), 1);
    }
}
