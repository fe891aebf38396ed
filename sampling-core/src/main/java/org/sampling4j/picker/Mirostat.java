package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.kernel.FastExp;

/**
 * What both mirostat pickers share: their settings, the choice between them, the starting mu and
 * the draw-then-steer step.
 */
public final class Mirostat {
    /** Which mirostat picks the token: 0 none, 1 {@link MirostatV1Picker}, 2 {@link MirostatV2Picker}. */
    public static final Setting MIROSTAT = Setting.closed("mirostat", 0, 2).integer().byDefault(0).offAt(0)
            .note("0 off, 1 mirostat, 2 mirostat 2.0");
    /** tau, the target surprise; llama.cpp's default 5. */
    public static final Setting MIROSTAT_TAU = Setting.atLeast("mirostatTau", 0).byDefault(5)
            .note("target surprise in bits");
    /** eta, the learning rate of mu; llama.cpp's default 0.1. */
    public static final Setting MIROSTAT_ETA = Setting.atLeast("mirostatEta", 0).byDefault(0.1);

    private Mirostat() {
    }

    /** Whether a chain built from params picks with mirostat: a version other than 0. */
    public static boolean enabledBy(int version) {
        return !MIROSTAT.isOff(version);
    }

    /**
     * The picker of a mirostat version: 1 {@link MirostatV1Picker}, 2 {@link MirostatV2Picker}, 0
     * (off) the plain {@link InverseCdfPicker}. Tau and eta are checked whatever the version, as
     * {@code SamplingParams} checks them.
     *
     * @throws IllegalArgumentException for a version outside [0, 2], or tau or eta out of range
     */
    public static TokenPicker picker(int version, double tau, double eta, int vocabSize) {
        MIROSTAT_TAU.check(tau);
        MIROSTAT_ETA.check(eta);
        switch (MIROSTAT.check(version)) {
            case 1:
                return new MirostatV1Picker(tau, eta, vocabSize);
            case 2:
                return new MirostatV2Picker(tau, eta);
            default:
                return InverseCdfPicker.INSTANCE;
        }
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
