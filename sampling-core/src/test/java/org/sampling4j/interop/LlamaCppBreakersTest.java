package org.sampling4j.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/** llama.cpp's DRY breaker scan: tokens that contain a breaker, heads that end in its start, and its limits. */
class LlamaCppBreakersTest {
    private static final FakeTokenizer TOK = new FakeTokenizer("a", ":", "x:", "ab", "b", "\n", "*", "\"", " ", "c");

    @Test
    void aTokenThatContainsTheBreakerIsABreakerOnItsOwn() {
        assertArrayEquals(new int[][] {TOK.ids(":"), TOK.ids("x:")},
                LlamaCppBreakers.tokenize(List.of(":"), TOK, TOK.vocabulary()));
    }

    @Test
    void aTokenThatEndsInTheBreakersStartHeadsTheEncodingOfTheRest() {
        // "a" is a prefix of "ab:": head "a", tail encode("b:") = [b, :]; "ab" too: tail encode(":") = [:].
        // No token contains "ab:" and "x:", ":" do not start it.
        assertArrayEquals(new int[][] {TOK.ids("a", "b", ":"), TOK.ids("ab", ":")},
                LlamaCppBreakers.tokenize(List.of("ab:"), TOK, TOK.vocabulary()));
    }

    @Test
    void everySuffixThatStartsTheBreakerCounts() {
        // Token "aba" ends in "aba" and in "a", both prefixes of "abac": tails encode("c") and encode("bac").
        FakeTokenizer tok = new FakeTokenizer("a", "b", "c", "aba");
        assertArrayEquals(new int[][] {tok.ids("a", "b", "a", "c"), tok.ids("aba", "c"), tok.ids("aba", "b", "a", "c")},
                LlamaCppBreakers.tokenize(List.of("abac"), tok, tok.vocabulary()));
    }

    @Test
    void oneByteBreakersGiveOnlyOneTokenSequences() {
        for (int[] sequence : LlamaCppBreakers.tokenize(LlamaCppBreakers.DEFAULTS, TOK, TOK.vocabulary())) {
            assertEquals(1, sequence.length, Arrays.toString(sequence));
        }
        assertArrayEquals(new int[][] {TOK.ids("\n"), TOK.ids(":"), TOK.ids("x:"), TOK.ids("\""), TOK.ids("*")},
                LlamaCppBreakers.tokenize(LlamaCppBreakers.DEFAULTS, TOK, TOK.vocabulary()));
    }

    @Test
    void aTailThatStartsInsideACharacterIsDecodedWithReplacementCharacters() {
        // A byte-level token "a" + the first byte of "é" (C3 A9): the rest is the lone byte A9.
        Vocabulary v = Vocabulary.of(List.of(new byte[] {'a', (byte) 0xC3}, "é".getBytes(StandardCharsets.UTF_8),
                "\uFFFD".getBytes(StandardCharsets.UTF_8)), new int[0], new int[0]);
        Encoder encoder = text -> {
            assertEquals("\uFFFD", text);
            return new int[] {2};
        };
        assertArrayEquals(new int[][] {{0, 2}, {1}}, LlamaCppBreakers.tokenize(List.of("é"), encoder, v));
    }

    @Test
    void cutsBreakersToFortyBytesAndTailsToTwentyTokens() {
        FakeTokenizer tok = new FakeTokenizer("a", "b", "a".repeat(40));
        assertArrayEquals(tok.ids("a".repeat(40)), LlamaCppBreakers.tokenize(List.of("a".repeat(41)), tok, tok.vocabulary())[1],
                "the 41-byte breaker is cut to 40 bytes, which that token contains");
        int[][] tails = LlamaCppBreakers.tokenize(List.of("a" + "b".repeat(25)), tok, tok.vocabulary());
        assertEquals(1 + LlamaCppBreakers.MAX_TAIL_TOKENS, tails[0].length, "head a, then 20 of the 25 b tokens");
        String cutInsideACharacter = "a".repeat(39) + "é";
        assertThrows(IllegalArgumentException.class,
                () -> LlamaCppBreakers.tokenize(List.of(cutInsideACharacter), tok, tok.vocabulary()));
    }

    @Test
    void skipsEmptyBreakersAndDropsDuplicates() {
        assertEquals(0, LlamaCppBreakers.tokenize(List.of(""), TOK, TOK.vocabulary()).length);
        assertArrayEquals(LlamaCppBreakers.tokenize(List.of(":"), TOK, TOK.vocabulary()),
                LlamaCppBreakers.tokenize(List.of(":", ":", ""), TOK, TOK.vocabulary()));
    }

    @Test
    void cl100kDefaultsAreExactlyTheTokensThatHoldANewlineColonQuoteOrAsterisk() {
        Encoding cl100k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        List<byte[]> tokens = new ArrayList<>();
        for (int id = 0; id < 100_256; id++) {
            IntArrayList one = new IntArrayList();
            one.add(id);
            tokens.add(cl100k.decodeBytes(one));
        }
        Vocabulary v = Vocabulary.of(tokens, new int[0], new int[0]);
        int[][] sequences = LlamaCppBreakers.tokenize(LlamaCppBreakers.DEFAULTS, t -> cl100k.encodeOrdinary(t).toArray(), v);
        Set<Integer> expected = new HashSet<>();
        for (int id = 0; id < tokens.size(); id++) {
            for (byte c : tokens.get(id)) {
                if (c == '\n' || c == ':' || c == '"' || c == '*') {
                    expected.add(id);
                }
            }
        }
        Set<Integer> heads = new HashSet<>();
        for (int[] s : sequences) {
            assertEquals(1, s.length);
            heads.add(s[0]);
        }
        assertEquals(expected, heads);
        assertTrue(expected.size() > 1000, "cl100k has many such tokens: " + expected.size());
        assertTrue(heads.contains(cl100k.encodeOrdinary(":").toArray()[0]));
    }
}
