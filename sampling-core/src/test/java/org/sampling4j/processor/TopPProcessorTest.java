package org.sampling4j.processor;

import org.sampling4j.random.PortableGaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopPProcessorTest {
    private static final long SEED = 0x5A4D_0301L;

    /** Logits whose softmax is exactly [0.5, 0.3, 0.15, 0.05] (up to float rounding of the logs). */
    private static final float[] LOGITS = {
        (float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15), (float) Math.log(0.05)
    };

    @Test
    void keepsTheSmallestPrefixReachingP() {
        assertArrayEquals(new int[] {0}, kept(0.5 - 1e-6));
        assertArrayEquals(new int[] {0, 1}, kept(0.5 + 1e-6));
        assertArrayEquals(new int[] {0, 1}, kept(0.8 - 1e-6));
        assertArrayEquals(new int[] {0, 1, 2}, kept(0.8 + 1e-6));
        assertArrayEquals(new int[] {0, 1, 2, 3}, kept(0.95 + 1e-6));
    }

    @Test
    void usesProbabilitiesAfterThePendingTemperature() {
        // At T = 0.5 the probabilities become 0.5^2 : 0.3^2 : ... = [0.718, 0.259, 0.065, 0.007] / 1.
        double z = 0.25 + 0.09 + 0.0225 + 0.0025;
        assertArrayEquals(new int[] {0}, Chains.kept(Chains.process(LOGITS, new TemperatureProcessor(0.5),
                new TopPProcessor(0.25 / z - 1e-6, 1))));
        assertArrayEquals(new int[] {0, 1}, Chains.kept(Chains.process(LOGITS, new TemperatureProcessor(0.5),
                new TopPProcessor(0.25 / z + 1e-6, 1))));
    }

    @Test
    void minKeepOverridesTheMass() {
        assertArrayEquals(new int[] {0, 1, 2}, Chains.kept(Chains.process(LOGITS, new TopPProcessor(0.1, 3))));
    }

    @Test
    void tiesAtTheCutGoToTheLowerId() {
        float[] logits = {0f, 1f, 1f, 1f};
        assertArrayEquals(new int[] {1, 2}, Chains.kept(Chains.process(logits, new TopPProcessor(0.5, 1))));
    }

    @Test
    void bucketedPathKeepsTheSameSetAsTheSortedPath() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int trial = 0; trial < 200; trial++) {
            int v = 50 + random.nextInt(3000);
            float[] logits = new float[v];
            double sigma = random.nextDouble(0.01, 6);
            boolean ties = trial % 5 == 0;
            for (int i = 0; i < v; i++) {
                logits[i] = (float) (PortableGaussian.next(random) * sigma);
                if (ties) {
                    logits[i] = Math.round(logits[i] * 2) / 2f;
                }
                if (trial % 7 == 0 && random.nextInt(4) == 0) {
                    logits[i] = Float.NEGATIVE_INFINITY;
                }
            }
            double p = random.nextDouble(0.05, 0.999);
            double t = random.nextDouble(0.3, 2);
            float[] sorted = Chains.process(logits, new TemperatureProcessor(t), new TopPProcessor(p, 1, Integer.MAX_VALUE));
            float[] bucketed = Chains.process(logits, new TemperatureProcessor(t), new TopPProcessor(p, 1, 8));
            assertArrayEquals(Chains.kept(sorted), Chains.kept(bucketed), "trial " + trial + " v " + v + " p " + p);
        }
    }

    /**
     * minKeep above the nucleus on the bucketed path: the first level's partition sets the dropped
     * tokens aside, and the fallback to the minKeep best must see every candidate again.
     */
    @Test
    void bucketedPathHonoursMinKeepAboveTheNucleus() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int trial = 0; trial < 100; trial++) {
            int v = 200 + random.nextInt(3000);
            float[] logits = new float[v];
            double sigma = random.nextDouble(0.5, 6);
            for (int i = 0; i < v; i++) {
                logits[i] = (float) (PortableGaussian.next(random) * sigma);
            }
            double p = random.nextDouble(0.05, 0.6);
            int minKeep = 1 + random.nextInt(150);
            float[] sorted = Chains.process(logits, new TopPProcessor(p, minKeep, Integer.MAX_VALUE));
            float[] bucketed = Chains.process(logits, new TopPProcessor(p, minKeep, 8));
            int[] kept = Chains.kept(bucketed);
            assertArrayEquals(Chains.kept(sorted), kept, "trial " + trial + " v " + v + " p " + p + " minKeep " + minKeep);
            assertTrue(kept.length >= minKeep, "trial " + trial + ": " + kept.length + " < minKeep " + minKeep);
        }
    }

    @Test
    void aLongRunOfTiesIsCutAtTheLowestIdsOnTheBucketedPath() {
        float[] logits = new float[5000];
        java.util.Arrays.fill(logits, 1.5f);
        logits[4999] = 9f; // one clear winner with mass e^7.5 / (e^7.5 + 4999) = 0.27
        double winner = Math.exp(7.5) / (Math.exp(7.5) + 4999);
        double tie = 1 / (Math.exp(7.5) + 4999);
        // p = winner + 1000.5 ties: the nucleus is the winner and ties 0..1000 (1001 of them).
        int[] kept = Chains.kept(Chains.process(logits, new TopPProcessor(winner + 1000.5 * tie, 1, 8)));
        assertEquals(1002, kept.length);
        assertEquals(1000, kept[1000]);
        assertEquals(4999, kept[1001]);
    }

    @Test
    void rejectsOutOfRangeTopPNamingFieldValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopPProcessor(1.5, 1));
        assertEquals("topP = 1.5 is outside (0, 1]; 1 disables top-p", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TopPProcessor(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TopPProcessor(Double.NaN, 1));
        e = assertThrows(IllegalArgumentException.class, () -> new TopPProcessor(0.5, 0));
        assertEquals("minKeep = 0 is outside [1, +Inf)", e.getMessage());
    }

    private static int[] kept(double p) {
        return Chains.kept(Chains.process(LOGITS, new TopPProcessor(p, 1)));
    }

    /**
     * The prefilter may only drop tokens outside the nucleus: on seeded rows from nearly flat
     * (W close to V, where the bound from W is tightest) to sharp, the nucleus's last token, found by
     * a full sort, is never below the prefilter's logit.
     */
    @Test
    void prefilterFromTheTotalWeightNeverCutsIntoTheNucleus() {
        SplittableRandom r = new SplittableRandom(0x70BB_F17EL);
        for (int trial = 0; trial < 300; trial++) {
            int v = 50 + r.nextInt(5000);
            double sigma = trial % 3 == 0 ? 1e-3 : 0.05 + 5 * r.nextDouble();
            float[] x = new float[v];
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < v; i++) {
                x[i] = (float) (PortableGaussian.next(r) * sigma);
                max = Math.max(max, x[i]);
            }
            float temperature = (float) (0.2 + 2 * r.nextDouble());
            double topP = 0.05 + 0.94 * r.nextDouble();
            float scale = 1f / temperature;
            float[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            double total = 0;
            for (float value : sorted) {
                total += org.sampling4j.kernel.FastExp.weight(value, max, scale);
            }
            double mass = 0;
            float last = sorted[v - 1];
            for (int i = v - 1; i >= 0 && mass < topP * total; i--) {
                mass += org.sampling4j.kernel.FastExp.weight(sorted[i], max, scale);
                last = sorted[i];
            }
            float threshold = TopPProcessor.prefilter(max, temperature, topP, v, total);
            int at = trial;
            float boundary = last;
            org.junit.jupiter.api.Assertions.assertTrue(boundary >= threshold, () -> "trial " + at + ": nucleus ends at "
                    + boundary + " below the prefilter " + threshold + " (V " + v + ", T " + temperature + ", top-p " + topP + ")");
        }
    }

    /**
     * The guessed prefilter ({@link TopPProcessor#guess}) only saves work: on seeded rows large
     * enough for the bucketed cut, from nearly flat (where the guess misses part of the nucleus and
     * the cut falls back to the bound) to sharp, the kept set is the one a full sort and walk finds
     * (ties by id), and both branches run.
     */
    @Test
    void guessedPrefilterKeepsTheNucleusOfAFullSortAndFallsBackWhenItMisses() {
        SplittableRandom r = new SplittableRandom(0x6E55_0F17L);
        org.sampling4j.kernel.Kernels k = org.sampling4j.kernel.KernelsProvider.get();
        int hits = 0;
        int misses = 0;
        for (int trial = 0; trial < 120; trial++) {
            int v = 2000 + r.nextInt(30000);
            double sigma = trial % 4 == 0 ? 0.05 + 0.5 * r.nextDouble() : 0.5 + 5 * r.nextDouble();
            float[] x = new float[v];
            for (int i = 0; i < v; i++) {
                x[i] = (float) (PortableGaussian.next(r) * sigma);
            }
            float temperature = (float) (0.3 + 2 * r.nextDouble());
            double topP = 0.3 + 0.69 * r.nextDouble();
            float scale = 1f / temperature;
            float max = k.max(x, 0, v);
            double total = k.expSumBlocks(x, 0, v, max, scale, new double[v / 2048 + 1]);
            double target = topP * total;
            float guess = TopPProcessor.guess(max, temperature, topP, v, total);
            if (guess > TopPProcessor.prefilter(max, temperature, topP, v, total)) {
                double above = 0;
                for (float value : x) {
                    above += value >= guess ? org.sampling4j.kernel.FastExp.weight(value, max, scale) : 0;
                }
                if (above >= target) {
                    hits++;
                } else {
                    misses++;
                }
            }
            Integer[] order = new Integer[v];
            for (int i = 0; i < v; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> x[a] != x[b] ? Float.compare(x[b], x[a]) : Integer.compare(a, b));
            double mass = 0;
            int nucleus = 0;
            while (nucleus < v && mass < target) {
                mass += org.sampling4j.kernel.FastExp.weight(x[order[nucleus]], max, scale);
                nucleus++;
            }
            int[] expected = java.util.Arrays.stream(order, 0, nucleus).mapToInt(Integer::intValue).sorted().toArray();
            float[] processed = Chains.process(x, new TemperatureProcessor(temperature), new TopPProcessor(topP, 1));
            assertArrayEquals(expected, Chains.kept(processed), "trial " + trial + " V " + v + " sigma " + sigma
                    + " T " + temperature + " top-p " + topP);
        }
        assertTrue(hits >= 20 && misses >= 5, "guess held on " + hits + " rows, missed on " + misses);
    }
}
