package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.chain.LogitsProcessor;

/**
 * The two boundary values the acceptance checks found: {@code top_k = 0} disables top-k (llama.cpp,
 * and the README's {@code topK <= 0}), and {@code top_p = 0} keeps {@code min_keep} tokens, at least
 * one (llama.cpp's {@code llama_sampler_top_p_apply}: it stops at the first i with
 * {@code cum_sum >= p && i + 1 >= min_keep}); the strict vLLM mapping keeps refusing {@code top_p = 0}.
 */
class LlamaCppBoundaryConformanceTest {
    private static final float NINF = Float.NEGATIVE_INFINITY;
    /** Distinct logits, best first by id order 3, 1, 4, 0, 2. */
    private static final float[] LOGITS = {1.0f, 3.0f, 0.5f, 4.0f, 2.0f};

    private static float[] process(Sampler sampler) {
        float[] out = new float[LOGITS.length];
        sampler.process(LOGITS, SequenceState.create(1), new Workspace(LOGITS.length), out);
        return out;
    }

    private static float[] processStep(String name, Object... params) {
        LogitsProcessor p = HfSteps.create(name, map(params));
        Sampler.Builder b = Sampler.builder(LOGITS.length);
        if (p != null) {
            b.add(p);
        }
        return process(b.build());
    }

    @Test
    void stepsTopKZeroDisablesTopKEvenWithMinKeep() {
        assertNull(HfSteps.create("top_k", map("top_k", 0)), "top_k 0 adds no step");
        assertNull(HfSteps.create("top_k", map("top_k", -1, "min_keep", 3)), "top_k -1 adds no step, whatever min_keep says");
        assertArrayEquals(LOGITS, processStep("top_k", "top_k", 0));
    }

    @Test
    void stepsTopKOneStillKeepsOneToken() {
        assertArrayEquals(new float[] {NINF, NINF, NINF, 4.0f, NINF}, processStep("top_k", "top_k", 1));
        assertArrayEquals(new float[] {NINF, 3.0f, NINF, 4.0f, NINF}, processStep("top_k", "top_k", 1, "min_keep", 2),
                "HF's max(top_k, min_keep)");
    }

    @Test
    void stepsTopPZeroKeepsMinKeepTokens() {
        assertArrayEquals(new float[] {NINF, NINF, NINF, 4.0f, NINF}, processStep("top_p", "top_p", 0));
        assertArrayEquals(new float[] {NINF, 3.0f, NINF, 4.0f, 2.0f}, processStep("top_p", "top_p", 0, "min_keep", 3));
    }

    @Test
    void stepsTopPStillRefusesValuesOutsideZeroOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HfSteps.create("top_p", map("top_p", -0.1)));
        assertEquals("topP = -0.1 is outside (0, 1]; 1 disables top-p", e.getMessage());
    }

    @Test
    void cliParamsTopPZeroKeepsMinKeepTokens() {
        SamplingParams p = OpenAiParams.fromMap(map("top_p", 0, "min_keep", 2));
        assertArrayEquals(new float[] {NINF, 3.0f, NINF, 4.0f, NINF}, process(Sampler.of(p, LOGITS.length)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenAiParams.fromMap(map("top_p", 1.5)));
        assertEquals("top_p = 1.5 is outside [0, 1]; 1 disables top_p, 0 keeps min_keep tokens", e.getMessage());
    }

    @Test
    void llamaCppMappingTopPZeroKeepsMinKeepTokens() {
        SamplingParams keep3 = ParamsMapping.fromLlamaCpp(map("top_p", 0, "min_keep", 3, "top_k", 0, "min_p", 0,
                "temperature", 1)).strict();
        float[] out = process(Sampler.of(keep3, LOGITS.length));
        assertEquals(3, Arrays.stream(toDoubles(out)).filter(v -> v != NINF).count(), Arrays.toString(out));
        SamplingParams keep1 = ParamsMapping.fromLlamaCpp(map("top_p", 0, "top_k", 0, "min_p", 0, "temperature", 1)).strict();
        assertEquals(1, Arrays.stream(toDoubles(process(Sampler.of(keep1, LOGITS.length)))).filter(v -> v != NINF).count(),
                "min_keep 0 (the default) keeps one token");
    }

    @Test
    void vllmMappingStillRefusesTopPZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamsMapping.fromVllm(map("top_p", 0)).strict());
        assertEquals("top_p must be in (0, 1], got 0.", e.getMessage());
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
