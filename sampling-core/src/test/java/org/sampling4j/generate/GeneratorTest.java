package org.sampling4j.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.StopReason;
import org.sampling4j.Workspace;

class GeneratorTest {
    private static final int V = 50;

    /** A model that strongly prefers last token + 1 (mod V), with a little mass everywhere else. */
    private static final LogitsModel COUNTER = (sequence, logits) -> {
        int last = sequence.token(sequence.length() - 1);
        for (int i = 0; i < V; i++) {
            logits[i] = (float) Math.sin(i * 0.7 + sequence.length());
        }
        logits[(last + 1) % V] = 8f;
    };

    @Test
    void greedyCountsUpToTheStopToken() {
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0).stopTokenIds(7).build(), V);
        List<Integer> streamed = new ArrayList<>();
        Generation g = new Generator(sampler).generate(COUNTER, sampler.newSequence(3), (t, r) -> streamed.add(t));
        assertArrayEquals(new int[] {4, 5, 6, 7}, g.tokens());
        assertEquals(StopReason.STOP_TOKEN, g.stopReason());
        assertEquals(List.of(4, 5, 6, 7), streamed, "each token is streamed once, in order");
    }

    @Test
    void stopsAtTheBudgetOrAStopSequence() {
        Sampler budget = Sampler.of(SamplingParams.builder().temperature(0).maxTokens(5).build(), V);
        Generation g = new Generator(budget).generate(COUNTER, budget.newSequence(0), null);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, g.tokens());
        assertEquals(StopReason.MAX_TOKENS, g.stopReason());

        Sampler sequence = Sampler.of(SamplingParams.builder().temperature(0).maxTokens(100)
                .stopSequences(new int[] {12, 13}).build(), V);
        g = new Generator(sequence).generate(COUNTER, sequence.newSequence(9), null);
        assertArrayEquals(new int[] {10, 11, 12, 13}, g.tokens());
        assertEquals(StopReason.STOP_SEQUENCE, g.stopReason());
    }

    @Test
    void theListenerCancelsAndInterruptionCancels() {
        Sampler sampler = Sampler.of(SamplingParams.builder().seed(5).build(), V); // no stop condition at all
        int[] seen = new int[1];
        Generation g = new Generator(sampler).generate(COUNTER, sampler.newSequence(0), (t, r) -> ++seen[0] < 6);
        assertEquals(6, g.tokens().length);
        assertEquals(StopReason.CANCELLED, g.stopReason());

        SequenceState state = sampler.newSequence(0);
        g = new Generator(sampler).generate(COUNTER, state, (t, r) -> {
            if (state.generatedLength() == 3) {
                Thread.currentThread().interrupt();
            }
            return true;
        });
        assertTrue(Thread.interrupted(), "the interrupt flag is left set");
        assertEquals(3, g.tokens().length);
        assertEquals(StopReason.CANCELLED, g.stopReason());
    }

    @Test
    void generatesExactlyWhatAHandWrittenLoopSamples() {
        SamplingParams params = SamplingParams.builder().temperature(1.3).topP(0.95).repetitionPenalty(1.2)
                .maxTokens(40).seed(77).build();
        Sampler sampler = Sampler.of(params, V);
        Generation g = new Generator(sampler).generate(COUNTER, sampler.newSequence(1, 2), null);

        SequenceState state = sampler.newSequence(1, 2);
        Workspace ws = sampler.newWorkspace();
        float[] logits = new float[V];
        int[] expected = new int[40];
        for (int i = 0; i < 40; i++) {
            COUNTER.nextLogits(state, logits);
            expected[i] = sampler.sample(logits, state, ws);
        }
        assertArrayEquals(expected, g.tokens(), Arrays.toString(g.tokens()));
        assertEquals(StopReason.MAX_TOKENS, g.stopReason());
    }

    @Test
    void aStopTokenReachedOnTheLastBudgetedStepIsReportedAsStopToken() {
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0).stopTokenIds(3).maxTokens(3).build(), V);
        SampleResult[] last = new SampleResult[1];
        Generation g = new Generator(sampler).generate(COUNTER, sampler.newSequence(0), (t, r) -> {
            last[0] = r;
            return true;
        });
        assertArrayEquals(new int[] {1, 2, 3}, g.tokens());
        assertEquals(StopReason.STOP_TOKEN, g.stopReason());
        assertEquals(StopReason.STOP_TOKEN, last[0].stopReason());
    }
}
