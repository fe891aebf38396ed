package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.kernel.FastExp;

/** What both mirostat pickers share: the starting mu and the draw-then-steer step. */
final class Mirostat {
    private Mirostat() {
    }

    /** The sequence's mu, or {@code 2 tau} before the first mirostat step. */
    static double mu(SequenceView state, double tau) {
        double mu = state.pickerState();
        return Double.isNaN(mu) ? 2 * tau : mu;
    }

    /**
     * Draws from the (already truncated) set by inverse CDF, then records
     * {@code mu - eta * (surprise - tau)} for the next step, the surprise being {@code -log2} of the
     * chosen token's probability in the truncated set.
     */
    static int drawAndSteer(Candidates c, SequenceView state, double mu, double tau, double eta) {
        int token = InverseCdfPicker.INSTANCE.pick(c, state);
        float max = c.max();
        float scale = c.inverseTemperature();
        double total = c.kernels().expSum(c.currentValues(), 0, c.size(), max, scale);
        double p = FastExp.weight(c.valueOf(token), max, scale) / total;
        double surprise = -Math.log(p) / Math.log(2);
        c.setNextPickerState(mu - eta * (surprise - tau));
        return token;
    }
}
