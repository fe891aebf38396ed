package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernels#argmaxChecked}, greedy decoding's one-pass load, of each available twin against
 * an independent oracle (a plain loop: -1 if any value is NaN or +Inf, else the first index equal
 * to the largest value, {@code from} when all are -Inf) and, when Panama runs, twin against twin:
 * every length 1..4098 at offsets 0 and 5, the real vocabulary sizes, the differential test's edge
 * fills, and a NaN or +Inf (or both) at the first, last, a block-boundary and a random position,
 * before and after the maximum, with the maximum at every position of a short row.
 */
class ArgmaxCheckedTest extends KernelsTestCase {
    private static final long SEED = 0x6A12_2026L;
    private static final int[] VOCABULARIES = {32000, 128256, 151936, 262144};
    private static final String[] FILLS = {
        "normal", "allEqual", "allMinusInfButOne", "maxFirst", "maxInTail", "ties", "zeros", "tiny", "huge", "someMinusInf"
    };

    static int oracle(float[] x, int from, int to) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Float.isNaN(x[i]) || x[i] == Float.POSITIVE_INFINITY) {
                return -1;
            }
            max = Math.max(max, x[i]);
        }
        for (int i = from; i < to; i++) {
            if (x[i] == max) {
                return i;
            }
        }
        throw new AssertionError("the max is in the range");
    }

    private static List<Kernels> twins() {
        List<Kernels> twins = new ArrayList<>(List.of(SCALAR));
        if (PANAMA != null) {
            twins.add(PANAMA);
        }
        return twins;
    }

    private static void check(float[] x, int from, int to, String where) {
        int expected = oracle(x, from, to);
        for (Kernels k : twins()) {
            assertEquals(expected, k.argmaxChecked(x, from, to), () -> k.name() + ": " + where);
        }
    }

    @Test
    void everyLengthFrom1To4098AtTwoOffsets() {
        for (int n = 1; n <= 4098; n++) {
            long seed = SEED + n;
            String fill = FILLS[n % FILLS.length];
            float[] row = KernelsDifferentialTest.fill(n + 5, fill, new SplittableRandom(seed));
            check(row, 0, n, fill + " n=" + n + " seed=" + seed);
            check(row, 5, n + 5, fill + " n=" + n + " offset=5 seed=" + seed);
        }
    }

    @Test
    void realVocabulariesWithEveryFill() {
        for (int v : VOCABULARIES) {
            for (String fill : FILLS) {
                long seed = SEED + 31L * v + fill.hashCode();
                float[] x = KernelsDifferentialTest.fill(v + 7, fill, new SplittableRandom(seed));
                check(x, 0, v, fill + " V=" + v + " seed=" + seed);
                check(x, 7, v + 7, fill + " V=" + v + " offset=7 seed=" + seed);
            }
        }
    }

    @Test
    void theMaximumAtEveryPositionOfShortRowsWithLaterTies() {
        for (int n = 1; n <= 200; n++) {
            for (int at = 0; at < n; at++) {
                float[] x = new float[n];
                java.util.Arrays.fill(x, -1f);
                x[at] = 2f;
                if (at + 1 < n) {
                    x[n - 1] = 2f; // a later tie: the first index must win
                }
                check(x, 0, n, "n=" + n + " max at " + at);
            }
        }
    }

    @Test
    void nanAndPositiveInfinityAnywhereAreReported() {
        SplittableRandom random = new SplittableRandom(SEED);
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.intBitsToFloat(0x7fc0_1234), Float.intBitsToFloat(0xffc0_0000)};
        for (int n : new int[] {1, 2, 3, 4, 5, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, 4097}) {
            for (String fill : new String[] {"normal", "allEqual", "allMinusInfButOne", "maxFirst", "zeros"}) {
                float[] base = KernelsDifferentialTest.fill(n, fill, random);
                int max = oracle(base, 0, n);
                int[] places = {0, n - 1, n / 2, Math.min(n - 1, 16), Math.min(n - 1, 64), random.nextInt(n),
                    Math.max(0, max - 1), Math.min(n - 1, max + 1), max};
                for (int place : places) {
                    for (float b : bad) {
                        float[] x = base.clone();
                        x[place] = b;
                        check(x, 0, n, fill + " n=" + n + " " + b + " at " + place);
                        if (n > 2) {
                            x[(place + n / 2) % n] = b == Float.POSITIVE_INFINITY ? Float.NaN : Float.POSITIVE_INFINITY;
                            check(x, 0, n, fill + " n=" + n + " NaN and +Inf, one at " + place);
                        }
                    }
                }
            }
        }
    }
}
