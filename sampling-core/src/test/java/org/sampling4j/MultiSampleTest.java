package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** n samples from one step's distribution ({@code sampleMany}) and n sequences seeded seed + i. */
class MultiSampleTest {
    private static final long SEED = 0x5A4D_2001L;

    @Test
    void drawZeroIsTheSingleSampleAndDrawJDoesNotDependOnN() {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int trial = 0; trial < 400; trial++) {
            int v = 1 + r.nextInt(300);
            SamplingParams params = LogitsFixtures.extendedParams(r, v).toBuilder().topLogprobs(r.nextInt(5)).build();
            Sampler sampler = Sampler.of(params, v);
            float[] logits = LogitsFixtures.varied(r, v);
            int[] prompt = LogitsFixtures.tokens(r, v, 6);
            int[] generated = LogitsFixtures.tokens(r, v, 10);
            long seed = r.nextLong();
            String where = "trial " + trial + " " + sampler;
            Workspace ws = sampler.newWorkspace();

            SampleResult single = new SampleResult();
            int token;
            try {
                token = sampler.sample(logits, SequenceState.resume(seed, prompt, generated), ws, single);
            } catch (IllegalArgumentException noTokenLeft) {
                continue;
            }
            SequenceState state = SequenceState.resume(seed, prompt, generated);
            int[] eight = new int[8];
            SampleResult[] results = new SampleResult[8];
            for (int j = 0; j < results.length; j++) {
                results[j] = new SampleResult();
            }
            sampler.sampleMany(logits, state, ws, eight, results);
            assertEquals(token, eight[0], where);
            assertEquals(Double.doubleToRawLongBits(single.logprob()), Double.doubleToRawLongBits(results[0].logprob()), where);
            assertEquals(single.topCount(), results[0].topCount(), where);
            assertEquals(single.stopReason(), results[0].stopReason(), where);
            for (int j = 0; j < 8; j++) {
                assertEquals(eight[j], results[j].token(), where);
            }
            assertEquals(generated.length, state.step(), "sampleMany does not advance the state: " + where);
            assertEquals(generated.length, state.generatedLength(), where);

            int[] three = new int[3];
            sampler.sampleMany(logits, SequenceState.resume(seed, prompt, generated), ws, three, null);
            assertArrayEquals(java.util.Arrays.copyOf(eight, 3), three, "token j is independent of n: " + where);
        }
    }

    @Test
    void theSamplesOfOneStepFollowItsProcessedDistribution() {
        int v = 12;
        SplittableRandom r = new SplittableRandom(SEED + 1);
        float[] logits = LogitsFixtures.normal(r, v, 1.5);
        for (ChainOrder order : new ChainOrder[] {ChainOrder.HUGGINGFACE, ChainOrder.LLAMA_CPP}) {
            // Top-p then (in llama.cpp's order) temperature: the deferred nucleus, sampled by rejection rounds.
            SamplingParams params = SamplingParams.builder().temperature(0.8).topP(0.9).chainOrder(order).seed(7).build();
            Sampler sampler = Sampler.of(params, v);
            Workspace ws = sampler.newWorkspace();
            float[] processed = new float[v];
            sampler.process(logits, SequenceState.create(7), ws, processed);
            double[] expected = LogitsFixtures.probabilities(processed);
            int n = 40_000;
            int[] tokens = new int[n];
            sampler.sampleMany(logits, SequenceState.create(7), ws, tokens, null);
            long[] observed = new long[v];
            for (int t : tokens) {
                assertTrue(expected[t] > 0, "token " + t + " was removed by the chain");
                observed[t]++;
            }
            int kept = 0;
            for (double p : expected) {
                kept += p > 0 ? 1 : 0;
            }
            double[] e = new double[kept];
            long[] o = new long[kept];
            for (int i = 0, k = 0; i < v; i++) {
                if (expected[i] > 0) {
                    e[k] = expected[i];
                    o[k++] = observed[i];
                }
            }
            double pValue = new ChiSquareTest().chiSquareTest(e, o);
            assertTrue(pValue > 1e-4, order + ": the draws of one step do not follow the distribution, p = " + pValue);
        }
    }

    @Test
    void sequencesAreSeededSeedPlusIAndEachReproducesAlone() {
        int v = 50;
        SplittableRandom r = new SplittableRandom(SEED + 2);
        Sampler sampler = Sampler.of(SamplingParams.builder().temperature(1.2).seed(1000).build(), v);
        SequenceState[] group = sampler.newSequences(4, 3, 1, 4);
        Workspace ws = sampler.newWorkspace();
        float[][] steps = new float[10][];
        for (int t = 0; t < steps.length; t++) {
            steps[t] = LogitsFixtures.normal(r, v, 2);
        }
        for (int i = 0; i < group.length; i++) {
            assertEquals(1000 + i, group[i].seed());
            assertEquals(3, group[i].promptLength());
            for (float[] row : steps) {
                sampler.sample(row, group[i], ws);
            }
            SequenceState alone = SequenceState.create(1000 + i, 3, 1, 4);
            for (float[] row : steps) {
                sampler.sample(row, alone, ws);
            }
            assertArrayEquals(alone.generatedTokens(), group[i].generatedTokens(), "sequence " + i);
        }
        assertTrue(!java.util.Arrays.equals(group[0].generatedTokens(), group[1].generatedTokens()),
                "different seeds give different sequences");

        SequenceState[] unseeded = Sampler.of(SamplingParams.builder().build(), v).newSequences(3);
        assertEquals(unseeded[0].seed() + 2, unseeded[2].seed(), "unseeded: one random seed s, then s + i");
    }

    @Test
    void badRequestsAreRejectedWithTheirNames() {
        Sampler sampler = Sampler.of(SamplingParams.builder().seed(1).build(), 4);
        float[] logits = {1, 2, 3, 4};
        SequenceState state = SequenceState.create(1);
        Workspace ws = sampler.newWorkspace();
        assertEquals("tokens.length = 0 is outside [1, +Inf): ask for at least one sample",
                assertThrows(IllegalArgumentException.class,
                        () -> sampler.sampleMany(logits, state, ws, new int[0], null)).getMessage());
        assertEquals("results.length = 1 but tokens.length = 2: give one result holder per token, or null",
                assertThrows(IllegalArgumentException.class,
                        () -> sampler.sampleMany(logits, state, ws, new int[2], new SampleResult[1])).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sampler.newSequences(0))
                .getMessage().startsWith("n = 0 is outside [1, +Inf)"));
    }
}
