package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.interop.StopStringsMappingTest.map;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.text.Encoder;

/** vLLM's bad_words rule: bare and leading-space forms, when the spaced one counts, and the mapping around it. */
class VllmBadWordsTest {
    // Single characters, the space, and a few merges chosen to exercise each branch of the rule.
    private static final FakeTokenizer TOK = new FakeTokenizer(" ", "a", "b", "c", "d", "e", "h", "l", "o", "t", "w",
            "bad", " bad", "hello", " he", "llo", "cat");
    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final Encoder JTOKKIT = text -> CL100K.encodeOrdinary(text).toArray();

    @Test
    void keepsTheSpacedFormWhenItStartsWithAnotherTokenAndIsAsLong() {
        assertArrayEquals(new int[][] {TOK.ids("bad"), TOK.ids(" bad")}, VllmBadWords.tokenize(List.of("bad"), TOK));
    }

    @Test
    void dropsTheSpacedFormWhenItHasADifferentLength() {
        // "hello" is one token; " hello" is " he" + "llo", two.
        assertArrayEquals(new int[][] {TOK.ids("hello")}, VllmBadWords.tokenize(List.of("hello"), TOK));
        // "cat" is one token; " cat" is " " + "cat".
        assertArrayEquals(new int[][] {TOK.ids("cat")}, VllmBadWords.tokenize(List.of("cat"), TOK));
    }

    @Test
    void dropsTheSpacedFormWhenItStartsWithTheSameToken() {
        Encoder ignoresSpaces = text -> TOK.encode(text.strip());
        assertArrayEquals(new int[][] {TOK.ids("bad")}, VllmBadWords.tokenize(List.of("bad"), ignoresSpaces));
    }

    @Test
    void stripsLeadingWhitespaceAsPythonLstripDoes() {
        assertArrayEquals(VllmBadWords.tokenize(List.of("bad"), TOK), VllmBadWords.tokenize(List.of("  \t\u00a0bad"), TOK),
                "lstrip removes spaces, tabs and no-break spaces");
        assertArrayEquals(new int[][] {TOK.ids("bad", " "), TOK.ids(" bad", " ")}, VllmBadWords.tokenize(List.of("bad "), TOK),
                "trailing whitespace stays");
    }

    @Test
    void keepsWordsInOrderBareFormFirst() {
        assertArrayEquals(new int[][] {TOK.ids("cat"), TOK.ids("bad"), TOK.ids(" bad")},
                VllmBadWords.tokenize(List.of("cat", "bad"), TOK));
    }

    @Test
    void refusesEmptyWordsInVllmsWordingAndWhitespaceOnlyWords() {
        assertEquals("bad_words cannot contain an empty string. Got bad_words=['bad', '']",
                assertThrows(IllegalArgumentException.class, () -> VllmBadWords.tokenize(List.of("bad", ""), TOK)).getMessage());
        assertEquals("bad_words[1] = ' \\t' is only whitespace: vLLM strips leading whitespace and fails on the empty word left",
                assertThrows(IllegalArgumentException.class, () -> VllmBadWords.tokenize(List.of("bad", " \t"), TOK)).getMessage());
        assertEquals("bad_words cannot contain an empty string. Got bad_words=[\"it's\", '']",
                assertThrows(IllegalArgumentException.class, () -> ParamsMapping.fromVllm(map("bad_words", List.of("it's", ""))))
                        .getMessage(), "checked with or without an encoder, as vLLM does");
    }

    @Test
    void cl100kBansHelloBareAndAfterASpace() {
        int[] bare = CL100K.encodeOrdinary("hello").toArray();
        int[] spaced = CL100K.encodeOrdinary(" hello").toArray();
        assertEquals(1, bare.length);
        assertEquals(1, spaced.length);
        assertNotEquals(bare[0], spaced[0]);
        assertArrayEquals(new int[][] {bare, spaced}, VllmBadWords.tokenize(List.of("hello"), JTOKKIT));
    }

    @Test
    void cl100kKeepsOnlyTheFormsTheRuleAllows() {
        for (String word : List.of("Sampling4J", "antidisestablishmentarianism", "über", "東京", "don't")) {
            int[][] sequences = VllmBadWords.tokenize(List.of(word), JTOKKIT);
            int[] bare = CL100K.encodeOrdinary(word).toArray();
            int[] spaced = CL100K.encodeOrdinary(" " + word).toArray();
            boolean keepsSpaced = spaced[0] != bare[0] && spaced.length == bare.length;
            assertEquals(keepsSpaced ? 2 : 1, sequences.length, word);
            assertArrayEquals(bare, sequences[0], word);
            if (keepsSpaced) {
                assertArrayEquals(spaced, sequences[1], word);
            }
        }
    }

    @Test
    void vllmMappingTokenizesBadWordsWithAnEncoderAndReportsThemWithoutOne() {
        ParamsMapping without = ParamsMapping.fromVllm(map("bad_words", List.of("bad")));
        assertEquals(List.of("bad_words"), List.copyOf(without.unsupported().keySet()));
        assertTrue(without.unsupported().get("bad_words").contains("pass an Encoder"), without.unsupported().toString());
        assertEquals(0, without.params().badWords().length);
        assertEquals("bad_words", assertThrows(UnsupportedSettingException.class, without::strict).setting());

        ParamsMapping with = ParamsMapping.fromVllm(map("bad_words", List.of("bad", "hello")), TOK);
        assertArrayEquals(new int[][] {TOK.ids("bad"), TOK.ids(" bad"), TOK.ids("hello")}, with.strict().badWords());
        assertArrayEquals(new int[][] {{9, 10}}, ParamsMapping.fromVllm(map("bad_words", List.of(List.of(9, 10))), TOK)
                .strict().badWords(), "token-id lists pass through");
        assertEquals(0, ParamsMapping.fromVllm(map("bad_words", List.of())).strict().badWords().length);
        assertThrows(IllegalArgumentException.class, () -> ParamsMapping.fromVllm(map("bad_words", List.of("a", List.of(1)))));
    }
}
