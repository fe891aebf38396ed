package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sampling4j.random.PortableGaussian;

/**
 * Scalar and Panama twins, operation by operation, compared bit for bit (no tolerance) over
 * lengths 1..4098 and the vocabularies 32000, 128256, 151936, 262144, on N(0, 3) data and on
 * fills that stress the edges: all equal, all -Inf but one, max first, max in the tail, ties at a
 * threshold, +-0, subnormals, huge magnitudes. A failure names the operation, the fill, the
 * length, the seed and the first differing index.
 */
class KernelsDifferentialTest extends KernelsTestCase {
    private static final long SEED = 0x5A4D_0C01L;
    private static final int[] VOCABULARIES = {32000, 128256, 151936, 262144};
    private static final String[] FILLS = {
        "normal", "allEqual", "allMinusInfButOne", "maxFirst", "maxInTail", "ties", "zeros", "tiny", "huge", "someMinusInf"
    };

    @BeforeAll
    static void needsPanama() {
        assumePanama();
    }

    @Test
    void everyOperationAgreesOnEveryLengthFrom1To4098() {
        for (int n = 1; n <= 4098; n++) {
            long seed = SEED + n;
            float[] x = fill(n, n % 3 == 0 ? "ties" : "normal", new SplittableRandom(seed));
            String where = "n=" + n + " seed=" + seed;
            float max = SCALAR.max(x, 0, n);
            same("max", where, bits(max), bits(PANAMA.max(x, 0, n)));
            same("argmax", where, SCALAR.argmax(x, 0, n), PANAMA.argmax(x, 0, n));
            same("argmaxChecked", where, SCALAR.argmaxChecked(x, 0, n), PANAMA.argmaxChecked(x, 0, n));
            float[] a = new float[n];
            float[] b = new float[n];
            same("copyMax", where, bits(SCALAR.copyMax(x, 0, a, n)), bits(PANAMA.copyMax(x, 0, b, n)));
            sameArrays("copyMax copy", where, a, b);
            sameCopyDivided(where, x, n);
            float t = max - 2f;
            same("nextAbove", where, SCALAR.nextAbove(x, 0, n, t), PANAMA.nextAbove(x, 0, n, t));
            sameNextNotAtMost(where, x, n, t, new SplittableRandom(seed));
            same("countAtLeast", where, SCALAR.countAtLeast(x, 0, n, t), PANAMA.countAtLeast(x, 0, n, t));
            int[] ids1 = new int[n];
            int[] ids2 = new int[n];
            int kept = SCALAR.compactAtLeast(x, n, t, ids1, a);
            same("compactAtLeast", where, kept, PANAMA.compactAtLeast(x, n, t, ids2, b));
            sameArrays("compactAtLeast values", where, Arrays.copyOf(a, kept), Arrays.copyOf(b, kept));
            same("compactAtLeast ids", where, Arrays.hashCode(Arrays.copyOf(ids1, kept)),
                    Arrays.hashCode(Arrays.copyOf(ids2, kept)));
            sameSum("expSum", where, SCALAR.expSum(x, 0, n, max, 1 / 0.7f), PANAMA.expSum(x, 0, n, max, 1 / 0.7f));
            sameSum("expSumBefore", where, SCALAR.expSumBefore(x, 0, n, max, 1.3f, x[n / 2], n / 2),
                    PANAMA.expSumBefore(x, 0, n, max, 1.3f, x[n / 2], n / 2));
            sameWeighted(where, x, 0, n, max, 1 / 0.7f);
            sameWeights(where, x, 0, n, max, 1 / 0.7f);
            sameGuidance(where, x, n % 5, n, 1.5f);
            sameMoments(where, x, 0, n);
            sameMasked(where, x, n, new SplittableRandom(seed));
        }
    }

    /**
     * nextNotAtMost from every start of the first 70 and a random one, on the row and with a NaN
     * or +Inf planted: a hit is a value above the threshold or a NaN, the first from the start.
     */
    private static void sameNextNotAtMost(String where, float[] x, int n, float t, SplittableRandom r) {
        float[] y = x.clone();
        int planted = r.nextInt(n);
        y[planted] = r.nextBoolean() ? Float.NaN : Float.POSITIVE_INFINITY;
        for (float[] row : new float[][] {x, y}) {
            for (int from = 0; from < Math.min(n, 70); from++) {
                same("nextNotAtMost", where + " from " + from, SCALAR.nextNotAtMost(row, from, n, t),
                        PANAMA.nextNotAtMost(row, from, n, t));
            }
            int from = r.nextInt(n);
            same("nextNotAtMost", where + " from " + from, SCALAR.nextNotAtMost(row, from, n, t),
                    PANAMA.nextNotAtMost(row, from, n, t));
        }
        int hit = PANAMA.nextNotAtMost(y, 0, n, Float.MAX_VALUE);
        same("nextNotAtMost finds the planted NaN or +Inf", where, planted, hit);
    }

    /**
     * The lane-wise exp against FastExp on every float in [-104, -87] (where results are
     * subnormal and the 2^k scaling rounds) and on every 1024th float of (-87, 0]: PanamaKernels'
     * scaled Horner steps (SCALED_HORNER) must give FastExp's bits everywhere, not only on the
     * N(0, 3) rows the other tests draw.
     */
    /**
     * compactAtLeast at every sixteenth of the order (0 to 100 % of the row kept, so vectors with
     * none, a few and many hits, the branch-free few-hit writes included) and in place, as top-p
     * calls it ({@code values == x}): the same ids and values as the scalar twin, and in place the
     * same as out of place.
     */
    @Test
    void compactAtLeastAgreesAtEveryDensityAndInPlace() {
        SplittableRandom r = new SplittableRandom(SEED ^ 0x5eed);
        for (int n : new int[] {1, 15, 16, 17, 63, 64, 65, 200, 1000, 4099, 128256}) {
            for (String fill : new String[] {"normal", "ties", "someMinusInf"}) {
                float[] x = fill(n, fill, r);
                float[] sorted = x.clone();
                Arrays.sort(sorted);
                for (int q = 0; q <= 16; q++) {
                    float t = q == 16 ? Float.POSITIVE_INFINITY : sorted[Math.min(n - 1, q * n / 16)];
                    String where = fill + " n=" + n + " threshold=" + t + " (quantile " + q + "/16)";
                    int[] ids1 = new int[n];
                    int[] ids2 = new int[n];
                    float[] v1 = new float[n];
                    float[] v2 = new float[n];
                    int k = SCALAR.compactAtLeast(x, n, t, ids1, v1);
                    same("compactAtLeast size", where, k, PANAMA.compactAtLeast(x, n, t, ids2, v2));
                    sameArrays("compactAtLeast ids", where, Arrays.copyOf(ids1, k), Arrays.copyOf(ids2, k));
                    sameArrays("compactAtLeast values", where, Arrays.copyOf(v1, k), Arrays.copyOf(v2, k));
                    float[] inPlace = x.clone();
                    int[] ids3 = new int[n];
                    same("compactAtLeast in place size", where, k, PANAMA.compactAtLeast(inPlace, n, t, ids3, inPlace));
                    sameArrays("compactAtLeast in place ids", where, Arrays.copyOf(ids1, k), Arrays.copyOf(ids3, k));
                    sameArrays("compactAtLeast in place values", where, Arrays.copyOf(v1, k), Arrays.copyOf(inPlace, k));
                }
            }
        }
    }

    @Test
    void weightsAgreeOnEveryExponentWhereResultsAreSubnormalAndOnAGridUpToZero() {
        int from = Float.floatToRawIntBits(-87f);
        int to = Float.floatToRawIntBits(-104f);
        int grid = (from - Float.floatToRawIntBits(-0f)) / 1024;
        float[] x = new float[to - from + 1 + grid + 3];
        int n = 0;
        for (int bits = from; bits <= to; bits++) {
            x[n++] = Float.intBitsToFloat(bits);
        }
        for (int i = 0; i < grid; i++) {
            x[n++] = Float.intBitsToFloat(Float.floatToRawIntBits(-0f) + 1024 * i);
        }
        x[n++] = 0f;
        x[n++] = Math.nextDown(-104f);
        x[n++] = Float.NEGATIVE_INFINITY;
        float[] scalar = new float[n];
        float[] panama = new float[n];
        SCALAR.weights(x, 0, n, 0f, 1f, scalar);
        PANAMA.weights(x, 0, n, 0f, 1f, panama);
        for (int i = 0; i < n; i++) {
            int index = i;
            assertEquals(Float.floatToRawIntBits(scalar[i]), Float.floatToRawIntBits(panama[i]),
                    () -> "weights differ at exponent " + x[index] + ": scalar " + scalar[index] + " panama " + panama[index]);
        }
        sameSum("expSum over the sweep", "n=" + n, SCALAR.expSum(x, 0, n, 0f, 1f), PANAMA.expSum(x, 0, n, 0f, 1f));
    }

    /** copyMasked and maskedArgmax under masks of every density, including none and all kept. */
    private static void sameMasked(String where, float[] x, int n, SplittableRandom random) {
        for (double density : new double[] {0, 0.001, 0.3, 0.97, 1}) {
            int[] mask = MaskedKernelsTest.randomMask(n, density, random);
            String at = where + " density=" + density;
            float[] a = new float[n];
            float[] b = new float[n];
            same("copyMasked", at, bits(SCALAR.copyMasked(x, 0, a, n, mask)), bits(PANAMA.copyMasked(x, 0, b, n, mask)));
            sameArrays("copyMasked copy", at, a, b);
            same("maskedArgmax", at, SCALAR.maskedArgmax(x, n, mask), PANAMA.maskedArgmax(x, n, mask));
        }
    }

    /** expSumWeighted: both sums, and the plain sum equal to expSum's. */
    private static void sameWeighted(String where, float[] x, int from, int to, float shift, float scale) {
        double[] w1 = new double[1];
        double[] w2 = new double[1];
        double s1 = SCALAR.expSumWeighted(x, from, to, shift, scale, w1);
        sameSum("expSumWeighted", where, s1, PANAMA.expSumWeighted(x, from, to, shift, scale, w2));
        sameSum("expSumWeighted products", where, w1[0], w2[0]);
        sameSum("expSumWeighted = expSum", where, SCALAR.expSum(x, from, to, shift, scale), s1);
    }

    private static void sameWeights(String where, float[] x, int from, int to, float shift, float scale) {
        float[] w1 = new float[to];
        float[] w2 = new float[to];
        SCALAR.weights(x, from, to, shift, scale, w1);
        PANAMA.weights(x, from, to, shift, scale, w2);
        sameArrays("weights", where, w1, w2);
    }

    private static void sameGuidance(String where, float[] x, int from, int n, float scale) {
        float[] u = new float[n + from];
        for (int i = 0; i < u.length; i++) {
            u[i] = i % 11 == 3 ? Float.NEGATIVE_INFINITY : x[(i * 7) % n] * 0.5f - 1f;
        }
        float[] a = x.clone();
        float[] b = x.clone();
        SCALAR.guidanceMix(a, n, scale, 0.75f, u, from, -2.5f);
        PANAMA.guidanceMix(b, n, scale, 0.75f, u, from, -2.5f);
        sameArrays("guidanceMix", where, a, b);
    }

    private static void sameMoments(String where, float[] x, int from, int to) {
        double[] m1 = new double[3];
        double[] m2 = new double[3];
        SCALAR.finiteMoments(x, from, to, m1);
        PANAMA.finiteMoments(x, from, to, m2);
        for (int i = 0; i < 3; i++) {
            sameSum("finiteMoments[" + i + "]", where, m1[i], m2[i]);
        }
    }

    @Test
    void everyOperationAgreesOnSampledLengthsWithEveryParameter() {
        for (int n = 1; n <= 4098; n += n < 100 ? 1 : 97) {
            checkAll(n, "normal");
        }
    }

    @Test
    void everyOperationAgreesOnEdgeFills() {
        for (String fill : FILLS) {
            for (int n : new int[] {1, 2, 15, 16, 17, 31, 33, 63, 64, 65, 1021, 2048, 2049, 4097}) {
                checkAll(n, fill);
            }
        }
    }

    @Test
    void everyOperationAgreesOnRealVocabularies() {
        for (int v : VOCABULARIES) {
            for (String fill : FILLS) {
                checkAll(v, fill);
            }
        }
    }

    private static void checkAll(int n, String fill) {
        long seed = SEED + 31L * n + fill.hashCode();
        float[] x = fill(n, fill, new SplittableRandom(seed));
        String where = fill + " n=" + n + " seed=" + seed;
        float max = SCALAR.max(x, 0, n);
        same("max", where, bits(max), bits(PANAMA.max(x, 0, n)));
        int from = Math.min(n, 3);
        same("max(from)", where, bits(SCALAR.max(x, from, n)), bits(PANAMA.max(x, from, n)));
        same("argmax", where, SCALAR.argmax(x, 0, n), PANAMA.argmax(x, 0, n));
        same("indexOf(max)", where, SCALAR.indexOf(x, from, n, max), PANAMA.indexOf(x, from, n, max));
        same("argmaxChecked", where, SCALAR.argmaxChecked(x, 0, n), PANAMA.argmaxChecked(x, 0, n));
        if (from < n) {
            same("argmaxChecked(from)", where, SCALAR.argmaxChecked(x, from, n), PANAMA.argmaxChecked(x, from, n));
        }
        float[] a = new float[n];
        float[] b = new float[n];
        same("copyMax", where, bits(SCALAR.copyMax(x, 0, a, n)), bits(PANAMA.copyMax(x, 0, b, n)));
        sameArrays("copyMax copy", where, a, b);
        sameCopyDivided(where, x, n);
        float[] thresholds = {max, Math.nextDown(max), max - 3f, x[n / 2], Float.NEGATIVE_INFINITY, -Float.MAX_VALUE};
        for (float t : thresholds) {
            String at = where + " threshold=" + t;
            same("nextAbove", at, SCALAR.nextAbove(x, from, n, t), PANAMA.nextAbove(x, from, n, t));
            same("nextNotAtMost", at, SCALAR.nextNotAtMost(x, from, n, t), PANAMA.nextNotAtMost(x, from, n, t));
            same("countAtLeast", at, SCALAR.countAtLeast(x, from, n, t), PANAMA.countAtLeast(x, from, n, t));
            int[] ids1 = new int[n];
            int[] ids2 = new int[n];
            float[] v1 = new float[n];
            float[] v2 = new float[n];
            int k = SCALAR.compactAtLeast(x, n, t, ids1, v1);
            same("compactAtLeast size", at, k, PANAMA.compactAtLeast(x, n, t, ids2, v2));
            same("compactAtLeast ids", at, Arrays.hashCode(Arrays.copyOf(ids1, k)), Arrays.hashCode(Arrays.copyOf(ids2, k)));
            sameArrays("compactAtLeast values", at, Arrays.copyOf(v1, k), Arrays.copyOf(v2, k));
        }
        if (max > Float.NEGATIVE_INFINITY && max < Float.POSITIVE_INFINITY) {
            for (float scale : new float[] {1f, 1 / 0.7f, 10f, 1e-3f}) {
                String at = where + " scale=" + scale;
                sameSum("expSum", at, SCALAR.expSum(x, 0, n, max, scale), PANAMA.expSum(x, 0, n, max, scale));
                sameSum("expSum(from)", at, SCALAR.expSum(x, from, n, max, scale), PANAMA.expSum(x, from, n, max, scale));
                double[] blocks1 = new double[n / ReductionOrder.BLOCK + 1];
                double[] blocks2 = new double[n / ReductionOrder.BLOCK + 1];
                sameSum("expSumBlocks", at, SCALAR.expSumBlocks(x, 0, n, max, scale, blocks1),
                        PANAMA.expSumBlocks(x, 0, n, max, scale, blocks2));
                for (int i = 0; i < blocks1.length; i++) {
                    sameSum("expSumBlocks block " + i, at, blocks1[i], blocks2[i]);
                }
                for (int boundId : new int[] {0, n / 2, n - 1, n}) {
                    float bound = x[Math.min(boundId, n - 1)];
                    String before = at + " before (" + bound + ", " + boundId + ")";
                    sameSum("expSumBefore", before, SCALAR.expSumBefore(x, 0, n, max, scale, bound, boundId),
                            PANAMA.expSumBefore(x, 0, n, max, scale, bound, boundId));
                    sameSum("expSumBlocksBefore", before,
                            SCALAR.expSumBlocksBefore(x, from, n, max, scale, bound, boundId, blocks1),
                            PANAMA.expSumBlocksBefore(x, from, n, max, scale, bound, boundId, blocks2));
                }
            }
            // A shift below some values: exponents above 0 take the scalar route lane by lane.
            sameSum("expSum(shift < max)", where, SCALAR.expSum(x, 0, n, max - 2f, 1f), PANAMA.expSum(x, 0, n, max - 2f, 1f));
            for (float scale : new float[] {1f, 1 / 0.7f, 10f, 1e-3f}) {
                sameWeighted(where + " scale=" + scale, x, 0, n, max, scale);
                sameWeighted(where + " scale=" + scale + " from", x, from, n, max, scale);
            }
            sameWeighted(where + " shift < max", x, 0, n, max - 2f, 1f);
            sameWeights(where + " shift < max", x, from, n, max - 2f, 1f);
            for (float scale : new float[] {1f, 10f, 1e-3f}) {
                sameWeights(where + " scale=" + scale, x, from, n, max, scale);
            }
        }
        sameMoments(where, x, 0, n);
        sameMoments(where + " from", x, from, n);
        for (float scale : new float[] {0f, 0.5f, 3f}) {
            sameGuidance(where + " guidance " + scale, x, from, n, scale);
        }
    }

    static float[] fill(int n, String fill, SplittableRandom r) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (PortableGaussian.next(r) * 3);
        }
        switch (fill) {
            case "normal":
                break;
            case "allEqual":
                Arrays.fill(x, 1.25f);
                break;
            case "allMinusInfButOne":
                Arrays.fill(x, Float.NEGATIVE_INFINITY);
                x[r.nextInt(n)] = 0.5f;
                break;
            case "maxFirst":
                x[0] = 100f;
                break;
            case "maxInTail":
                x[n - 1] = 100f;
                break;
            case "ties":
                for (int i = 0; i < n; i++) {
                    x[i] = Math.round(x[i]);
                }
                break;
            case "zeros":
                for (int i = 0; i < n; i++) {
                    x[i] = r.nextBoolean() ? 0f : -0f;
                }
                break;
            case "tiny":
                for (int i = 0; i < n; i++) {
                    x[i] = Float.MIN_VALUE * r.nextInt(100) * (r.nextBoolean() ? 1 : -1);
                }
                break;
            case "huge":
                for (int i = 0; i < n; i++) {
                    x[i] = (float) (r.nextDouble(-1, 1) * 3e38);
                }
                break;
            case "someMinusInf":
                for (int i = 0; i < n; i++) {
                    if (r.nextInt(3) == 0) {
                        x[i] = Float.NEGATIVE_INFINITY;
                    }
                }
                break;
            default:
                throw new AssertionError(fill);
        }
        return x;
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    /** copyDividedCountFinite against its definition, at divisor 1 (a copy) and at temperatures. */
    private static void sameCopyDivided(String where, float[] x, int n) {
        int finite = 0;
        for (int i = 0; i < n; i++) {
            finite += x[i] >= -Float.MAX_VALUE ? 1 : 0;
        }
        for (float divisor : new float[] {1f, 0.7f, 1.3f, 1e-3f}) {
            float[] a = new float[n];
            float[] b = new float[n];
            float[] expected = new float[n];
            for (int i = 0; i < n; i++) {
                expected[i] = x[i] / divisor;
            }
            String at = where + " divisor=" + divisor;
            same("copyDividedCountFinite count", at, finite, SCALAR.copyDividedCountFinite(x, a, n, divisor));
            same("copyDividedCountFinite count", at, finite, PANAMA.copyDividedCountFinite(x, b, n, divisor));
            sameArrays("copyDividedCountFinite scalar", at, expected, a);
            sameArrays("copyDividedCountFinite panama", at, expected, b);
        }
    }

    private static void same(String op, String where, long expected, long actual) {
        assertEquals(expected, actual, () -> op + " differs: " + where);
    }

    private static void sameSum(String op, String where, double scalar, double panama) {
        assertEquals(Double.doubleToRawLongBits(scalar), Double.doubleToRawLongBits(panama),
                () -> op + " differs: " + where + " scalar " + scalar + " panama " + panama);
    }

    private static void sameArrays(String op, String where, float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            int index = i;
            assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]),
                    () -> op + " differs at index " + index + ": " + where);
        }
    }

    private static void sameArrays(String op, String where, int[] a, int[] b) {
        assertEquals(a.length, b.length, () -> op + " lengths differ: " + where);
        for (int i = 0; i < a.length; i++) {
            int index = i;
            assertEquals(a[i], b[i], () -> op + " differs at index " + index + ": " + where);
        }
    }
}
