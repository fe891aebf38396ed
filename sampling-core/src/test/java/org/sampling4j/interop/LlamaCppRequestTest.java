package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.ChainOrder;
import org.sampling4j.LogprobsMode;
import org.sampling4j.SamplingParams;
import org.sampling4j.text.Vocabulary;

/** The llama.cpp server's /completion body: its defaults, its conventions, its wording, and what needs text. */
class LlamaCppRequestTest {
    private static final FakeTokenizer TOK = new FakeTokenizer("a", "b", "Hello", " world", ":", "x:", "\n", " ", "<eos>");
    private static final Vocabulary VOCAB = vocabularyWithEos();

    private static Vocabulary vocabularyWithEos() {
        Vocabulary.Builder b = Vocabulary.builder();
        for (String t : new String[] {"a", "b", "Hello", " world", ":", "x:", "\n", " "}) {
            b.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return b.addSpecial("<eos>".getBytes(StandardCharsets.UTF_8)).eos(8).build();
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void anEmptyBodyTakesLlamaCppsDefaults() {
        SamplingParams p = ParamsMapping.fromLlamaCpp(map()).strict();
        assertEquals(ChainOrder.LLAMA_CPP, p.chainOrder());
        assertEquals(0.8, p.temperature(), 1e-12);
        assertEquals(40, p.topK());
        assertEquals(0.95, p.topP(), 1e-12);
        assertEquals(0.05, p.minP(), 1e-12);
        assertEquals(1.0, p.typicalP());
        assertEquals(64, p.penaltyLastN());
        assertEquals(1.0, p.repetitionPenalty());
        assertEquals(0.0, p.dryMultiplier());
        assertEquals(0, p.mirostat());
        assertEquals(0, p.maxTokens(), "n_predict -1: no limit");
        assertTrue(p.seed().isEmpty(), "seed -1: random");
        assertEquals(1, p.minKeep());
        assertEquals(LogprobsMode.RAW_LOGPROBS, p.logprobsMode(), "n_probs reports the raw distribution");
    }

    @Test
    void mapsLlamaCppsSpecialValues() {
        SamplingParams p = ParamsMapping.fromLlamaCpp(map("temperature", -1, "top_k", -1, "top_p", 1.5, "min_p", 0,
                "top_n_sigma", -1, "xtc_probability", 0.5, "xtc_threshold", 0.6, "repeat_last_n", -1, "repeat_penalty", 1.1,
                "seed", 4294967295L, "n_predict", 128, "min_keep", 0)).strict();
        assertEquals(0.0, p.temperature(), "temperature <= 0 is greedy");
        assertEquals(0, p.topK());
        assertEquals(1.0, p.topP());
        assertEquals(0.0, p.topNSigma());
        assertEquals(0.0, p.xtcProbability(), "a threshold above 0.5 turns XTC off");
        assertEquals(0, p.penaltyLastN(), "-1: the whole context");
        assertEquals(1.1, p.repetitionPenalty(), 1e-12);
        assertTrue(p.seed().isEmpty());
        assertEquals(128, p.maxTokens());
        assertTrue(ParamsMapping.fromLlamaCpp(map("top_p", 0)).strict().topP() > 0, "top_p <= 0 keeps the top token");
        assertEquals(4294967294L, ParamsMapping.fromLlamaCpp(map("seed", -2)).strict().seed().getAsLong(), "seeds are uint32");
        assertEquals(42L, ParamsMapping.fromLlamaCpp(map("seed", 42)).strict().seed().getAsLong());
        assertEquals(7, ParamsMapping.fromLlamaCpp(map("max_tokens", 7)).strict().maxTokens(), "max_tokens is n_predict's alias");
        ParamsMapping both = ParamsMapping.fromLlamaCpp(map("n_predict", 5, "max_tokens", 7));
        assertEquals(5, both.strict().maxTokens());
        assertEquals(List.of("max_tokens"), List.copyOf(both.ignored().keySet()));
        assertEquals(3, ParamsMapping.fromLlamaCpp(map("n", 3)).strict().n());
        assertEquals(4, ParamsMapping.fromLlamaCpp(map("n_probs", 4)).strict().topLogprobs());
        assertEquals(LogprobsMode.PROCESSED_LOGPROBS,
                ParamsMapping.fromLlamaCpp(map("n_probs", 4, "post_sampling_probs", true)).strict().logprobsMode());
    }

    @Test
    void aPenaltyWindowOfZeroTurnsThePenaltiesOffAndSaysSo() {
        ParamsMapping m = ParamsMapping.fromLlamaCpp(map("repeat_last_n", 0, "repeat_penalty", 1.3, "presence_penalty", 0.5));
        assertEquals(1.0, m.params().repetitionPenalty());
        assertEquals(0.0, m.params().presencePenalty());
        assertEquals(List.of("repeat_penalty", "presence_penalty"), List.copyOf(m.ignored().keySet()));
    }

    @Test
    void refusesWhatTheServerRefusesInItsWordingAndWhatItsSamplersCannotUse() {
        assertEquals("Error: repeat_last_n must be >= -1", error(() -> ParamsMapping.fromLlamaCpp(map("repeat_last_n", -2))));
        assertEquals("Error: dry_penalty_last_n must be >= -1",
                error(() -> ParamsMapping.fromLlamaCpp(map("dry_penalty_last_n", -2))));
        assertEquals("Error: dry_sequence_breakers must be a non-empty array of strings",
                error(() -> ParamsMapping.fromLlamaCpp(map("dry_sequence_breakers", List.of()))));
        assertEquals("min_p = 1.5 is above 1: llama.cpp would keep no token", error(() -> ParamsMapping.fromLlamaCpp(map("min_p", 1.5))));
        assertEquals("typical_p = 0 is not above 0: use 1 to turn typical sampling off",
                error(() -> ParamsMapping.fromLlamaCpp(map("typical_p", 0))));
        assertEquals("n_predict = 0 is not supported: -1 (no limit) or a positive count; llama.cpp's 0 evaluates the prompt only",
                error(() -> ParamsMapping.fromLlamaCpp(map("n_predict", 0))));
        assertTrue(error(() -> ParamsMapping.fromLlamaCpp(map("mirostat", 3))).startsWith("mirostat = 3 is outside [0, 2]"),
                "the core's range, under the request's name");
        assertTrue(error(() -> ParamsMapping.fromLlamaCpp(map("repeat_penalty", 0))).startsWith("repeat_penalty = 0 is outside"));
        assertEquals("Error: repeat_last_n must be >= -1",
                error(() -> ParamsMapping.fromLlamaCpp(map("mirostat", 2, "repeat_last_n", -2))), "checked under mirostat too");
        assertEquals("stop[1] is empty: llama.cpp would stop at once",
                error(() -> ParamsMapping.fromLlamaCpp(map("stop", List.of("a", "")))));
    }

    @Test
    void dryBaseBelowOneFallsBackToTheDefaultAsTheServerDoes() {
        SamplingParams p = ParamsMapping.fromLlamaCpp(map("dry_multiplier", 0.8, "dry_base", 0.5, "dry_allowed_length", 3,
                "dry_penalty_last_n", 256, "dry_sequence_breakers", List.of(List.of(4))), TOK, VOCAB).strict();
        assertEquals(0.8, p.dryMultiplier(), 1e-12);
        assertEquals(1.75, p.dryBase());
        assertEquals(3, p.dryAllowedLength());
        assertEquals(256, p.dryPenaltyLastN());
        assertArrayEquals(new int[][] {{4}}, p.drySequenceBreakers(), "token-id lists pass through");
    }

    @Test
    void dryBreakersAsTextNeedAnEncoderAndAVocabularyTheDefaultsToo() {
        ParamsMapping defaults = ParamsMapping.fromLlamaCpp(map("dry_multiplier", 0.8));
        assertEquals(List.of("dry_multiplier"), List.copyOf(defaults.unsupported().keySet()));
        assertTrue(defaults.unsupported().get("dry_multiplier").contains("llama.cpp's defaults ['\\n', ':', '\"', '*']"),
                defaults.unsupported().toString());
        SamplingParams withText = ParamsMapping.fromLlamaCpp(map("dry_multiplier", 0.8), TOK, VOCAB).strict();
        assertArrayEquals(new int[][] {TOK.ids("\n"), TOK.ids(":"), TOK.ids("x:")}, withText.drySequenceBreakers());
        ParamsMapping noVocabulary = ParamsMapping.fromLlamaCpp(map("dry_multiplier", 0.8, "dry_sequence_breakers",
                List.of(":")), TOK, null);
        assertTrue(noVocabulary.unsupported().get("dry_sequence_breakers").contains("needs a Vocabulary"));
        ParamsMapping off = ParamsMapping.fromLlamaCpp(map("dry_sequence_breakers", List.of(":")));
        assertEquals(List.of("dry_sequence_breakers"), List.copyOf(off.ignored().keySet()), "DRY off: breakers unused");
    }

    @Test
    void logitBiasTakesBothFormsTextAndFalseAndSkipsWhatTheServerSkips() {
        // Pairs: id, text ("Hello world" = Hello + " world"), false = ban, true and string biases skipped,
        // a float id skipped, an id past the vocabulary skipped, a repeated token adding up ("aa" = a, a).
        ParamsMapping m = ParamsMapping.fromLlamaCpp(map("logit_bias", List.of(List.of(1, 1.5), List.of("Hello world", -2.0),
                List.of(4, false), List.of(5, true), List.of(6, "x"), List.of(1.0, 3.0), List.of(99, 1.0), List.of("aa", 0.25),
                List.of(7))), TOK, VOCAB);
        assertEquals(Map.of(1, 1.5f, TOK.id("Hello"), -2f, TOK.id(" world"), -2f, 4, Float.NEGATIVE_INFINITY, 0, 0.5f),
                m.strict().logitBias());
        Map<Integer, Float> object = ParamsMapping.fromLlamaCpp(map("logit_bias", Map.of("1", 1.0, "Hello", false, " 3", 0.5)),
                TOK, VOCAB).strict().logitBias();
        assertEquals(Map.of(1, 1f, TOK.id("Hello"), Float.NEGATIVE_INFINITY, 3, 0.5f), object, "\" 3\" is an id, as strtol reads it");
    }

    @Test
    void logitBiasTextWithoutAnEncoderIsReportedAndTheIdsStillApply() {
        ParamsMapping m = ParamsMapping.fromLlamaCpp(map("logit_bias", List.of(List.of("Hello", 1.0), List.of(3, 2.0))));
        assertEquals(Map.of(3, 2f), m.params().logitBias());
        assertEquals(List.of("logit_bias"), List.copyOf(m.unsupported().keySet()));
        assertTrue(m.unsupported().get("logit_bias").contains("['Hello']"));
        assertEquals("logit_bias key \"\" is empty: llama.cpp's server reads it as token 0; write \"0\" if that is meant",
                error(() -> ParamsMapping.fromLlamaCpp(map("logit_bias", Map.of("", 1.0)))));
    }

    @Test
    void ignoreEosBansTheVocabularysEosIds() {
        assertEquals(Map.of(8, Float.NEGATIVE_INFINITY),
                ParamsMapping.fromLlamaCpp(map("ignore_eos", true), TOK, VOCAB).strict().logitBias());
        assertEquals(List.of("ignore_eos"), List.copyOf(ParamsMapping.fromLlamaCpp(map("ignore_eos", true)).unsupported().keySet()));
    }

    @Test
    void mirostatRunsWithoutThePenaltiesAndTruncationsItsChainLacks() {
        ParamsMapping m = ParamsMapping.fromLlamaCpp(map("mirostat", 2, "mirostat_tau", 4.0, "top_k", 10, "repeat_penalty", 1.2));
        SamplingParams p = m.strict();
        assertEquals(2, p.mirostat());
        assertEquals(4.0, p.mirostatTau());
        assertEquals(1.0, p.repetitionPenalty());
        assertEquals(List.of("top_k", "repeat_penalty"), List.copyOf(m.ignored().keySet()));
    }

    @Test
    void reportsWhatSampling4JCannotDoAndWhatIsNotLlamaCpps() {
        ParamsMapping m = ParamsMapping.fromLlamaCpp(map("prompt", "hi", "stream", true, "samplers", List.of("top_k"),
                "grammar", "root ::= \"a\"", "temperature", 0, "xtc_probability", 0.5, "stop", "###", "tfs_z", 1.0));
        assertEquals(List.of("prompt", "stream"), List.copyOf(m.ignored().keySet()));
        assertEquals(List.of("samplers", "grammar", "xtc_probability"), List.copyOf(m.unsupported().keySet()));
        assertEquals(List.of("tfs_z"), m.unknown(), "tfs_z left llama.cpp in 2024");
        assertEquals(List.of("###"), m.params().stopStrings(), "a lone string is a list of one, as the OpenAI endpoints read it");
    }

    @Test
    void cl100kTextBiasBiasesEachTokenOfTheServersTokenization() {
        Encoding cl100k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        int[] hello = cl100k.encodeOrdinary("Hello, world").toArray();
        Map<Integer, Float> bias = ParamsMapping.fromLlamaCpp(map("logit_bias", List.of(List.of("Hello, world", false))),
                t -> cl100k.encodeOrdinary(t).toArray(), null).strict().logitBias();
        assertEquals(hello.length, bias.size());
        for (int id : hello) {
            assertEquals(Float.NEGATIVE_INFINITY, bias.get(id));
        }
    }
}
