package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.SamplingParams;

/** Anthropic Messages bodies: the four sampling fields and max_tokens, Anthropic's ranges and style, the report. */
class AnthropicRequestTest {

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void mapsTheSamplingFieldsAndAccountsForTheRest() {
        ParamsMapping m = ParamsMapping.fromAnthropic(map("model", "claude-x", "max_tokens", 1024,
                "messages", List.of(Map.of("role", "user", "content", "hi")), "system", "be brief", "temperature", 0.5,
                "top_p", 0.9, "top_k", 40, "stop_sequences", List.of("\n\nHuman:", "END"), "stream", true,
                "metadata", Map.of("user_id", "u"), "thinking", Map.of("type", "disabled"), "seed", 7));
        SamplingParams p = m.params();
        assertEquals(1024, p.maxTokens());
        assertEquals(0.5, p.temperature());
        assertEquals(0.9, p.topP());
        assertEquals(40, p.topK());
        assertEquals(List.of("\n\nHuman:", "END"), p.stopStrings());
        assertEquals(List.of("model", "messages", "system", "stream", "metadata", "thinking"), List.copyOf(m.ignored().keySet()));
        assertEquals(List.of(), List.copyOf(m.unsupported().keySet()));
        assertEquals(List.of("seed"), m.unknown(), "the Messages API has no seed");
    }

    @Test
    void keepsAnthropicsDefaults() {
        SamplingParams p = ParamsMapping.fromAnthropic(map("max_tokens", 1)).strict();
        assertEquals(1.0, p.temperature(), "Anthropic's temperature defaults to 1");
        assertEquals(1.0, p.topP());
        assertEquals(0, p.topK());
        assertTrue(ParamsMapping.fromAnthropic(map("max_tokens", 1, "top_p", 0)).strict().topP() > 0, "0 keeps the top token");
        assertEquals(0.0, ParamsMapping.fromAnthropic(map("max_tokens", 1, "temperature", 0)).strict().temperature());
    }

    @Test
    void rangesUseAnthropicsStyle() {
        assertEquals("max_tokens: Field required", error(() -> ParamsMapping.fromAnthropic(map("temperature", 0.5))));
        assertEquals("max_tokens: range: 1..", error(() -> ParamsMapping.fromAnthropic(map("max_tokens", 0))));
        assertEquals("temperature: range: 0..1", error(() -> ParamsMapping.fromAnthropic(map("max_tokens", 8, "temperature", 1.5))));
        assertEquals("temperature: range: 0..1", error(() -> ParamsMapping.fromAnthropic(map("max_tokens", 8, "temperature", -1))),
                "the old -1 is refused, as the API now does");
        assertEquals("top_p: range: 0..1", error(() -> ParamsMapping.fromAnthropic(map("max_tokens", 8, "top_p", 1.01))));
        assertEquals("top_k: range: 0..", error(() -> ParamsMapping.fromAnthropic(map("max_tokens", 8, "top_k", -1))));
        assertEquals("stop_sequences: each stop sequence must be non-empty",
                error(() -> ParamsMapping.fromAnthropic(map("max_tokens", 8, "stop_sequences", List.of("a", "")))));
        assertEquals("stop_sequences: each stop sequence must contain non-whitespace",
                error(() -> ParamsMapping.fromAnthropic(map("max_tokens", 8, "stop_sequences", List.of("\n\n")))));
        assertEquals("stop_sequences: Input should be a valid list",
                error(() -> ParamsMapping.fromAnthropic(map("max_tokens", 8, "stop_sequences", "END"))));
    }

    @Test
    void topKZeroAndStructuredOutputAreReportedNotGuessed() {
        ParamsMapping m = ParamsMapping.fromAnthropic(map("max_tokens", 8, "top_k", 0, "output_format",
                Map.of("type", "json_schema")));
        assertEquals(List.of("top_k", "output_format"), List.copyOf(m.unsupported().keySet()));
        assertEquals(0, m.params().topK());
        assertEquals("output_config", assertThrows(UnsupportedSettingException.class, () -> ParamsMapping.fromAnthropic(
                map("max_tokens", 8, "output_config", Map.of("format", Map.of("type", "json_schema")))).strict()).setting());
        assertEquals(List.of("output_config"), List.copyOf(ParamsMapping.fromAnthropic(map("max_tokens", 8, "output_config",
                Map.of("effort", "low"))).ignored().keySet()));
    }
}
