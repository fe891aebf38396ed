package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.SamplingParams;
import org.sampling4j.picker.Mirostat;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.XtcProcessor;

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
                () -> OpenAiParams.fromMap(Map.of("best_of", 3)));
        assertEquals("best_of", e.setting());
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

    @Test
    void mapsTheExtendedSamplersUnderTheirHfVllmAndLlamaCppNames() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("typical_p", 0.8);
        fields.put("epsilon", 3e-4);
        fields.put("eta_cutoff", 2e-3);
        fields.put("no_repeat_ngram", 3);
        fields.put("top_n_sigma", 1.5);
        fields.put("xtc_probability", 0.5);
        fields.put("xtc_threshold", 0.2);
        fields.put("dynatemp_range", 0.3);
        fields.put("dynatemp_exponent", 2);
        fields.put("mirostat", 2);
        fields.put("mirostat_tau", 4);
        fields.put("mirostat_eta", 0.2);
        fields.put("dry_multiplier", 0.8);
        fields.put("dry_base", 2);
        fields.put("dry_allowed_length", 3);
        fields.put("dry_penalty_last_n", 64);
        fields.put("dry_sequence_breakers", java.util.List.of(java.util.List.of(13)));
        fields.put("n", 2);
        fields.put("bad_words", java.util.List.of(java.util.List.of(4, 5)));
        fields.put("logprobs_mode", "processed_logits");
        SamplingParams p = OpenAiParams.fromMap(fields);
        assertEquals(0.8, p.typicalP());
        assertEquals(3e-4, p.epsilonCutoff());
        assertEquals(2e-3, p.etaCutoff());
        assertEquals(3, p.noRepeatNgramSize());
        assertEquals(1.5, p.topNSigma());
        assertEquals(0.5, p.xtcProbability());
        assertEquals(0.2, p.xtcThreshold());
        assertEquals(0.3, p.dynatempRange());
        assertEquals(2.0, p.dynatempExponent());
        assertEquals(2, p.mirostat());
        assertEquals(4.0, p.mirostatTau());
        assertEquals(0.2, p.mirostatEta());
        assertEquals(0.8, p.dryMultiplier());
        assertEquals(2.0, p.dryBase());
        assertEquals(3, p.dryAllowedLength());
        assertEquals(64, p.dryPenaltyLastN());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[][] {{13}}, p.drySequenceBreakers());
        assertEquals(2, p.n());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[][] {{4, 5}}, p.badWords());
        assertEquals(org.sampling4j.LogprobsMode.PROCESSED_LOGITS, p.logprobsMode());

        assertEquals(0, OpenAiParams.fromMap(Map.of("dry_multiplier", 0.8, "dry_penalty_last_n", -1)).dryPenaltyLastN(),
                "llama.cpp's -1 is the whole sequence");
        assertEquals(0.0, OpenAiParams.fromMap(Map.of("dry_multiplier", 0.8, "dry_penalty_last_n", 0)).dryMultiplier(),
                "llama.cpp's window 0 turns DRY off");
        assertEquals(0.0, OpenAiParams.fromMap(Map.of("top_n_sigma", -1)).topNSigma(), "llama.cpp's -1 disables");
        assertEquals("xtc_probability = 1.5 is outside [0, 1]; 0 disables XTC", assertThrows(IllegalArgumentException.class,
                () -> OpenAiParams.fromMap(Map.of("xtc_probability", 1.5))).getMessage());
        assertEquals("mirostat = 3 is outside [0, 2]; 0 off, 1 mirostat, 2 mirostat 2.0", assertThrows(IllegalArgumentException.class,
                () -> OpenAiParams.fromMap(Map.of("mirostat", 3))).getMessage());
        assertEquals("guidance_scale", assertThrows(UnsupportedSettingException.class,
                () -> OpenAiParams.fromMap(Map.of("guidance_scale", 2))).setting());
    }

    @Test
    void hfAndLlamaCppNamesTakeTheCoreRangeNoteAndDefaultUnderTheirOwnName() {
        assertEquals("typical_p = 1.5 is outside (0, 1]; 1 disables typical-p", assertThrows(IllegalArgumentException.class,
                () -> OpenAiParams.fromMap(Map.of("typical_p", 1.5))).getMessage());
        assertEquals("xtc_threshold = 2 is outside [0, 1]; above 0.5 XTC never removes a token, so the step is not added",
                assertThrows(IllegalArgumentException.class, () -> OpenAiParams.fromMap(Map.of("xtc_threshold", 2))).getMessage());
        assertEquals("min_keep = 0 is outside [1, +Inf)", assertThrows(IllegalArgumentException.class,
                () -> OpenAiParams.fromMap(Map.of("min_keep", 0))).getMessage());
        SamplingParams llama = OpenAiParams.fromMap(Map.of("xtc_probability", 0.5, "dry_multiplier", 0.8, "mirostat", 2));
        assertEquals(XtcProcessor.XTC_THRESHOLD.defaultValue(), llama.xtcThreshold());
        assertEquals(DryProcessor.DRY_BASE.defaultValue(), llama.dryBase());
        assertEquals(DryProcessor.DRY_ALLOWED_LENGTH.defaultInt(), llama.dryAllowedLength());
        assertEquals(Mirostat.MIROSTAT_TAU.defaultValue(), llama.mirostatTau());
        assertEquals(Mirostat.MIROSTAT_ETA.defaultValue(), llama.mirostatEta());
    }

    @Test
    void hfStepsDefaultToTheDeclaredSettings() {
        assertEquals(new XtcProcessor(0.5, XtcProcessor.XTC_THRESHOLD.defaultValue(), 1).parameters(),
                HfSteps.create("xtc", Map.of("xtc_probability", 0.5)).parameters());
        assertEquals(new DryProcessor(0.8, DryProcessor.DRY_BASE.defaultValue(), DryProcessor.DRY_ALLOWED_LENGTH.defaultInt(), 0,
                new int[0][]).parameters(), HfSteps.create("dry", Map.of("dry_multiplier", 0.8)).parameters());
        assertEquals(new DynamicTemperatureProcessor(1, 0.5, DynamicTemperatureProcessor.DYNATEMP_EXPONENT.defaultValue())
                .parameters(), HfSteps.create("dynatemp", Map.of("dynatemp_range", 0.5)).parameters());
        assertEquals("0.1", Double.toString(XtcProcessor.XTC_THRESHOLD.defaultValue()), "llama.cpp's default");
        assertEquals("1.75", Double.toString(DryProcessor.DRY_BASE.defaultValue()), "llama.cpp's default");
        assertEquals(2, DryProcessor.DRY_ALLOWED_LENGTH.defaultInt(), "llama.cpp's default");
    }
}
