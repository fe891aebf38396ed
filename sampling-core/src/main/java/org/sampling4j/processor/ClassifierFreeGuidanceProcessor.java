package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;
import org.sampling4j.kernel.Kernels;

/**
 * Classifier-free guidance: pushes the distribution away from what the model predicts without
 * the conditioning (a negative prompt, or no prompt) and toward what it predicts with it.
 *
 * <p><b>Formula.</b> with {@code a = log_softmax(x)} the conditional row (the logits being
 * sampled) and {@code b = log_softmax(u)} the unconditional row the caller passes beside it,
 * {@code x_i <- s * (a_i - b_i) + b_i = s * a_i + (1 - s) * b_i}. Each log-softmax is
 * {@code x_i - N} with {@code N = x_max + ln sum exp(x_j - x_max)} (the sum in double in the
 * canonical order, N rounded to float); the combination is HF's float32 expression
 * {@code s * (a - b) + b}, one SIMD pass ({@code Kernels.guidanceMix}).
 * <p><b>Parameters.</b> {@link #GUIDANCE_SCALE guidanceScale} s in [0, +Inf); 1 is the identity up to a constant
 * shift (and is not built by {@code Sampler.of}), above 1 strengthens the conditioning, 0 samples the
 * unconditional row.
 * <p><b>Reference.</b> HF {@code UnbatchedClassifierFreeGuidanceLogitsProcessor} (Sanchez et al.,
 * 2023, "Stay on topic with Classifier-Free Guidance"), which HF runs first in its chain, as
 * {@code ChainOrder}'s GUIDANCE stage does here. HF calls the model itself for the unconditional
 * row; here the runtime does and passes it to {@code Sampler.sample(logits, unconditionalLogits,
 * ...)}. Differs: a {@code -Inf} in either row gives {@code -Inf}, where HF computes NaN whenever
 * the unconditional row holds {@code -Inf} (and, at s = 0, for a {@code -Inf} in the conditional
 * row); but a token the conditional row keeps and the unconditional row removes is rejected with
 * an exception for s &gt; 1, where the mix tends to {@code +Inf}. The normalisers are summed in
 * double (HF: float), then rounded to float.
 * <p><b>Cost per call.</b> two SIMD exp-sum passes (one per row) and one SIMD mixing pass over V.
 * <p><b>Example.</b> x = [ln 3, 0] (p = 3/4, 1/4), u = [0, 0] (1/2, 1/2), s = 2:
 * {@code 2 a + (-1) b} gives [2 ln 3/4 - ln 1/2, 2 ln 1/4 - ln 1/2], i.e. p = 9/10, 1/10.
 */
public final class ClassifierFreeGuidanceProcessor implements LogitsProcessor {
    /** s, the weight of the conditional row. */
    public static final Setting GUIDANCE_SCALE = Setting.atLeast("guidanceScale", 0).byDefault(1).offAt(1)
            .note("1 disables classifier-free guidance");

    private final double scale;

    /** Whether a chain built from params needs this step: a guidance scale other than 1; otherwise it would change nothing. */
    public static boolean enabledBy(double guidanceScale) {
        return !GUIDANCE_SCALE.isOff(guidanceScale);
    }

    /** @param guidanceScale s in [0, +Inf) ({@link #GUIDANCE_SCALE}) */
    public ClassifierFreeGuidanceProcessor(double guidanceScale) {
        this.scale = GUIDANCE_SCALE.check(guidanceScale);
    }

    /** The guidance scale s. */
    public double guidanceScale() {
        return scale;
    }

    @Override
    public String name() {
        return "guidance";
    }

    @Override
    public boolean readsUnconditionalRow() {
        return true;
    }

    @Override
    public String parameters() {
        return Canonical.of(scale);
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        float[] u = c.unconditionalRow();
        if (u == null) {
            throw new IllegalArgumentException("classifier-free guidance (guidanceScale = " + scale
                    + ") needs the unconditional logits: call Sampler.sample(logits, unconditionalLogits, ...)");
        }
        int from = 0;
        int v = c.vocabSize();
        Kernels k = c.kernels();
        float uMax = k.max(u, from, from + v);
        if (!(uMax < Float.POSITIVE_INFINITY) || uMax == Float.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(describeBadRow(u, from, v));
        }
        float uNorm = (float) (uMax + StrictMath.log(k.expSum(u, from, from + v, uMax, 1f)));
        c.applyTemperature();
        float max = c.max();
        float xNorm = (float) (max + StrictMath.log(k.expSum(c.currentValues(), 0, c.size(), max, 1f)));
        float s = (float) scale;
        if (scale > 1 && k.countAtLeast(u, from, from + v, -Float.MAX_VALUE) < v) {
            rejectInfiniteGuidance(c, u, from);
        }
        if (c.isDense()) {
            k.guidanceMix(c.writableDenseValues(), v, s, xNorm, u, from, uNorm);
        } else {
            int[] ids = c.ids();
            float[] x = c.values();
            for (int i = 0; i < c.size(); i++) {
                float a = x[i];
                float b = u[from + ids[i]];
                x[i] = a == Float.NEGATIVE_INFINITY || b == Float.NEGATIVE_INFINITY ? Float.NEGATIVE_INFINITY
                        : s * ((a - xNorm) - (b - uNorm)) + (b - uNorm);
            }
            c.markUnsorted();
        }
    }

    /** A token the unconditional row removes but the conditional keeps: +Inf above scale 1 (HF: NaN). */
    private void rejectInfiniteGuidance(Candidates c, float[] u, int from) {
        for (int i = 0; i < c.size(); i++) {
            int token = c.tokenAt(i);
            if (u[from + token] == Float.NEGATIVE_INFINITY && c.currentValues()[i] != Float.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("unconditionalLogits[" + token + "] = -Infinity where logits[" + token
                        + "] is finite: guidance with guidanceScale = " + scale + " > 1 would make the token +Infinity");
            }
        }
    }

    private static String describeBadRow(float[] u, int from, int v) {
        for (int i = 0; i < v; i++) {
            if (!(u[from + i] < Float.POSITIVE_INFINITY)) {
                return "unconditionalLogits[" + i + "] = " + u[from + i]
                        + " is not allowed: logits must be finite or -Inf";
            }
        }
        return "every unconditional logit is -Infinity: the unconditional distribution is undefined";
    }
}
