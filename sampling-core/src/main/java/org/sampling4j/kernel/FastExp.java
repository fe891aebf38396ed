package org.sampling4j.kernel;

/**
 * The exponential every kernel uses, built only from exactly-rounded operations (multiply, add,
 * {@link Math#fma}, {@link Math#rint}, {@link Math#scalb}) so that it returns the same bits on every
 * JVM and CPU. {@link Math#exp} may be replaced by a platform intrinsic that differs by an ulp
 * between JDKs; this function may not.
 *
 * <p><b>Formula.</b> {@code k = rint(x / ln 2)}, {@code r = x - k ln 2} (two-part Cody-Waite
 * reduction with fdlibm's ln2_hi / ln2_lo, each step one fma), {@code exp(r)} by its degree-13
 * Taylor polynomial in Horner form with fma ({@code |r| <= ln(2)/2}, truncation error below
 * {@code 5e-18}), then {@code scalb(p, k)}.
 *
 * <p><b>Accuracy.</b> Within 2 ulp of {@link StrictMath#exp} on [-745, 709] (tested on a dense sweep
 * and random inputs in {@code FastExpTest}); results below the smallest subnormal are 0.
 */
public final class FastExp {
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double UNDERFLOW = -745.2;
    private static final double OVERFLOW = 709.79;

    private static final double[] TAYLOR = taylorCoefficients(13);

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
        double k = Math.rint(x * LOG2E);
        double r = Math.fma(-k, LN2_HI, x);
        r = Math.fma(-k, LN2_LO, r);
        double p = TAYLOR[13];
        for (int n = 12; n >= 0; n--) {
            p = Math.fma(p, r, TAYLOR[n]);
        }
        return Math.scalb(p, (int) k);
    }

    /**
     * A token's unnormalised probability {@code exp((v - shift) * scale)}: the one definition every
     * pass (sums, inverse CDF walks, truncation) shares, so they agree to the bit.
     */
    public static double weight(float v, float shift, double scale) {
        return exp(((double) v - shift) * scale);
    }

    private static double[] taylorCoefficients(int degree) {
        double[] c = new double[degree + 1];
        double factorial = 1.0;
        c[0] = 1.0;
        for (int n = 1; n <= degree; n++) {
            factorial *= n; // exact: 13! < 2^53
            c[n] = 1.0 / factorial;
        }
        return c;
    }
}
