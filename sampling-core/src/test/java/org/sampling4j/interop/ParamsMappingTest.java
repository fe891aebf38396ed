package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.LogprobsMode;
import org.sampling4j.SamplingParams;

/** OpenAI, vLLM and HF requests as SamplingParams: mapping, defaults, each API's wording, and the field report. */
class ParamsMappingTest {

    private static Map<String, Object> map(Object... kv) {
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
    void openAiChatBodyMapsItsSamplingFieldsAndAccountsForTheRest() {
        ParamsMapping m = ParamsMapping.fromOpenAi(map("model", "gpt-x", "messages", List.of(Map.of("role", "user")),
                "temperature", 0.7, "top_p", 0.9, "frequency_penalty", 0.5, "presence_penalty", -0.5,
                "logit_bias", Map.of("42", -100), "seed", 7, "n", 3, "max_completion_tokens", 64, "logprobs", true,
                "top_logprobs", 5, "stop", List.of("\n\n"), "stream", true, "response_format", Map.of("type", "json_object"),
                "top_k", 40));
        SamplingParams p = m.params();
        assertEquals(0.7, p.temperature());
        assertEquals(0.9, p.topP());
        assertEquals(0.5, p.frequencyPenalty());
        assertEquals(-0.5, p.presencePenalty());
        assertEquals(Map.of(42, -100f), p.logitBias());
        assertEquals(7L, p.seed().getAsLong());
        assertEquals(3, p.n());
        assertEquals(64, p.maxTokens());
        assertEquals(5, p.topLogprobs());
        assertEquals(List.of("\n\n"), p.stopStrings());
        assertEquals(List.of("model", "messages", "stream"), List.copyOf(m.ignored().keySet()));
        assertEquals(List.of("response_format"), List.copyOf(m.unsupported().keySet()));
        assertEquals(List.of("top_k"), m.unknown(), "top_k is not an OpenAI field");
        assertEquals("response_format", assertThrows(UnsupportedSettingException.class, m::strict).setting());
        assertEquals("top_k", assertThrows(UnsupportedSettingException.class,
                () -> ParamsMapping.fromOpenAi(map("top_k", 3)).strict()).setting());
        assertTrue(ParamsMapping.fromOpenAi(map("top_p", 0)).params().topP() > 0, "top_p 0 keeps the top token");
    }

    @Test
    void openAiRangesUseOpenAiWording() {
        assertEquals("2.5 is greater than the maximum of 2 - 'temperature'",
                error(() -> ParamsMapping.fromOpenAi(map("temperature", 2.5))));
        assertEquals("-3 is less than the minimum of -2 - 'presence_penalty'",
                error(() -> ParamsMapping.fromOpenAi(map("presence_penalty", -3))));
        assertEquals("150 is greater than the maximum of 100 - 'logit_bias.7'",
                error(() -> ParamsMapping.fromOpenAi(map("logit_bias", Map.of("7", 150)))));
        assertEquals("0 is less than the minimum of 1 - 'n'", error(() -> ParamsMapping.fromOpenAi(map("n", 0))));
        assertEquals("6 is greater than the maximum of 5 - 'logprobs'", error(() -> ParamsMapping.fromOpenAi(map("logprobs", 6))));
        assertEquals("logprobs must be set to true if top_logprobs is used - 'top_logprobs'",
                error(() -> ParamsMapping.fromOpenAi(map("top_logprobs", 2))));
        assertEquals("21 is greater than the maximum of 20 - 'top_logprobs'",
                error(() -> ParamsMapping.fromOpenAi(map("logprobs", true, "top_logprobs", 21))));
    }

    @Test
    void vllmDictionaryKeepsVllmDefaultsAndConventions() {
        SamplingParams defaults = ParamsMapping.fromVllm(Map.of()).strict();
        assertEquals(16, defaults.maxTokens(), "vLLM's SamplingParams defaults to 16 tokens");
        Map<String, Object> unlimited = new HashMap<>();
        unlimited.put("max_tokens", null);
        assertEquals(0, ParamsMapping.fromVllm(unlimited).strict().maxTokens(), "max_tokens None: no limit");

        ParamsMapping m = ParamsMapping.fromVllm(map("n", 4, "temperature", 0.8, "top_k", -1, "top_p", 0.95, "min_p", 0.05,
                "repetition_penalty", 1.2, "seed", -1, "logprobs", -1, "logprobs_mode", "raw_logits",
                "stop_token_ids", List.of(2, 3), "min_tokens", 5, "bad_words", List.of(List.of(9, 10)),
                "allowed_token_ids", List.of(1, 2, 3, 9, 10), "logit_bias", Map.of(3, 1.5), "stop", "###",
                "skip_special_tokens", true, "guided_decoding", Map.of("regex", "a+"), "typical_p", 0.5));
        SamplingParams p = m.params();
        assertEquals(4, p.n());
        assertEquals(0, p.topK(), "-1 disables top_k");
        assertTrue(p.seed().isEmpty(), "seed -1 is no seed");
        assertEquals(Integer.MAX_VALUE, p.topLogprobs(), "logprobs -1: the whole vocabulary");
        assertEquals(LogprobsMode.RAW_LOGITS, p.logprobsMode());
        assertArrayEquals(new int[] {2, 3}, p.stopTokenIds());
        assertEquals(5, p.minTokens());
        assertArrayEquals(new int[][] {{9, 10}}, p.badWords());
        assertEquals(Map.of(3, 1.5f), p.logitBias());
        assertEquals(List.of("###"), p.stopStrings());
        assertTrue(p.skipSpecialTokens());
        assertEquals(List.of(), List.copyOf(m.ignored().keySet()), "stop and skip_special_tokens are params now");
        assertEquals(List.of("guided_decoding"), List.copyOf(m.unsupported().keySet()));
        assertEquals(List.of("typical_p"), m.unknown());

        SamplingParams greedy = ParamsMapping.fromVllm(map("temperature", 0.0, "top_p", 0.5, "top_k", 3)).strict();
        assertEquals(0.0, greedy.temperature());
        assertEquals(1.0, greedy.topP(), "vLLM resets the truncations under greedy");
        assertEquals(0.01, ParamsMapping.fromVllm(map("temperature", 0.001)).strict().temperature(),
                "vLLM raises temperatures in (0, 0.01) to 0.01");
    }

    @Test
    void vllmRangesUseVllmWording() {
        assertEquals("top_p must be in (0, 1], got 1.5.", error(() -> ParamsMapping.fromVllm(map("top_p", 1.5))));
        assertEquals("temperature must be in [0, 2], got 3.", error(() -> ParamsMapping.fromVllm(map("temperature", 3))));
        assertEquals("temperature must be non-negative, got -0.5.", error(() -> ParamsMapping.fromVllm(map("temperature", -0.5))));
        assertEquals("top_k must be 0 (disable), or at least 1, got -2.", error(() -> ParamsMapping.fromVllm(map("top_k", -2))));
        assertEquals("n must be 1 when using greedy sampling, got 2.",
                error(() -> ParamsMapping.fromVllm(map("n", 2, "temperature", 0))));
        assertEquals("presence_penalty must be in [-2, 2], got 2.5.",
                error(() -> ParamsMapping.fromVllm(map("presence_penalty", 2.5))));
        assertEquals("repetition_penalty must be greater than zero, got 0.", error(() -> ParamsMapping.fromVllm(map("repetition_penalty", 0))));
        assertEquals("min_tokens must be less than or equal to max_tokens=16, got 20.",
                error(() -> ParamsMapping.fromVllm(map("min_tokens", 20))));
        assertEquals("logprobs must be non-negative or -1, got -2.", error(() -> ParamsMapping.fromVllm(map("logprobs", -2))));
        assertEquals("logprobs_mode = raw is not one of raw_logprobs, raw_logits, processed_logprobs, processed_logits",
                error(() -> ParamsMapping.fromVllm(map("logprobs_mode", "raw"))));
        assertEquals(List.of("bad_words"), List.copyOf(ParamsMapping.fromVllm(map("bad_words", List.of("bad")))
                .unsupported().keySet()), "bad_words as text needs an Encoder");
    }

    @Test
    void huggingFaceIsGreedyUnlessDoSampleAndKeepsItsDefaults() {
        ParamsMapping greedy = ParamsMapping.fromHuggingFace(map("temperature", 0.7, "top_p", 0.9, "repetition_penalty", 1.3,
                "max_new_tokens", 20, "eos_token_id", 2, "no_repeat_ngram_size", 3));
        assertEquals(0.0, greedy.params().temperature(), "do_sample absent: greedy");
        assertEquals(1.3, greedy.params().repetitionPenalty(), "processors still apply under greedy");
        assertEquals(3, greedy.params().noRepeatNgramSize());
        assertArrayEquals(new int[] {2}, greedy.params().stopTokenIds());
        assertEquals(20, greedy.params().maxTokens());
        assertEquals(List.of("temperature", "top_p"), List.copyOf(greedy.ignored().keySet()));

        ParamsMapping sample = ParamsMapping.fromHuggingFace(map("do_sample", true, "temperature", 0.7,
                "typical_p", 0.9, "epsilon_cutoff", 3e-4, "eta_cutoff", 1e-3, "num_return_sequences", 2,
                "bad_words_ids", List.of(List.of(5), List.of(6, 7)), "suppress_tokens", List.of(11),
                "sequence_bias", List.of(List.of(List.of(4), -2.5)), "guidance_scale", 1.5, "min_new_tokens", 2,
                "max_length", 100, "num_beams", 1, "pad_token_id", 0, "seed", 3));
        SamplingParams p = sample.params();
        assertEquals(50, p.topK(), "HF's default top_k");
        assertEquals(0.9, p.typicalP());
        assertEquals(3e-4, p.epsilonCutoff());
        assertEquals(1e-3, p.etaCutoff());
        assertEquals(2, p.n());
        assertArrayEquals(new int[][] {{5}, {6, 7}}, p.badWords());
        assertArrayEquals(new int[] {11}, p.bannedTokenIds());
        assertEquals(Map.of(4, -2.5f), p.logitBias());
        assertEquals(1.5, p.guidanceScale());
        assertEquals(2, p.minTokens());
        assertEquals(List.of("max_length", "pad_token_id"), List.copyOf(sample.ignored().keySet()));
        assertEquals(List.of("seed"), sample.unknown(), "generate has no seed argument");
        assertEquals("num_beams", assertThrows(UnsupportedSettingException.class,
                () -> ParamsMapping.fromHuggingFace(map("num_beams", 4)).strict()).setting());
        assertEquals(0, ParamsMapping.fromHuggingFace(map("do_sample", true, "top_k", 0)).strict().topK(), "0 disables");
    }

    @Test
    void huggingFaceRangesUseHfWording() {
        assertEquals("`top_p` has to be a float > 0 and < 1, but is 1.5",
                error(() -> ParamsMapping.fromHuggingFace(map("do_sample", true, "top_p", 1.5))));
        assertEquals("`top_k` has to be a strictly positive integer, but is -3",
                error(() -> ParamsMapping.fromHuggingFace(map("do_sample", true, "top_k", -3))));
        assertEquals("`temperature` (=0.0) has to be a strictly positive float, otherwise your next token scores will be"
                        + " invalid. If you're looking for greedy decoding strategies, set `do_sample=False`.",
                error(() -> ParamsMapping.fromHuggingFace(map("do_sample", true, "temperature", 0.0))));
        assertEquals("`typical_p` has to be a float > 0 and < 1, but is 0", error(() ->
                ParamsMapping.fromHuggingFace(map("do_sample", true, "typical_p", 0))));
        assertEquals("`min_p` has to be a float in the [0, 1] interval, but is 2",
                error(() -> ParamsMapping.fromHuggingFace(map("do_sample", true, "min_p", 2))));
        assertEquals("`penalty` has to be a strictly positive float, but is -1",
                error(() -> ParamsMapping.fromHuggingFace(map("repetition_penalty", -1))));
        assertEquals("`ngram_size` has to be a strictly positive integer, but is -2",
                error(() -> ParamsMapping.fromHuggingFace(map("no_repeat_ngram_size", -2))));
        assertEquals("Greedy methods without beam search do not support `num_return_sequences` different than 1 (got 3).",
                error(() -> ParamsMapping.fromHuggingFace(map("num_return_sequences", 3))));
        assertEquals("sequence_bias", assertThrows(UnsupportedSettingException.class, () ->
                ParamsMapping.fromHuggingFace(map("sequence_bias", List.of(List.of(List.of(1, 2), 1.0))))).setting());
    }
}
