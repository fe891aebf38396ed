package org.sampling4j.grammar.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sampling4j.grammar.syntax.Expr;

/**
 * {@link WordCounts} against brute force: every string of up to {@link #MAX_LEN} code points over a
 * small alphabet (ASCII, two-, three- and four-byte characters) is matched with java.util.regex, the
 * oracle; for finite languages (no word longer than {@link #MAX_LEN}) the counts from the start, after
 * each one-character prefix and per first-character range must equal the matches; a language with a
 * loop reachable from a state counts {@link WordCounts#MANY} there.
 */
class WordCountsTest {
    private static final int MAX_LEN = 4;
    private static final int[] ALPHABET = {'a', 'b', 0xE9, 0xEA, 0x20AC, 0x1F600, 0x1F601};

    private static Expr chars(int... ranges) {
        return new Expr.Chars(ranges);
    }

    private static Expr lit(String s) {
        return new Expr.Literal(s);
    }

    @Test
    void finiteLanguagesCountTheirWordsExactly() {
        check(new Expr.Alt(List.of(lit("a"), lit("ab"), lit("\u00e9"))), "a|ab|\u00e9", true);
        check(new Expr.Repeat(chars('a', 'b'), 0, 3), "[ab]{0,3}", true);
        check(new Expr.Seq(List.of(chars(0xE9, 0xEA, 0x1F600, 0x1F601), new Expr.Repeat(chars('a', 'a', 0x20AC, 0x20AC), 0, 2))),
                "[\u00e9\u00ea\\x{1F600}\\x{1F601}][a\u20ac]{0,2}", true);
        check(new Expr.Repeat(chars(0x20, 0xD7FF, 0xE000, 0x10FFFF), 0, 1), "[\\x{20}-\\x{10FFFF}]?", true);
    }

    @Test
    void aLoopMakesManyWordsWhereItIsReachable() {
        WordCounts w = check(new Expr.Alt(List.of(lit("a"), new Expr.Repeat(lit("b"), 1, Expr.Repeat.UNBOUNDED))), "a|b+", false);
        assertEquals(WordCounts.MANY, w.words(w.start()));
        assertEquals(1, w.words(w.step(w.start(), 'a')));
        assertEquals(WordCounts.MANY, w.words(w.step(w.start(), 'b')));
        assertTrue(w.bounded(), "after 'a' one word is left");
        WordCounts star = WordCounts.of(new Expr.Repeat(chars('a', 'b'), 0, Expr.Repeat.UNBOUNDED), 1000, 100);
        assertFalse(star.bounded(), "[ab]* never runs out");
    }

    @Test
    void anEmptyLanguageHasNoWords() {
        WordCounts w = WordCounts.of(new Expr.Alt(List.of()), 1000, 100);
        assertEquals(0, w.words(w.start()));
        assertEquals(-1, w.step(w.start(), 'a'));
    }

    @Test
    void countsSaturateAtMany() {
        long n = 0x10FFFF + 1 - 0x800; // the scalar values
        WordCounts w = WordCounts.of(new Expr.Repeat(chars(0, 0xD7FF, 0xE000, 0x10FFFF), 0, 3), 10_000, 100);
        assertEquals(WordCounts.MANY, w.words(w.start()), "about n^3 words");
        int a = w.step(w.start(), 'a');
        assertEquals(WordCounts.MANY, w.words(a), "1 + n + n^2 > 2^32 words");
        assertEquals(1 + n, w.words(w.step(a, 0x1F600)), "one character or none left");
        assertTrue(w.bounded());
    }

    /**
     * Compares the counts of {@code e} with the regex {@code regex} over the alphabet (when
     * {@code finite}; else only where the brute force sees no word of the maximal length).
     */
    private static WordCounts check(Expr e, String regex, boolean finite) {
        WordCounts w = WordCounts.of(e, 1000, 100);
        Pattern p = Pattern.compile(regex);
        List<String> words = new ArrayList<>();
        enumerate("", p, words);
        if (finite) {
            // the alphabet covers only part of a Chars range: count the full language from the ranges instead
            // when the alphabet is not the whole of it, so only compare where it is exact (the small languages)
            if (!regex.contains("10FFFF")) {
                assertEquals(words.size(), w.words(w.start()), regex + ": words from the start");
                for (int c : ALPHABET) {
                    int s = w.step(w.start(), c);
                    long expect = words.stream().filter(x -> x.codePoints().findFirst().orElse(-1) == c).count();
                    assertEquals(expect, s < 0 ? 0 : w.words(s), regex + ": words after " + Integer.toHexString(c));
                    assertEquals(expect, w.wordsFirstIn(w.start(), c, c), regex + ": words whose first is " + Integer.toHexString(c));
                }
                long astral = words.stream().filter(x -> x.codePoints().findFirst().orElse(-1) >= 0x10000).count();
                assertEquals(astral, w.wordsFirstIn(w.start(), 0x10000, 0x10FFFF), regex + ": words starting astral");
            } else {
                assertEquals(1L + (0xD7FF - 0x20 + 1) + (0x10FFFF - 0xE000 + 1), w.words(w.start()),
                        regex + ": the empty word and every character but the surrogates");
                assertEquals(0x10FFFF - 0xFFFF, w.wordsFirstIn(w.start(), 0x10000, 0x10FFFF), regex + ": astral characters");
            }
            assertTrue(w.bounded(), regex + ": finite");
        }
        return w;
    }

    private static void enumerate(String prefix, Pattern p, List<String> out) {
        if (p.matcher(prefix).matches()) {
            out.add(prefix);
        }
        if (prefix.codePointCount(0, prefix.length()) == MAX_LEN) {
            return;
        }
        for (int c : ALPHABET) {
            enumerate(prefix + new String(Character.toChars(c)), p, out);
        }
    }
}
