package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Epsilon and eta sampling against hand-computed probabilities and entropies. */
class EpsilonEtaProcessorTest {
    /** Softmax of these logits is exactly [0.6, 0.3, 0.09, 0.01] up to float rounding of the logs. */
    private static final float[] LOGITS = {
        (float) Math.log(0.6), (float) Math.log(0.3), (float) Math.log(0.09), (float) Math.log(0.01)
    };
    /** Token weights are float32 (FastExp); a threshold this close to a probability could go either way. */
    private static final double MARGIN = 1e-5;

    @Test
    void epsilonKeepsTokensAtOrAboveTheFloor() {
        assertArrayEquals(new int[] {0, 1, 2}, kept(new EpsilonProcessor(0.09 - MARGIN, 1)));
        assertArrayEquals(new int[] {0, 1}, kept(new EpsilonProcessor(0.09 + MARGIN, 1)));
        assertArrayEquals(new int[] {0, 1, 2, 3}, kept(new EpsilonProcessor(0.01 - MARGIN, 1)));
        assertArrayEquals(new int[] {0}, kept(new EpsilonProcessor(0.3 + MARGIN, 1)));
    }

    @Test
    void epsilonUsesProbabilitiesAfterThePendingTemperature() {
        // At T = 0.5 the probabilities are 0.36 : 0.09 : 0.0081 : 0.0001 over 0.4582.
        double z = 0.36 + 0.09 + 0.0081 + 0.0001;
        float[] out = Chains.process(LOGITS, new TemperatureProcessor(0.5), new EpsilonProcessor(0.09 / z - MARGIN, 1));
        assertArrayEquals(new int[] {0, 1}, Chains.kept(out));
        out = Chains.process(LOGITS, new TemperatureProcessor(0.5), new EpsilonProcessor(0.09 / z + MARGIN, 1));
        assertArrayEquals(new int[] {0}, Chains.kept(out));
    }

    @Test
    void minKeepKeepsTheBestTokens() {
        assertArrayEquals(new int[] {0, 1, 2}, kept(new EpsilonProcessor(0.9, 3)));
        assertArrayEquals(new int[] {0, 1}, kept(new EtaProcessor(0.9, 2)));
    }

    @Test
    void etaFloorShrinksWithEntropy() {
        double entropy = -(0.6 * Math.log(0.6) + 0.3 * Math.log(0.3) + 0.09 * Math.log(0.09) + 0.01 * Math.log(0.01));
        assertEquals(Math.min(0.04, Math.sqrt(0.04) * Math.exp(-entropy)), EtaProcessor.eta(0.04, entropy));
        // H = 0.9305 nats, e^-H = 0.3944. epsilon 0.04: min(0.04, 0.2 * 0.3944 = 0.0789) = 0.04: tokens 0, 1, 2.
        assertArrayEquals(new int[] {0, 1, 2}, kept(new EtaProcessor(0.04, 1)));
        // epsilon 0.5: min(0.5, 0.7071 * 0.3944 = 0.2789) = 0.2789: tokens 0 and 1.
        assertArrayEquals(new int[] {0, 1}, kept(new EtaProcessor(0.5, 1)));
        // A uniform row has H = ln 4: eta = min(eps, sqrt(eps) / 4), below 1/4 for eps = 0.5, so all stay.
        assertArrayEquals(new int[] {0, 1, 2, 3}, Chains.kept(Chains.process(new float[4], new EtaProcessor(0.5, 1))));
    }

    @Test
    void workOnSparseSetsToo() {
        float[] out = Chains.process(LOGITS, new TopKProcessor(3), new EpsilonProcessor(0.2, 1));
        assertArrayEquals(new int[] {0, 1}, Chains.kept(out), "probabilities renormalised over the top 3");
    }

    @Test
    void rejectEpsilonOutsideTheHalfOpenUnitIntervalNamingFieldValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EpsilonProcessor(1, 1));
        assertEquals("epsilonCutoff = 1 is outside [0, 1); 0 disables epsilon sampling", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EtaProcessor(1, 1));
        assertEquals("etaCutoff = 1 is outside [0, 1); 0 disables eta sampling", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EtaProcessor(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new EpsilonProcessor(0.1, 0));
    }

    @Test
    void theOffValueZeroKeepsEveryToken() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, kept(new EpsilonProcessor(0, 1)));
        assertArrayEquals(new int[] {0, 1, 2, 3}, kept(new EtaProcessor(0, 1)));
    }

    private static int[] kept(org.sampling4j.chain.LogitsProcessor p) {
        return Chains.kept(Chains.process(LOGITS, p));
    }
}
