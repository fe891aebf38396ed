package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;
import org.sampling4j.chain.TokenCounts;

/**
 * Makes tokens that already occurred less likely, whatever the sign of their logit.
 *
 * <p><b>Formula.</b> for each distinct token j in the counted history:
 * {@code x_j > 0 ? x_j / r : x_j * r}. Counted once per token, however often it occurred.
 * <p><b>Parameters.</b> {@link #REPETITION_PENALTY repetitionPenalty} finite, {@code > 0}, 1 disables (no
 * step is added; {@code < 1} rewards repetition); {@code scope} prompt and generated (default) or
 * generated only; {@link #PENALTY_LAST_N lastN} {@code >= 0}: count only the last N tokens of the
 * scope, 0 = all.
 * <p><b>Reference.</b> HF RepetitionPenaltyLogitsProcessor and vLLM (prompt + generated);
 * llama.cpp {@code penalty_repeat} with {@code penalty_last_n}.
 * <p><b>Cost per call.</b> O(distinct tokens in the history) on a dense set, O(candidates) on a
 * sparse one; a window adds O(lastN) to recount it.
 * <p><b>Example.</b> logits [2, -1, 0.5], history [0, 1], r = 2: [1, -2, 0.5].
 */
public final class RepetitionPenaltyProcessor implements LogitsProcessor {
    /** r, the divisor of positive and factor of negative logits. */
    public static final Setting REPETITION_PENALTY = Setting.greaterThan("repetitionPenalty", 0).byDefault(1).offAt(1)
            .note("1 disables the repetition penalty");
    /** The window of counted tokens; shared with the frequency and presence penalties. */
    public static final Setting PENALTY_LAST_N = Setting.atLeast("penaltyLastN", 0).integer().byDefault(0)
            .note("0 counts the whole history");

    private final float penalty;
    private final PenaltyScope scope;
    private final int lastN;

    /** Whether a chain built from params needs this step: a penalty other than 1; otherwise it would change nothing. */
    public static boolean enabledBy(double penalty) {
        return !REPETITION_PENALTY.isOff(penalty);
    }

    /**
     * @param repetitionPenalty finite, {@code > 0}
     * @param scope             which tokens are counted
     * @param lastN             window length, 0 = whole history
     */
    public RepetitionPenaltyProcessor(double repetitionPenalty, PenaltyScope scope, int lastN) {
        this.penalty = (float) REPETITION_PENALTY.check(repetitionPenalty);
        this.scope = java.util.Objects.requireNonNull(scope, "scope");
        this.lastN = PENALTY_LAST_N.check(lastN);
    }

    @Override
    public String parameters() {
        return Canonical.of(penalty, scope, lastN);
    }

    @Override
    public String name() {
        return "repetition-penalty";
    }

    /** The penalised value of one logit. */
    static float penalize(float x, float r) {
        return x > 0 ? x / r : x * r;
    }

    /** Writes only the counted tokens (a part of the sequence), each from its value and count, alike dense and sparse. */
    @Override
    public boolean fusesBeforeTopK() {
        return true;
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        c.applyTemperature();
        TokenCounts counts = HistoryWindow.counts(c, state, scope, lastN);
        if (counts.distinct() == 0) {
            return;
        }
        if (c.isDense()) {
            float[] x = c.writableDenseValues();
            for (int k = 0; k < counts.distinct(); k++) {
                if (counts.countAt(k) > 0) {
                    int token = counts.tokenAt(k);
                    x[token] = penalize(x[token], penalty);
                }
            }
            return;
        }
        int[] ids = c.ids();
        float[] values = c.values();
        for (int i = 0; i < c.size(); i++) {
            if (counts.count(ids[i]) > 0) {
                values[i] = penalize(values[i], penalty);
            }
        }
        c.markUnsorted();
    }
}
