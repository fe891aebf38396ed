package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.text.Utf8Oracle.bytes;
import static org.sampling4j.text.Utf8Oracle.escape;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written cases as a table (llama.cpp style): stop strings, flags, tokens, the delta after
 * each token, the finish delta, and the stop (index and tokens consumed), each checked one token
 * at a time and all at once. Then the contract around it: errors, states, reuse.
 */
class TextStreamTest {
    private static final String R = "\uFFFD";
    private static final Vocabulary V;
    private static final int HI = 0, NL = 1, X = 2, XA = 3, B = 4, D = 5, ABCD = 6, A = 7, ABC = 8, ZH12 = 9, ZH3 = 10,
            E1 = 11, E2_BANG = 12, CONT = 13, END = 14, LT_SLASH = 15, ANS = 16, WER = 17, GT = 18, ZH1 = 19, XAB = 20,
            NL_NL_MORE = 21;

    static {
        Vocabulary.Builder b = Vocabulary.builder();
        for (String s : new String[] {"Hi", "\n", "x", "xa", "b", "d", "abcd", "a", "abc"}) {
            b.add(s.getBytes(UTF_8));
        }
        b.add(bytes(0xE4, 0xB8)).add(bytes(0xAD)).add(bytes(0xC3)).add(bytes(0xA9, 0x21)).add(bytes(0x80));
        b.addSpecial("<|end|>".getBytes(UTF_8));
        for (String s : new String[] {"</", "ans", "wer", ">"}) {
            b.add(s.getBytes(UTF_8));
        }
        b.add(bytes(0xE4)).add("xab".getBytes(UTF_8)).add("\n\nmore".getBytes(UTF_8));
        V = b.eos(END).logitsSize(24).build();
    }

    /** One row of the table. */
    private static final class Case {
        final String name;
        final List<String> stops;
        final boolean include;
        final boolean skip;
        final int[] tokens;
        final String[] deltas;
        final String finish;
        final int stopIndex;
        final int consumed;

        /** {@code deltas}: one per consumed token; {@code stopIndex} -1 means the text ends on finish. */
        Case(String name, List<String> stops, boolean include, boolean skip, int[] tokens, String[] deltas, String finish,
                int stopIndex, int consumed) {
            this.name = name;
            this.stops = stops;
            this.include = include;
            this.skip = skip;
            this.tokens = tokens;
            this.deltas = deltas;
            this.finish = finish;
            this.stopIndex = stopIndex;
            this.consumed = consumed;
        }
    }

    private static int[] t(int... ids) {
        return ids;
    }

    private static String[] d(String... deltas) {
        return deltas;
    }

    private static final List<Case> CASES = List.of(
            new Case("stop across tokens, excluded", List.of("\n\n"), false, true, t(HI, NL, NL, X), d("Hi", "", ""), "", 0, 3),
            new Case("stop across tokens, included", List.of("\n\n"), true, true, t(HI, NL, NL, X), d("Hi", "", "\n\n"), "", 0, 3),
            new Case("a held prefix is released when it fails", List.of("abc"), false, true, t(XA, B, D), d("x", "", "abd"), "",
                    -1, 3),
            new Case("the earliest end wins over a longer string", List.of("abcd", "bc"), false, true, t(ABCD), d("a"), "", 1, 1),
            new Case("same end: the one that starts first", List.of("bc", "abc"), false, true, t(X, ABC), d("x", ""), "", 1, 2),
            new Case("duplicates report the lower index", List.of("ab", "ab"), true, true, t(A, B), d("", "ab"), "", 0, 2),
            new Case("overlapping prefixes", List.of("aab"), false, true, t(A, A, A, B), d("", "", "a", ""), "", 0, 4),
            new Case("text after the match in the same token is dropped", List.of("b"), false, true, t(ABCD), d("a"), "", 0, 1),
            new Case("... and kept up to the match when included", List.of("b"), true, true, t(ABCD), d("ab"), "", 0, 1),
            new Case("stop spanning four tokens", List.of("</answer>"), false, true, t(X, LT_SLASH, ANS, WER, GT, X),
                    d("x", "", "", "", ""), "", 0, 5),
            new Case("a multi-byte stop split inside the character", List.of("\u4E2D"), false, true, t(A, ZH12, ZH3),
                    d("a", "", ""), "", 0, 3),
            new Case("a stop that ends with a split character", List.of("\u00E9!"), true, true, t(X, E1, E2_BANG),
                    d("x", "", "\u00E9!"), "", 0, 3),
            new Case("U+FFFD from an invalid byte matches a U+FFFD stop", List.of(R), false, true, t(A, CONT), d("a", ""), "", 0,
                    2),
            new Case("a skipped special token contributes nothing, even to a match", List.of("ab"), false, true, t(A, END, B),
                    d("", "", ""), "", 0, 3),
            new Case("a kept special token takes part in matching", List.of("<|end|>"), true, false, t(HI, END),
                    d("Hi", "<|end|>"), "", 0, 2),
            new Case("a kept special token breaks a match", List.of("ab"), false, false, t(A, END, B), d("", "a<|end|>", "b"), "",
                    -1, 3),
            new Case("a special token is skipped inside a split character", List.of("\n\n"), false, true, t(ZH12, END, ZH3),
                    d("", "", "\u4E2D"), "", -1, 3),
            new Case("finish releases a held stop prefix", List.of("abc"), false, true, t(XAB), d("x"), "ab", -1, 1),
            new Case("finish turns an incomplete tail into U+FFFD", List.of("\n\n"), false, true, t(A, ZH12), d("a", ""), R, -1,
                    2),
            new Case("a U+FFFD made by finish can complete a stop", List.of("a" + R), false, true, t(A, ZH1), d("", ""), "", 0, 2),
            new Case("no stop strings: everything is released at once", List.of(), false, true, t(HI, NL, NL),
                    d("Hi", "\n", "\n"), "", -1, 3),
            new Case("a match inside the first token's text", List.of("\n\n"), false, true, t(NL_NL_MORE), d(""), "", 0, 1));

    @Test
    void releasesAndStopsAsTheTableSays() {
        for (Case c : CASES) {
            TextStream text = stream(c);
            StringBuilder delta = new StringBuilder();
            int i = 0;
            for (; i < c.tokens.length && !text.isStopped(); i++) {
                delta.setLength(0);
                text.accept(c.tokens[i], delta);
                assertEquals(escape(c.deltas[i]), escape(delta), c.name + ": delta " + i);
            }
            assertEquals(c.deltas.length, i, c.name + ": tokens consumed");
            assertEquals(escape(c.finish), escape(text.finish()), c.name + ": finish");
            checkStop(c, text);
        }
    }

    @Test
    void releasesTheSameWhenAllTokensArriveAtOnce() {
        for (Case c : CASES) {
            TextStream text = stream(c);
            StringBuilder out = new StringBuilder();
            int consumed = text.acceptAll(c.tokens, 0, c.tokens.length, out);
            assertEquals(c.deltas.length, consumed, c.name + ": consumed");
            text.finish(out);
            assertEquals(escape(String.join("", c.deltas) + c.finish), escape(out), c.name);
            checkStop(c, text);
        }
    }

    @Test
    void theStringFormReleasesTheSame() {
        for (Case c : CASES) {
            TextStream text = stream(c);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < c.tokens.length && !text.isStopped(); i++) {
                out.append(text.accept(c.tokens[i]));
            }
            out.append(text.finish());
            assertEquals(escape(String.join("", c.deltas) + c.finish), escape(out), c.name);
        }
    }

    private static TextStream stream(Case c) {
        return TextStream.builder(V).stopStrings(StopStrings.of(c.stops)).includeStopStringInOutput(c.include)
                .skipSpecialTokens(c.skip).build();
    }

    private static void checkStop(Case c, TextStream text) {
        assertEquals(c.consumed, text.tokensConsumed(), c.name + ": tokensConsumed");
        if (c.stopIndex < 0) {
            assertNull(text.stopMatch(), c.name + ": no stop");
            return;
        }
        StopStringMatch m = text.stopMatch();
        assertEquals(c.stopIndex, m.stopIndex(), c.name + ": stop index");
        assertEquals(c.consumed, m.tokensConsumed(), c.name + ": the completing token is the last consumed");
        assertEquals((String.join("", c.deltas) + c.finish).length(), m.outputLength(), c.name + ": output length");
        assertEquals(m.outputLength(), text.releasedLength(), c.name + ": released length");
    }

    @Test
    void theMatchSaysWhichStringAndWhere() {
        TextStream text = TextStream.builder(V).stopStrings("###", "\n\n").build();
        assertEquals("x", text.acceptAll(X, NL));
        assertEquals("", text.acceptAll(NL_NL_MORE));
        StopStringMatch m = text.stopMatch();
        assertEquals(new StopStringMatch(1, "\n\n", 1, 3, false), m);
        assertEquals(3, m.end());
        assertEquals(1, m.outputLength());
        assertEquals("StopStringMatch{stop[1] \"\\n\\n\" at [1, 3), tokens consumed 3}", m.toString());
    }

    @Test
    void holdsBackOnlyTheLongestSuffixThatCouldBeginAStopString() {
        TextStream text = TextStream.builder(V).stopStrings("abc", "bd").build();
        assertEquals("x", text.accept(XA));
        assertEquals(1, text.heldBackChars(), "\"a\" may begin \"abc\"");
        assertEquals("", text.accept(B));
        assertEquals(2, text.heldBackChars(), "\"ab\" may begin \"abc\"; \"b\" would begin \"bd\" too, but is shorter");
        assertEquals("abx", text.accept(X));
        assertEquals(0, text.heldBackChars());
        assertEquals("", text.accept(ZH12));
        assertEquals(2, text.heldBackBytes());
        assertEquals(0, text.heldBackChars());
    }

    @Test
    void rejectsPaddingAndUnknownIdsAndLeavesTheStreamUnchanged() {
        TextStream text = TextStream.builder(V).stopStrings("abc").build();
        text.accept(XA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> text.accept(22));
        assertEquals("token id 22 is padding of the logits row [22, 24), past the tokenizer's ids [0, 22): it has no bytes to "
                + "decode", e.getMessage());
        assertEquals("token id 99 is outside the vocabulary's ids [0, 22)",
                assertThrows(IllegalArgumentException.class, () -> text.accept(99, new StringBuilder())).getMessage());
        assertEquals(1, text.tokensConsumed());
        assertEquals("", text.accept(B));
        assertEquals("ab", text.accept(ABC), "\"xab\" + \"abc\": the stop starts at the second 'a'");
        assertEquals(3, text.stopMatch().start());
    }

    @Test
    void aBatchWithABadIdConsumesTheTokensBeforeIt() {
        TextStream text = TextStream.builder(V).build();
        StringBuilder out = new StringBuilder();
        assertThrows(IllegalArgumentException.class, () -> text.acceptAll(new int[] {HI, X, -3, X}, 0, 4, out));
        assertEquals("Hix", out.toString());
        assertEquals(2, text.tokensConsumed());
    }

    @Test
    void refusesTokensAfterAStopOrAfterFinish() {
        TextStream text = TextStream.builder(V).stopStrings("\n\n").build();
        text.acceptAll(NL, NL);
        assertTrue(text.isStopped());
        assertTrue(text.isDone());
        assertEquals("the text stopped at token 2 on stop[0] \"\\n\\n\"; reset() starts a new sequence",
                assertThrows(IllegalStateException.class, () -> text.accept(X)).getMessage());
        assertEquals("", text.finish(), "finish after a stop releases nothing");
        TextStream other = TextStream.builder(V).build();
        other.accept(X);
        other.finish();
        assertTrue(other.isDone());
        assertFalse(other.isStopped());
        assertEquals("the text is finished; reset() starts a new sequence",
                assertThrows(IllegalStateException.class, () -> other.accept(X)).getMessage());
        assertEquals("", other.finish(), "a second finish releases nothing");
    }

    @Test
    void resetStartsANewSequenceWithTheSameSettings() {
        TextStream text = TextStream.builder(V).stopStrings("\n\n").includeStopStringInOutput(true).build();
        text.acceptAll(X, NL, NL);
        text.reset();
        assertFalse(text.isDone());
        assertEquals(0, text.tokensConsumed());
        assertEquals(0, text.releasedLength());
        assertEquals("Hi", text.acceptAll(HI, NL));
        assertEquals("\n\n", text.accept(NL));
        assertEquals(2, text.stopMatch().start(), "offsets count from the new sequence");
    }

    @Test
    void builderRejectsEmptyStopStringsAndNulls() {
        assertEquals("stop[0] is empty: a stop string needs at least one character",
                assertThrows(IllegalArgumentException.class, () -> TextStream.builder(V).stopStrings("")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TextStream.builder(null));
        assertThrows(IllegalArgumentException.class, () -> TextStream.builder(V).stopStrings((StopStrings) null));
        TextStream text = TextStream.builder(V).build();
        assertTrue(text.skipSpecialTokens(), "vLLM's default");
        assertFalse(text.includeStopStringInOutput(), "vLLM's default");
        assertTrue(text.stopStrings().isEmpty());
    }

    @Test
    void longTokensAndLongStopStringsGrowTheBufferWithoutLosingText() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            words.append("word").append(i).append(' ');
        }
        String longText = words.toString();
        String stop = longText.substring(longText.length() - 300) + "END";
        Vocabulary v = Vocabulary.builder().add(longText.getBytes(UTF_8)).add("END".getBytes(UTF_8)).build();
        for (boolean include : new boolean[] {false, true}) {
            TextStream text = TextStream.builder(v).stopStrings(stop).includeStopStringInOutput(include).build();
            assertEquals(longText.substring(0, longText.length() - 300), text.accept(0));
            assertEquals(300, text.heldBackChars(), "the last 300 chars begin the stop string");
            assertEquals(include ? stop : "", text.accept(1));
            assertEquals(longText.length() - 300, text.stopMatch().start());
        }
    }
}
