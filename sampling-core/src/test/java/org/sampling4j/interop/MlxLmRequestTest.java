package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.ChainOrder;
import org.sampling4j.SamplingParams;
import org.sampling4j.processor.PenaltyScope;

/** MLX-LM sampler kwargs: its defaults (temp 0 is greedy, top_p 0 is off), its checks and wording, the order caveats. */
class MlxLmRequestTest {

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void mlxDefaultsAreGreedyWithNothingElseOn() {
        SamplingParams p = ParamsMapping.fromMlxLm(map()).strict();
        assertEquals(0.0, p.temperature(), "temp 0.0, the default, is greedy");
        assertEquals(1.0, p.topP(), "top_p 0.0, the default, is off");
        assertEquals(0.0, p.minP());
        assertEquals(0, p.topK());
        assertEquals(0.0, p.xtcProbability());
        assertEquals(1.0, p.repetitionPenalty());
        assertEquals(ChainOrder.LLAMA_CPP, p.chainOrder(), "the truncations see temperature-1 log-probabilities");
    }

    @Test
    void mapsEachSettingAndItsOffValues() {
        SamplingParams p = ParamsMapping.fromMlxLm(map("temp", 0.7, "top_p", 0.9, "min_p", 0.05, "xtc_probability", 0.5,
                "xtc_threshold", 0.2, "logit_bias", Map.of("7", -3.5), "repetition_penalty", 1.2,
                "repetition_context_size", 32)).strict();
        assertEquals(0.7, p.temperature(), 1e-12);
        assertEquals(0.9, p.topP(), 1e-12);
        assertEquals(0.05, p.minP(), 1e-12);
        assertEquals(0.5, p.xtcProbability());
        assertEquals(0.2, p.xtcThreshold());
        assertEquals(Map.of(7, -3.5f), p.logitBias());
        assertEquals(1.2, p.repetitionPenalty(), 1e-12);
        assertEquals(PenaltyScope.PROMPT_AND_GENERATED, p.repetitionScope());
        assertEquals(32, p.penaltyLastN());
        assertEquals(1.0, ParamsMapping.fromMlxLm(map("temp", 1.0, "top_p", 1.0)).strict().topP(), "top_p 1 is off");
        assertEquals(1.0, ParamsMapping.fromMlxLm(map("temp", 1.0, "top_p", -0.5)).strict().topP(), "outside (0, 1): off");
        assertEquals(0, ParamsMapping.fromMlxLm(map("temp", 1.0, "top_k", -1)).strict().topK(), "-1 is off");
        assertEquals(50, ParamsMapping.fromMlxLm(map("temp", 1.0, "top_k", 50, "min_p", 0.1)).strict().topK(),
                "top-k commutes with min-p: no caveat");
        assertEquals(3, ParamsMapping.fromMlxLm(map("temp", 1.0, "min_p", 0.1, "min_tokens_to_keep", 3)).strict().minKeep());
        assertEquals(1.0, ParamsMapping.fromMlxLm(map("repetition_penalty", 0)).strict().repetitionPenalty(), "0 is off");
        assertEquals(0, ParamsMapping.fromMlxLm(map("repetition_penalty", 1.1, "repetition_context_size", 0)).strict()
                .penaltyLastN(), "tokens[-0:] is every token");
        assertEquals(20, ParamsMapping.fromMlxLm(map("repetition_penalty", 1.1)).strict().penaltyLastN(), "MLX-LM's default window");
    }

    @Test
    void greedyReadsNoTruncationAndChecksNone() {
        ParamsMapping m = ParamsMapping.fromMlxLm(map("temp", 0.0, "top_p", 0.9, "min_p", 7, "repetition_penalty", 1.1));
        assertEquals(List.of("top_p", "min_p"), List.copyOf(m.ignored().keySet()));
        assertEquals(1.1, m.strict().repetitionPenalty(), 1e-12, "the logits processors still run");
    }

    @Test
    void checksUseMlxWording() {
        assertEquals("`min_p` has to be a float in the [0, 1] interval, but is 1.5",
                error(() -> ParamsMapping.fromMlxLm(map("temp", 1.0, "min_p", 1.5))));
        assertEquals("`min_tokens_to_keep` has to be a positive integer, but is 0",
                error(() -> ParamsMapping.fromMlxLm(map("temp", 1.0, "min_p", 0.1, "min_tokens_to_keep", 0))));
        assertEquals("`threshold` has to be a float in the [0, 0.5] interval, but is 0.6",
                error(() -> ParamsMapping.fromMlxLm(map("temp", 1.0, "xtc_probability", 0.5, "xtc_threshold", 0.6))));
        assertEquals("`probability` has to be a float in the [0, 1] interval, but is 2.0",
                error(() -> ParamsMapping.fromMlxLm(map("temp", 1.0, "xtc_probability", 2.0))));
        assertEquals("penalty must be a non-negative float, got -1.0",
                error(() -> ParamsMapping.fromMlxLm(map("repetition_penalty", -1.0))));
        assertEquals("`top_k` has to be an integer, but is 5.0", error(() -> ParamsMapping.fromMlxLm(map("temp", 1.0, "top_k", 5.0))));
        error(() -> ParamsMapping.fromMlxLm(map("temp", -0.5)));
    }

    @Test
    void reportsWhatNoChainOrderOrSettingCanMatch() {
        ParamsMapping m = ParamsMapping.fromMlxLm(map("temp", 1.0, "top_p", 0.9, "top_k", 20, "xtc_probability", 0.3,
                "xtc_special_tokens", List.of(198, 2), "presence_penalty", 0.5, "presence_context_size", 64, "seed", 1));
        assertEquals(List.of("top_k", "xtc_special_tokens", "presence_penalty"), List.copyOf(m.unsupported().keySet()));
        assertEquals(List.of("presence_context_size"), List.copyOf(m.ignored().keySet()));
        assertEquals(List.of("seed"), m.unknown(), "the seed is mx.random.seed, not a sampler argument");
        assertEquals(List.of("min_tokens_to_keep"), List.copyOf(ParamsMapping.fromMlxLm(map("temp", 1.0, "top_p", 0.9,
                "min_p", 0.1, "min_tokens_to_keep", 2)).unsupported().keySet()));
    }

    @Test
    void pythonNumbersPrintAsPythonPrintsThem() {
        assertEquals("1e-05", PyText.floatRepr(1e-5));
        assertEquals("0.0001", PyText.floatRepr(1e-4));
        assertEquals("2.0", PyText.floatRepr(2.0));
        assertEquals("1.5", PyText.floatRepr(1.5));
        assertEquals("1e+16", PyText.floatRepr(1e16));
        assertEquals("123456789012345.0", PyText.floatRepr(123456789012345.0));
        assertEquals("-0.1", PyText.floatRepr(-0.1));
        assertEquals("inf", PyText.floatRepr(Double.POSITIVE_INFINITY));
    }
}
