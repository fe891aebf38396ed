package org.sampling4j.kernel;

/**
 * The exponential every kernel uses: single precision, built only from exactly-rounded operations
 * (float multiply, add, {@link Math#fma(float, float, float)}, power-of-two products) so that it
 * returns the same bits on every JVM and CPU and lane for lane in the Vector API twin.
 * {@link Math#exp} may be replaced by a platform intrinsic that differs by an ulp between JDKs; this
 * function may not.
 *
 * <p><b>Formula.</b> {@code k = rint(x log2 e)} (as {@code fma(x, log2 e, 1.5 * 2^23) - 1.5 * 2^23}),
 * {@code r = x - k ln 2} (two-part Cody-Waite reduction, each step one fma), {@code e^r} by its
 * degree-7 Taylor polynomial in Horner form with fma ({@code |r| <= ln(2)/2}, truncation error
 * below {@code 6e-9}), then {@code p * 2^k} as two exact power-of-two products.
 *
 * <p><b>Accuracy.</b> Within 2 float ulps of {@code (float) StrictMath.exp(x)} on [-87, 88]
 * (tested on a dense sweep and random inputs in {@code FastExpTest}); subnormal results below
 * that; 0 at or below -104. Token weights are therefore float32 values, as in HF's softmax; they
 * are summed in double.
 */
public final class FastExp {
    static final float LOG2E = 1.44269504f;
    /** ln 2 split so that {@code k * LN2_HI} is exact for the k that occur: Cephes' constants. */
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    /** At or below this, the result is 0 (the smallest subnormal float is {@code e^-103.3}). */
    public static final float UNDERFLOW = -104f;
    private static final float OVERFLOW = 88.72f;
    /** 1.5 * 2^23: {@code (y + M) - M} is {@code rint(y)} for {@code |y| < 2^22}, and {@code y + M} holds it in its low bits. */
    static final float ROUNDING_MAGIC = 0x1.8p23f;
    /** Exponents up to this use {@code p * 2^(k+32) * 2^-32}; beyond, {@code p * 2^(k-32) * 2^32}. */
    static final int SMALL_EXPONENT_LIMIT = 95;
    static final float TWO_POW_32 = 0x1.0p32f;
    static final float TWO_POW_MINUS_32 = 0x1.0p-32f;

    // 1/n!, each the float nearest to it.
    static final float C2 = 1f / 2;
    static final float C3 = 1f / 6;
    static final float C4 = 1f / 24;
    static final float C5 = 1f / 120;
    static final float C6 = 1f / 720;
    static final float C7 = 1f / 5040;

    private FastExp() {
    }

    /** {@code e^x} in float, deterministic to the bit. */
    public static float exp(float x) {
        if (!(x > UNDERFLOW)) {
            return x != x ? x : 0f;
        }
        if (x > OVERFLOW) {
            return Float.POSITIVE_INFINITY;
        }
        float y = Math.fma(x, LOG2E, ROUNDING_MAGIC);
        float k = y - ROUNDING_MAGIC;
        float r = Math.fma(-k, LN2_HI, x);
        r = Math.fma(-k, LN2_LO, r);
        float p = Math.fma(C7, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        int e = Float.floatToRawIntBits(y) - Float.floatToRawIntBits(ROUNDING_MAGIC);
        // Times 2^k in two exact power-of-two steps: no rounding at all unless the result is
        // subnormal, and then exactly one. The vector twin does the same on every lane.
        if (e <= SMALL_EXPONENT_LIMIT) {
            return p * twoPow(e + 32) * TWO_POW_MINUS_32;
        }
        return p * twoPow(e - 32) * TWO_POW_32;
    }

    /** {@code 2^n} for n in [-126, 127], built from its bits. */
    static float twoPow(int n) {
        return Float.intBitsToFloat((n + Float.MAX_EXPONENT) << 23);
    }

    /**
     * A token's unnormalised probability {@code exp((v - shift) * scale)}, all in float: the one
     * definition every pass (sums, inverse-CDF walks, truncation) shares, so they agree to the bit.
     */
    public static float weight(float v, float shift, float scale) {
        return exp((v - shift) * scale);
    }
}
