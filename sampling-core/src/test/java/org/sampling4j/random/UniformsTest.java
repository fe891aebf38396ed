package org.sampling4j.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.api.Test;

class UniformsTest {
    private static final long SEED = 0x5A4D_0102L;

    @Test
    void isAPureFunctionOfSeedStepDrawAndStream() {
        double u = Uniforms.uniform(SEED, 7, 0, 0);
        assertEquals(u, Uniforms.uniform(SEED, 7, 0, 0, new int[4]));
        assertNotEquals(u, Uniforms.uniform(SEED + 1, 7, 0, 0));
        assertNotEquals(u, Uniforms.uniform(SEED, 8, 0, 0));
        assertNotEquals(u, Uniforms.uniform(SEED, 7, 1, 0));
        assertNotEquals(u, Uniforms.uniform(SEED, 7, 0, 1));
        assertNotEquals(u, Uniforms.uniform(SEED, 7L | (1L << 32), 0, 0), "the step's high word counts");
    }

    @Test
    void usesTheFirstTwoWordsAsFiftyThreeBits() {
        int[] block = new int[4];
        Philox4x32.block(0, 0, 0, 0, 0, 0, block);
        long bits = ((long) block[1] << 32) | (block[0] & 0xFFFF_FFFFL);
        assertEquals((bits >>> 11) * 0x1.0p-53, Uniforms.uniform(0, 0, 0, 0));
    }

    @Test
    void staysInUnitIntervalAndUsesLowBits() {
        boolean lowBitSeen = false;
        for (long step = 0; step < 100_000; step++) {
            double u = Uniforms.uniform(SEED, step, 0, 0);
            assertTrue(u >= 0 && u < 1, "u = " + u);
            // A float-based uniform would always leave the last 29 bits of the grid at zero.
            lowBitSeen |= ((long) (u * 0x1.0p53) & 0x1FFF_FFFFL) != 0;
        }
        assertTrue(lowBitSeen);
    }

    /** 100 000 consecutive steps: KS against U(0, 1) at alpha = 0.001 (false alarm 0.1%, fixed seed). */
    @Test
    void consecutiveStepsAreUniform() {
        double[] u = new double[100_000];
        for (int i = 0; i < u.length; i++) {
            u[i] = Uniforms.uniform(SEED, i, 0, 0);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), u);
        assertTrue(p > 0.001, "KS p = " + p);
    }
}
