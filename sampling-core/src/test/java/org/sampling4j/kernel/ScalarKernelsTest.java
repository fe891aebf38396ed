package org.sampling4j.kernel;

import org.sampling4j.random.PortableGaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScalarKernelsTest {
    private static final long SEED = 0x5A4D_0202L;
    private static final Kernels K = KernelsProvider.scalar();

    @Test
    void copyMaxCopiesAndItsMaximumRevealsNanAndPositiveInfinity() {
        float[] src = {9f, 1f, Float.NEGATIVE_INFINITY, 2f, Float.NaN, Float.POSITIVE_INFINITY};
        float[] dst = new float[4];
        assertEquals(9f, K.copyMax(src, 0, dst, 4));
        assertArrayEquals(new float[] {9f, 1f, Float.NEGATIVE_INFINITY, 2f}, dst);
        assertTrue(Float.isNaN(K.copyMax(src, 1, dst, 4)), "NaN at src[4]");
        assertTrue(Float.isNaN(K.max(src, 0, 6)), "NaN wins over +Inf");
        assertEquals(Float.POSITIVE_INFINITY, K.max(src, 5, 6));
    }

    @Test
    void maskedSumsCountOnlyTheElementsRankedBeforeTheBound() {
        float[] x = {1f, 3f, 2f, 3f, 0f};
        // Ranked before (3, 3): the 3 at index 1 only (the 3 at index 3 is the bound itself).
        assertEquals(K.expSum(x, 1, 2, 3f, 1f), K.expSumBefore(x, 0, 5, 3f, 1f, 3f, 3));
        // Ranked before (2, 2): both 3s.
        assertEquals((double) FastExp.weight(3f, 3f, 1f) + FastExp.weight(3f, 3f, 1f), K.expSumBefore(x, 0, 5, 3f, 1f, 2f, 2));
        assertEquals(0.0, K.expSumBefore(x, 0, 5, 3f, 1f, 3f, 0));
        assertEquals(K.expSum(x, 0, 5, 3f, 1f), K.expSumBefore(x, 0, 5, 3f, 1f, Float.NEGATIVE_INFINITY, 5));
    }

    @Test
    void blockSumsAddUpBlockByBlock() {
        SplittableRandom random = new SplittableRandom(SEED);
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (PortableGaussian.next(random) * 3);
        }
        double[] blocks = new double[3];
        double total = K.expSumBlocks(x, 0, 5000, 9f, 0.5f, blocks);
        assertEquals(K.expSum(x, 0, 2048, 9f, 0.5f), blocks[0]);
        assertEquals(K.expSum(x, 2048, 4096, 9f, 0.5f), blocks[1]);
        assertEquals(K.expSum(x, 4096, 5000, 9f, 0.5f), blocks[2]);
        assertEquals(blocks[0] + blocks[1] + blocks[2], total);
    }

    @Test
    void argmaxBreaksTiesTowardTheLowestIndex() {
        float[] x = {1f, 3f, 2f, 3f, 3f};
        assertEquals(1, K.argmax(x, 0, 5));
        assertEquals(3, K.argmax(x, 2, 5));
        assertEquals(0, K.argmax(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 0, 2));
        assertEquals(3f, K.max(x, 0, 5));
        assertEquals(3, K.indexOf(x, 2, 5, 3f));
        assertEquals(-1, K.indexOf(x, 0, 5, 7f));
        assertEquals(Float.NEGATIVE_INFINITY, K.max(x, 2, 2));
    }

    @Test
    void thresholdKernelsAgreeWithEachOther() {
        float[] x = {0.5f, -1f, 2f, 0.5f, Float.NEGATIVE_INFINITY, 3f};
        assertEquals(4, K.countAtLeast(x, 0, 6, 0.5f));
        assertEquals(2, K.nextAbove(x, 0, 6, 0.5f));
        assertEquals(5, K.nextAbove(x, 3, 6, 0.5f));
        assertEquals(-1, K.nextAbove(x, 0, 6, 3f));
        assertEquals(2, K.nextNotAtMost(x, 0, 6, 0.5f));
        assertEquals(-1, K.nextNotAtMost(x, 0, 6, 3f));
        float[] nan = {0f, Float.NaN, 5f};
        assertEquals(2, K.nextAbove(nan, 0, 3, 4f));
        assertEquals(1, K.nextNotAtMost(nan, 0, 3, 4f), "a NaN is not at most any threshold");
        assertEquals(2, K.nextNotAtMost(nan, 2, 3, 4f));
        int[] ids = new int[6];
        float[] values = new float[6];
        assertEquals(4, K.compactAtLeast(x, 6, 0.5f, ids, values));
        assertArrayEquals(new int[] {0, 2, 3, 5}, java.util.Arrays.copyOf(ids, 4));
        assertArrayEquals(new float[] {0.5f, 2f, 0.5f, 3f}, java.util.Arrays.copyOf(values, 4));
    }

    /** The scalar sum must follow ReductionOrder exactly: 16 accumulators, the tree, then the tail. */
    @Test
    void expSumFollowsTheCanonicalReductionOrder() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int n : new int[] {1, 15, 16, 17, 31, 32, 33, 1000, 4097}) {
            float[] x = new float[n + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (PortableGaussian.next(random) * 3);
            }
            float shift = 2.5f;
            float scale = 1 / 0.7f;
            double[] acc = new double[ReductionOrder.LANES];
            int from = 3;
            int blocks = (n / 16) * 16;
            for (int i = 0; i < blocks; i++) {
                acc[i % 16] += FastExp.weight(x[from + i], shift, scale);
            }
            double tail = 0;
            for (int i = blocks; i < n; i++) {
                tail += FastExp.weight(x[from + i], shift, scale);
            }
            double expected = ReductionOrder.combine(acc) + tail;
            assertEquals(Double.doubleToRawLongBits(expected),
                    Double.doubleToRawLongBits(K.expSum(x, from, from + n, shift, scale)), "n = " + n);
        }
    }

    @Test
    void weightedSumsGiveTheEntropyAndMomentsTheDeviationOfTheFiniteValues() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(3000);
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(5) == 0 ? Float.NEGATIVE_INFINITY : (float) (PortableGaussian.next(random) * 3);
            }
            x[random.nextInt(n)] = 2f;
            float max = K.max(x, 0, n);
            float scale = (float) random.nextDouble(0.2, 3);
            double total = 0;
            double products = 0;
            double sum = 0;
            int count = 0;
            for (float v : x) {
                if (v != Float.NEGATIVE_INFINITY) {
                    double t = (double) (v - max) * scale;
                    total += Math.exp(t);
                    products += Math.exp(t) * t;
                    sum += v;
                    count++;
                }
            }
            double[] weighted = new double[1];
            assertEquals(total, K.expSumWeighted(x, 0, n, max, scale, weighted), 1e-5 * total, "trial " + trial);
            assertEquals(products, weighted[0], 1e-5 * (1 + Math.abs(products)), "trial " + trial);
            double mean = sum / count;
            double squares = 0;
            for (float v : x) {
                squares += v != Float.NEGATIVE_INFINITY ? (v - mean) * (v - mean) : 0;
            }
            double[] m = new double[3];
            K.finiteMoments(x, 0, n, m);
            assertEquals(count, m[0]);
            assertEquals(sum, m[1], 1e-9 * (1 + Math.abs(sum)), "trial " + trial);
            assertEquals(squares, m[2], 1e-9 * (1 + squares), "trial " + trial);
        }
        double[] none = new double[3];
        K.finiteMoments(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 0, 2, none);
        assertArrayEquals(new double[] {0, 0, 0}, none, "no finite value: all zero");
    }
}
