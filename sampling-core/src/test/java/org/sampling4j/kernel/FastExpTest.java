package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastExpTest {
    private static final long SEED = 0x5A4D_0201L;
    /** The documented accuracy bound against the correctly rounded float of StrictMath.exp. */
    private static final double MAX_ULPS = 2.0;

    @Test
    void staysWithinTwoUlpOfStrictMathOnADenseSweep() {
        double worst = 0;
        for (float x = -87f; x <= 88f; x = Math.nextUp(x + 0.000_37f)) {
            worst = Math.max(worst, ulpError(x));
        }
        assertTrue(worst <= MAX_ULPS, "worst error " + worst + " ulp");
    }

    @Test
    void staysWithinTwoUlpOfStrictMathOnRandomInputs() {
        SplittableRandom random = new SplittableRandom(SEED);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            float x = (float) (i % 2 == 0 ? -random.nextDouble() * 30 : random.nextDouble(-87, 88));
            worst = Math.max(worst, ulpError(x));
        }
        assertTrue(worst <= MAX_ULPS, "worst error " + worst + " ulp");
    }

    @Test
    void subnormalResultsAreCloseAndThenZero() {
        for (float x = -103.9f; x < -87f; x += 0.01f) {
            float expected = (float) StrictMath.exp(x);
            // Subnormals carry fewer bits: compare in absolute terms, a few smallest subnormals.
            assertTrue(Math.abs(FastExp.exp(x) - expected) <= 4 * Float.MIN_VALUE + 3 * Math.ulp(expected), "x = " + x);
        }
        assertEquals(0f, FastExp.exp(-104f));
        assertEquals(0f, FastExp.exp(-1000f));
    }

    @Test
    void handlesTheEdges() {
        assertEquals(1f, FastExp.exp(0f));
        assertEquals(1f, FastExp.exp(-0f));
        assertEquals(0f, FastExp.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FastExp.exp(89f));
        assertTrue(Float.isNaN(FastExp.exp(Float.NaN)));
    }

    @Test
    void weightIsExpOfTheScaledShift() {
        assertEquals(FastExp.exp((1.5f - 2.0f) * 0.5f), FastExp.weight(1.5f, 2.0f, 0.5f));
        assertEquals(0f, FastExp.weight(Float.NEGATIVE_INFINITY, 2.0f, 0.5f));
    }

    private static double ulpError(float x) {
        float expected = (float) StrictMath.exp(x);
        float actual = FastExp.exp(x);
        if (expected == actual) {
            return 0;
        }
        return Math.abs((double) actual - expected) / Math.ulp(expected);
    }
}
