package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;

/**
 * Keeps the tokens whose probability is at least {@code minP} times that of the most likely token.
 *
 * <p><b>Formula.</b> keep i iff {@code p_i >= minP * p_max}, evaluated without exp in logit space as
 * {@code x_i >= x_max + T * ln(minP)}, x being the logits before the (lazily applied) temperature T.
 * <p><b>Parameters.</b> {@link #MIN_P minP} in [0, 1], 0 disables (no step is added); {@code minKeep >= 1}:
 * at least that many tokens survive, largest logits first, ties to the lower token id.
 * <p><b>Reference.</b> HF MinPLogitsWarper. Differs: minKeep ties go to the lower id (HF leaves that
 * to torch's sort); a token exactly on the threshold may differ by float rounding of the two
 * formulations. vLLM runs min-p before top-k/top-p: see {@code ChainOrder.VLLM}.
 * <p><b>Cost per call.</b> dense: one max pass and one threshold-compaction pass over V, no
 * allocation; sparse: O(candidates).
 * <p><b>Example.</b> logits [2.0, 1.0, 0.0, -3.0], T = 1, minP = 0.3: threshold = 2.0 + ln 0.3
 * = 0.796, so tokens 0 and 1 survive.
 *
 * @see TopPProcessor  the mass-based alternative
 */
public final class MinPProcessor implements LogitsProcessor {
    /** The relative probability floor. */
    public static final Setting MIN_P = Setting.closed("minP", 0, 1).byDefault(0).offAt(0).note("0 disables min-p");

    private final double minP;
    private final int minKeep;

    /** Whether a chain built from params needs this step: a positive minP; otherwise it would change nothing. */
    public static boolean enabledBy(double minP) {
        return !MIN_P.isOff(minP);
    }

    /** @param minP in [0, 1] ({@link #MIN_P}); @param minKeep {@code >= 1} ({@link TopPProcessor#MIN_KEEP}) */
    public MinPProcessor(double minP, int minKeep) {
        this.minP = MIN_P.check(minP);
        this.minKeep = TopPProcessor.MIN_KEEP.check(minKeep);
    }

    /** The relative probability floor. */
    public double minP() {
        return minP;
    }

    @Override
    public String parameters() {
        return Canonical.of(minP, minKeep);
    }

    @Override
    public String name() {
        return "min-p";
    }

    /**
     * The smallest float {@code f} such that, for every float x, {@code x >= f} iff
     * {@code x >= maxLogit + temperature * ln(minP)} in exact double arithmetic.
     */
    static float logitThreshold(float maxLogit, float temperature, double minP) {
        return Selection.smallestFloatAtLeast(maxLogit + temperature * StrictMath.log(minP));
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (minP == 0.0) {
            return;
        }
        float max = c.max();
        if (max == Float.NEGATIVE_INFINITY) {
            return;
        }
        Selection.keepAtLeast(c, logitThreshold(max, c.temperature(), minP), minKeep);
    }
}
