package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A top-p cut that only temperature follows is sampled by rejection without finding its
 * boundary. Every draw must lie in the nucleus that {@link Sampler#process} materializes, and the
 * draws must follow its distribution (chi-square, 20 repetitions of 10 000 draws at alpha 0.01,
 * fail if more than 2 reject: false alarm P(Binomial(20, 0.01) > 2) = 0.1%).
 */
@Tag("statistical")
class DeferredNucleusTest {
    private static final long SEED = 0x5A4D_0E01L;
    private static final int REPETITIONS = 20;
    private static final int DRAWS = 10_000;

    @ParameterizedTest(name = "V {0}, top-p {1}, T {2}, {3}")
    @CsvSource({
        "3000, 0.95, 1.5, HUGGINGFACE",   // huge nucleus
        "3000, 0.5, 0.7, HUGGINGFACE",
        "3000, 0.9, 0.7, LLAMA_CPP",      // nucleus at T 1, drawn at T 0.7
        "3000, 0.6, 3.0, LLAMA_CPP",      // drawn much flatter than cut: many rejections
        "200, 0.02, 50.0, LLAMA_CPP"      // one-token nucleus, near-uniform proposals: the fallback
    })
    void drawsStayInTheNucleusAndFollowItsDistribution(int v, double topP, double t, ChainOrder order) {
        SplittableRandom r = new SplittableRandom(SEED + v);
        float[] logits = LogitsFixtures.normal(r, v, 2);
        SamplingParams params = SamplingParams.builder().topP(topP).temperature(t).chainOrder(order).build();
        Sampler sampler = Sampler.of(params, v);
        Workspace ws = sampler.newWorkspace();
        float[] processed = new float[v];
        sampler.process(logits, SequenceState.create(0), ws, processed);
        double[] p = ReferenceSampler.probabilities(processed);
        int rejections = 0;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            long[] observed = new long[v];
            for (int i = 0; i < DRAWS; i++) {
                int token = sampler.sample(logits, SequenceState.create((SEED + rep) * 1_000_003L + i), ws);
                assertTrue(processed[token] != Float.NEGATIVE_INFINITY, "drew " + token + ", outside the nucleus");
                observed[token]++;
            }
            if (count(p) > 1) {
                rejections += SamplerStatisticalTest.chiSquarePValue(p, observed) < 0.01 ? 1 : 0;
            }
        }
        assertTrue(rejections <= 2, rejections + " of " + REPETITIONS + " repetitions rejected");
    }

    @ParameterizedTest(name = "V {0}")
    @CsvSource({"1000", "130000"})
    void logprobsOfADeferredCutAreThoseOfTheMaterializedSet(int v) {
        float[] logits = LogitsFixtures.normal(new SplittableRandom(SEED), v, 3);
        Sampler sampler = Sampler.of(SamplingParams.builder().topP(0.9).temperature(0.8).seed(SEED).build(), v);
        Workspace ws = sampler.newWorkspace();
        float[] processed = new float[v];
        int kept = sampler.process(logits, SequenceState.create(0), ws, processed);
        SampleResult result = new SampleResult();
        int token = sampler.sample(logits, SequenceState.create(SEED), ws, result);
        assertEquals(kept, result.keptCount());
        double[] p = ReferenceSampler.probabilities(processed);
        assertEquals(Math.log(p[token]), result.logprob(), 1e-5);
    }

    private static int count(double[] p) {
        int n = 0;
        for (double x : p) {
            n += x > 0 ? 1 : 0;
        }
        return n;
    }
}
