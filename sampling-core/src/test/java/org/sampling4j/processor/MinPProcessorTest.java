package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MinPProcessorTest {
    private static final float[] LOGITS = {2.0f, 1.0f, 0.0f, -3.0f};

    @Test
    void keepsTokensAboveTheLogitSpaceThreshold() {
        // threshold = 2.0 + ln 0.3 = 0.796: tokens 0 and 1.
        assertArrayEquals(new int[] {0, 1}, kept(0.3, 1));
        // p_1 / p_max = e^-1 = 0.3679: just below and just above it.
        assertArrayEquals(new int[] {0, 1}, kept(Math.exp(-1) - 1e-6, 1));
        assertArrayEquals(new int[] {0}, kept(Math.exp(-1) + 1e-6, 1));
        assertArrayEquals(new int[] {0, 1, 2, 3}, kept(Math.exp(-5) - 1e-9, 1));
    }

    @Test
    void thresholdScalesWithThePendingTemperature() {
        // At T = 2, p_1 / p_max = e^-0.5 = 0.6065.
        float[] out = Chains.process(LOGITS, new TemperatureProcessor(2), new MinPProcessor(Math.exp(-0.5) - 1e-6, 1));
        assertArrayEquals(new int[] {0, 1}, Chains.kept(out));
        assertEquals(2.0f / 2f, out[0]);
    }

    @Test
    void logitThresholdIsTheSmallestFloatAtOrAboveTheExactThreshold() {
        float t = MinPProcessor.logitThreshold(2.0f, 1f, 0.3);
        double exact = 2.0 + Math.log(0.3);
        assertEquals(true, t >= exact);
        assertEquals(true, Math.nextDown(t) < exact);
    }

    @Test
    void minKeepKeepsTheBestTokens() {
        assertArrayEquals(new int[] {0, 1, 2}, kept(0.9, 3));
    }

    @Test
    void oneKeepsOnlyTheMaximumAndItsTies() {
        float[] out = Chains.process(new float[] {3f, 1f, 3f}, new MinPProcessor(1.0, 1));
        assertArrayEquals(new int[] {0, 2}, Chains.kept(out));
    }

    @Test
    void filtersASparseSetAndKeepsItsOrder() {
        float[] out = Chains.process(LOGITS, new TopKProcessor(3), new MinPProcessor(0.3, 1));
        assertArrayEquals(new int[] {0, 1}, Chains.kept(out));
    }

    @Test
    void rejectsOutOfRangeMinPNamingFieldValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MinPProcessor(1.01, 1));
        assertEquals("minP = 1.01 is outside [0, 1]; 0 disables min-p", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MinPProcessor(-0.01, 1));
    }

    private static int[] kept(double minP, int minKeep) {
        return Chains.kept(Chains.process(LOGITS, new MinPProcessor(minP, minKeep)));
    }
}
