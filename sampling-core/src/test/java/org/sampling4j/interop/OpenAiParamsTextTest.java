package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.SamplingParams;

/** The flat vocabulary's text fields: each turned into ids by its reference system's rule, or refused naming what to pass. */
class OpenAiParamsTextTest {
    private static final FakeTokenizer TOK = new FakeTokenizer(" ", "a", "b", "d", "bad", " bad", ":", "x:", "Hi");

    @Test
    void badWordsStringsFollowVllmsRule() {
        SamplingParams p = OpenAiParams.fromMap(map("bad_words", List.of("bad")), TOK, null);
        assertArrayEquals(new int[][] {TOK.ids("bad"), TOK.ids(" bad")}, p.badWords());
    }

    @Test
    void drySequenceBreakersStringsFollowLlamaCppsScan() {
        SamplingParams p = OpenAiParams.fromMap(map("dry_multiplier", 0.8, "dry_sequence_breakers", List.of(":")), TOK,
                TOK.vocabulary());
        assertArrayEquals(new int[][] {TOK.ids(":"), TOK.ids("x:")}, p.drySequenceBreakers());
    }

    @Test
    void logitBiasTextKeysBiasEveryTokenOfTheirEncoding() {
        Map<Integer, Float> bias = OpenAiParams.fromMap(map("logit_bias", Map.of("Hi bad", 5, "2", 1)), TOK, null).logitBias();
        assertEquals(Map.of(TOK.id("Hi"), 5f, TOK.id(" bad"), 5f, 2, 1f), bias);
        assertEquals(Map.of(TOK.id("a"), 100f), OpenAiParams.fromMap(map("logit_bias", Map.of("aa", 80)), TOK, null).logitBias(),
                "a token biased twice adds up, then the OpenAI clamp applies");
    }

    @Test
    void textWithoutWhatItNeedsIsRefusedNamingIt() {
        UnsupportedSettingException words = assertThrows(UnsupportedSettingException.class,
                () -> OpenAiParams.fromMap(map("bad_words", List.of("bad"))));
        assertEquals("bad_words", words.setting());
        assertTrue(words.getMessage().contains("pass an Encoder"), words.getMessage());
        UnsupportedSettingException breakers = assertThrows(UnsupportedSettingException.class,
                () -> OpenAiParams.fromMap(map("dry_sequence_breakers", List.of(":")), TOK, null));
        assertTrue(breakers.getMessage().startsWith("dry_sequence_breakers as text needs a Vocabulary"), breakers.getMessage());
        assertEquals("logit_bias key \"Hi\" is not a token id",
                assertThrows(IllegalArgumentException.class, () -> OpenAiParams.fromMap(map("logit_bias", Map.of("Hi", 1))))
                        .getMessage(), "unchanged without an encoder");
    }
}
