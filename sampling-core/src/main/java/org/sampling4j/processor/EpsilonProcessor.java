package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;

/**
 * Epsilon sampling: keeps the tokens whose probability is at least a fixed {@code epsilon}.
 *
 * <p><b>Formula.</b> keep i iff {@code p_i >= epsilon}, with {@code p_i = exp((x_i - x_max) / T) / W},
 * evaluated in logit space as {@code x_i >= x_max + T * ln(epsilon * W)}: one exp-sum pass for W,
 * then a threshold compaction.
 * <p><b>Parameters.</b> {@link #EPSILON_CUTOFF epsilon} in [0, 1) (typical 3e-4 to 9e-4), 0 disables (no
 * step is added; the processor then changes nothing); {@code minKeep >= 1}: at least that many tokens
 * survive, best first.
 * <p><b>Reference.</b> HF EpsilonLogitsWarper (Hewitt et al., "Truncation Sampling as Language Model
 * Desmoothing", 2022). Differs: HF keeps every token tied with the minKeep-th best logit; this keeps
 * exactly minKeep, ties to the lower id.
 * <p><b>Cost per call.</b> one exp-sum pass and one compaction pass over V (dense); O(candidates)
 * sparse. No sort.
 * <p><b>Example.</b> probabilities [0.6, 0.3, 0.09, 0.01], epsilon 0.05: tokens 0, 1, 2 survive.
 *
 * @see EtaProcessor  the entropy-dependent variant
 */
public final class EpsilonProcessor implements LogitsProcessor {
    /** The probability floor (HF epsilon_cutoff). */
    public static final Setting EPSILON_CUTOFF = Setting.closedOpen("epsilonCutoff", 0, 1).byDefault(0).offAt(0)
            .note("0 disables epsilon sampling");

    private final double epsilon;
    private final int minKeep;

    /** Whether a chain built from params needs this step: a positive epsilon; otherwise it would change nothing. */
    public static boolean enabledBy(double epsilon) {
        return !EPSILON_CUTOFF.isOff(epsilon);
    }

    /** @param epsilon in [0, 1) ({@link #EPSILON_CUTOFF}); @param minKeep {@code >= 1} ({@link TopPProcessor#MIN_KEEP}) */
    public EpsilonProcessor(double epsilon, int minKeep) {
        this.epsilon = EPSILON_CUTOFF.check(epsilon);
        this.minKeep = TopPProcessor.MIN_KEEP.check(minKeep);
    }

    @Override
    public String parameters() {
        return Canonical.of(epsilon, minKeep);
    }

    @Override
    public String name() {
        return "epsilon";
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    /** The logit threshold of probability {@code floor}, given the total weight W relative to the max. */
    static float logitThreshold(float max, float temperature, double total, double floor) {
        return Selection.smallestFloatAtLeast(max + temperature * StrictMath.log(floor * total));
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
        double total = c.kernels().expSum(c.currentValues(), 0, c.size(), max, c.inverseTemperature());
        Selection.keepAtLeast(c, logitThreshold(max, c.temperature(), total, epsilon), minKeep);
    }
}
