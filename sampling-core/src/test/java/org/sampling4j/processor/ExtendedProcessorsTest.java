package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.junit.jupiter.api.Test;
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;

/** Top-n-sigma, XTC, dynamic temperature, DRY and bad words against hand-computed values and definitions. */
class ExtendedProcessorsTest {
    private static final long SEED = 0x5A4D_1001L;
    private static final float NEG_INF = Float.NEGATIVE_INFINITY;

    private static float[] logitsOf(double... p) {
        float[] x = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            x[i] = (float) Math.log(p[i]);
        }
        return x;
    }

    @Test
    void topNSigmaKeepsLogitsWithinNDeviationsOfTheMax() {
        // mean 0.75, population deviation sqrt(2.1875) = 1.479
        assertArrayEquals(new int[] {0}, Chains.kept(Chains.process(new float[] {3, 1, 0, -1}, new TopNSigmaProcessor(1))));
        assertArrayEquals(new int[] {0, 1}, Chains.kept(Chains.process(new float[] {3, 1, 0, -1}, new TopNSigmaProcessor(1.4))));
        assertArrayEquals(new int[] {0}, Chains.kept(Chains.process(new float[] {3, 1, NEG_INF, 0, -1}, new TopNSigmaProcessor(1))),
                "-Inf tokens are left out of the mean and deviation");
        assertArrayEquals(new int[] {0, 1, 2, 3}, Chains.kept(Chains.process(new float[] {3, 1, 0, -1}, new TopNSigmaProcessor(0))),
                "the off value 0 keeps every token");
        assertEquals("topNSigma = -1 is outside [0, +Inf); 0 disables top-n-sigma",
                assertThrows(IllegalArgumentException.class, () -> new TopNSigmaProcessor(-1)).getMessage());
    }

    @Test
    void topNSigmaMatchesItsDefinitionOnRandomRows() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            float[] x = new float[1 + r.nextInt(300)];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(8) == 0 ? NEG_INF : (float) (r.nextGaussian() * 3);
            }
            x[r.nextInt(x.length)] = 1f;
            double n = r.nextDouble(0.1, 3);
            double sum = 0;
            int count = 0;
            double max = NEG_INF;
            for (float v : x) {
                if (v != NEG_INF) {
                    sum += v;
                    count++;
                    max = Math.max(max, v);
                }
            }
            double mean = sum / count;
            double sq = 0;
            for (float v : x) {
                sq += v != NEG_INF ? (v - mean) * (v - mean) : 0;
            }
            double threshold = max - n * Math.sqrt(sq / count);
            float[] out = Chains.process(x, new TopNSigmaProcessor(n));
            for (int i = 0; i < x.length; i++) {
                boolean keep = x[i] != NEG_INF && x[i] >= threshold;
                // One float of slack either side: the four-accumulator sums round differently.
                if (Math.abs(x[i] - threshold) > 1e-4) {
                    assertEquals(keep, out[i] != NEG_INF, "token " + i + " x = " + x[i] + " threshold " + threshold);
                }
            }
        });
    }

    @Test
    void xtcRemovesEveryTopChoiceButTheLeastProbable() {
        float[] x = logitsOf(0.5, 0.3, 0.15, 0.05);
        float[] out = Chains.process(x, new XtcProcessor(1.0, 0.1, 1));
        assertArrayEquals(new int[] {2, 3}, Chains.kept(out));
        assertEquals(x[2], out[2]);
        assertArrayEquals(new int[] {0, 1, 2, 3}, Chains.kept(Chains.process(x, new XtcProcessor(1.0, 0.4, 1))),
                "only one token above 0.4: nothing to exclude");
        assertArrayEquals(new int[] {0, 1, 2, 3}, Chains.kept(Chains.process(x, new XtcProcessor(1.0, 0.1, 3))),
                "minKeep 3 would be violated");
    }

    @Test
    void xtcMatchesItsDefinitionOnRandomRowsWithMaskedTokens() {
        // Brute force: p over the finite tokens in double; the qualifying ones are removed but the
        // least probable (lowest logit, then highest id) when at least two qualify and at least
        // minKeep tokens stay finite. minKeep 1 skips the processor's count of finite tokens.
        qt().withFixedSeed(SEED).withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            float[] x = new float[1 + r.nextInt(200)];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(3) == 0 ? NEG_INF : (float) (r.nextGaussian() * (0.5 + r.nextInt(4)));
            }
            x[r.nextInt(x.length)] = (float) r.nextGaussian(); // at least one token left to sample
            double threshold = r.nextInt(6) == 0 ? 0.0 : r.nextDouble(0.001, 0.5);
            int minKeep = 1 + r.nextInt(4);
            float max = NEG_INF;
            int finite = 0;
            for (float v : x) {
                max = Math.max(max, v);
                finite += v == NEG_INF ? 0 : 1;
            }
            float[] expected = x.clone();
            {
                double total = 0;
                for (float v : x) {
                    total += v == NEG_INF ? 0 : Math.exp(v - max);
                }
                int last = -1;
                int qualifying = 0;
                boolean[] qualifies = new boolean[x.length];
                for (int i = 0; i < x.length; i++) {
                    qualifies[i] = x[i] != NEG_INF && Math.exp(x[i] - max) / total >= threshold;
                    if (qualifies[i]) {
                        qualifying++;
                        if (last < 0 || x[i] <= x[last]) {
                            last = i;
                        }
                    }
                }
                if (qualifying >= 2 && finite - (qualifying - 1) >= minKeep) {
                    for (int i = 0; i < x.length; i++) {
                        if (qualifies[i] && i != last) {
                            expected[i] = NEG_INF;
                        }
                    }
                }
            }
            float[] out = Chains.process(x, new XtcProcessor(1.0, threshold, minKeep));
            // A token whose p sits within rounding of the threshold may go either way; skip those rows.
            if (!nearThreshold(x, max, threshold)) {
                assertArrayEquals(expected, out, "seed " + seed + ", threshold " + threshold + ", minKeep " + minKeep);
            }
        });
    }

    /**
     * Thresholds at a token's own probability, and within 1e-9 to 3e-3 of it on either side, where
     * XTC's envelope bounds on W cannot decide and the exact sum must: the qualifying tokens are
     * those at or above the exact cut, {@code smallestFloatAtLeast(max + T ln(threshold W))} with W
     * the kernels' exp-sum, at T 1 and 0.7.
     */
    @Test
    void xtcDecidesTokensAtTheThresholdByTheExactSum() {
        org.sampling4j.kernel.Kernels kernels = org.sampling4j.kernel.KernelsProvider.scalar();
        qt().withFixedSeed(SEED + 7).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            float[] x = new float[2 + r.nextInt(3000)];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(5) == 0 ? NEG_INF : (float) (r.nextGaussian() * (0.3 + r.nextInt(3)));
            }
            x[r.nextInt(x.length)] = 0f;
            float temperature = r.nextBoolean() ? 1f : 0.7f;
            float max = kernels.max(x, 0, x.length);
            float scale = 1f / temperature;
            double total = kernels.expSum(x, 0, x.length, max, scale);
            int j;
            do {
                j = r.nextInt(x.length);
            } while (x[j] == NEG_INF);
            double[] nudges = {0, 1e-9, -1e-9, 1e-4, -1e-4, 3e-3, -3e-3};
            double threshold = Math.min(0.5, org.sampling4j.kernel.FastExp.weight(x[j], max, scale) / total
                    * (1 + nudges[r.nextInt(nudges.length)]));
            float cut = org.sampling4j.chain.Selection.smallestFloatAtLeast(max + temperature * StrictMath.log(threshold * total));
            float[] expected = x.clone();
            int last = -1;
            int qualifying = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i] >= cut) {
                    qualifying++;
                    if (last < 0 || x[i] <= x[last]) {
                        last = i;
                    }
                }
            }
            if (qualifying >= 2) {
                for (int i = 0; i < x.length; i++) {
                    if (x[i] >= cut && i != last) {
                        expected[i] = NEG_INF;
                    }
                }
            }
            float[] out = temperature == 1f ? Chains.process(x, new XtcProcessor(1.0, threshold, 1))
                    : Chains.process(x, new TemperatureProcessor(temperature), new XtcProcessor(1.0, threshold, 1));
            for (int i = 0; i < x.length; i++) {
                float e = temperature == 1f || expected[i] == NEG_INF ? expected[i] : expected[i] / temperature;
                assertEquals(Float.floatToRawIntBits(e), Float.floatToRawIntBits(out[i]),
                        "seed " + seed + ", token " + i + ", threshold " + threshold + " at token " + j);
            }
        });
    }

    private static boolean nearThreshold(float[] x, float max, double threshold) {
        double total = 0;
        for (float v : x) {
            total += v == NEG_INF ? 0 : Math.exp(v - max);
        }
        for (float v : x) {
            if (v != NEG_INF && threshold > 0 && Math.abs(Math.exp(v - max) / total / threshold - 1) < 1e-5) {
                return true;
            }
        }
        return false;
    }

    @Test
    void xtcAboveHalfIsAcceptedEverywhereAndAddsNoStep() {
        // One range, [0, 1], for params and processor; one gate: above 0.5 at most one token can qualify.
        float[] x = logitsOf(0.6, 0.4);
        assertArrayEquals(new int[] {0, 1}, Chains.kept(Chains.process(x, new XtcProcessor(1.0, Math.nextUp(0.5), 1))));
        assertArrayEquals(new int[] {0, 1}, Chains.kept(Chains.process(x, new XtcProcessor(1.0, 1.0, 1))));
        assertTrue(XtcProcessor.enabledBy(1.0, 0.5));
        assertFalse(XtcProcessor.enabledBy(1.0, Math.nextUp(0.5)));
        Sampler above = Sampler.of(SamplingParams.builder().xtc(1.0, 0.75).build(), 4);
        assertEquals("pick(inverse-cdf)", above.toString());
        assertEquals("xtc > pick(inverse-cdf)", Sampler.of(SamplingParams.builder().xtc(1.0, 0.5).build(), 4).toString());
    }

    @Test
    void xtcFiresWithItsProbabilityAndNeverShiftsThePickersDraws() {
        float[] x = logitsOf(0.5, 0.3, 0.15, 0.05);
        Sampler xtc = Sampler.builder(4).add(new XtcProcessor(0.3, 0.1, 1)).build();
        Sampler plain = Sampler.builder(4).build();
        Workspace ws = new Workspace(4);
        SequenceState a = SequenceState.create(SEED);
        SequenceState b = SequenceState.create(SEED);
        int fired = 0;
        int steps = 4000;
        for (int i = 0; i < steps; i++) {
            int withXtc = xtc.sample(x, a, ws);
            int without = plain.sample(x, b, ws);
            if (withXtc >= 2 && without < 2) {
                fired++; // the pick moved from a top choice to one XTC kept
            }
            if (withXtc < 2) {
                assertEquals(without, withXtc, "when XTC does not fire, the picker's draw is unchanged");
            }
        }
        // fired = coin heads and the plain draw a top choice (p = 0.8): rate 0.3 * 0.8.
        double p = new BinomialTest().binomialTest(steps, fired, 0.24, AlternativeHypothesis.TWO_SIDED);
        assertTrue(p > 0.001, "fired " + fired + " of " + steps + ", p-value " + p);
    }

    @Test
    void dynamicTemperatureFollowsTheNormalisedEntropy() {
        Sampler flat = Sampler.builder(2).add(new DynamicTemperatureProcessor(1.0, 0.5, 1.0)).build();
        float[] out = new float[2];
        flat.process(new float[] {3f, 3f}, SequenceState.create(1), new Workspace(2), out);
        assertEquals(3f / 1.5f, out[0], 1e-6f, "h = 1: T_dyn = T + range");

        // p = [0.9, 0.1]: H = 0.325 nats, h = H / ln 2 = 0.469, T_dyn = 0.5 + 1.0 * h^2
        double h = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)) / Math.log(2);
        float[] x = logitsOf(0.9, 0.1);
        Sampler.builder(2).add(new DynamicTemperatureProcessor(1.0, 0.5, 2.0)).build()
                .process(x, SequenceState.create(1), new Workspace(2), out);
        assertEquals(x[1] / (0.5 + h * h), out[1], 1e-5);
    }

    @Test
    void dryPenalisesTheTokenThatWouldExtendARepetition() {
        float[] x = new float[6];
        float[] out = Chains.process(x, new int[0], new int[] {1, 2, 3, 1, 2}, new DryProcessor(1, 2, 2, 0, new int[0][]));
        assertArrayEquals(new float[] {0, 0, 0, -1, 0, 0}, out);
        // Longer repeat: [1 2 3 4 1 2 3] -> 4 extends a repeat of 3: 0.8 * 1.75^(3 - 2)
        out = Chains.process(x, new int[0], new int[] {1, 2, 3, 4, 1, 2, 3}, new DryProcessor(0.8, 1.75, 2, 0, new int[0][]));
        assertEquals(-0.8f * 1.75f, out[4], 1e-6f);
        assertEquals(0f, out[1], "1 follows a repeat of length 0 only");
        // A breaker just before the repeat caps it: tokens since the breaker (5) are [1 2], length 2.
        out = Chains.process(x, new int[0], new int[] {1, 2, 3, 1, 5, 1, 2}, new DryProcessor(1, 2, 2, 0, new int[][] {{5}}));
        assertArrayEquals(new float[] {0, 0, 0, -1, 0, 0}, out);
        out = Chains.process(x, new int[0], new int[] {1, 2, 3, 1, 2, 5}, new DryProcessor(1, 2, 0, 0, new int[][] {{5}}));
        assertArrayEquals(new float[6], out, "the text ends on a breaker: no repetition to extend");
        // The window: with the last 3 tokens only, [3 1 2] has no earlier [1 2].
        out = Chains.process(x, new int[0], new int[] {1, 2, 3, 1, 2}, new DryProcessor(1, 2, 2, 3, new int[0][]));
        assertArrayEquals(new float[6], out);
        out = Chains.process(x, new int[0], new int[] {1, 2, 3, 1, 2}, new DryProcessor(0, 2, 2, 0, new int[0][]));
        assertArrayEquals(new float[6], out, "the off value 0 penalises nothing");
    }

    @Test
    void drysZFunctionMatchesTheNaiveSuffixLengths() {
        qt().withFixedSeed(SEED).withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int[] h = new int[1 + r.nextInt(60)];
            for (int i = 0; i < h.length; i++) {
                h[i] = r.nextInt(3);
            }
            SequenceState s = SequenceState.resume(1, new int[0], h);
            int[] z = new int[h.length];
            DryProcessor.zOfReversed(s, 0, h.length, z);
            for (int i = 1; i < h.length; i++) {
                int k = 0;
                while (k < h.length - i && h[h.length - 1 - k] == h[h.length - 1 - i - k]) {
                    k++;
                }
                assertEquals(k, z[i], "i = " + i);
            }
        });
    }

    @Test
    void badWordsBanTheLastTokenAfterTheRest() {
        BadWordsProcessor p = new BadWordsProcessor(new int[][] {{7}, {3, 4}});
        float[] x = new float[8];
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6}, Chains.kept(Chains.process(x, new int[] {3}, new int[] {1, 3}, p)));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, Chains.kept(Chains.process(x, new int[] {3}, new int[0], p)),
                "the prompt is not matched");
        assertEquals("badWords[0] contains token id 9, outside [0, 8)", assertThrows(IllegalArgumentException.class,
                () -> Sampler.builder(8).add(new BadWordsProcessor(new int[][] {{9}})).build()).getMessage());
    }

    @Test
    void mirostatV2TruncatesBySurpriseAndSteersMu() {
        float[] x = logitsOf(0.5, 0.25, 0.125, 0.125);
        Sampler sampler = Sampler.of(SamplingParams.builder().mirostat(2, 1.1, 0.5).build(), 4);
        Workspace ws = sampler.newWorkspace();
        int[] counts = new int[4];
        for (long seed = 0; seed < 3000; seed++) {
            SequenceState s = SequenceState.create(seed);
            SampleResult r = new SampleResult();
            int token = sampler.sample(x, s, ws, r);
            counts[token]++;
            // mu = 2 tau = 2.2 keeps p >= 2^-2.2 = 0.218: tokens 0 and 1, renormalised to 2/3 and 1/3.
            double q = token == 0 ? 2.0 / 3 : 1.0 / 3;
            assertEquals(2.2 - 0.5 * (-Math.log(q) / Math.log(2) - 1.1), s.pickerState(), 1e-6);
            s.rollback(1);
            assertTrue(Double.isNaN(s.pickerState()), "rollback restores the state before the step");
        }
        assertEquals(0, counts[2] + counts[3]);
        double p = new BinomialTest().binomialTest(3000, counts[0], 2.0 / 3, AlternativeHypothesis.TWO_SIDED);
        assertTrue(p > 0.001, counts[0] + " of 3000, p-value " + p);
    }

    @Test
    void mirostatV1PicksTheZipfTopK() {
        // p_i ~ (i + 1)^-2 gives s = 2 exactly; tau 3 -> mu 6: k = (1 * 2^6 / (1 - 1000^-1))^(1/2) = 8.004 -> 8
        double[] p = new double[1000];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1.0 / ((i + 1.0) * (i + 1.0));
        }
        Sampler sampler = Sampler.of(SamplingParams.builder().mirostat(1, 3.0, 0.1).build(), 1000);
        SampleResult r = new SampleResult();
        SequenceState s = SequenceState.create(SEED);
        int token = sampler.sample(logitsOf(p), s, sampler.newWorkspace(), r);
        assertEquals(8, r.keptCount());
        assertTrue(token < 8);
    }
}
