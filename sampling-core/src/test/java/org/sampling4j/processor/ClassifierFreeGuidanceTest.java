package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.sampling4j.LogitsFixtures;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;

/** Classifier-free guidance against hand-computed values and HF's formula in double. */
class ClassifierFreeGuidanceTest {
    private static final long SEED = 0x5A4D_4001L;
    private static final float NEG_INF = Float.NEGATIVE_INFINITY;

    private static float[] guide(double scale, float[] x, float[] u) {
        Sampler sampler = Sampler.builder(x.length).add(new ClassifierFreeGuidanceProcessor(scale)).build();
        float[] xBefore = x.clone();
        float[] uBefore = u.clone();
        float[] out = new float[x.length];
        sampler.process(x, u, SequenceState.create(1), sampler.newWorkspace(), out);
        assertArrayEquals(xBefore, x, "the conditional row is untouched");
        assertArrayEquals(uBefore, u, "the unconditional row is untouched");
        return out;
    }

    @Test
    void scaleTwoSquaresTheRatioToTheUnconditionalRow() {
        // p = (3/4, 1/4), q = (1/2, 1/2), s = 2: p^2 / q = (9/8, 1/8) -> (9/10, 1/10)
        double[] p = LogitsFixtures.probabilities(guide(2, new float[] {(float) Math.log(3), 0}, new float[] {0, 0}));
        assertEquals(0.9, p[0], 1e-6);
        assertEquals(0.1, p[1], 1e-6);
        // s = 0 samples the unconditional row: (1/5, 4/5)
        double[] q = LogitsFixtures.probabilities(guide(0, new float[] {5, 0}, new float[] {0, (float) Math.log(4)}));
        assertEquals(0.2, q[0], 1e-6);
        assertEquals(0.8, q[1], 1e-6);
    }

    @Test
    void matchesHfFormulaOnRandomRows() {
        qt().withFixedSeed(SEED).withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int v = 1 + r.nextInt(400);
            float[] x = LogitsFixtures.normal(r, v, r.nextDouble(0.1, 6));
            float[] u = LogitsFixtures.normal(r, v, r.nextDouble(0.1, 6));
            if (r.nextBoolean()) {
                x[r.nextInt(v)] = NEG_INF;
            }
            x[r.nextInt(v)] = 1f;
            double s = r.nextDouble(0, 4);
            double xn = logSumExp(x);
            double un = logSumExp(u);
            float[] out = guide(s, x, u);
            for (int i = 0; i < v; i++) {
                if (x[i] == NEG_INF) {
                    assertEquals(NEG_INF, out[i], "removed stays removed");
                    continue;
                }
                double expected = s * ((x[i] - xn) - (u[i] - un)) + (u[i] - un);
                assertEquals(expected, out[i], 1e-5 * (1 + Math.abs(expected)), "seed " + seed + " token " + i);
            }
        });
    }

    private static double logSumExp(float[] x) {
        double max = NEG_INF;
        for (float f : x) {
            max = Math.max(max, f);
        }
        double sum = 0;
        for (float f : x) {
            sum += Math.exp(f - max);
        }
        return max + Math.log(sum);
    }

    @Test
    void undefinedRowsAndMissingRowsAreRejected() {
        assertEquals("unconditionalLogits[1] = -Infinity where logits[1] is finite: guidance with guidanceScale = 1.5 > 1"
                        + " would make the token +Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> guide(1.5, new float[] {1, 2}, new float[] {0, NEG_INF})).getMessage());
        assertEquals(NEG_INF, guide(0.5, new float[] {1, 2}, new float[] {0, NEG_INF})[1],
                "below 1 a token the unconditional row removes is removed");
        assertEquals("unconditionalLogits[0] = NaN is not allowed: logits must be finite or -Inf",
                assertThrows(IllegalArgumentException.class,
                        () -> guide(2, new float[] {1, 2}, new float[] {Float.NaN, 0})).getMessage());
        assertEquals("every unconditional logit is -Infinity: the unconditional distribution is undefined",
                assertThrows(IllegalArgumentException.class,
                        () -> guide(2, new float[] {1, 2}, new float[] {NEG_INF, NEG_INF})).getMessage());

        Sampler guided = Sampler.of(SamplingParams.builder().guidanceScale(1.5).seed(3).build(), 2);
        Workspace ws = guided.newWorkspace();
        assertEquals("guidance > pick(inverse-cdf)", guided.toString());
        assertEquals("classifier-free guidance (guidanceScale = 1.5) needs the unconditional logits: call"
                        + " Sampler.sample(logits, unconditionalLogits, ...)",
                assertThrows(IllegalArgumentException.class,
                        () -> guided.sample(new float[] {1, 2}, SequenceState.create(1), ws)).getMessage());
        Sampler plain = Sampler.of(SamplingParams.builder().seed(3).build(), 2);
        assertEquals("unconditionalLogits were passed but the chain pick(inverse-cdf) has no classifier-free guidance:"
                        + " set guidanceScale != 1, or pass none",
                assertThrows(IllegalArgumentException.class, () -> plain.sample(new float[] {1, 2}, new float[] {1, 2},
                        SequenceState.create(1), plain.newWorkspace(), null)).getMessage());
        assertEquals("unconditionalLogits.length = 3 but this sampler's vocabulary is 2",
                assertThrows(IllegalArgumentException.class, () -> guided.sample(new float[] {1, 2}, new float[3],
                        SequenceState.create(1), ws, null)).getMessage());
        assertNotEquals(guided.fingerprint(),
                Sampler.of(SamplingParams.builder().guidanceScale(1.6).seed(3).build(), 2).fingerprint());
    }

    @Test
    void guidedSamplingDrawsFromTheGuidedDistribution() {
        Sampler guided = Sampler.of(SamplingParams.builder().guidanceScale(3).seed(9).build(), 3);
        Workspace ws = guided.newWorkspace();
        float[] x = {2, 1, 0};
        float[] u = {4, 0, 0};
        int draws = 20_000;
        long[] counts = new long[3];
        SequenceState state = SequenceState.create(9);
        for (int i = 0; i < draws; i++) {
            counts[guided.sample(x, u, state, ws, null)]++;
        }
        double[] p = LogitsFixtures.probabilities(guide(3, x, u));
        double pValue = new ChiSquareTest().chiSquareTest(p, counts);
        assertTrue(pValue > 1e-3, "guided draws do not follow the guided distribution: p = " + pValue
                + " counts " + java.util.Arrays.toString(counts) + " expected " + java.util.Arrays.toString(p));
        // The workspace forgets the unconditional row after each step: a plain chain may reuse it.
        Sampler plain = Sampler.of(SamplingParams.builder().seed(9).build(), 3);
        assertEquals(plain.sample(x, SequenceState.create(9), plain.newWorkspace()),
                plain.sample(x, SequenceState.create(9), ws));
    }
}
