package org.sampling4j;

import static org.sampling4j.processor.FrequencyPresencePenaltyProcessor.FREQUENCY_PENALTY;
import static org.sampling4j.processor.FrequencyPresencePenaltyProcessor.PRESENCE_PENALTY;
import static org.sampling4j.processor.RepetitionPenaltyProcessor.PENALTY_LAST_N;
import static org.sampling4j.processor.RepetitionPenaltyProcessor.REPETITION_PENALTY;

import java.util.Objects;
import org.sampling4j.processor.PenaltyScope;

/** {@link SamplingParams}' repetition, frequency and presence penalties and their window. */
record PenaltyParams(double repetitionPenalty, PenaltyScope repetitionScope, double frequencyPenalty,
        double presencePenalty, int penaltyLastN) {
    static final PenaltyParams DEFAULTS = new PenaltyParams(REPETITION_PENALTY.defaultValue(),
            PenaltyScope.PROMPT_AND_GENERATED, FREQUENCY_PENALTY.defaultValue(), PRESENCE_PENALTY.defaultValue(),
            PENALTY_LAST_N.defaultInt());

    /** Each value checked with its processor's declared setting. */
    PenaltyParams validated() {
        return new PenaltyParams(REPETITION_PENALTY.check(repetitionPenalty),
                Objects.requireNonNull(repetitionScope, "repetitionScope"), FREQUENCY_PENALTY.check(frequencyPenalty),
                PRESENCE_PENALTY.check(presencePenalty), PENALTY_LAST_N.check(penaltyLastN));
    }

    PenaltyParams withRepetitionPenalty(double value) {
        return new PenaltyParams(value, repetitionScope, frequencyPenalty, presencePenalty, penaltyLastN);
    }

    PenaltyParams withRepetitionScope(PenaltyScope value) {
        return new PenaltyParams(repetitionPenalty, value, frequencyPenalty, presencePenalty, penaltyLastN);
    }

    PenaltyParams withFrequencyPenalty(double value) {
        return new PenaltyParams(repetitionPenalty, repetitionScope, value, presencePenalty, penaltyLastN);
    }

    PenaltyParams withPresencePenalty(double value) {
        return new PenaltyParams(repetitionPenalty, repetitionScope, frequencyPenalty, value, penaltyLastN);
    }

    PenaltyParams withPenaltyLastN(int value) {
        return new PenaltyParams(repetitionPenalty, repetitionScope, frequencyPenalty, presencePenalty, value);
    }
}
