package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.internal.Canonical;
import org.sampling4j.kernel.Kernels;

/**
 * Adaptive-p: reshapes the distribution toward a target probability that moves with an
 * exponential average of the probabilities of the tokens picked so far, then draws from it.
 *
 * <p><b>Formula.</b> With {@code p_i} the softmax of the candidates (at the pending temperature),
 * {@code S} the sequence's weighted sum and {@code N = 1 / (1 - decay)} its total weight (a fixed
 * point of {@code N <- 1 + decay N} from its start value, so it never changes):
 * {@code a = clamp(2 target - S / N, 0, 1)}; each finite candidate gets the new logit
 * {@code l_i = 5 - 10 d_i^2 / (1 + d_i)} with {@code d_i = |p_i - a| / 0.3} (quadratic near the
 * adapted target, linear in the tails); {@code -Inf} candidates stay removed. The token is drawn
 * from {@code softmax(l)} by inverse CDF (the same draw as {@link InverseCdfPicker}), and the next
 * weighted sum is {@code S' = p_chosen + decay S}, {@code p_chosen} being the chosen token's
 * probability <b>before</b> the transform. {@code S} starts at {@code target / (1 - decay)}, as if
 * the target had been met; it lives in {@link SequenceView#pickerState()}, so it follows
 * {@link org.sampling4j.SequenceState#rollback}.
 * <p><b>Parameters.</b> {@link #ADAPTIVE_TARGET target} in [-1, 1], negative disables (llama.cpp's
 * default -1: the plain draw); {@link #ADAPTIVE_DECAY decay} in [0, 0.99], default 0.9.
 * <p><b>Reference.</b> llama.cpp {@code llama_sampler_init_adaptive_p(target, decay, seed)} (PR
 * 17927, after MrJackSpade's Adaptive-P): its constants (peak 5, width 0.3, sharpness 10), its
 * start value, its update from the original probability, and its place: the last step, instead
 * of {@code dist} (after every truncation and temperature). Differs: the uniform is the
 * counter-based draw, not its mt19937; the float {@code total_weight} recurrence is the constant N
 * here (llama.cpp's float drifts by ulps); llama.cpp clamps a decay outside [0, 0.99] and a target
 * above 1, the core refuses them (its request mapping clamps, as llama.cpp). Greedy (temperature 0)
 * and mirostat take the pick instead, as in llama.cpp's chains; greedy does not update S.
 * <p><b>Cost per call.</b> one weights pass, one exp-sum pass and one transform pass (all SIMD:
 * the transform is {@link Kernels#adaptivePLogits}, bit-identical to {@link #transform}), then the
 * inverse-CDF draw (one exp-sum pass and a walk) over the set: on a dense row about four
 * passes over V; on a truncated set O(candidates). No allocation.
 * <p><b>Example.</b> target 0.5, S at its start: a = 0.5; a token of probability 0.5 gets logit 5,
 * one of 0.2 gets {@code d = 1, l = 5 - 10 / 2 = 0}, one of 0.05 gets {@code d = 1.5, l = 5 - 9 = -4}.
 *
 * @see MirostatV2Picker  the other picker that steers toward a target
 */
public final class AdaptivePPicker implements TokenPicker {
    /** The probability the picked tokens should average (llama.cpp adaptive_target). */
    public static final Setting ADAPTIVE_TARGET = Setting.closed("adaptiveTarget", -1, 1).byDefault(-1).offBelow(0)
            .note("negative disables adaptive-p");
    /** How slowly the average forgets (llama.cpp adaptive_decay). */
    public static final Setting ADAPTIVE_DECAY = Setting.closed("adaptiveDecay", 0, 0.99).byDefault(0.9)
            .note("the weight of the past in the average");
    static final float PEAK_LOGIT = 5f;
    static final float SHARPNESS = 10f;
    static final float INV_WIDTH = 1f / 0.3f;

    private final double target;
    private final double decay;

    /** Whether a chain built from params picks with adaptive-p: a target of at least 0. */
    public static boolean enabledBy(double target) {
        return !ADAPTIVE_TARGET.isOff(target);
    }

    /**
     * @param target in [-1, 1]; a negative one makes the picker llama.cpp's no-op, the plain draw
     *               without any state (a chain built from params then uses {@link InverseCdfPicker})
     * @param decay  in [0, 0.99]
     */
    public AdaptivePPicker(double target, double decay) {
        this.target = ADAPTIVE_TARGET.check(target);
        this.decay = ADAPTIVE_DECAY.check(decay);
    }

    @Override
    public String name() {
        return "adaptive-p(" + Canonical.of(target, decay) + ")";
    }

    /** The weighted sum S of the sequence, or its start value {@code target / (1 - decay)}. */
    double weightedSum(SequenceView state) {
        double s = state.pickerState();
        return Double.isNaN(s) ? target / (1 - decay) : s;
    }

    /** {@code clamp(2 target - S (1 - decay), 0, 1)}: the target of this step, S / N being the average. */
    static float adaptedTarget(double target, double weightedSum, double decay) {
        double a = 2 * target - weightedSum * (1 - decay);
        return (float) Math.max(0, Math.min(1, a));
    }

    /** The new logit of a token of probability {@code p}: {@code 5 - 10 d^2 / (1 + d)}, {@code d = |p - a| / 0.3}. */
    static float transform(float p, float adapted) {
        float d = Math.abs((p - adapted) * INV_WIDTH);
        return PEAK_LOGIT - SHARPNESS * d * d / (1f + d);
    }

    @Override
    public int pick(Candidates c, SequenceView state) {
        if (!enabledBy(target)) {
            return InverseCdfPicker.INSTANCE.pick(c, state); // llama.cpp's no-op at a negative target
        }
        c.materialize();
        double weightedSum = weightedSum(state);
        float adapted = adaptedTarget(target, weightedSum, decay);
        float max = c.max();
        float scale = c.inverseTemperature();
        int n = c.size();
        float[] x = c.isDense() ? c.writableDenseValues() : c.values();
        float[] weights = c.nextValues(); // free while picking: the set is x
        Kernels k = c.kernels();
        k.weights(x, 0, n, max, scale, weights);
        double total = k.expSum(x, 0, n, max, scale);
        // p_i = w_i / W in float, as llama.cpp's softmax; one reciprocal instead of a division per token.
        float inverseTotal = (float) (1.0 / total);
        // x_i = transform(w_i / W, a) for the finite x_i, as a SIMD pass (same bits as transform()).
        k.adaptivePLogits(x, n, weights, inverseTotal, adapted, INV_WIDTH, PEAK_LOGIT, SHARPNESS);
        c.setTemperature(1f); // the new logits replace the old ones and their pending temperature
        if (!c.isDense()) {
            c.markUnsorted();
        }
        int token = InverseCdfPicker.INSTANCE.pick(c, state);
        double chosen = weights[position(c, token)] / total;
        c.setNextPickerState(chosen + decay * weightedSum);
        return token;
    }

    private static int position(Candidates c, int token) {
        if (c.isDense()) {
            return token;
        }
        int[] ids = c.ids();
        for (int i = 0; i < c.size(); i++) {
            if (ids[i] == token) {
                return i;
            }
        }
        throw new AssertionError("picked token " + token + " is not in the set");
    }
}
