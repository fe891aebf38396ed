package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StopConditionsTest {
    private static final long SEED = 0x5A4D_0F01L;

    private static SequenceState generated(int... tokens) {
        return SequenceState.resume(1, new int[] {9, 9}, tokens);
    }

    @Test
    void reportsStopTokenThenSequenceThenLength() {
        StopConditions stop = StopConditions.of(new int[] {2}, 4, new int[][] {{5, 6}, {7}});
        assertEquals(StopReason.NONE, stop.check(generated()));
        assertEquals(StopReason.NONE, stop.check(generated(5)));
        assertEquals(StopReason.STOP_SEQUENCE, stop.check(generated(5, 6)));
        assertEquals(StopReason.NONE, stop.check(generated(6, 6)), "only the whole sequence matches");
        assertEquals(StopReason.STOP_SEQUENCE, stop.check(generated(1, 7)));
        assertEquals(StopReason.STOP_TOKEN, stop.check(generated(1, 2)));
        assertEquals(StopReason.MAX_TOKENS, stop.check(generated(1, 1, 1, 1)));
        assertEquals(StopReason.STOP_TOKEN, stop.check(generated(1, 1, 1, 2)), "stop token wins over length");
        assertEquals(StopReason.STOP_SEQUENCE, stop.check(generated(1, 1, 5, 6)), "sequence wins over length");
    }

    @Test
    void stopSequencesMatchGeneratedTokensOnlyNotThePrompt() {
        StopConditions stop = StopConditions.of(null, 0, new int[][] {{9, 9, 3}});
        assertEquals(StopReason.NONE, stop.check(generated(3)), "the prompt ends with 9 9 but is not matched");
        assertEquals(StopReason.STOP_SEQUENCE, stop.check(generated(9, 9, 3)));
    }

    @Test
    void checkAgreesWithTheDefinitionOnRandomHistories() {
        qt().withFixedSeed(SEED).withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int[] ids = {r.nextInt(6)};
            int max = r.nextInt(12);
            int[][] sequences = new int[r.nextInt(4)][];
            for (int s = 0; s < sequences.length; s++) {
                sequences[s] = new int[1 + r.nextInt(3)];
                for (int i = 0; i < sequences[s].length; i++) {
                    sequences[s][i] = r.nextInt(6);
                }
            }
            int[] tokens = new int[r.nextInt(10)];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = r.nextInt(6);
            }
            StopReason expected = StopReason.NONE;
            if (tokens.length > 0) {
                boolean sequenceEnds = false;
                for (int[] s : sequences) {
                    if (s.length <= tokens.length && java.util.Arrays.equals(s, 0, s.length, tokens,
                            tokens.length - s.length, tokens.length)) {
                        sequenceEnds = true;
                    }
                }
                expected = tokens[tokens.length - 1] == ids[0] ? StopReason.STOP_TOKEN
                        : sequenceEnds ? StopReason.STOP_SEQUENCE
                        : max > 0 && tokens.length >= max ? StopReason.MAX_TOKENS : StopReason.NONE;
            }
            assertEquals(expected, StopConditions.of(ids, max, sequences).check(generated(tokens)));
        });
    }

    @Test
    void theSamplerReportsTheReasonInEachResult() {
        float[] logits = {0f, 0f, 5f, 0f}; // greedy picks 2
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0).maxTokens(3)
                .stopSequences(new int[] {2, 2, 2, 2}).seed(1).build(), 4);
        Workspace ws = sampler.newWorkspace();
        SequenceState s = sampler.newSequence();
        SampleResult r = new SampleResult();
        sampler.sample(logits, s, ws, r);
        assertEquals(StopReason.NONE, r.stopReason());
        sampler.sample(logits, s, ws, r);
        sampler.sample(logits, s, ws, r);
        assertEquals(StopReason.MAX_TOKENS, r.stopReason());

        Sampler eos = Sampler.of(SamplingParams.builder().temperature(0).stopTokenIds(2).build(), 4);
        eos.sample(logits, eos.newSequence(), ws, r);
        assertEquals(StopReason.STOP_TOKEN, r.stopReason());
    }

    @Test
    void badStopConditionsNameTheField() {
        assertEquals("maxTokens = -1 is outside [0, +Inf); 0 means no limit", assertThrows(
                IllegalArgumentException.class, () -> SamplingParams.builder().maxTokens(-1).build()).getMessage());
        assertEquals("stopSequences[1] is empty: a stop sequence needs at least one token", assertThrows(
                IllegalArgumentException.class,
                () -> SamplingParams.builder().stopSequences(new int[] {1}, new int[0]).build()).getMessage());
        assertEquals("stop token id 7 is outside [0, 4)", assertThrows(IllegalArgumentException.class,
                () -> Sampler.of(SamplingParams.builder().stopSequences(new int[] {7}).build(), 4)).getMessage());
    }
}
