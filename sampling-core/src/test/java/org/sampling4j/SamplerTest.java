package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.picker.GreedyPicker;
import org.sampling4j.processor.TopKProcessor;

class SamplerTest {
    private static final long SEED = 0x5A4D_0701L;
    private static final float NEG_INF = Float.NEGATIVE_INFINITY;
    /** Token weights are float32 (FastExp, within 2 ulp = 2.4e-7 relative), summed in double. */
    private static final double LOGPROB_TOLERANCE = 1e-6;

    @Test
    void toStringListsTheStepsThatRunInOrder() {
        SamplingParams p = SamplingParams.builder().repetitionPenalty(1.1).frequencyPenalty(0.3).topK(50)
                .topP(0.9).minP(0.05).temperature(0.7).build();
        assertEquals("repetition-penalty > frequency-presence-penalty > temperature > top-k > top-p > min-p > pick(inverse-cdf)",
                Sampler.of(p, 1000).toString());
        assertEquals("repetition-penalty > frequency-presence-penalty > temperature > min-p > top-k > top-p > pick(inverse-cdf)",
                Sampler.of(p.toBuilder().chainOrder(ChainOrder.VLLM).build(), 1000).toString());
        assertEquals("repetition-penalty > frequency-presence-penalty > top-k > top-p > min-p > temperature > pick(inverse-cdf)",
                Sampler.of(p.toBuilder().chainOrder(ChainOrder.LLAMA_CPP).build(), 1000).toString());
        assertEquals("pick(inverse-cdf)", Sampler.of(SamplingParams.defaults(), 10).toString(), "disabled steps add none");
        assertEquals("temperature(0=greedy) > pick(greedy)",
                Sampler.of(p.toBuilder().temperature(0).repetitionPenalty(1).frequencyPenalty(0).build(), 10).toString());
    }

    @Test
    void topKAtOrAboveTheVocabularyAddsNoStep() {
        assertEquals("pick(inverse-cdf)", Sampler.of(SamplingParams.builder().topK(10).build(), 10).toString());
    }

    @Test
    void chainOrdersKeepDifferentTokens() {
        // Probabilities at T = 1: 0.6, 0.25, 0.15 (with 3 tokens). Top-p 0.75 keeps 2 at T = 1 (0.6 + 0.25), but at
        // T = 3 the top two hold only 0.42 + 0.31 and all 3 are needed: llama.cpp applies T after top-p.
        float[] logits = {(float) Math.log(0.6), (float) Math.log(0.25), (float) Math.log(0.15)};
        SamplingParams hf = SamplingParams.builder().topP(0.75).temperature(3).build();
        assertEquals(3, kept(hf, logits));
        assertEquals(2, kept(hf.toBuilder().chainOrder(ChainOrder.LLAMA_CPP).build(), logits));
    }

    @Test
    void sampleFillsTheResultWithLogprobsAndTopCandidates() {
        float[] logits = {1f, 3f, 2f, NEG_INF};
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0.5).topLogprobs(3).seed(SEED).build(), 4);
        SampleResult result = new SampleResult();
        int token = sampler.sample(logits, sampler.newSequence(), sampler.newWorkspace(), result);
        double z = Math.exp(2) + Math.exp(6) + Math.exp(4);
        assertEquals(token, result.token());
        assertEquals(3, result.keptCount());
        assertEquals(3, result.topCount());
        assertArrayEquals(new int[] {1, 2, 0}, new int[] {result.topToken(0), result.topToken(1), result.topToken(2)});
        assertEquals(Math.log(Math.exp(6) / z), result.topValue(0), LOGPROB_TOLERANCE);
        assertEquals(Math.log(Math.exp(2) / z), result.topValue(2), LOGPROB_TOLERANCE);
        double rawZ = Math.exp(1) + Math.exp(3) + Math.exp(2);
        assertEquals(Math.log(Math.exp(logits[token]) / rawZ), result.rawLogprob(), LOGPROB_TOLERANCE);
        assertEquals(Math.log(Math.exp(2 * logits[token]) / z), result.logprob(), LOGPROB_TOLERANCE);
        assertThrows(IndexOutOfBoundsException.class, () -> result.topToken(3));
    }

    @Test
    void greedyHasProcessedLogprobZeroAndDrawsNothing() {
        float[] logits = {1f, 3f, 2f};
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0).build(), 3);
        SampleResult result = new SampleResult();
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(1, sampler.sample(logits, SequenceState.create(seed), sampler.newWorkspace(), result));
            assertEquals(0.0, result.logprob());
            assertEquals(1, result.keptCount());
        }
    }

    @Test
    void explicitChainsRunInTheGivenOrder() {
        Sampler s = Sampler.builder(4).add(new TopKProcessor(2)).picker(GreedyPicker.INSTANCE).build();
        assertEquals("top-k > pick(greedy)", s.toString());
        assertEquals(2, s.sample(new float[] {0f, 1f, 5f, 2f}, SequenceState.create(1), new Workspace(4)));
    }

    @Test
    void stateAdvancesOneStepPerSampleAndRecordsTheToken() {
        Sampler sampler = Sampler.of(SamplingParams.builder().seed(SEED).build(), 50);
        SequenceState state = sampler.newSequence(7, 8);
        float[] logits = LogitsFixtures.normal(new SplittableRandom(SEED), 50, 2);
        int a = sampler.sample(logits, state, sampler.newWorkspace());
        int b = sampler.sample(logits, state, sampler.newWorkspace());
        assertEquals(2, state.step());
        assertArrayEquals(new int[] {a, b}, state.generatedTokens());
        assertEquals(SEED, state.seed());
        assertEquals(2, state.promptLength());
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        float[] logits = new float[1000];
        Sampler sampler = Sampler.of(SamplingParams.defaults(), 1000);
        int[] a = new int[20];
        int[] b = new int[20];
        SequenceState sa = SequenceState.create(1);
        SequenceState sb = SequenceState.create(2);
        for (int i = 0; i < 20; i++) {
            a[i] = sampler.sample(logits, sa, sampler.newWorkspace());
            b[i] = sampler.sample(logits, sb, sampler.newWorkspace());
        }
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    }

    @Test
    void unseededParamsRecordAFreshSeedInTheState() {
        Sampler sampler = Sampler.of(SamplingParams.defaults(), 10);
        assertNotEquals(sampler.newSequence().seed(), sampler.newSequence().seed());
    }

    @Test
    void rejectsWrongLengthsNamingBoth() {
        Sampler sampler = Sampler.of(SamplingParams.defaults(), 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(new float[5], SequenceState.create(1), new Workspace(4)));
        assertEquals("logits.length = 5 but this sampler's vocabulary is 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(new float[4], SequenceState.create(1), new Workspace(3)));
        assertEquals("workspace.vocabSize = 3 but this sampler's vocabulary is 4", e.getMessage());
    }

    @Test
    void rejectsNanAndPositiveInfinityLogitsNamingTheIndex() {
        Sampler sampler = Sampler.of(SamplingParams.defaults(), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(new float[] {0f, Float.NaN, 1f}, SequenceState.create(1), new Workspace(3)));
        assertEquals("logits[1] = NaN is not allowed: logits must be finite or -Inf", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(new float[] {0f, 1f, Float.POSITIVE_INFINITY}, SequenceState.create(1), new Workspace(3)));
        assertEquals("logits[2] = Infinity is not allowed: logits must be finite or -Inf", e.getMessage());
    }

    @Test
    void rejectsHistoryTokensOutsideTheVocabulary() {
        Sampler sampler = Sampler.of(SamplingParams.defaults(), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(new float[3], SequenceState.create(1, 0, 3), new Workspace(3)));
        assertEquals("history token id 3 is outside [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SequenceState.create(1, 0, -1));
        assertTrue(e.getMessage().startsWith("prompt[1] = -1 is outside [0, vocabSize)"), e.getMessage());
    }

    @Test
    void reportsAChainThatMasksEveryToken() {
        Sampler sampler = Sampler.of(SamplingParams.builder().bannedTokenIds(0, 1).build(), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(new float[2], SequenceState.create(1), new Workspace(2)));
        assertTrue(e.getMessage().startsWith("no token left to sample: every token is -Inf after the chain banned-tokens"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sampler.of(SamplingParams.defaults(), 2)
                .sample(new float[] {NEG_INF, NEG_INF}, SequenceState.create(1), new Workspace(2)));
    }

    /** Found by RobustnessPropertyTest (seed 142): greedy over an empty allowed set read stale values. */
    @Test
    void greedyOverAnAllowedSetWithNoFiniteLogitReportsNoTokenLeft() {
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(0).allowedTokenIds(1).build(), 3);
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(new float[] {0f, NEG_INF, 2f},
                SequenceState.create(1), new Workspace(3)));
    }

    @Test
    void reportsAPenaltyThatOverflowsToInfinity() {
        Sampler sampler = Sampler.of(SamplingParams.builder().logitBias(0, 3e38f).build(), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(new float[] {3e38f, 0f}, SequenceState.create(1), new Workspace(2)));
        assertTrue(e.getMessage().contains("overflowed float"), e.getMessage());
    }

    @Test
    void processWritesKeptValuesAndMinusInfinityWithoutAdvancing() {
        Sampler sampler = Sampler.of(SamplingParams.builder().topK(2).temperature(0.5).build(), 4);
        float[] out = new float[4];
        SequenceState state = SequenceState.create(1);
        assertEquals(2, sampler.process(new float[] {1f, 4f, 3f, 2f}, state, new Workspace(4), out));
        assertArrayEquals(new float[] {NEG_INF, 4f / 0.5f, 3f / 0.5f, NEG_INF}, out);
        assertEquals(0, state.step());
    }

    @Test
    void presetsMatchTheirPublishedSettings() {
        assertEquals(0.0, SamplingParams.preset(Preset.EXTRACTION).temperature());
        SamplingParams code = SamplingParams.preset(Preset.CODE_COMPLETION);
        assertEquals(0.2, code.temperature());
        assertEquals(0.95, code.topP());
        SamplingParams summary = SamplingParams.preset(Preset.SUMMARIZATION);
        assertEquals(0.3, summary.temperature());
        assertEquals(0.9, summary.topP());
        assertEquals(0.1, SamplingParams.preset(Preset.RAG_QA).temperature());
        SamplingParams brainstorm = SamplingParams.preset(Preset.BRAINSTORMING);
        assertEquals(0.9, brainstorm.temperature());
        assertEquals(0.6, brainstorm.presencePenalty());
        SamplingParams fiction = SamplingParams.preset(Preset.CREATIVE_FICTION);
        assertEquals(1.0, fiction.temperature());
        assertEquals(0.95, fiction.topP());
        assertEquals(0.3, fiction.frequencyPenalty());
    }

    private static int kept(SamplingParams p, float[] logits) {
        float[] out = new float[logits.length];
        return Sampler.of(p, logits.length).process(logits, SequenceState.create(1), new Workspace(logits.length), out);
    }
}
