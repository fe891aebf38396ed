package org.sampling4j.kernel;

/**
 * A cheap upper envelope of the token weights, for exact rejection sampling: {@code e(t)} is
 * within {@link #BELOW} below and {@link #ABOVE} above {@code FastExp.exp(t)} for every float
 * {@code t} in {@code [FLOOR, 0]}, and 0 below {@link #FLOOR}. A picker proposes a token by the
 * envelope (whose block sums cost about half an exp-sum pass: three fewer fused multiply-adds than
 * FastExp's degree-7 polynomial, and sums in float instead of widened double) and accepts it with
 * probability {@code w / (BELOW * e)}, which is at most 1; what it accepts is distributed exactly
 * as the weights {@code w}.
 *
 * <p><b>Formula.</b> FastExp's range reduction with a one-step ln 2: {@code k = rint(t log2 e)},
 * {@code r = fma(-k, LN2, t)}, then {@code p = fma(fma(C2, r, C1), r, C0)} and {@code p * 2^k}
 * (one exact product: {@code k >= -126} at or above the floor, so the result is normal). The three
 * coefficients are a degree-2 minimax fit of {@code e^r} on {@code |r| <= ln(2) / 2}, by Lawson's
 * iteration, shifted up until the fit stays above {@code e^r}; the one-step reduction's error
 * ({@code |k| * 2e-9} in r) and the float roundings are what {@link #BELOW} covers.
 *
 * <p><b>Bounds.</b> Checked for every float t in {@code [FLOOR, 0]} (all 1.1e9 of them, by a scan
 * run once, see {@code EnvelopeTest}'s javadoc) and, in the test suite, on a dense sweep and on
 * every float within 4,096 ulps of each switch of k: {@code w / e <= BELOW} and
 * {@code e / w <= ABOVE}.
 *
 * <p><b>Why 0 below the floor.</b> The weights there are below {@code e^-87 = 1.6e-38} against the
 * largest weight 1 (the shift is the row's maximum), so a whole vocabulary of them holds less than
 * {@code 2^-100} of the mass: no 53-bit uniform of an inverse-CDF walk can reach them either.
 */
public final class Envelope {
    /** At or above this the envelope bounds the weight; below it the envelope is 0. */
    public static final float FLOOR = -87f;
    /** {@code w / e <= BELOW} on {@code [FLOOR, 0]}: the acceptance test divides by it. */
    public static final double BELOW = 1 + 2e-6;
    /** {@code e / w <= ABOVE} on {@code [FLOOR, 0]}: one proposal in about 300 is rejected. */
    public static final double ABOVE = 1.0035;
    /**
     * Bound on the relative rounding error of a float block sum of {@link ReductionOrder#BLOCK}
     * positive terms in the canonical order: each accumulator adds 128 terms and the tree 4 more,
     * so the error is below {@code 132 * 2^-24 = 7.9e-6}; {@code 2^-14} leaves a margin.
     */
    public static final double BLOCK_SUM_ERROR = 0x1.0p-14;

    static final float LN2 = 0.6931472f;
    static final float C0 = 0x1.008e58p+0f;
    static final float C1 = 0x1.04409cp+0f;
    static final float C2 = 0x1.fd0b2cp-2f;

    private Envelope() {
    }

    /** The envelope at {@code t} ({@code t <= 0}); 0 below {@link #FLOOR} and for NaN. */
    public static float at(float t) {
        if (!(t >= FLOOR)) {
            return 0f;
        }
        float y = Math.fma(t, FastExp.LOG2E, FastExp.ROUNDING_MAGIC);
        float k = y - FastExp.ROUNDING_MAGIC;
        float r = Math.fma(-k, LN2, t);
        float p = Math.fma(Math.fma(C2, r, C1), r, C0);
        int e = Float.floatToRawIntBits(y) - Float.floatToRawIntBits(FastExp.ROUNDING_MAGIC);
        return p * FastExp.twoPow(e);
    }

    /** The envelope of a token's weight: {@code at((v - shift) * scale)}, the same t as {@link FastExp#weight}. */
    public static float weight(float v, float shift, float scale) {
        return at((v - shift) * scale);
    }

    /**
     * A lower bound on the exact weight total {@code W} (as {@code Kernels.expSumBlocks} adds it)
     * from the envelope block-sum total {@code e}: {@code W >= e / (ABOVE (1 + BLOCK_SUM_ERROR))},
     * less a margin for the double sums.
     */
    public static double lowerTotal(double e) {
        return e / (ABOVE * (1 + BLOCK_SUM_ERROR)) * (1 - 1e-12);
    }

    /** An upper bound on {@code W} from {@code e}: {@code W <= e BELOW (1 + BLOCK_SUM_ERROR)}, plus the margin. */
    public static double upperTotal(double e) {
        return e * BELOW * (1 + BLOCK_SUM_ERROR) * (1 + 1e-12);
    }
}
