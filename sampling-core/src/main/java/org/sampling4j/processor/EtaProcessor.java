package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;

/**
 * Eta sampling: epsilon sampling whose floor shrinks as the distribution's entropy grows.
 *
 * <p><b>Formula.</b> {@code eta = min(epsilon, sqrt(epsilon) * exp(-H))}, {@code H = -sum p_i ln p_i}
 * the entropy in nats; keep i iff {@code p_i >= eta}, evaluated in logit space as for
 * {@link EpsilonProcessor}. With weights {@code w_i = exp(t_i)}, {@code t_i = (x_i - x_max) / T}
 * and {@code W = sum w_i}: {@code H = ln W - (sum w_i t_i) / W}.
 * <p><b>Parameters.</b> {@link #ETA_CUTOFF epsilon} in [0, 1) (typical 3e-4 to 2e-3), 0 disables (no step
 * is added; the processor then changes nothing); {@code minKeep >= 1}.
 * <p><b>Reference.</b> HF EtaLogitsWarper (Hewitt et al., 2022). Differs: minKeep ties go to the
 * lower id, as in {@link EpsilonProcessor}.
 * <p><b>Cost per call.</b> one SIMD pass for W and the entropy ({@code Kernels.expSumWeighted}),
 * one compaction pass; O(candidates) sparse.
 * <p><b>Example.</b> a uniform row of 4 tokens has H = ln 4, so eta = min(eps, sqrt(eps) / 4).
 */
public final class EtaProcessor implements LogitsProcessor {
    /** The epsilon of the formula (HF eta_cutoff). */
    public static final Setting ETA_CUTOFF = Setting.closedOpen("etaCutoff", 0, 1).byDefault(0).offAt(0)
            .note("0 disables eta sampling");

    private final double epsilon;
    private final int minKeep;

    /** Whether a chain built from params needs this step: a positive eta; otherwise it would change nothing. */
    public static boolean enabledBy(double eta) {
        return !ETA_CUTOFF.isOff(eta);
    }

    /** @param epsilon in [0, 1) ({@link #ETA_CUTOFF}); @param minKeep {@code >= 1} ({@link TopPProcessor#MIN_KEEP}) */
    public EtaProcessor(double epsilon, int minKeep) {
        this.epsilon = ETA_CUTOFF.check(epsilon);
        this.minKeep = TopPProcessor.MIN_KEEP.check(minKeep);
    }

    @Override
    public String parameters() {
        return Canonical.of(epsilon, minKeep);
    }

    @Override
    public String name() {
        return "eta";
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    /** {@code min(epsilon, sqrt(epsilon) * exp(-entropy))}. */
    static double eta(double epsilon, double entropy) {
        return Math.min(epsilon, StrictMath.sqrt(epsilon) * StrictMath.exp(-entropy));
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (!enabledBy(epsilon)) {
            return; // the off value: nothing to remove
        }
        float max = c.max();
        if (max == Float.NEGATIVE_INFINITY) {
            return;
        }
        double[] weighted = c.scratch().sums();
        double total = c.kernels().expSumWeighted(c.currentValues(), 0, c.size(), max, c.inverseTemperature(), weighted);
        double entropy = StrictMath.log(total) - weighted[0] / total;
        Selection.keepAtLeast(c, EpsilonProcessor.logitThreshold(max, c.temperature(), total, eta(epsilon, entropy)), minKeep);
    }
}
