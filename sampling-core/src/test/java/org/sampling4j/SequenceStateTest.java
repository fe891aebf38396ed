package org.sampling4j;

import org.sampling4j.chain.TokenCounter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequenceStateTest {
    private static final long SEED = 0x5A4D_0801L;

    @Test
    void keepsPromptAndGeneratedTokensApartWithSparseCounts() {
        SequenceState s = SequenceState.create(SEED, 5, 5, 6);
        s.accept(6);
        s.accept(7);
        assertEquals(3, s.promptLength());
        assertEquals(2, s.generatedLength());
        assertEquals(2, s.step());
        assertEquals(2, s.allCounts().count(5));
        assertEquals(2, s.allCounts().count(6));
        assertEquals(0, s.generatedCounts().count(5));
        assertEquals(1, s.generatedCounts().count(6));
        assertEquals(7, s.token(4));
        assertEquals(7, s.maxTokenId());
    }

    @Test
    void countsSurviveGrowthPastTheInitialCapacity() {
        TokenCounter counts = new TokenCounter();
        SplittableRandom r = new SplittableRandom(SEED);
        int[] expected = new int[5000];
        for (int i = 0; i < 50_000; i++) {
            int t = r.nextInt(5000);
            counts.add(t);
            expected[t]++;
        }
        for (int t = 0; t < 5000; t++) {
            assertEquals(expected[t], counts.count(t), "token " + t);
        }
    }

    @Test
    void rollbackRestoresTheStateSoTheNextDrawRepeats() {
        SplittableRandom r = new SplittableRandom(SEED);
        float[] logits = LogitsFixtures.normal(r, 300, 1);
        Sampler sampler = Sampler.of(SamplingParams.builder().repetitionPenalty(1.5).frequencyPenalty(0.7)
                .presencePenalty(0.4).seed(SEED).build(), 300);
        SequenceState s = sampler.newSequence(1, 2, 3);
        Workspace ws = sampler.newWorkspace();
        for (int i = 0; i < 5; i++) {
            sampler.sample(logits, s, ws);
        }
        int[] before = s.generatedTokens();
        int[] drafted = {sampler.sample(logits, s, ws), sampler.sample(logits, s, ws), sampler.sample(logits, s, ws)};
        s.rollback(3);
        assertEquals(5, s.step());
        assertArrayEquals(before, s.generatedTokens());
        int[] again = {sampler.sample(logits, s, ws), sampler.sample(logits, s, ws), sampler.sample(logits, s, ws)};
        assertArrayEquals(drafted, again);
    }

    @Test
    void rollbackRejectsMoreThanWasGenerated() {
        SequenceState s = SequenceState.create(SEED, 1);
        s.accept(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.rollback(2));
        assertEquals("tokens = 2 is outside [0, 1]: only generated tokens can be rolled back", e.getMessage());
    }

    @Test
    void resumeStartsAtTheStepOfItsGeneratedTokens() {
        SequenceState s = SequenceState.resume(SEED, new int[] {1}, new int[] {4, 4, 2});
        assertEquals(3, s.step());
        assertEquals(2, s.generatedCounts().count(4));
        assertEquals(1, s.allCounts().count(1));
    }
}
