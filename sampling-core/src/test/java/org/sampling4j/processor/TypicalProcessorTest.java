package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.random.PortableGaussian;

class TypicalProcessorTest {
    private static final long SEED = 0x5A4D_1101L;
    /** Softmax [0.4, 0.3, 0.2, 0.1]: H = 1.2799, distances 0.364, 0.076, 0.329, 1.023. */
    private static final float[] LOGITS = {
        (float) Math.log(0.4), (float) Math.log(0.3), (float) Math.log(0.2), (float) Math.log(0.1)
    };
    private static final double MARGIN = 1e-5;

    @Test
    void keepsTheTokensClosestToTheEntropyUntilTheMassIsReached() {
        assertArrayEquals(new int[] {1}, kept(0.3 - MARGIN, 1));
        assertArrayEquals(new int[] {1, 2}, kept(0.3 + MARGIN, 1));
        assertArrayEquals(new int[] {1, 2}, kept(0.5 - MARGIN, 1));
        assertArrayEquals(new int[] {0, 1, 2}, kept(0.5 + MARGIN, 1));
        assertArrayEquals(new int[] {0, 1, 2, 3}, kept(0.9 + MARGIN, 1));
    }

    @Test
    void minKeepKeepsTheClosestTokens() {
        assertArrayEquals(new int[] {0, 1, 2}, kept(0.1, 3), "the 3 smallest distances: tokens 1, 2, 0");
    }

    @Test
    void aUniformRowKeepsEverything() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Chains.kept(Chains.process(new float[4], new TypicalProcessor(0.2, 1))));
    }

    @Test
    void worksOnSparseSets() {
        // Top 3 renormalised: [0.444, 0.333, 0.222], H = 1.0609; distances 0.250, 0.038, 0.443.
        float[] out = Chains.process(LOGITS, new TopKProcessor(3), new TypicalProcessor(0.7, 1));
        assertArrayEquals(new int[] {0, 1}, Chains.kept(out));
    }

    @Test
    void bucketedQuantileKeepsTheSameSetAsAFullSort() {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int trial = 0; trial < 60; trial++) {
            int v = 1500 + r.nextInt(6000);
            float[] logits = new float[v];
            double sigma = r.nextDouble(0.2, 4);
            for (int i = 0; i < v; i++) {
                logits[i] = (float) (PortableGaussian.next(r) * sigma);
            }
            double mass = r.nextDouble(0.05, 0.99);
            int[] expected = referenceKept(logits, mass);
            int[] actual = Chains.kept(Chains.process(logits, new TypicalProcessor(mass, 1)));
            assertArrayEquals(expected, actual, "trial " + trial + " v " + v + " mass " + mass);
        }
    }

    @Test
    void rejectsOutOfRangeTypicalP() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TypicalProcessor(0, 1));
        assertEquals("typicalP = 0 is outside (0, 1]; 1 disables typical-p", e.getMessage());
    }

    /** HF's definition with a full sort, on the same float32 distances and weights. */
    private static int[] referenceKept(float[] logits, double mass) {
        float max = Float.NEGATIVE_INFINITY;
        for (float x : logits) {
            max = Math.max(max, x);
        }
        double total = 0;
        double weighted = 0;
        float[] w = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            float t = logits[i] - max;
            w[i] = org.sampling4j.kernel.FastExp.exp(t);
            total += w[i];
            weighted += (double) w[i] * t;
        }
        float center = (float) (weighted / total);
        float[] s = new float[logits.length];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < logits.length; i++) {
            s[i] = TypicalProcessor.distance(logits[i] - max, center);
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> s[i]).thenComparingInt(i -> i));
        double cumulative = 0;
        float limit = s[order.get(order.size() - 1)];
        for (int i : order) {
            cumulative += w[i];
            if (cumulative >= mass * total) {
                limit = s[i];
                break;
            }
        }
        final float bound = limit;
        return java.util.stream.IntStream.range(0, logits.length).filter(i -> s[i] <= bound).toArray();
    }

    private static int[] kept(double typicalP, int minKeep) {
        return Chains.kept(Chains.process(LOGITS, new TypicalProcessor(typicalP, minKeep)));
    }

    /** The kept logits form an interval; its ends are the exact float bounds of |t - center| <= limit. */
    @Test
    void keptLogitIntervalEndsAreExactOnTheFloatGrid() {
        org.quicktheories.QuickTheory.qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(org.quicktheories.generators.SourceDSL.longs().all()).checkAssert(seed -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    float max = (float) r.nextDouble(-50, 50);
                    float scale = (float) (1 / r.nextDouble(0.05, 5));
                    float center = (float) -r.nextDouble(0, 30);
                    float limit = r.nextInt(10) == 0 ? 0f : (float) r.nextDouble(0, 20);
                    float low = TypicalInterval.lowestWithin(max, scale, center, limit);
                    float high = TypicalInterval.highestWithin(max, scale, center, limit);
                    String where = "seed " + seed + " max " + max + " scale " + scale + " center " + center + " limit " + limit;
                    // The lower end is the first float at or above -limit, the upper end the last at or below limit.
                    assertTrue(offset(low, max, scale, center) >= -limit, where + " low " + low);
                    assertTrue(low == -Float.MAX_VALUE || offset(Math.nextDown(low), max, scale, center) < -limit, where + " below low");
                    assertTrue(offset(high, max, scale, center) <= limit, where + " high " + high);
                    assertTrue(high == Float.MAX_VALUE || offset(Math.nextUp(high), max, scale, center) > limit, where + " above high");
                    // Every float in [low, high] is kept; an empty set has high < low.
                    assertEquals(low <= high, within(low, max, scale, center, limit), where);
                });
    }

    private static float offset(float x, float max, float scale, float center) {
        return (x - max) * scale - center;
    }

    private static boolean within(float x, float max, float scale, float center, float limit) {
        return TypicalProcessor.distance((x - max) * scale, center) <= limit;
    }
}
