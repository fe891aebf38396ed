package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;

/**
 * Dynamic (entropy-scaled) temperature: a flat distribution gets a temperature near
 * {@code T + range}, a peaked one near {@code T - range}.
 *
 * <p><b>Formula.</b> over the k finite candidates, with p the softmax at the pending temperature:
 * {@code H = -sum p_i ln p_i}, {@code h = H / ln k}; {@code T_min = max(0, T - range)},
 * {@code T_max = T + range}; {@code T_dyn = T_min + (T_max - T_min) * h^exponent}; the logits are
 * then divided by {@code T_dyn} (lazily). {@code T_dyn = 0} keeps only the best token (greedy).
 * <p><b>Parameters.</b> {@code temperature} in [0, +Inf) ({@link TemperatureProcessor#TEMPERATURE});
 * {@link #DYNATEMP_RANGE range} in [0, +Inf), 0 is plain temperature ({@code T_dyn = T}; a chain built
 * from params then adds a {@link TemperatureProcessor} instead); {@link #DYNATEMP_EXPONENT exponent}
 * in [0, +Inf), default 1.
 * <p><b>Reference.</b> llama.cpp {@code llama_sampler_init_temp_ext} (after kalomaze's DynaTemp).
 * Differs: {@code ln k} counts finite candidates (llama.cpp counts every entry of its array,
 * including tokens a bias set to -Inf); entropy is summed in double.
 * <p><b>Cost per call.</b> one SIMD count and one SIMD pass of exponentials for the weights and
 * their weighted sum ({@code Kernels.expSumWeighted}); the temperature itself is lazy.
 * <p><b>Example.</b> two equal logits, T 1, range 0.5: h = 1, T_dyn = 1.5; one logit far above
 * the rest: h near 0, T_dyn near 0.5.
 */
public final class DynamicTemperatureProcessor implements LogitsProcessor {
    /** How far the temperature may move either way. */
    public static final Setting DYNATEMP_RANGE = Setting.atLeast("dynatempRange", 0).byDefault(0).offAt(0)
            .note("0 is plain temperature");
    /** The power of the normalised entropy; llama.cpp's default 1. */
    public static final Setting DYNATEMP_EXPONENT = Setting.atLeast("dynatempExponent", 0).byDefault(1);

    private final double temperature;
    private final double range;
    private final double exponent;

    /** Whether a chain built from params needs this step: a positive range; otherwise plain temperature does the same. */
    public static boolean enabledBy(double range) {
        return !DYNATEMP_RANGE.isOff(range);
    }

    /**
     * @param temperature the centre, [0, +Inf) ({@link TemperatureProcessor#TEMPERATURE});
     * @param range [0, +Inf) ({@link #DYNATEMP_RANGE}); @param exponent [0, +Inf) ({@link #DYNATEMP_EXPONENT})
     */
    public DynamicTemperatureProcessor(double temperature, double range, double exponent) {
        this.temperature = TemperatureProcessor.TEMPERATURE.check(temperature);
        this.range = DYNATEMP_RANGE.check(range);
        this.exponent = DYNATEMP_EXPONENT.check(exponent);
    }

    @Override
    public String name() {
        return "dynamic-temperature";
    }

    @Override
    public String parameters() {
        return Canonical.of(temperature, range, exponent);
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        float max = c.max();
        if (max == Float.NEGATIVE_INFINITY) {
            return;
        }
        double dynamic = dynamicTemperature(c, max);
        if (Double.isNaN(dynamic)) {
            return; // a single candidate: any temperature draws it
        }
        c.applyTemperature();
        float t = (float) dynamic;
        if (t == 0f) {
            int best = Selection.bestPosition(c);
            c.keepOnly(c.tokenAt(best), c.currentValues()[best]);
            return;
        }
        c.setTemperature(t);
    }

    /** T_dyn for the set, or NaN when fewer than two candidates are finite. */
    double dynamicTemperature(Candidates c, float max) {
        float[] values = c.currentValues();
        int n = c.size();
        int finite = c.kernels().countAtLeast(values, 0, n, -Float.MAX_VALUE);
        if (finite < 2) {
            return Double.NaN;
        }
        double[] weighted = c.scratch().sums(); // sum of w_i * s_i, s_i = (x_i - max) * scale <= 0
        double total = c.kernels().expSumWeighted(values, 0, n, max, c.inverseTemperature(), weighted);
        // H = -sum (w/W) (s - ln W) = ln W - (sum w s) / W
        double entropy = Math.log(total) - weighted[0] / total;
        double normalized = Math.max(0, Math.min(1, entropy / Math.log(finite)));
        double low = Math.max(0, temperature - range);
        double high = temperature + range;
        return low + (high - low) * Math.pow(normalized, exponent);
    }
}
