package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernels#adaptivePLogits} (adaptive-p's reshaping): the Panama twin equals the scalar one
 * bit for bit on every length 1..4098, on the vocabularies 32000 and 128256, on every fill of
 * {@link KernelsDifferentialTest} (-Inf runs, ties, +-0, subnormals, huge values), with the weights
 * the picker passes (the row's weights and 1 / W) and with arbitrary weights in [0, 1]; and the
 * scalar twin equals the per-token formula written out here, -Inf staying -Inf.
 */
class AdaptivePKernelDifferentialTest extends KernelsTestCase {
    private static final long SEED = 0x5A4D_0C0AL;
    private static final float INV_WIDTH = 1f / 0.3f;
    private static final float[] CENTERS = {0f, 0.5f, 1f, 0.137f};
    private static final String[] FILLS = {
        "normal", "allEqual", "allMinusInfButOne", "maxFirst", "maxInTail", "ties", "zeros", "tiny", "huge", "someMinusInf"
    };

    @BeforeAll
    static void needsPanama() {
        assumePanama();
    }

    @Test
    void twinsAgreeOnEveryLengthAndFill() {
        for (int n = 1; n <= 4098; n += n < 200 ? 1 : 37) {
            for (String fill : FILLS) {
                check(n, fill, SEED + n * 31L + fill.hashCode());
            }
        }
    }

    @Test
    void twinsAgreeOnVocabularySizes() {
        for (int n : new int[] {32000, 128256}) {
            check(n, "normal", SEED + n);
            check(n, "someMinusInf", SEED - n);
        }
    }

    private static void check(int n, String fill, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = KernelsDifferentialTest.fill(n, fill, r);
        float max = SCALAR.max(x, 0, n);
        float[] rowWeights = new float[n];
        float inverseTotal = 1f;
        if (max > Float.NEGATIVE_INFINITY && max < Float.POSITIVE_INFINITY) {
            SCALAR.weights(x, 0, n, max, 1f, rowWeights);
            inverseTotal = (float) (1.0 / SCALAR.expSum(x, 0, n, max, 1f));
        }
        float[] arbitrary = new float[n];
        for (int i = 0; i < n; i++) {
            arbitrary[i] = i % 7 == 0 ? 0f : i % 11 == 0 ? 1f : i % 13 == 0 ? Float.MIN_VALUE : (float) r.nextDouble();
        }
        for (float center : CENTERS) {
            String where = "fill=" + fill + " n=" + n + " seed=" + seed + " center=" + center;
            same(x, n, rowWeights, inverseTotal, center, where + " (row weights)");
            same(x, n, arbitrary, 1f, center, where + " (arbitrary weights)");
        }
    }

    private static void same(float[] x, int n, float[] w, float scale, float center, String where) {
        float[] a = x.clone();
        float[] b = x.clone();
        float[] wCopy = w.clone();
        SCALAR.adaptivePLogits(a, n, w, scale, center, INV_WIDTH, 5f, 10f);
        PANAMA.adaptivePLogits(b, n, w, scale, center, INV_WIDTH, 5f, 10f);
        for (int i = 0; i < n; i++) {
            float expected;
            if (x[i] == Float.NEGATIVE_INFINITY) {
                expected = Float.NEGATIVE_INFINITY;
            } else {
                float d = Math.abs((w[i] * scale - center) * INV_WIDTH);
                expected = 5f - 10f * d * d / (1f + d);
            }
            int index = i;
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(a[i]),
                    () -> "scalar adaptivePLogits differs from the formula at " + index + ": " + where);
            assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]),
                    () -> "panama adaptivePLogits differs from scalar at " + index + ": " + where);
            assertEquals(Float.floatToRawIntBits(wCopy[i]), Float.floatToRawIntBits(w[i]), "weights are read only");
        }
    }
}
