package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;

/** llama.cpp's adaptive_target / adaptive_decay, as common_sampler_init uses them. */
class AdaptivePMappingTest {
    private static final List<String> DEFAULT_ORDER = List.of("penalties", "dry", "top_n_sigma", "top_k", "typ_p", "top_p",
            "min_p", "xtc", "temperature");

    private static List<String> withAdaptive() {
        List<String> order = new java.util.ArrayList<>(DEFAULT_ORDER);
        order.add(2, "adaptive_p"); // anywhere: llama.cpp moves it last
        return order;
    }

    @Test
    void runsOnlyWhenSamplersListsAdaptiveP() {
        ParamsMapping listed = ParamsMapping.fromLlamaCpp(map("adaptive_target", 0.3, "adaptive_decay", 0.8, "samplers", withAdaptive()));
        SamplingParams p = listed.strict();
        assertEquals(0.3, p.adaptiveTarget());
        assertEquals(0.8, p.adaptiveDecay());
        assertTrue(Sampler.of(p, 1000).toString().endsWith("temperature > pick(" + new org.sampling4j.picker.AdaptivePPicker(0.3, 0.8).name() + ")"), Sampler.of(p, 1000).toString());
        ParamsMapping absent = ParamsMapping.fromLlamaCpp(map("adaptive_target", 0.3));
        assertEquals(-1.0, absent.strict().adaptiveTarget(), "the default order has no adaptive_p: llama.cpp ignores the target");
        assertEquals("llama.cpp runs adaptive-p only when samplers lists adaptive_p", absent.ignored().get("adaptive_target"));
        ParamsMapping plain = ParamsMapping.fromLlamaCpp(map("samplers", DEFAULT_ORDER));
        assertTrue(plain.unsupported().isEmpty(), "the default order is what runs anyway");
    }

    @Test
    void clampsLikeLlamaCppAndStepsAsideForMirostatAndGreedy() {
        SamplingParams p = ParamsMapping.fromLlamaCpp(map("adaptive_target", 2, "adaptive_decay", 1.5, "samplers", withAdaptive())).strict();
        assertEquals(1.0, p.adaptiveTarget());
        assertEquals(0.99, p.adaptiveDecay());
        assertEquals(0.0, ParamsMapping.fromLlamaCpp(map("adaptive_target", 0.5, "adaptive_decay", -3, "samplers", withAdaptive()))
                .strict().adaptiveDecay());
        ParamsMapping mirostat = ParamsMapping.fromLlamaCpp(map("adaptive_target", 0.5, "mirostat", 2, "samplers", withAdaptive()));
        assertEquals(-1.0, mirostat.params().adaptiveTarget());
        assertEquals("llama.cpp's mirostat chain picks instead of adaptive-p", mirostat.ignored().get("adaptive_target"));
        ParamsMapping greedy = ParamsMapping.fromLlamaCpp(map("adaptive_target", 0.5, "temperature", 0, "samplers", withAdaptive()));
        assertEquals(-1.0, greedy.params().adaptiveTarget());
        ParamsMapping negative = ParamsMapping.fromLlamaCpp(map("adaptive_target", -0.5, "samplers", withAdaptive()));
        assertEquals(-1.0, negative.strict().adaptiveTarget(), "negative: the no-op");
    }

    @Test
    void anotherOrderIsStillReportedUnsupported() {
        ParamsMapping m = ParamsMapping.fromLlamaCpp(map("samplers", List.of("top_k", "temperature", "adaptive_p")));
        assertTrue(m.unsupported().containsKey("samplers"), m.unsupported().toString());
        assertEquals(-1.0, m.params().adaptiveTarget());
    }

    @Test
    void cliParamsTakeTheTargetDirectly() {
        SamplingParams p = OpenAiParams.fromMap(map("adaptive_target", 0.4, "adaptive_decay", 0.5));
        assertEquals(0.4, p.adaptiveTarget());
        assertEquals(0.5, p.adaptiveDecay());
    }
}
