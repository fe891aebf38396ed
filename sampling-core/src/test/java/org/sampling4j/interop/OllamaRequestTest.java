package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.ChainOrder;
import org.sampling4j.SamplingParams;

/** Ollama bodies: options with Ollama's server defaults, its special values, its type wording, the report. */
class OllamaRequestTest {

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    private static SamplingParams options(Object... kv) {
        return ParamsMapping.fromOllama(map("options", map(kv))).strict();
    }

    @Test
    void absentOptionsTakeOllamasServerDefaults() {
        SamplingParams p = ParamsMapping.fromOllama(map("model", "llama3", "prompt", "hi")).strict();
        assertEquals(ChainOrder.LLAMA_CPP, p.chainOrder());
        assertEquals(0.8, p.temperature(), 1e-12);
        assertEquals(40, p.topK());
        assertEquals(0.9, p.topP(), 1e-12);
        assertEquals(0.0, p.minP());
        assertEquals(1.0, p.typicalP());
        assertEquals(1.1, p.repetitionPenalty(), 1e-12);
        assertEquals(64, p.penaltyLastN());
        assertEquals(0, p.maxTokens(), "num_predict -1: no limit");
        assertTrue(p.seed().isEmpty());
        assertEquals(0, p.mirostat());
    }

    @Test
    void mapsEveryOptionWithItsSpecialValues() {
        SamplingParams p = options("temperature", 0.2, "top_k", 0, "top_p", 1.0, "min_p", 0.05, "typical_p", 0.7,
                "repeat_last_n", -1, "repeat_penalty", 1.3, "presence_penalty", 0.5, "frequency_penalty", 0.25, "seed", 42,
                "stop", List.of("<|im_end|>", "\n\n"), "num_predict", 128);
        assertEquals(0.2, p.temperature(), 1e-12);
        assertEquals(0, p.topK());
        assertEquals(1.0, p.topP());
        assertEquals(0.05, p.minP(), 1e-12);
        assertEquals(0.7, p.typicalP(), 1e-12);
        assertEquals(0, p.penaltyLastN(), "-1 = num_ctx: the whole sequence");
        assertEquals(1.3, p.repetitionPenalty(), 1e-12);
        assertEquals(0.5, p.presencePenalty(), 1e-12);
        assertEquals(0.25, p.frequencyPenalty(), 1e-12);
        assertEquals(42L, p.seed().getAsLong());
        assertEquals(List.of("<|im_end|>", "\n\n"), p.stopStrings());
        assertEquals(128, p.maxTokens());
        assertEquals(0, options("num_predict", -2).maxTokens(), "-2 fills the context: no limit of its own");
        assertEquals(0.0, options("temperature", -1).temperature(), "<= 0 is greedy");
        assertEquals(40, options("top_k", 40.9).topK(), "Go's int64(float64) truncates");
        assertTrue(options("top_p", 0).topP() > 0, "top_p 0 keeps the top token");
    }

    @Test
    void repeatLastNZeroTurnsThePenaltiesOffAndSaysSo() {
        ParamsMapping m = ParamsMapping.fromOllama(map("options", map("repeat_last_n", 0, "repeat_penalty", 1.5)));
        assertEquals(1.0, m.params().repetitionPenalty());
        assertEquals(List.of("options.repeat_penalty"), List.copyOf(m.ignored().keySet()));
    }

    @Test
    void mirostatRunsAloneAsInLlamaCppsChain() {
        ParamsMapping m = ParamsMapping.fromOllama(map("options", map("mirostat", 2, "mirostat_tau", 3.0, "mirostat_eta", 0.2,
                "top_k", 10)));
        SamplingParams p = m.strict();
        assertEquals(2, p.mirostat());
        assertEquals(3.0, p.mirostatTau());
        assertEquals(0.2, p.mirostatEta(), 1e-12);
        assertEquals(1.0, p.repetitionPenalty(), "the penalty default does not run under mirostat");
        assertEquals(List.of("options.top_k"), List.copyOf(m.ignored().keySet()));
    }

    @Test
    void typeErrorsUseOllamasWording() {
        assertEquals("option \"top_k\" must be of type integer", error(() -> options("top_k", "40")));
        assertEquals("option \"temperature\" must be of type float32", error(() -> options("temperature", "hot")));
        assertEquals("option \"stop\" must be of type array", error(() -> options("stop", "\n")));
        assertEquals("option \"stop\" must be of an array of strings", error(() -> options("stop", List.of(1))));
    }

    @Test
    void refusesValuesOllamasRunnersDisagreeOnOrMisbehaveWith() {
        assertTrue(error(() -> options("min_p", 1.5)).startsWith("option \"min_p\" = 1.5 is above 1"));
        assertTrue(error(() -> options("typical_p", 0)).startsWith("option \"typical_p\" = 0 is not above 0"));
        assertTrue(error(() -> options("repeat_last_n", -2)).startsWith("option \"repeat_last_n\" = -2 is below -1"));
        assertTrue(error(() -> options("num_predict", 0)).startsWith("num_predict = 0 is refused"));
        assertTrue(error(() -> options("mirostat", 3)).startsWith("mirostat = 3 is outside [0, 2]"));
        assertTrue(error(() -> options("stop", List.of(""))).startsWith("option \"stop\" has an empty string at 0"));
    }

    @Test
    void reportsRunnerOptionsTopLevelFieldsFormatAndUnknownOptions() {
        ParamsMapping m = ParamsMapping.fromOllama(map("model", "m", "messages", List.of(), "stream", false, "keep_alive", "5m",
                "format", "json", "options", map("num_ctx", 8192, "num_gpu", 99, "num_thread", 8, "temperature", 0.7,
                        "tfs_z", 0.95, "penalize_newline", true, "top_a", 0.1), "think", true));
        assertEquals(List.of("model", "messages", "stream", "keep_alive", "options.num_ctx", "options.num_gpu",
                "options.num_thread", "options.penalize_newline", "think"), List.copyOf(m.ignored().keySet()));
        assertEquals(List.of("format", "options.tfs_z"), List.copyOf(m.unsupported().keySet()));
        assertEquals(List.of("options.top_a"), m.unknown(), "Ollama logs invalid option provided and goes on");
        assertEquals("format", assertThrows(UnsupportedSettingException.class, m::strict).setting());
        assertEquals("options = 3 is not an object", error(() -> ParamsMapping.fromOllama(map("options", 3))));
        Map<String, Object> unknown = map("options", map("temprature", 0.5));
        assertEquals("options.temprature", assertThrows(UnsupportedSettingException.class,
                () -> ParamsMapping.fromOllama(unknown).strict()).setting());
    }
}
