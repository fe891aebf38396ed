package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sampling4j.processor.PenaltyScope;

/** Repetition, frequency and presence penalties against hand-computed values. */
class PenaltyProcessorsTest {
    @Test
    void repetitionDividesPositiveAndMultipliesNegativeLogitsOncePerToken() {
        float[] logits = {2f, -1f, 0.5f, 0f};
        float[] out = Chains.process(logits, new int[] {0, 0, 0}, new int[] {1, 3},
                new RepetitionPenaltyProcessor(2, PenaltyScope.PROMPT_AND_GENERATED, 0));
        assertArrayEquals(new float[] {2f / 2f, -1f * 2f, 0.5f, 0f}, out);
    }

    @Test
    void repetitionScopeGeneratedIgnoresThePrompt() {
        float[] out = Chains.process(new float[] {2f, 4f}, new int[] {0}, new int[] {1},
                new RepetitionPenaltyProcessor(2, PenaltyScope.GENERATED, 0));
        assertArrayEquals(new float[] {2f, 4f / 2f}, out);
    }

    @Test
    void repetitionWindowSeesOnlyTheLastNTokens() {
        // prompt [0], generated [1, 2]: the last 2 tokens are 1 and 2.
        float[] out = Chains.process(new float[] {3f, 3f, 3f, 3f}, new int[] {0}, new int[] {1, 2},
                new RepetitionPenaltyProcessor(1.5, PenaltyScope.PROMPT_AND_GENERATED, 2));
        assertArrayEquals(new float[] {3f, 3f / 1.5f, 3f / 1.5f, 3f}, out);
    }

    @Test
    void frequencyAndPresenceFollowTheOpenAiFormula() {
        float[] logits = {2f, 1f, 0f};
        float[] out = Chains.process(logits, new int[] {2, 2, 2}, new int[] {0, 0, 1},
                new FrequencyPresencePenaltyProcessor(0.5, 0.25, 0));
        assertArrayEquals(new float[] {2f - 2 * 0.5f - 0.25f, 1f - 1 * 0.5f - 0.25f, 0f}, out,
                "prompt tokens are not counted");
    }

    @Test
    void frequencyWindowCountsOnlyRecentGeneratedTokens() {
        float[] out = Chains.process(new float[] {1f, 1f}, new int[0], new int[] {0, 0, 1},
                new FrequencyPresencePenaltyProcessor(1, 0, 2));
        assertArrayEquals(new float[] {1f - 1f, 1f - 1f}, out);
    }

    @Test
    void penaltiesApplyTheTemperatureFirstWhenTheyFollowIt() {
        float[] out = Chains.process(new float[] {4f, 1f}, new int[0], new int[] {0},
                new TemperatureProcessor(2), new FrequencyPresencePenaltyProcessor(0, 1, 0));
        assertArrayEquals(new float[] {4f / 2f - 1f, 1f / 2f}, out);
    }

    @Test
    void penalisesSparseCandidates() {
        float[] out = Chains.process(new float[] {3f, 2f, 1f}, new int[0], new int[] {0},
                new TopKProcessor(2), new RepetitionPenaltyProcessor(3, PenaltyScope.GENERATED, 0));
        assertArrayEquals(new float[] {3f / 3f, 2f, Float.NEGATIVE_INFINITY}, out);
    }

    @Test
    void rejectsBadPenaltiesNamingFieldValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RepetitionPenaltyProcessor(0, PenaltyScope.GENERATED, 0));
        assertEquals("repetitionPenalty = 0 is outside (0, +Inf); 1 disables the repetition penalty", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FrequencyPresencePenaltyProcessor(Double.NaN, 0, 0));
        assertEquals("frequencyPenalty = NaN is outside (-Inf, +Inf); 0 disables the penalty", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FrequencyPresencePenaltyProcessor(0, 0, -1));
        assertEquals("penaltyLastN = -1 is outside [0, +Inf); 0 counts the whole history", e.getMessage());
    }
}
