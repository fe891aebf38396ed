package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every request mapping turns its stop field into stop strings: none reports it ignored, unsupported or unknown. */
class StopEverywhereTest {

    private static void assertStops(String system, Function<Map<String, Object>, ParamsMapping> mapping,
            Map<String, Object> body, String field) {
        ParamsMapping m = mapping.apply(body);
        assertEquals(List.of("END", "###"), m.params().stopStrings(), system);
        assertFalse(m.ignored().containsKey(field), system + " ignored " + m.ignored());
        assertFalse(m.unsupported().containsKey(field), system + " unsupported " + m.unsupported());
        assertFalse(m.unknown().contains(field), system + " unknown " + m.unknown());
        m.strict();
    }

    @Test
    void everyMappingTakesStopStrings() {
        List<String> stops = List.of("END", "###"); // Anthropic refuses a whitespace-only stop
        assertStops("OpenAI", ParamsMapping::fromOpenAi, map("stop", stops), "stop");
        assertStops("vLLM", ParamsMapping::fromVllm, map("stop", stops), "stop");
        assertStops("HF", ParamsMapping::fromHuggingFace, map("stop_strings", stops), "stop_strings");
        assertStops("llama.cpp", ParamsMapping::fromLlamaCpp, map("stop", stops), "stop");
        assertStops("Anthropic", ParamsMapping::fromAnthropic, map("max_tokens", 16, "stop_sequences", stops), "stop_sequences");
        ParamsMapping ollama = ParamsMapping.fromOllama(map("options", map("stop", stops)));
        assertEquals(stops, ollama.strict().stopStrings());
        assertFalse(ollama.ignored().containsKey("options.stop") || ollama.unsupported().containsKey("options.stop")
                || ollama.unknown().contains("options.stop"));
        assertEquals(stops, OpenAiParams.fromMap(map("stop", stops)).stopStrings(), "the flat vocabulary");
    }
}
