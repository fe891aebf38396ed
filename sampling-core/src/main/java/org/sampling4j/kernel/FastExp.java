package org.sampling4j.kernel;

/**
 * The exponential every kernel uses, built only from exactly-rounded operations (multiply, add,
 * {@link Math#fma}, power-of-two products) so that it returns the same bits on every
 * JVM and CPU. {@link Math#exp} may be replaced by a platform intrinsic that differs by an ulp
 * between JDKs; this function may not.
 *
 * <p><b>Formula.</b> {@code k = rint(x / ln 2)} (as {@code fma(x, log2 e, 1.5 * 2^52) - 1.5 * 2^52}), {@code r = x - k ln 2} (two-part Cody-Waite
 * reduction with fdlibm's ln2_hi / ln2_lo, each step one fma), {@code exp(r)} by its degree-13
 * Taylor polynomial in Horner form with fma ({@code |r| <= ln(2)/2}, truncation error below
 * {@code 5e-18}), then {@code p * 2^k} as two exact power-of-two products.
 *
 * <p><b>Accuracy.</b> Within 2 ulp of {@link StrictMath#exp} on [-745, 709] (tested on a dense sweep
 * and random inputs in {@code FastExpTest}); results below the smallest subnormal are 0.
 */
public final class FastExp {
    static final double LOG2E = 1.4426950408889634;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** At or below this, the result is 0 (the smallest subnormal is {@code e^-744.4}). */
    public static final double UNDERFLOW = -745.2;
    private static final double OVERFLOW = 709.79;
    /** Exponents up to this use {@code p * 2^(k+64) * 2^-64}; beyond, {@code p * 2^(k-64) * 2^64}. */
    static final int SMALL_EXPONENT_LIMIT = 959;
    /** 1.5 * 2^52: {@code (y + M) - M} is {@code rint(y)} for {@code |y| < 2^51}, and the low bits of {@code y + M} hold it. */
    static final double ROUNDING_MAGIC = 0x1.8p52;
    static final double TWO_POW_64 = 0x1.0p64;
    static final double TWO_POW_MINUS_64 = 0x1.0p-64;

    // 1/n!, each the double nearest to it (13! < 2^53, so the factorials are exact).
    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800L;

    private FastExp() {
    }

    /** {@code e^x}, deterministic to the bit. */
    public static double exp(double x) {
        if (!(x > UNDERFLOW)) {
            return x != x ? x : 0.0;
        }
        if (x > OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        // k = rint(x log2 e): adding 1.5 * 2^52 in the same fma leaves no fraction bits.
        double k = Math.fma(x, LOG2E, ROUNDING_MAGIC) - ROUNDING_MAGIC;
        double r = Math.fma(-k, LN2_HI, x);
        r = Math.fma(-k, LN2_LO, r);
        double p = Math.fma(C13, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        int e = (int) k;
        // Times 2^k in two exact power-of-two steps: no rounding at all unless the result is
        // subnormal, and then exactly one. The vector twin does the same on every lane.
        if (e <= SMALL_EXPONENT_LIMIT) {
            return p * twoPow(e + 64) * TWO_POW_MINUS_64;
        }
        return p * twoPow(e - 64) * TWO_POW_64;
    }

    /** {@code 2^n} for n in [-1022, 1023], built from its bits. */
    static double twoPow(int n) {
        return Double.longBitsToDouble((long) (n + Double.MAX_EXPONENT) << 52);
    }

    /**
     * A token's unnormalised probability {@code exp((v - shift) * scale)}: the one definition every
     * pass (sums, inverse CDF walks, truncation) shares, so they agree to the bit.
     */
    public static double weight(float v, float shift, double scale) {
        return exp(((double) v - shift) * scale);
    }
}
