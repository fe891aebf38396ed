package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastExpTest {
    private static final long SEED = 0x5A4D_0201L;
    /** The documented accuracy bound against StrictMath.exp. */
    private static final double MAX_ULPS = 2.0;

    @Test
    void staysWithinTwoUlpOfStrictMathOnADenseSweep() {
        double worst = 0;
        for (double x = -745.0; x <= 709.0; x += 0.000_731) {
            worst = Math.max(worst, ulpError(x));
        }
        assertTrue(worst <= MAX_ULPS, "worst error " + worst + " ulp");
    }

    @Test
    void staysWithinTwoUlpOfStrictMathOnRandomInputs() {
        SplittableRandom random = new SplittableRandom(SEED);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = i % 2 == 0 ? -random.nextDouble() * 120 : random.nextDouble(-745, 709);
            worst = Math.max(worst, ulpError(x));
        }
        assertTrue(worst <= MAX_ULPS, "worst error " + worst + " ulp");
    }

    @Test
    void handlesTheEdges() {
        assertEquals(1.0, FastExp.exp(0.0));
        assertEquals(1.0, FastExp.exp(-0.0));
        assertEquals(0.0, FastExp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, FastExp.exp(-1000.0));
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(710.0));
        assertTrue(Double.isNaN(FastExp.exp(Double.NaN)));
        assertTrue(FastExp.exp(-744.0) > 0, "subnormal results survive");
    }

    @Test
    void weightIsExpOfTheScaledShift() {
        assertEquals(FastExp.exp((1.5 - 2.0) * 0.5), FastExp.weight(1.5f, 2.0f, 0.5));
        assertEquals(0.0, FastExp.weight(Float.NEGATIVE_INFINITY, 2.0f, 0.5));
    }

    private static double ulpError(double x) {
        double expected = StrictMath.exp(x);
        double actual = FastExp.exp(x);
        if (expected == actual) {
            return 0;
        }
        return Math.abs(actual - expected) / Math.ulp(expected);
    }
}
