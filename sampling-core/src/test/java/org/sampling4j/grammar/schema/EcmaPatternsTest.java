package org.sampling4j.grammar.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Expr;

/**
 * {@link EcmaPatterns}: on patterns whose syntax and meaning ECMA-262 (u) and java.util.regex share,
 * the language is exactly the strings where {@code Matcher.find()} succeeds (random strings over the
 * pattern's own characters and a few others, no line terminators, where Java's {@code $} differs);
 * ECMA-only meanings by hand; refusals with pointer; sampled members valid for networknt.
 */
@KernelIndependent
class EcmaPatternsTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "a", "^a", "a$", "^a$", "^$", "ab|cd", "^ab|cd$", "^(a|b)*$", "a{2,3}", "^a{2}b?$",
        "[a-c]+x", "[^a]", "^[^ab]*$", "\\d{3}-\\d{4}", "^\\w+@\\w+\\.com$", "(?:ab)+", "(?<year>\\d{4})-(\\d\\d)",
        "^[A-Z][a-z]*( [A-Z][a-z]*)*$", "a*?b", "x+?", "\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/\\^\\$\\\\", "[\\d.-]+",
        "^\\p{Lu}\\p{Ll}+$", "\\u0041\\x42", "^[\\uD83D\\uDE00-\\uD83D\\uDE4F]+$", "^(\\([0-9]{3}\\))?[0-9]{3}-[0-9]{4}$",
        "\\D\\W", "[\\w-]{2,}", "^.{2}$", "^\\p{L}+$", "\\p{Script=Greek}", "\\t\\f"})
    void sharedSyntaxAgreesWithJavaFind(String pattern) {
        Expr e = EcmaPatterns.decoded(pattern, "/pattern");
        Pattern java = Pattern.compile(pattern);
        Random rnd = new Random(pattern.hashCode());
        StringBuilder alphabet = new StringBuilder("aAbz09_- .@()x");
        pattern.codePoints().filter(c -> c != '\n' && c != '\r').forEach(alphabet::appendCodePoint);
        alphabet.append("\u00e9\u03b1\u0391\uD83D\uDE00\t\f");
        int[] cps = alphabet.codePoints().toArray();
        int hits = 0;
        for (int i = 0; i < 3000; i++) {
            String s;
            if (i % 3 == 0) {
                s = randomString(rnd, cps);
            } else {
                // a member, or a member with one random edit: near misses on both sides
                StringBuilder m = new StringBuilder(ExprSupport.sample(e, rnd, 3));
                if (i % 3 == 2 && m.length() > 0) {
                    int at = rnd.nextInt(m.length());
                    if (!Character.isSurrogate(m.charAt(at))) {
                        int c = cps[rnd.nextInt(cps.length)];
                        m.setCharAt(at, c > 0xFFFF ? 'q' : (char) c);
                    }
                }
                s = m.toString();
            }
            if (s.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029)
                    || JsonStringsTest.hasLoneSurrogate(s)) {
                continue; // Java's $ and . treat these differently from ECMA
            }
            boolean expected = java.matcher(s).find();
            hits += expected ? 1 : 0;
            final String shown = s;
            assertEquals(expected, ExprSupport.matches(e, s), () -> pattern + " on " + shown);
        }
        assertTrue(hits > 500, "members matched " + pattern + ": " + hits);
    }

    private static String randomString(Random rnd, int[] cps) {
        StringBuilder s = new StringBuilder();
        for (int n = rnd.nextInt(9); n > 0; n--) {
            s.appendCodePoint(cps[rnd.nextInt(cps.length)]);
        }
        return s.toString();
    }

    @Test
    void ecmaMeaningsWhereJavaDiffersTakeTheIntersection() {
        Expr dot = EcmaPatterns.decoded("^.$", "/p");
        assertTrue(ExprSupport.matches(dot, "x"));
        assertFalse(ExprSupport.matches(dot, "\u0085"), "Java's . excludes NEL");
        assertFalse(ExprSupport.matches(dot, "\u2028"));
        assertFalse(ExprSupport.matches(dot, "\n"));
        Expr space = EcmaPatterns.decoded("^\\s$", "/p");
        for (String s : new String[] {"\u000b", "\t", "\n", "\f", "\r", " "}) {
            assertTrue(ExprSupport.matches(space, s), "\\s holds U+" + Integer.toHexString(s.charAt(0)));
        }
        for (String s : new String[] {"\u00a0", "\ufeff", "\u3000", "\u2029", "\u0085"}) {
            assertFalse(ExprSupport.matches(space, s), "\\s (Java reading too) lacks U+" + Integer.toHexString(s.charAt(0)));
        }
        Expr notSpace = EcmaPatterns.decoded("^\\S$", "/p");
        assertFalse(ExprSupport.matches(notSpace, "\ufeff"), "ECMA: \\S lacks ZWNBSP");
        assertTrue(ExprSupport.matches(notSpace, "x"));
        Expr negated = EcmaPatterns.decoded("^[^\\s]$", "/p");
        assertFalse(ExprSupport.matches(negated, "\u00a0"), "ECMA reading: NBSP is \\s");
        assertFalse(ExprSupport.matches(negated, " "));
        Expr negatedNot = EcmaPatterns.decoded("^[^\\S]$", "/p");
        assertTrue(ExprSupport.matches(negatedNot, " "));
        assertFalse(ExprSupport.matches(negatedNot, "\u00a0"), "Java reading: NBSP is not \\s");
        Expr negatedV = EcmaPatterns.decoded("^[^\\v]$", "/p");
        assertFalse(ExprSupport.matches(negatedV, "\n"), "Java reading: \\v holds LF");
        assertTrue(ExprSupport.matches(negatedV, "x"));
        for (String[] c : new String[][] {{"^\\\\s$", "\u00a0"}, {"^\\\\s$", " "}, {"^.$", "\u0085"}, {"^[^\\\\v]$", "\n"}}) {
            boolean ours = ExprSupport.matches(EcmaPatterns.decoded(c[0].replace("\\\\", "\\"), "/p"), c[1]);
            assertTrue(!ours || Networknt.validString("pattern", "\"" + c[0] + "\"", c[1]), c[0]);
        }
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("^\\v$", "/p"), "\u000b"));
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("^[\\b]$", "/p"), "\b"));
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("^[^]$", "/p"), "\n"));
        assertFalse(ExprSupport.matches(EcmaPatterns.decoded("[]", "/p"), "anything"));
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("a$", "/p"), "ba"));
        assertFalse(ExprSupport.matches(EcmaPatterns.decoded("a$", "/p"), "a\n"));
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("^\\p{Letter}+$", "/p"), "ab\u00e9"));
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("^[\\[a]+$", "/p"), "[a["));
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("^\\uD83D\\uDE00$", "/p"), "\uD83D\uDE00"));
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("^\\cJ\\0$", "/p"), "\n\0"));
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("^[\\u{1F600}-\\u{1F64F}]+$", "/p"), "\uD83D\uDE00\uD83D\uDE4F"));
        assertFalse(ExprSupport.matches(EcmaPatterns.decoded("^[\\u{1F600}-\\u{1F64F}]+$", "/p"), "\uD83D\uDE50"));
        assertTrue(ExprSupport.matches(EcmaPatterns.decoded("x\\u{41}", "/p"), "..xA.."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a(?=b)", "(?!a)b", "(?<=a)b", "(?<!a)b", "(a)\\1", "(?<n>a)\\k<n>", "\\bword", "a\\B",
        "a^b", "a$b", "(^a|b)", "\\p{scx=Greek}", "\\uD800", "[[a]", "[a&&b]"})
    void unsupportedConstructsNameThePointer(String pattern) {
        SchemaException e = assertThrows(SchemaException.class, () -> EcmaPatterns.decoded(pattern, "/properties/x/pattern"));
        assertEquals(SchemaException.Kind.UNSUPPORTED, e.kind());
        assertEquals("/properties/x/pattern", e.pointer());
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a", "a)", "*a", "a{2,1}", "[b-a]", "\\q", "a]", "\\", "[\\d-z]", "\\u{110000}", "\\x4"})
    void malformedPatternsAreInvalid(String pattern) {
        SchemaException e = assertThrows(SchemaException.class, () -> EcmaPatterns.decoded(pattern, "/pattern"));
        assertEquals(SchemaException.Kind.INVALID, e.kind(), e.getMessage());
    }

    @Test
    void sampledMembersAreValidForNetworknt() {
        Random rnd = new Random(31);
        for (String p : new String[] {"^[a-z]+-\\d{2}$", "abc", "^(foo|bar)\\.txt$", "x\\d+y", "^\\w{3,5}$"}) {
            Expr e = EcmaPatterns.decoded(p, "/pattern");
            String json = "\"" + p.replace("\\", "\\\\") + "\"";
            for (int i = 0; i < 200; i++) {
                String s = ExprSupport.sample(e, rnd, 3);
                assertTrue(Networknt.validString("pattern", json, s), p + " member " + s);
            }
            assertFalse(Networknt.validString("pattern", json, "!") && !ExprSupport.matches(e, "!"));
        }
    }
}
