package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.SamplingParams;

/** Stop strings, include-stop and skip-special in the OpenAI, vLLM, HF and flat mappings, with each API's wording. */
class StopStringsMappingTest {

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void openAiTakesAStringOrUpToFourStrings() {
        assertEquals(List.of("END"), ParamsMapping.fromOpenAi(map("stop", "END")).strict().stopStrings());
        List<String> four = List.of("a", "b", "c", "d");
        SamplingParams p = ParamsMapping.fromOpenAi(map("stop", four)).strict();
        assertEquals(four, p.stopStrings());
        assertFalse(p.includeStopStringInOutput(), "OpenAI's returned text excludes the stop sequence");
        assertEquals(List.of(), ParamsMapping.fromOpenAi(map("stop", List.of())).strict().stopStrings());
        assertEquals(List.of(), ParamsMapping.fromOpenAi(map("stop", null)).strict().stopStrings(), "null is absent");
    }

    @Test
    void openAiRefusesAFifthStopAnEmptyOneAndOtherTypesInItsWording() {
        assertEquals("Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with"
                + " length 5 instead.", error(() -> ParamsMapping.fromOpenAi(map("stop", List.of("a", "b", "c", "d", "e")))));
        assertEquals("Invalid 'stop': empty string. Expected a string with minimum length 1, but got an empty string instead.",
                error(() -> ParamsMapping.fromOpenAi(map("stop", ""))));
        assertEquals("Invalid 'stop[1]': empty string. Expected a string with minimum length 1, but got an empty string"
                + " instead.", error(() -> ParamsMapping.fromOpenAi(map("stop", List.of("a", "")))));
        assertEquals("Invalid type for 'stop': expected one of a string or array of strings, but got 7 instead.",
                error(() -> ParamsMapping.fromOpenAi(map("stop", 7))));
        assertEquals("Invalid type for 'stop[0]': expected a string, but got 7 instead.",
                error(() -> ParamsMapping.fromOpenAi(map("stop", List.of(7)))));
    }

    @Test
    void vllmTakesStopIncludeAndSkipWithItsDefaults() {
        SamplingParams defaults = ParamsMapping.fromVllm(map()).strict();
        assertEquals(List.of(), defaults.stopStrings());
        assertFalse(defaults.includeStopStringInOutput(), "vLLM's include_stop_str_in_output defaults to false");
        assertTrue(defaults.skipSpecialTokens(), "vLLM's skip_special_tokens defaults to true");
        ParamsMapping m = ParamsMapping.fromVllm(map("stop", List.of("\n\n", "###"), "include_stop_str_in_output", true,
                "skip_special_tokens", false, "detokenize", true));
        SamplingParams p = m.strict();
        assertEquals(List.of("\n\n", "###"), p.stopStrings());
        assertTrue(p.includeStopStringInOutput());
        assertFalse(p.skipSpecialTokens());
        assertEquals(List.of("detokenize"), List.copyOf(m.ignored().keySet()));
        assertEquals(List.of("x"), ParamsMapping.fromVllm(map("stop", "x")).strict().stopStrings());
    }

    @Test
    void vllmRefusesAnEmptyStopAndStopWithoutDetokenizeInItsWording() {
        assertEquals("stop cannot contain an empty string.", error(() -> ParamsMapping.fromVllm(map("stop", ""))));
        assertEquals("stop cannot contain an empty string.", error(() -> ParamsMapping.fromVllm(map("stop", List.of("a", "")))));
        assertEquals("stop strings are only supported when detokenize is True. Set detokenize=True to use stop.",
                error(() -> ParamsMapping.fromVllm(map("stop", "a", "detokenize", false))));
        assertEquals("include_stop_str_in_output = yes is not a boolean",
                error(() -> ParamsMapping.fromVllm(map("include_stop_str_in_output", "yes"))));
    }

    @Test
    void huggingFaceStopStringsKeepTheMatchAsHfOutputDoes() {
        SamplingParams p = ParamsMapping.fromHuggingFace(map("stop_strings", "Observation:")).strict();
        assertEquals(List.of("Observation:"), p.stopStrings());
        assertTrue(p.includeStopStringInOutput(), "HF's output ids include the token that completes the stop string");
        assertEquals(List.of("a", "b"), ParamsMapping.fromHuggingFace(map("do_sample", true, "stop_strings", List.of("a", "b")))
                .strict().stopStrings());
        assertEquals("`stop_strings` cannot contain an empty string, but entry 1 is ''",
                error(() -> ParamsMapping.fromHuggingFace(map("stop_strings", List.of("a", "")))));
    }

    @Test
    void flatParamsTakeStopIncludeAndSkip() {
        SamplingParams p = OpenAiParams.fromMap(map("stop", List.of("\n\n"), "include_stop_str_in_output", true,
                "skip_special_tokens", false));
        assertEquals(List.of("\n\n"), p.stopStrings());
        assertTrue(p.includeStopStringInOutput());
        assertFalse(p.skipSpecialTokens());
        assertEquals(List.of("a", "b", "c", "d", "e"), OpenAiParams.fromMap(map("stop", List.of("a", "b", "c", "d", "e")))
                .stopStrings(), "the flat vocabulary has no count limit; the OpenAI mapping has");
        assertEquals("stop[0] = \"\" is empty: a stop string has at least one character",
                error(() -> OpenAiParams.fromMap(map("stop", ""))));
    }
}
