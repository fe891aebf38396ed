package org.sampling4j.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Regexes by hand: each supported construct agrees with {@code Pattern.matches} on chosen strings
 * (the differential property test covers random ones), and each refused construct fails with its
 * kind, column and reason.
 */
class RegexParserTest {
    private static final List<String> PROBES = List.of("", "a", "b", "ab", "ba", "aa", "aab", "abc", "A", "Z", "_", "0", "9",
            "1", "12", " ", "\t", "\n", "\r", "\r\n", "a\n", "\u000B", "\f", "\u0085", "\u2028", "\u00A0", "\u3000", "é",
            "€", "\uD83D\uDE00", "-", "]", "[", "&", "^", "\\", "{", "}", "x{2}", "aaa", "abab", ".", "\u001B", "\u0007",
            "日本", "Ω", "ǅ", "٣", "\u0000", "$", "%", "~", "a\r\n");

    /** Our language equals Java's on the probes plus {@code extra}. */
    static void sameAsJava(String pattern, String... extra) {
        Cfg cfg = RegexParser.parse(pattern);
        java.util.ArrayList<String> all = new java.util.ArrayList<>(PROBES);
        all.addAll(List.of(extra));
        for (String s : all) {
            boolean java = Pattern.matches(pattern, s);
            assertEquals(java, CfgMatcher.matches(cfg, s), () -> "pattern /" + pattern + "/ on '" + s + "': Java says " + java);
        }
    }

    static SyntaxException refused(String pattern, SyntaxException.Kind kind, int column, String reasonPart) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> RegexParser.parse(pattern));
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(1, e.line());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), () -> e.getMessage() + " should mention " + reasonPart);
        return e;
    }

    @Test
    void literalsAndEscapes() {
        sameAsJava("abc");
        sameAsJava("\\t\\n\\r\\f\\a\\e", "\t\n\r\f\u0007\u001B");
        sameAsJava("\\0141\\x62\\x{63}\\u0064", "abcd");
        sameAsJava("\\0141\\01\\0377\\0400", "a\u0001\u00FF\u00200");
        sameAsJava("\\x{1F600}|\\uD83D\\uDE00\\uD83D\\uDE00", "\uD83D\uDE00\uD83D\uDE00");
        sameAsJava("\\cJ\\c?", "\n\u007F");
        sameAsJava("\\N{LATIN SMALL LETTER A}b");
        sameAsJava("\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\\\-\\&", ".*+?()[]{}|^$\\-&");
        sameAsJava("\\Qa.b*\\E+c", "a.b*c", "a.b**c");
        sameAsJava("\\Q1\\E2", "12");
        sameAsJava("a\\Q", "a");
        sameAsJava("]}", "]}");
        sameAsJava("日本|Ω");
    }

    @Test
    void classes() {
        sameAsJava("[abc]");
        sameAsJava("[^abc]");
        sameAsJava("[a-c0-9_]");
        sameAsJava("[]a]");
        sameAsJava("[^]a]");
        sameAsJava("[a-]");
        sameAsJava("[-a]");
        sameAsJava("[a\\-z]");
        sameAsJava("[\\x00-\\x{10FFFF}]");
        sameAsJava("[a[bc]]");
        sameAsJava("[a-z&&[^aeiou]]", "e", "f", "z");
        sameAsJava("[a-z&&def]", "d", "e");
        sameAsJava("[^a-z&&[b-d]]", "c", "e");
        sameAsJava("[a&&]");
        sameAsJava("[ab-d&&]", "c");
        sameAsJava("[&&a]");
        sameAsJava("[a&&b&c]", "&", "c");
        sameAsJava("[a-c&&[b]&c]", "c");
        sameAsJava("[\\d\\s]");
        sameAsJava("[^\\w]");
        sameAsJava("[\\v-z]", "\u000B", "m");
        sameAsJava("[a^]");
        sameAsJava("[\\p{L}&&[^a-z]]", "Ω", "a");
        sameAsJava("[é-€]", "é", "€", "ſ");
        sameAsJava("[\\Q]-a\\E]", "]", "-", "a");
    }

    @Test
    void predefinedClassesAndDot() {
        for (String p : List.of("\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\h", "\\H", "\\v", "\\V", ".", "\\p{L}", "\\pL",
                "\\P{L}", "\\p{Lu}", "\\p{IsL}", "\\p{gc=Nd}", "\\p{Alpha}", "\\p{IsAlpha}", "\\p{Punct}", "\\p{IsPunct}",
                "\\p{IsAlphabetic}", "\\p{IsLatin}", "\\p{sc=Han}", "\\p{InBasicLatin}", "\\p{blk=CJK Unified Ideographs}",
                "\\p{javaLowerCase}", "\\p{L1}", "\\p{all}", "\\p{LC}", "\\p{Cs}", "\\p{IsWhite_Space}")) {
            sameAsJava(p);
        }
    }

    @Test
    void quantifiersGreedyAndLazy() {
        for (String q : List.of("?", "*", "+", "{2}", "{2,}", "{1,3}", "{0}", "{0,0}", "??", "*?", "+?", "{2}?", "{1,3}?")) {
            sameAsJava("a" + q + "b?", "aaab", "aaaab");
            sameAsJava("(ab)" + q, "ababab");
        }
        sameAsJava("ab{2}", "abb", "abab");
        sameAsJava("a{2}{3}", "aa", "aaaaaa");
        sameAsJava("{2}a", "a");
        sameAsJava("(a|aa)*b", "aaab");
        sameAsJava("(a?){3}", "a", "aaa", "aaaa");
        sameAsJava("(a*)*", "aaa");
        sameAsJava("(|a)+", "aa");
    }

    @Test
    void groupsAndAlternation() {
        sameAsJava("(a|b)(c|)", "ac", "bc");
        sameAsJava("(?:ab|c)+", "abc", "cab");
        sameAsJava("(?<word>a+)b", "aab");
        sameAsJava("a||b");
        sameAsJava("|");
        sameAsJava("");
        sameAsJava("()");
    }

    @Test
    void anchorsAtTheEdgesAreNoOps() {
        sameAsJava("^ab$");
        sameAsJava("^a|^b$|c$");
        sameAsJava("(^a|b)c", "ac", "bc");
        sameAsJava("(a|b$)", "b");
        sameAsJava("\\Aab\\z");
        sameAsJava("\\Ga\\Z", "a\n");
        sameAsJava("^$");
        sameAsJava("^^a$$");
        sameAsJava("(^a)?b", "ab");
        sameAsJava("a$", "a\n", "a\r\n");
    }

    @Test
    void refusedConstructsNameTheirColumn() {
        SyntaxException.Kind u = SyntaxException.Kind.UNSUPPORTED;
        refused("a*+", u, 2, "possessive");
        refused("x(a{2}+)", u, 4, "possessive");
        refused("a(?=b)", u, 2, "lookaround");
        refused("a(?!b)", u, 2, "lookaround");
        refused("(?<=a)b", u, 1, "lookaround");
        refused("(?<!a)b", u, 1, "lookaround");
        refused("ab(?>c)", u, 3, "atomic");
        refused("(a)\\1", u, 4, "backreference");
        refused("(?<n>a)\\k<n>", u, 8, "backreference");
        refused("(?i)a", u, 1, "inline flags");
        refused("(?i:a)", u, 1, "inline flags");
        refused("a\\bb", u, 2, "word boundary");
        refused("\\Ba", u, 1, "word boundary");
        refused("\\R", u, 1, "linebreak");
        refused("\\X", u, 1, "grapheme");
        refused("a^b", u, 2, "start anchor");
        refused("a?^b", u, 3, "start anchor");
        refused("a$b", u, 2, "end anchor");
        refused("(a$)b", u, 3, "end anchor");
        refused("(^a)*", u, 2, "start anchor inside a repeated group");
        refused("(a$)+", u, 3, "end anchor inside a repeated group");
        refused("^*a", u, 2, "quantified anchor");
        refused("a\\z?", u, 4, "quantified anchor");
        refused("日本\\b", u, 3, "word boundary");
        refused("\uD83D\uDE00(?=a)", u, 2, "lookaround");
    }

    @Test
    void whatJavaRejectsIsInvalidAtJavasIndex() {
        SyntaxException.Kind i = SyntaxException.Kind.INVALID;
        refused("a(b", i, 4, "Unclosed group");
        refused("*a", i, 1, "Dangling meta character '*'");
        refused("a**", i, 3, "Dangling");
        refused("[a", i, 2, "Unclosed character class");
        refused("a{3,2}", i, 6, "Illegal repetition range");
        refused("a{", i, 3, "Illegal repetition");
        refused("\\q", i, 2, "Illegal/unsupported escape");
        refused("[z-a]", i, 4, "Illegal character range");
        refused("\\p{NoSuchProperty}", i, 18, "Unknown character property");
        refused("a)", i, 1, "Unmatched closing ')'");
        for (String bad : List.of("(", "[", "\\", "a{99999999999}", "(?<1a>x)", "\\x{110000}", "\\c")) {
            SyntaxException e = assertThrows(SyntaxException.class, () -> RegexParser.parse(bad));
            assertEquals(i, e.kind(), bad);
            assertTrue(e.getMessage().startsWith("invalid: line 1, column "), e.getMessage());
        }
    }

    @Test
    void limitsFailFastWithoutStackOverflow() {
        String deep = "(".repeat(40_000) + "a" + ")".repeat(40_000);
        refused(deep, SyntaxException.Kind.UNSUPPORTED, RegexParser.DEFAULT_MAX_DEPTH + 1, "nested deeper than");
        String deepClass = "[".repeat(40_000) + "a" + "]".repeat(40_000);
        refused(deepClass, SyntaxException.Kind.UNSUPPORTED, RegexParser.DEFAULT_MAX_DEPTH + 1, "nested deeper than");
        String literalBrackets = "[]".repeat(40_000);
        assertThrows(SyntaxException.class, () -> RegexParser.parse(literalBrackets));
        int d = RegexParser.DEFAULT_MAX_DEPTH;
        sameAsJava("(".repeat(d) + "a" + ")".repeat(d));
        sameAsJava("[".repeat(d) + "a" + "]".repeat(d));
        SyntaxException e = assertThrows(SyntaxException.class, () -> RegexParser.parse("abcd", 3, 10));
        assertTrue(e.reason().contains("exceeds the limit of 3"), e.getMessage());
    }

    @Test
    void hugeCountsAreKeptNotExpanded() {
        Cfg cfg = RegexParser.parse("x{1,1000000}");
        assertEquals(new Expr.Repeat(new Expr.Literal("x"), 1, 1_000_000), cfg.rootRule().body());
    }
}
