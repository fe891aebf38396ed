package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * copyMasked and maskedArgmax of each available twin against an oracle built on
 * {@link BitSet#valueOf(long[])}: the mask's words read as the little-endian bit layout XGrammar and
 * llguidance use (bit {@code j % 32} of word {@code j / 32}), so a mistake in the bit order cannot
 * hide in a shared helper. Lengths around the 32-token word and vector boundaries, every density,
 * NaN and +Inf in kept and removed places.
 */
class MaskedKernelsTest extends KernelsTestCase {
    private static final long SEED = 0x3A5C_2026L;

    static int[] randomMask(int n, double density, SplittableRandom random) {
        int[] mask = new int[(n + 31) / 32];
        for (int j = 0; j < n; j++) {
            if (random.nextDouble() < density) {
                mask[j >>> 5] |= 1 << (j & 31);
            }
        }
        return mask;
    }

    private static BitSet oracle(int[] mask) {
        long[] words = new long[(mask.length + 1) / 2];
        for (int w = 0; w < mask.length; w++) {
            words[w / 2] |= (mask[w] & 0xFFFF_FFFFL) << (32 * (w % 2));
        }
        return BitSet.valueOf(words);
    }

    private static List<Kernels> twins() {
        List<Kernels> twins = new ArrayList<>(List.of(SCALAR));
        if (PANAMA != null) {
            twins.add(PANAMA);
        }
        return twins;
    }

    @Test
    void keepsExactlyTheTokensWhoseBitIsSet() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (Kernels k : twins()) {
            for (int n : new int[] {1, 7, 31, 32, 33, 63, 64, 65, 100, 1000, 4097}) {
                for (double density : new double[] {0, 0.01, 0.5, 0.99, 1}) {
                    float[] x = new float[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = (float) random.nextGaussian() * 3;
                    }
                    x[random.nextInt(n)] = Float.NEGATIVE_INFINITY;
                    int[] mask = randomMask(n, density, random);
                    BitSet kept = oracle(mask);
                    float[] out = new float[n];
                    float max = k.copyMasked(x, 0, out, n, mask);
                    float expectedMax = Float.NEGATIVE_INFINITY;
                    int expectedArgmax = -1;
                    for (int j = 0; j < n; j++) {
                        String at = k.name() + " n=" + n + " density=" + density + " j=" + j;
                        assertEquals(kept.get(j) ? x[j] : Float.NEGATIVE_INFINITY, out[j], at);
                        if (kept.get(j) && (expectedArgmax < 0 || x[j] > expectedMax)) {
                            expectedArgmax = j;
                            expectedMax = x[j];
                        }
                    }
                    String at = k.name() + " n=" + n + " density=" + density;
                    assertEquals(expectedMax, max, at + " max");
                    assertEquals(expectedArgmax, k.maskedArgmax(x, n, mask), at + " argmax");
                }
            }
        }
    }

    @Test
    void readsTheRowFromAnOffset() {
        for (Kernels k : twins()) {
            float[] batch = {9, 9, 1, 5, 3, 9};
            int[] mask = {0b101}; // tokens 0 and 2 of the row [1, 5, 3]
            float[] out = new float[3];
            assertEquals(3f, k.copyMasked(batch, 2, out, 3, mask), k.name());
            assertEquals(List.of(1f, Float.NEGATIVE_INFINITY, 3f), List.of(out[0], out[1], out[2]), k.name());
        }
    }

    @Test
    void tiesGoToTheLowestKeptIdAndAllMinusInfStillPicksAKeptToken() {
        for (Kernels k : twins()) {
            float[] x = new float[70];
            java.util.Arrays.fill(x, Float.NEGATIVE_INFINITY);
            int[] mask = new int[3];
            mask[1] = 1 << 9; // token 41 only
            mask[2] = 1 << 1; // and token 65
            assertEquals(41, k.maskedArgmax(x, 70, mask), k.name() + " all -Inf");
            x[65] = 2;
            x[41] = 2;
            x[3] = 7; // larger, but removed
            assertEquals(41, k.maskedArgmax(x, 70, mask), k.name() + " tie");
            assertEquals(-1, k.maskedArgmax(x, 70, new int[3]), k.name() + " nothing kept");
        }
    }

    @Test
    void aNanOrPlusInfAnywhereIsReportedEvenWhereTheMaskRemovesIt() {
        for (Kernels k : twins()) {
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
                for (int where : new int[] {0, 13, 40, 69}) {
                    float[] x = new float[70];
                    x[where] = bad;
                    int[] mask = {0, -1, 0}; // tokens 32..63 kept
                    String at = k.name() + " " + bad + " at " + where;
                    assertEquals(Float.floatToRawIntBits(bad) == Float.floatToRawIntBits(Float.NaN) ? Float.NaN : bad,
                            k.copyMasked(x, 0, new float[70], 70, mask), at);
                    assertEquals(-2, k.maskedArgmax(x, 70, mask), at);
                }
            }
        }
    }
}
