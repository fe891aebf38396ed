package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded draws follow the processed distribution.
 *
 * <p>Per configuration: 40 repetitions of 10 000 draws; each repetition is a chi-square
 * goodness-of-fit test at alpha = 0.01 against the probabilities of {@link ReferenceSampler}
 * (expected counts below 5 are merged into one bin). The configuration fails when more than 3
 * repetitions reject: under the null hypothesis that happens with probability
 * P(Binomial(40, 0.01) > 3) = 0.08%. Independently, a token the reference removed must never be
 * drawn. Draw i of repetition r uses its own seed, so draws are independent Philox streams.
 */
@Tag("statistical")
class SamplerStatisticalTest {
    private static final long SEED = 0x5A4D_0501L;
    private static final int REPETITIONS = 40;
    private static final int DRAWS = 10_000;
    private static final double ALPHA = 0.01;
    private static final int MAX_REJECTIONS = 3;
    private static final int V = 40;

    static Stream<Arguments> configurations() {
        SamplingParams.Builder base = SamplingParams.builder();
        return Stream.of(
                Arguments.of("full vocabulary, T 1", base.build()),
                Arguments.of("top-k 10, T 0.8", SamplingParams.builder().topK(10).temperature(0.8).build()),
                Arguments.of("top-p 0.9, T 1.3", SamplingParams.builder().topP(0.9).temperature(1.3).build()),
                Arguments.of("min-p 0.1, T 0.7", SamplingParams.builder().minP(0.1).temperature(0.7).build()),
                Arguments.of("penalties", SamplingParams.builder().repetitionPenalty(1.3).frequencyPenalty(0.5)
                        .presencePenalty(0.3).build()),
                Arguments.of("full chain", SamplingParams.builder().repetitionPenalty(1.1).frequencyPenalty(0.3)
                        .presencePenalty(0.6).penaltyLastN(8).topK(25).topP(0.95).minP(0.02).temperature(0.7)
                        .logitBias(3, 2f).build()),
                Arguments.of("llama.cpp order, top-p 0.8 then T 1.5", SamplingParams.builder().topP(0.8)
                        .temperature(1.5).chainOrder(ChainOrder.LLAMA_CPP).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void drawsMatchTheProcessedDistribution(String name, SamplingParams params) {
        SplittableRandom r = new SplittableRandom(SEED);
        float[] logits = LogitsFixtures.normal(r, V, 1.5);
        int[] prompt = {1, 2, 3, 3};
        int[] history = {3, 5, 5, 7, 0, 5};
        double[] p = ReferenceSampler.probabilities(ReferenceSampler.process(logits, params, prompt, history));
        Sampler sampler = Sampler.of(params, V);
        Workspace ws = new Workspace(V);
        int rejections = 0;
        double smallestP = 1;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            long[] observed = new long[V];
            for (int i = 0; i < DRAWS; i++) {
                long seed = (SEED + rep) * 1_000_003L + i;
                int token = sampler.sample(logits, SequenceState.resume(seed, prompt, history), ws);
                assertTrue(p[token] > 0, name + ": drew removed token " + token);
                observed[token]++;
            }
            double pValue = chiSquarePValue(p, observed);
            smallestP = Math.min(smallestP, pValue);
            rejections += pValue < ALPHA ? 1 : 0;
        }
        assertTrue(rejections <= MAX_REJECTIONS,
                name + ": " + rejections + " of " + REPETITIONS + " repetitions rejected; smallest p " + smallestP);
    }

    /** Chi-square p-value with bins of expected count below 5 merged into one. */
    static double chiSquarePValue(double[] p, long[] observed) {
        long n = Arrays.stream(observed).sum();
        List<Integer> tokens = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                tokens.add(i);
            }
        }
        tokens.sort(Comparator.comparingDouble(i -> p[i]));
        List<double[]> bins = new ArrayList<>(); // {expected, observed}
        double[] merged = {0, 0};
        for (int i : tokens) {
            double expected = p[i] * n;
            if (expected < 5 || merged[0] > 0 && merged[0] < 5) {
                merged[0] += expected;
                merged[1] += observed[i];
            } else {
                bins.add(new double[] {expected, observed[i]});
            }
        }
        if (merged[0] > 0) {
            bins.add(merged);
        }
        assertTrue(bins.size() >= 2, "need two bins");
        double[] e = bins.stream().mapToDouble(b -> b[0]).toArray();
        long[] o = bins.stream().mapToLong(b -> (long) b[1]).toArray();
        assertEquals(n, Arrays.stream(o).sum());
        return new ChiSquareTest().chiSquareTest(e, o);
    }
}
