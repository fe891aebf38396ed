package org.sampling4j.grammar.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.RandomRegexes;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.RegexParser;

/**
 * {@code Expr.Intersection} and {@code Expr.Difference} compiled by {@link NfaBuilder}, against
 * {@code java.util.regex} as the oracle: for random regexes {@code a}, {@code b} and random strings
 * {@code s} (ASCII, two-, three- and four-byte UTF-8 code points), {@code s ∈ a ∩ b} iff {@code s}
 * matches both, {@code s ∈ a \ b} iff it matches {@code a} and not {@code b}; plus budget refusals.
 */
@KernelIndependent
class RegularProductTest {
    private static final String[] ATOMS = {"a", "b", "é", "中", "\uD83D\uDE00", "[ab]", "[^a]", ".", "[é-中]",
        "[\uD83D\uDE00-\uD83D\uDE4F]", "[a\uD83D\uDE00]", "\\n"};
    private static final String[] QUANTIFIERS = {"*", "+", "?", "{1,3}", "{2}"};
    private static final String[] ALPHABET = {"a", "b", "é", "中", "\uD83D\uDE00", "\uD83D\uDE4F", "\n", "z"};

    /** Whether the lexeme built from {@code e} accepts {@code s} (empty string through nullable). */
    static boolean accepts(Expr e, String s) {
        NfaBuilder nb = new NfaBuilder(Map.of(), 200_000, 200);
        int l = nb.addLexeme(e);
        ByteNfa nfa = nb.build();
        if (s.isEmpty()) {
            return nfa.nullable(l);
        }
        LazyDfa dfa = new LazyDfa(nfa, 100_000);
        int st = dfa.startState(new int[] {l}, 0, 1);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            st = dfa.next(st, b & 0xFF);
            if (st == LazyDfa.DEAD) {
                return false;
            }
        }
        return dfa.acceptLexemes(dfa.acceptOf(st)).length > 0;
    }

    private static String regex(Random r) {
        return RandomRegexes.regex(r, ATOMS, QUANTIFIERS, true);
    }

    private static Expr parse(String regex) {
        return RegexParser.parse(regex).rootRule().body();
    }

    @Test
    void intersectionAndDifferenceAgreeWithJavaUtilRegex() {
        Random r = new Random(20261202L);
        int inBoth = 0;
        int inDiff = 0;
        int checked = 0;
        for (int round = 0; round < 150; round++) {
            String ra = regex(r);
            String rb = regex(r);
            Pattern pa = Pattern.compile(ra);
            Pattern pb = Pattern.compile(rb);
            Expr a = parse(ra);
            Expr b = parse(rb);
            Expr and = new Expr.Intersection(a, b);
            Expr minus = new Expr.Difference(a, b);
            NfaBuilder nb = new NfaBuilder(Map.of(), 200_000, 200);
            int li = nb.addLexeme(and);
            int ld = nb.addLexeme(minus);
            ByteNfa nfa = nb.build();
            LazyDfa dfa = new LazyDfa(nfa, 100_000);
            for (int t = 0; t < 60; t++) {
                // Half the strings from a's own members (sampled by matching), half at random.
                String s = RandomRegexes.string(r, ALPHABET, 6);
                boolean ma = pa.matcher(s).matches();
                boolean mb = pb.matcher(s).matches();
                assertEquals(ma && mb, run(nfa, dfa, li, s), "(" + ra + ") & (" + rb + ") on " + esc(s));
                assertEquals(ma && !mb, run(nfa, dfa, ld, s), "(" + ra + ") - (" + rb + ") on " + esc(s));
                inBoth += ma && mb ? 1 : 0;
                inDiff += ma && !mb ? 1 : 0;
                checked++;
            }
        }
        assertTrue(inBoth > 50 && inDiff > 50, "too few members: " + inBoth + " in a&b, " + inDiff + " in a-b of " + checked);
    }

    private static boolean run(ByteNfa nfa, LazyDfa dfa, int l, String s) {
        if (s.isEmpty()) {
            return nfa.nullable(l);
        }
        int st = dfa.startState(new int[] {l}, 0, 1);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            st = dfa.next(st, b & 0xFF);
            if (st == LazyDfa.DEAD) {
                return false;
            }
        }
        for (int x : dfa.acceptLexemes(dfa.acceptOf(st))) {
            if (x == l) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aComplementOfAnAstralClassIsACodePointComplementNotAByteOne() {
        // any* minus strings holding U+1F600: U+1F601 shares three of its four bytes and must stay in.
        Expr any = new Expr.Repeat(new Expr.Chars(new int[] {0, 0xD7FF, 0xE000, 0x10FFFF}), 0, Expr.Repeat.UNBOUNDED);
        Expr grin = new Expr.Seq(List.of(any, new Expr.Literal("\uD83D\uDE00"), any));
        Expr without = new Expr.Difference(any, grin);
        assertTrue(accepts(without, "x\uD83D\uDE01y"));
        assertTrue(accepts(without, ""));
        assertTrue(accepts(without, "é中"));
        assertFalse(accepts(without, "a\uD83D\uDE00"));
        assertFalse(accepts(new Expr.Intersection(without, grin), "\uD83D\uDE00"));
    }

    @Test
    void nestedProductsAndEmptyResults() {
        Expr ab = parse("[ab]*");
        Expr ba = parse("b[ab]*");
        Expr aOnly = parse("a*");
        Expr nested = new Expr.Difference(new Expr.Intersection(ab, ba), new Expr.Intersection(ba, parse(".*a")));
        assertTrue(accepts(nested, "bab"));
        assertFalse(accepts(nested, "ba"));
        assertFalse(accepts(nested, "ab"));
        Expr none = new Expr.Intersection(aOnly, ba);
        NfaBuilder nb = new NfaBuilder(Map.of(), 1000, 100);
        int l = nb.addLexeme(none);
        assertFalse(nb.build().productive(l), "a* & b[ab]* is empty");
        assertTrue(accepts(new Expr.Difference(aOnly, parse("a+")), ""), "a* - a+ is the empty string");
        assertFalse(accepts(new Expr.Difference(aOnly, parse("a+")), "a"));
    }

    @Test
    void operandsMustBeRegularCodePointExpressions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Expr.Intersection(new Expr.Literal("a"), new Expr.Seq(List.of(new Expr.Ref("r", 1, 2)))));
        assertTrue(e.getMessage().startsWith("intersection: an operand holds Ref"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Expr.Difference(new Expr.Token(List.of(3), List.of(), false), new Expr.Literal("a")));
        assertTrue(e.getMessage().startsWith("difference: an operand holds Token"), e.getMessage());
    }

    @Test
    void largeProductsFailWithABudgetExceptionNotMemory() {
        // (a|b)*a(a|b){14} has a 2^15-state DFA; determinizing it under a 5,000-state budget must refuse.
        Expr hard = parse("[ab]*a[ab]{14}");
        NfaBuilder nb = new NfaBuilder(Map.of(), 5_000, 100);
        BudgetException e = assertThrows(BudgetException.class, () -> nb.addLexeme(new Expr.Intersection(hard, parse("[ab]*"))));
        assertTrue(e.getMessage().startsWith("unsupported: an intersection of regular languages needs more than"), e.getMessage());
        // A product of two long counted repeats (about n*m states) is refused as such.
        Expr x = parse("(a|b){0,300}");
        Expr y = parse("(ab|b){0,300}");
        NfaBuilder nb2 = new NfaBuilder(Map.of(), 20_000, 100);
        BudgetException e2 = assertThrows(BudgetException.class, () -> nb2.addLexeme(new Expr.Difference(
                new Expr.Seq(List.of(x, parse("a"), x)), y)));
        assertTrue(e2.getMessage().contains("a difference of regular languages needs more than"), e2.getMessage());
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp > 0x7E ? String.format("\\u{%x}", cp) : String.valueOf((char) cp)));
        return b.append('"').toString();
    }
}
