package org.sampling4j.grammar.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.RandomRegexes;
import org.sampling4j.grammar.syntax.Expr;

/**
 * {@link Membership} (the compile-time "is this key in that language" test) against {@code java.util.regex}:
 * random regexes over ASCII, two-, three- and four-byte code points, their intersections and differences,
 * and large counted repeats that must cost no more than the string is long.
 */
@KernelIndependent
class MembershipTest {
    private static final String[] ATOMS = {"a", "b", "é", "中", "\uD83D\uDE00", "[ab]", "[^a]", ".", "(a|b)*", "x?"};
    private static final String[] QUANTIFIERS = {"*", "+", "?", "{1,3}", "{2}", "{0,0}"};
    private static final String[] ALPHABET = {"a", "b", "é", "中", "\uD83D\uDE00", "x", "\n"};

    private static String regex(Random r) {
        return RandomRegexes.regex(r, ATOMS, QUANTIFIERS, false);
    }

    @Test
    void agreesWithJavaUtilRegexOnRandomRegexesProductsAndStrings() {
        Random r = new Random(1202L);
        int hits = 0;
        for (int round = 0; round < 300; round++) {
            String ra = regex(r);
            String rb = regex(r);
            Pattern pa = Pattern.compile(ra);
            Pattern pb = Pattern.compile(rb);
            Expr a = Exprs.regex(ra);
            Expr b = Exprs.regex(rb);
            for (int t = 0; t < 30; t++) {
                String s = RandomRegexes.string(r, ALPHABET, 6);
                boolean ma = pa.matcher(s).matches();
                boolean mb = pb.matcher(s).matches();
                assertEquals(ma, Membership.matches(a, s), ra + " on " + s);
                assertEquals(ma && mb, Membership.matches(new Expr.Intersection(a, b), s), ra + " & " + rb + " on " + s);
                assertEquals(ma && !mb, Membership.matches(new Expr.Difference(a, b), s), ra + " - " + rb + " on " + s);
                hits += ma ? 1 : 0;
            }
        }
        assertTrue(hits > 500, "only " + hits + " members among the random strings");
    }

    @Test
    void hugeCountedRepeatsAreCheapAndExact() {
        Expr any = Exprs.repeat(Exprs.ANY_CHAR, 0, 1_000_000);
        assertTrue(Membership.matches(any, "abc"));
        Expr exactly = Exprs.repeat(Exprs.alt(Exprs.lit("a"), Expr.EMPTY), 1_000_000, 1_000_000);
        assertTrue(Membership.matches(exactly, "aaaa"), "a nullable body settles at its fixed point");
        assertFalse(Membership.matches(Exprs.repeat(Exprs.lit("a"), 1_000_000, -1), "aaaa"));
        assertTrue(Membership.matches(Exprs.repeat(Exprs.lit("ab"), 2, 2), "abab"));
        assertFalse(Membership.matches(Exprs.repeat(Exprs.lit("ab"), 2, 2), "ababab"));
        assertTrue(Membership.matches(new Expr.Seq(List.of(Exprs.lit("\uD83D\uDE00"), Exprs.ANY_CHAR)), "\uD83D\uDE00\uD83D\uDE01"),
                "an astral code point is one character");
    }
}
