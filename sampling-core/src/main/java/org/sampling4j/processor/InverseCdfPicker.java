package org.sampling4j.processor;

import org.sampling4j.Candidates;
import org.sampling4j.SequenceState;
import org.sampling4j.TokenPicker;
import org.sampling4j.kernel.FastExp;
import org.sampling4j.random.Uniforms;

/**
 * Draws a token from the processed distribution by inverting its cumulative distribution.
 *
 * <p><b>Formula.</b> weights {@code w_i = exp((x_i - x_max) / T)}, total {@code W} summed in the
 * canonical order; {@code u = uniform(seed, step, draw 0, stream 0)} (53-bit Philox double);
 * return the first candidate i, in the set's current order, with {@code w_0 + ... + w_i > u * W}.
 * Should rounding leave the walk short of {@code u * W}, the last candidate with non-zero weight is
 * returned. Each candidate is chosen with probability {@code w_i / W} up to double rounding.
 * <p><b>Reference.</b> torch.multinomial / vLLM / llama.cpp {@code dist} sample the same
 * distribution with other random streams; this one is a pure function of (seed, step).
 * <p><b>Cost per call.</b> one max pass (free on a sorted set), one exp-sum pass, and a walk that
 * stops at the chosen token: on a dense set about 2.5 passes over V, on a sparse set O(candidates).
 */
public final class InverseCdfPicker implements TokenPicker {
    /** The one instance: the picker has no configuration. */
    public static final InverseCdfPicker INSTANCE = new InverseCdfPicker();

    private InverseCdfPicker() {
    }

    @Override
    public String name() {
        return "inverse-cdf";
    }

    @Override
    public int pick(Candidates c, SequenceState state) {
        float max = c.max();
        double scale = c.inverseTemperature();
        float[] values = c.currentValues();
        int n = c.size();
        double total = c.kernels().expSum(values, 0, n, max, scale);
        double u = Uniforms.uniform(state.seed(), state.step(), 0, Uniforms.STREAM_PICKER, c.randomBlock());
        return c.tokenAt(walk(values, n, max, scale, u * total));
    }

    /** Position of the first cumulative weight above {@code target}, else of the last positive weight. */
    static int walk(float[] values, int n, float max, double scale, double target) {
        double cumulative = 0.0;
        int last = 0;
        for (int i = 0; i < n; i++) {
            double w = FastExp.weight(values[i], max, scale);
            if (w > 0) {
                cumulative += w;
                last = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return last;
    }
}
