package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The envelope's two promises: it bounds every weight from both sides (what makes the rejection
 * draw exact and fast), and both twins compute its block sums and block weights to the bit (what
 * makes a seed pick one token everywhere).
 *
 * <p>The bounds were also checked once on every float in {@code [FLOOR, 0]}, 1.1e9 of them, by a
 * scan of {@code FastExp.exp(t) / Envelope.at(t)} and its inverse (about 5 s): the largest
 * {@code w / e} is {@code 1 + 9.3e-7} (at t = -0.3466) and the largest {@code e / w} is
 * {@code 1.0034575} (at t = -77.29). This suite checks a dense sample of them in well under a second.
 */
class EnvelopeTest extends KernelsTestCase {
    private static final long SEED = 0xE7E1_0FEL;

    @Test
    void boundsEveryWeightFromBothSidesNearEverySwitchOfTheExponentAndOnADenseSweep() {
        int checked = 0;
        // Every float within 4,096 ulps of each t where rint(t log2 e) switches, where r is largest.
        for (int k = -126; k <= 0; k++) {
            float center = (float) ((k - 0.5) * Math.log(2));
            int bits = Float.floatToRawIntBits(center);
            for (int d = -4096; d <= 4096; d++) {
                float t = Float.intBitsToFloat(bits + d);
                if (t >= Envelope.FLOOR && t <= 0) {
                    check(t);
                    checked++;
                }
            }
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 2_000_000; i++) {
            check((float) (random.nextDouble() * Envelope.FLOOR));
            checked++;
        }
        for (float t = 0; t >= Envelope.FLOOR; t -= 1e-4f) {
            check(t);
            checked++;
        }
        check(-0f);
        check(Envelope.FLOOR);
        assertTrue(checked > 3_000_000, "points checked: " + checked);
    }

    private static void check(float t) {
        double w = FastExp.exp(t);
        double e = Envelope.at(t);
        assertTrue(w / e <= Envelope.BELOW, () -> "w/e - 1 = " + (w / e - 1) + " at t=" + t);
        assertTrue(e / w <= Envelope.ABOVE, () -> "e/w = " + e / w + " at t=" + t);
    }

    @Test
    void isZeroBelowTheFloorForMinusInfinityAndForNaN() {
        assertEquals(0f, Envelope.at(Math.nextDown(Envelope.FLOOR)));
        assertEquals(0f, Envelope.at(-100f));
        assertEquals(0f, Envelope.at(Float.NEGATIVE_INFINITY));
        assertEquals(0f, Envelope.at(Float.NaN));
        assertTrue(Envelope.at(Envelope.FLOOR) > 0);
    }

    @Test
    void blockSumsAreWithinTheirErrorBoundOfTheExactSumsAndTheTotalBoundsTheExactWeightTotal() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int trial = 0; trial < 20; trial++) {
            int n = 128256 - trial * 997;
            float[] x = KernelsDifferentialTest.fill(n, trial % 2 == 0 ? "normal" : "ties", random);
            float max = SCALAR.max(x, 0, n);
            float scale = trial % 3 == 0 ? 1f : trial % 3 == 1 ? 1 / 0.7f : 0.05f;
            float[] blocks = new float[n / ReductionOrder.BLOCK + 1];
            double total = SCALAR.envelopeBlocks(x, 0, n, max, scale, Float.NEGATIVE_INFINITY, Integer.MAX_VALUE, blocks);
            for (int b = 0; b * ReductionOrder.BLOCK < n; b++) {
                double exact = 0;
                for (int i = b * ReductionOrder.BLOCK; i < Math.min(n, (b + 1) * ReductionOrder.BLOCK); i++) {
                    exact += Envelope.weight(x[i], max, scale);
                }
                double error = Math.abs(blocks[b] - exact) / exact;
                int block = b;
                // A quarter of the bound the draw assumes: the margin is real, not hoped for.
                assertTrue(error < Envelope.BLOCK_SUM_ERROR / 4, () -> "block " + block + " error " + error);
            }
            double w = SCALAR.expSumBlocks(x, 0, n, max, scale, new double[blocks.length]);
            assertTrue(Envelope.lowerTotal(total) <= w && w <= Envelope.upperTotal(total),
                    "W=" + w + " envelope total=" + total);
        }
    }

    @Test
    void twinsAgreeToTheBitOnEveryLengthFillAndRestriction() {
        assumePanama();
        String[] fills = {"normal", "allEqual", "allMinusInfButOne", "maxFirst", "maxInTail", "ties", "zeros", "tiny",
            "huge", "someMinusInf"};
        for (int n = 1; n <= 4200; n += n < 70 ? 1 : 61) {
            agree(n, fills[n % fills.length]);
        }
        for (int n : new int[] {2047, 2048, 2049, 4096, 4097, 32000, 128256, 151936, 262144}) {
            for (String fill : fills) {
                agree(n, fill);
            }
        }
    }

    private static void agree(int n, String fill) {
        long seed = SEED + 31L * n + fill.hashCode();
        float[] x = KernelsDifferentialTest.fill(n, fill, new SplittableRandom(seed));
        float max = SCALAR.max(x, 0, n);
        if (!(max > Float.NEGATIVE_INFINITY && max < Float.POSITIVE_INFINITY)) {
            return;
        }
        int from = Math.min(n - 1, 5);
        for (float scale : new float[] {1f, 1 / 0.7f, 10f, 1e-3f}) {
            for (int boundId : new int[] {Integer.MAX_VALUE, 0, n / 2, n - 1}) {
                float bound = boundId == Integer.MAX_VALUE ? Float.NEGATIVE_INFINITY : x[boundId];
                String where = fill + " n=" + n + " seed=" + seed + " scale=" + scale + " bound=(" + bound + ", " + boundId + ")";
                float[] b1 = new float[n / ReductionOrder.BLOCK + 1];
                float[] b2 = new float[b1.length];
                double t1 = SCALAR.envelopeBlocks(x, from, n, max, scale, bound, boundId, b1);
                double t2 = PANAMA.envelopeBlocks(x, from, n, max, scale, bound, boundId, b2);
                assertEquals(Double.doubleToRawLongBits(t1), Double.doubleToRawLongBits(t2), "envelopeBlocks total " + where);
                for (int b = 0; b < b1.length; b++) {
                    assertEquals(Float.floatToRawIntBits(b1[b]), Float.floatToRawIntBits(b2[b]), "block " + b + " " + where);
                }
                int to = Math.min(n, from + ReductionOrder.BLOCK);
                float[] w1 = new float[to - from];
                float[] w2 = new float[to - from];
                SCALAR.envelopeWeights(x, from, to, max, scale, bound, boundId, w1);
                PANAMA.envelopeWeights(x, from, to, max, scale, bound, boundId, w2);
                for (int i = 0; i < w1.length; i++) {
                    assertEquals(Float.floatToRawIntBits(w1[i]), Float.floatToRawIntBits(w2[i]), "weight " + (from + i) + " " + where);
                }
            }
        }
    }
}
