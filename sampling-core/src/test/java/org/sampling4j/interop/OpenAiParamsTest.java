package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.SamplingParams;

class OpenAiParamsTest {
    @Test
    void mapsOpenAiAndVllmFieldNames() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("temperature", 0.7);
        fields.put("top_p", 0.9);
        fields.put("top_k", 40);
        fields.put("min_p", 0.05);
        fields.put("repetition_penalty", 1.1);
        fields.put("frequency_penalty", 0.3);
        fields.put("presence_penalty", -0.5);
        fields.put("logit_bias", Map.of("12", 250, "3", -7.5));
        fields.put("seed", 1234L);
        fields.put("logprobs", 5);
        fields.put("stop", null);
        SamplingParams p = OpenAiParams.fromMap(fields);
        assertEquals(0.7, p.temperature());
        assertEquals(0.9, p.topP());
        assertEquals(40, p.topK());
        assertEquals(0.05, p.minP());
        assertEquals(1.1, p.repetitionPenalty());
        assertEquals(0.3, p.frequencyPenalty());
        assertEquals(-0.5, p.presencePenalty());
        assertEquals(Map.of(3, -7.5f, 12, 100f), p.logitBias(), "bias clamped to [-100, 100]");
        assertEquals(1234L, p.seed().getAsLong());
        assertEquals(5, p.topLogprobs());
    }

    @Test
    void enforcesTheApiRangesWithTheApiNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenAiParams.fromMap(Map.of("frequency_penalty", 2.5)));
        assertEquals("frequency_penalty = 2.5 is outside [-2, 2]; 0 disables the penalty", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OpenAiParams.fromMap(Map.of("temperature", 2.5)));
        assertEquals("temperature = 2.5 is outside [0, 2]; 0 means greedy", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OpenAiParams.fromMap(Map.of("top_k", 1.5)));
        assertEquals("top_k = 1.5 is not an integer in [-2147483648, 2147483647]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OpenAiParams.fromMap(Map.of("logit_bias", Map.of("x", 1))));
        assertEquals("logit_bias key \"x\" is not a token id", e.getMessage());
    }

    @Test
    void reportsUnknownFieldsInsteadOfIgnoringThem() {
        UnsupportedSettingException e = assertThrows(UnsupportedSettingException.class,
                () -> OpenAiParams.fromMap(Map.of("typical_p", 0.9)));
        assertEquals("typical_p", e.setting());
    }

    @Test
    void hfStepsReportUnknownStepsAndParameters() {
        assertEquals("mirostat", assertThrows(UnsupportedSettingException.class,
                () -> HfSteps.create("mirostat", Map.of("tau", 5.0))).setting());
        assertEquals("top_k.foo", assertThrows(UnsupportedSettingException.class,
                () -> HfSteps.create("top_k", Map.of("top_k", 3, "foo", 1))).setting());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HfSteps.create("top_p", Map.of()));
        assertEquals("top_p needs the parameter top_p", e.getMessage());
    }
}
