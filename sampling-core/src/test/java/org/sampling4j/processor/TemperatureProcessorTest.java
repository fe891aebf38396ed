package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sampling4j.processor.Chains.NEG_INF;

import org.junit.jupiter.api.Test;

class TemperatureProcessorTest {
    @Test
    void dividesEveryLogitByTheTemperature() {
        float[] out = Chains.process(new float[] {2f, 1f, 0f, -3f}, new TemperatureProcessor(0.5));
        assertArrayEquals(new float[] {2f / 0.5f, 1f / 0.5f, 0f, -3f / 0.5f}, out);
    }

    @Test
    void twoTemperaturesCompose() {
        float[] out = Chains.process(new float[] {3f, -1f}, new TemperatureProcessor(2), new TemperatureProcessor(0.5));
        assertArrayEquals(new float[] {3f / 2f / 0.5f, -1f / 2f / 0.5f}, out);
    }

    @Test
    void zeroKeepsOnlyTheArgmaxWithTiesToTheLowestId() {
        float[] out = Chains.process(new float[] {1f, 4f, 4f, 2f}, new TemperatureProcessor(0));
        assertArrayEquals(new int[] {1}, Chains.kept(out));
        assertEquals(4f, out[1]);
        assertEquals(NEG_INF, out[2]);
    }

    @Test
    void rejectsNegativeNanAndInfiniteTemperaturesNamingFieldValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TemperatureProcessor(-0.1));
        assertEquals("temperature = -0.1 is outside [0, +Inf); 0 means greedy, 1 is the identity", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TemperatureProcessor(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new TemperatureProcessor(Double.POSITIVE_INFINITY));
        assertEquals("temperature = 1.0E-50 underflows float; 0 means greedy, 1 is the identity",
                assertThrows(IllegalArgumentException.class, () -> new TemperatureProcessor(1e-50)).getMessage());
    }
}
