package org.sampling4j.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;

/**
 * GBNF as llama.cpp reads it (src/llama-grammar.cpp): a table of grammars with strings that must
 * pass and strings that must fail (checked with {@link CfgMatcher}), in the style of llama.cpp's
 * tests/test-grammar-integration.cpp, then every error with its line and column.
 */
@KernelIndependent
class GbnfParserTest {
    static void language(String grammar, List<String> pass, List<String> fail) {
        Cfg cfg = GbnfParser.parse(grammar);
        for (String s : pass) {
            assertTrue(CfgMatcher.matches(cfg, s), () -> "should accept '" + s + "' under\n" + grammar);
        }
        for (String s : fail) {
            assertFalse(CfgMatcher.matches(cfg, s), () -> "should reject '" + s + "' under\n" + grammar);
        }
    }

    static SyntaxException error(String grammar) {
        return assertThrows(SyntaxException.class, () -> GbnfParser.parse(grammar));
    }

    static void invalidAt(String grammar, int line, int column, String reasonPart) {
        SyntaxException e = error(grammar);
        assertEquals(SyntaxException.Kind.INVALID, e.kind(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid: line " + line + ", column " + column + ": "), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), () -> e.getMessage() + " should mention " + reasonPart);
    }

    @Test
    void literalsAndEscapes() {
        language("root ::= \"abc\"", List.of("abc"), List.of("", "ab", "abcd", "abd"));
        language("root ::= \"a\\n\\t\\r\\\\\\\"\\[\\]\\-\"", List.of("a\n\t\r\\\"[]-"), List.of("a"));
        language("root ::= \"\\x41\\u00e9\\U0001F600\"", List.of("Aé\uD83D\uDE00"), List.of("A"));
        language("root ::= \"\"", List.of(""), List.of("a"));
        language("root ::= \"日本\"", List.of("日本"), List.of("日"));
        // a raw newline inside a literal is a character of it, as parse_char reads any code point
        language("root ::= \"a\nb\"", List.of("a\nb"), List.of("ab"));
    }

    @Test
    void classesNegationRangesAndDot() {
        language("root ::= [a-c0]", List.of("a", "b", "c", "0"), List.of("d", "", "ab", "1"));
        language("root ::= [^a-c\\n]", List.of("d", "é", "\uD83D\uDE00", "\r"), List.of("a", "c", "\n", ""));
        language("root ::= [a-]", List.of("a", "-"), List.of("b"));
        language("root ::= [-a]", List.of("a", "-"), List.of("b"));
        language("root ::= [a-b-d]", List.of("a", "b", "-", "d"), List.of("c"));
        language("root ::= [\\]\\[\\\\]", List.of("]", "[", "\\"), List.of("a"));
        language("root ::= [\\x00-\\x1F]", List.of("\u0000", "\u001f"), List.of(" "));
        language("root ::= [ぁ-ゟ]+", List.of("ひらがな"), List.of("カ"));
        language("root ::= .", List.of("a", "\n", "\uD83D\uDE00", "\u0000"), List.of("", "ab"));
        // llama.cpp: an inverted range matches nothing; [] and [^] emit nothing, i.e. the empty string
        language("root ::= [z-a] | \"x\"", List.of("x"), List.of("a", "z", "m"));
        language("root ::= \"a\" [] \"b\"", List.of("ab"), List.of("a b", "a]b"));
        language("root ::= \"a\" [^] \"b\"", List.of("ab"), List.of("axb"));
        language("root ::= [^z-a]", List.of("a", "m"), List.of(""));
        language("root ::= [\\u0000-\\uFFFF]", List.of("a", "\uFFFF"), List.of("\uD83D\uDE00"));
    }

    @Test
    void repetitionForms() {
        language("root ::= \"ab\"*", List.of("", "ab", "abab"), List.of("a", "aba"));
        language("root ::= \"ab\"+", List.of("ab", "ababab"), List.of(""));
        language("root ::= \"ab\"?", List.of("", "ab"), List.of("abab"));
        language("root ::= [a]{3}", List.of("aaa"), List.of("aa", "aaaa"));
        language("root ::= [a]{2,}", List.of("aa", "aaaaaa"), List.of("a"));
        language("root ::= [a]{1,3}", List.of("a", "aaa"), List.of("", "aaaa"));
        language("root ::= [a]{0,2}", List.of("", "aa"), List.of("aaa"));
        language("root ::= [a]{ 2 , 3 }", List.of("aa", "aaa"), List.of("a"));
        language("root ::= \"x\" [a]{0} \"y\"", List.of("xy"), List.of("xay"));
        // stacked quantifiers nest, as in llama.cpp: x{2}{2} is (x{2}){2}, x+? is (x+)?
        language("root ::= [a]{2}{2}", List.of("aaaa"), List.of("aa"));
        language("root ::= [a]+?", List.of("", "a", "aa"), List.of("b"));
        // an upper bound above 2000 is dropped by llama.cpp
        language("root ::= [a]{1,2001}", List.of("a", "a".repeat(2100)), List.of(""));
        language("root ::= [a]{1999}", List.of("a".repeat(1999)), List.of("a".repeat(1998), "a".repeat(2000)));
    }

    @Test
    void groupsAlternationAndNesting() {
        language("root ::= (\"a\" | \"b\" \"c\")+ \"d\"", List.of("ad", "bcd", "abcad"), List.of("d", "bd", "acd"));
        language("root ::= ((\"a\" (\"b\" | )) | \"c\")*", List.of("", "a", "ab", "cab", "aab"), List.of("b", "abb"));
        language("root ::= () \"x\" ()*", List.of("x"), List.of(""));
        language("root ::= \"a\" | | \"b\"", List.of("a", "", "b"), List.of("ab"));
    }

    @Test
    void commentsAndNewlines() {
        String g = "# leading comment\n"
                + "root ::= item # trailing comment\n"
                + "\n"
                + "   # indented comment\n"
                + "item ::= \"a\" |\n"
                + "   \"b\" |   # after the bar the rule continues\n"
                + "   \"c\"\n"
                + "paren ::= (\n"
                + "  \"x\"\n"
                + "  # comment inside\n"
                + "  \"y\"\n"
                + ")\n";
        language(g, List.of("a", "b", "c"), List.of("x", "ab"));
        language(g.replace("root ::= item", "root ::= paren"), List.of("xy"), List.of("x y", "x"));
        language("root ::=\n  \"a\"\r\nb ::= \"b\"\r", List.of("a"), List.of("b"));
    }

    @Test
    void recursionIncludingLeftRecursion() {
        language("root ::= \"(\" root \")\" | \"\"", List.of("", "()", "((()))"), List.of("(", "())", ")("));
        language("root ::= root \"a\" | \"b\"", List.of("b", "ba", "baaa"), List.of("", "a", "ab"));
        language("root ::= expr\nexpr ::= expr \"+\" term | term\nterm ::= [0-9]+",
                List.of("1", "1+22", "3+4+5"), List.of("+", "1+", "1++2"));
        language("root ::= a\na ::= b \"x\" | \"\"\nb ::= a \"y\"", List.of("", "yx", "yxyx"), List.of("x", "y"));
    }

    @Test
    void rootArgumentAndRedefinition() {
        Cfg cfg = GbnfParser.parse("root ::= \"a\"\nother ::= \"b\"", "other");
        assertEquals("other", cfg.root());
        assertTrue(CfgMatcher.matches(cfg, "b"));
        // llama.cpp's add_rule overwrites: the last definition wins
        language("root ::= \"a\"\nroot ::= \"b\"", List.of("b"), List.of("a"));
    }

    @Test
    void tokenTerminalsAreParsedIntoTokens() {
        Cfg cfg = GbnfParser.parse("root ::= <[1000]> thinking <think> !<[7]> !</think>\nthinking ::= !</think>*");
        Expr.Seq seq = (Expr.Seq) cfg.rootRule().body();
        assertEquals(new Expr.Token(List.of(1000), List.of(), false), seq.items().get(0));
        assertEquals(new Expr.Token(List.of(), List.of("<think>"), false), seq.items().get(2));
        assertEquals(new Expr.Token(List.of(7), List.of(), true), seq.items().get(3));
        assertEquals(new Expr.Token(List.of(), List.of("</think>"), true), seq.items().get(4));
        Expr.Repeat star = (Expr.Repeat) cfg.rules().get("thinking").body();
        assertEquals(new Expr.Token(List.of(), List.of("</think>"), true), star.body());
        assertEquals(0, star.min());
    }

    @Test
    void referencesKeepTheirPositionsAndRulesKeepSourceOrder() {
        Cfg cfg = GbnfParser.parse("root ::= a  b\n  # c\nb ::= \"b\"\na ::= \"a\"");
        assertEquals(List.of("root", "b", "a"), List.copyOf(cfg.rules().keySet()));
        Expr.Seq seq = (Expr.Seq) cfg.rootRule().body();
        assertEquals(new Expr.Ref("a", 1, 10), seq.items().get(0));
        assertEquals(new Expr.Ref("b", 1, 13), seq.items().get(1));
        assertEquals(3, cfg.rules().get("b").line());
    }

    @Test
    void errorsNameLineColumnFoundAndExpected() {
        invalidAt("root ::= foo", 1, 10, "undefined rule 'foo'");
        invalidAt("a ::= \"x\"", 1, 1, "no rule named 'root'");
        invalidAt("", 1, 1, "no rules");
        invalidAt("  # only a comment\n", 2, 1, "no rules");
        invalidAt("root ::= \"abc", 1, 14, "'\"' closing the literal");
        invalidAt("root ::= [abc", 1, 10, "no closing ']'");
        invalidAt("root ::= [a-", 1, 10, "no closing ']'");
        invalidAt("root ::= \"a\\q\"", 1, 12, "unknown escape \\q");
        invalidAt("root ::= \"\\x4\"", 1, 11, "expecting 2 hex digits");
        invalidAt("root ::= \"\\u12g4\"", 1, 11, "expecting 4 hex digits");
        invalidAt("root ::= (\"a\"", 1, 14, "')' closing the group at line 1, column 10");
        invalidAt("root ::= \"a\"\n| \"b\"", 2, 1, "expecting a rule name");
        invalidAt("root := \"a\"", 1, 6, "expecting '::='");
        invalidAt("root ::= \"a\" )", 1, 14, "expecting a newline");
        invalidAt("root ::= foo_bar\nfoo ::= \"a\"", 1, 13, "found '_'");
        invalidAt("root ::= *", 1, 10, "expecting an item before the quantifier");
        invalidAt("root ::= \"\"+", 1, 12, "expecting an item before the quantifier");
        invalidAt("root ::= \"a\"{0}*", 1, 16, "expecting an item before the quantifier");
        invalidAt("root ::= \"a\" | ?", 1, 16, "expecting an item before the quantifier");
        invalidAt("root ::= \"a\"{,3}", 1, 14, "expecting an integer after '{'");
        invalidAt("root ::= \"a\"{2", 1, 15, "expecting ',' or '}'");
        invalidAt("root ::= \"a\"{2,3", 1, 17, "expecting '}'");
        invalidAt("root ::= \"a\"{3,2}", 1, 13, "upper bound is below");
        invalidAt("root ::= \"a\"{2001}", 1, 13, "exceeds llama.cpp's limit of 2000");
        invalidAt("root ::= \"a\"{2000}", 1, 13, "expands to 2000 rules");
        invalidAt("root ::= \"a\"{2000,}", 1, 13, "expands to 2000 rules");
        invalidAt("root ::= \"a\"{40}{50}", 1, 17, "expands to 2000 rules");
        invalidAt("root ::= \"a\"{1,99999999999999999999}", 1, 16, "out of range");
        invalidAt("root ::= <[12", 1, 14, "expecting ']'");
        invalidAt("root ::= <[x]>", 1, 12, "expecting an integer");
        invalidAt("root ::= <think", 1, 10, "no closing '>'");
        invalidAt("root ::= !\"a\"", 1, 11, "expecting '<'");
        invalidAt("root ::= \"a\"\r  \"b\" ::= ", 2, 3, "expecting a rule name");
        invalidAt("root ::= \"a\"\nx ::= y\n\n  z ::= \"z\"", 2, 7, "undefined rule 'y'");
    }

    @Test
    void repetitionThresholdCountsSymbolsTheWayLlamaCppDoes() {
        // (x){1000}: the group is one generated rule, and 'x' is a new name inside it: 2 * 1000 >= 2000
        invalidAt("root ::= (x){1000}\nx ::= \"a\"", 1, 13, "expands to 2000 rules");
        // once 'x' has been seen, the group adds only its own rule: 1 * 1000 < 2000
        language("x ::= \"a\"\nroot ::= (x){1000}", List.of("a".repeat(1000)), List.of("a"));
        // the group counts the rules generated inside it: 1 + 500 for a{0,500}
        Cfg cfg = GbnfParser.parse("root ::= ([a]{0,500}){3}");
        assertEquals(new Expr.Repeat(new Expr.Repeat(new Expr.Chars(new int[] {'a', 'a'}), 0, 500), 3, 3), cfg.rootRule().body());
        invalidAt("root ::= ([a]{0,500}){4}", 1, 22, "expands to 2004 rules");
    }

    @Test
    void tokenIdAbove31BitsIsUnsupported() {
        SyntaxException e = error("root ::= <[2147483648]>");
        assertEquals(SyntaxException.Kind.UNSUPPORTED, e.kind());
        assertEquals(12, e.column());
    }

    @Test
    void deepNestingFailsFromTheLimitNotTheStack() {
        String deep = "root ::= " + "(".repeat(100_000) + "\"a\"" + ")".repeat(100_000);
        SyntaxException e = error(deep);
        assertEquals(SyntaxException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.reason().contains("nested deeper than " + GbnfParser.DEFAULT_MAX_DEPTH), e.getMessage());
        String ok = "root ::= " + "(".repeat(GbnfParser.DEFAULT_MAX_DEPTH) + "\"a\"" + ")".repeat(GbnfParser.DEFAULT_MAX_DEPTH);
        assertTrue(CfgMatcher.matches(GbnfParser.parse(ok), "a"));
    }

    @Test
    void lengthLimitIsAParameter() {
        SyntaxException e = assertThrows(SyntaxException.class,
                () -> GbnfParser.parse("root ::= \"aaaa\"", "root", 10, 10));
        assertTrue(e.reason().contains("exceeds the limit of 10"), e.getMessage());
    }

    @Test
    void textEndsAtTheFirstNulAsInLlamaCpp() {
        language("root ::= \"a\"\u0000 garbage ::=", List.of("a"), List.of());
    }

    @Test
    void unicodeValuesValidTextCannotHoldMatchNothing() {
        language("root ::= \"\\uD800\" | \"b\"", List.of("b"), List.of(""));
        language("root ::= [\\U00110000-\\UFFFFFFFF] | \"b\"", List.of("b"), List.of(""));
        language("root ::= [^\\uD800-\\uDFFF]", List.of("a", "\uD83D\uDE00"), List.of(""));
    }
}
