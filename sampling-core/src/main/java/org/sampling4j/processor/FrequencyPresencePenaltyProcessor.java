package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;
import org.sampling4j.chain.TokenCounts;

/**
 * Subtracts a penalty that grows with how often a token was generated (frequency) plus a flat one
 * for having been generated at all (presence).
 *
 * <p><b>Formula.</b> {@code x_j - c_j * f - (c_j > 0 ? p : 0)}, {@code c_j} = occurrences of j among
 * the generated tokens (or their last N).
 * <p><b>Parameters.</b> {@link #FREQUENCY_PENALTY f}, {@link #PRESENCE_PENALTY p}: finite (negative
 * values reward repetition; the OpenAI and vLLM request mappings enforce [-2, 2]); {@code lastN >= 0},
 * 0 = all generated tokens. Both 0 disables (no step is added).
 * <p><b>Reference.</b> OpenAI API and vLLM (generated tokens only); llama.cpp
 * {@code penalty_freq} / {@code penalty_present} (over its last-N window).
 * <p><b>Cost per call.</b> O(distinct generated tokens) dense, O(candidates) sparse, plus O(lastN)
 * for a window.
 * <p><b>Example.</b> logits [2, 1], generated [0, 0], f = 0.5, p = 0.25: [2 - 2 * 0.5 - 0.25, 1] = [0.75, 1].
 */
public final class FrequencyPresencePenaltyProcessor implements LogitsProcessor {
    /** f, per occurrence. */
    public static final Setting FREQUENCY_PENALTY = Setting.finite("frequencyPenalty").byDefault(0).offAt(0)
            .note("0 disables the penalty");
    /** p, once for any occurrence. */
    public static final Setting PRESENCE_PENALTY = Setting.finite("presencePenalty").byDefault(0).offAt(0)
            .note("0 disables the penalty");

    private final float frequency;
    private final float presence;
    private final int lastN;

    /** Whether a chain built from params needs this step: a non-zero frequency or presence penalty; otherwise it would change nothing. */
    public static boolean enabledBy(double frequency, double presence) {
        return !FREQUENCY_PENALTY.isOff(frequency) || !PRESENCE_PENALTY.isOff(presence);
    }

    /**
     * @param frequencyPenalty finite
     * @param presencePenalty  finite
     * @param lastN            window length over generated tokens, 0 = all
     */
    public FrequencyPresencePenaltyProcessor(double frequencyPenalty, double presencePenalty, int lastN) {
        this.frequency = (float) FREQUENCY_PENALTY.check(frequencyPenalty);
        this.presence = (float) PRESENCE_PENALTY.check(presencePenalty);
        this.lastN = RepetitionPenaltyProcessor.PENALTY_LAST_N.check(lastN);
    }

    @Override
    public String parameters() {
        return Canonical.of(frequency, presence, lastN);
    }

    @Override
    public String name() {
        return "frequency-presence-penalty";
    }

    /** The penalised value of a logit whose token occurred {@code count} times. */
    static float penalize(float x, int count, float frequency, float presence) {
        return count == 0 ? x : x - count * frequency - presence;
    }

    /** Writes only the counted tokens (a part of the sequence), each from its value and count, alike dense and sparse. */
    @Override
    public boolean fusesBeforeTopK() {
        return true;
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        c.applyTemperature();
        TokenCounts counts = HistoryWindow.counts(c, state, PenaltyScope.GENERATED, lastN);
        if (counts.distinct() == 0) {
            return;
        }
        if (c.isDense()) {
            float[] x = c.writableDenseValues();
            for (int k = 0; k < counts.distinct(); k++) {
                int token = counts.tokenAt(k);
                x[token] = penalize(x[token], counts.countAt(k), frequency, presence);
            }
            return;
        }
        int[] ids = c.ids();
        float[] values = c.values();
        for (int i = 0; i < c.size(); i++) {
            values[i] = penalize(values[i], counts.count(ids[i]), frequency, presence);
        }
        c.markUnsorted();
    }
}
