package org.sampling4j.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Cfgs#prune}: unproductive parts go, the language stays, an empty language is an error. */
class CfgsTest {
    private static final List<String> PROBES = List.of("", "a", "b", "ab", "ba", "aa", "c", "x", "abc");

    static void sameLanguage(Cfg a, Cfg b) {
        for (String s : PROBES) {
            assertEquals(CfgMatcher.matches(a, s), CfgMatcher.matches(b, s), s);
        }
    }

    @Test
    void removesUnproductiveAlternativesAndRules() {
        Cfg cfg = GbnfParser.parse("root ::= \"a\" | loop | [z-a] \"b\" | x\nloop ::= \"c\" loop\nx ::= \"x\" (loop)?\n"
                + "unused ::= \"u\"");
        Cfg pruned = Cfgs.prune(cfg);
        sameLanguage(cfg, pruned);
        assertEquals(List.of("root", "x", "unused"), List.copyOf(pruned.rules().keySet()));
        assertEquals(new Expr.Alt(List.of(new Expr.Literal("a"), new Expr.Ref("x", 1, 35))), pruned.rootRule().body());
        assertEquals(new Expr.Seq(List.of(new Expr.Literal("x"), Expr.EMPTY)), pruned.rules().get("x").body());
    }

    @Test
    void repeatOfUnproductiveBodyIsEmptyWhenOptionalAndUnproductiveOtherwise() {
        Cfg cfg = GbnfParser.parse("root ::= \"a\" [z-a]* | \"b\" [z-a]+");
        Cfg pruned = Cfgs.prune(cfg);
        sameLanguage(cfg, pruned);
        assertEquals(new Expr.Seq(List.of(new Expr.Literal("a"), Expr.EMPTY)), pruned.rootRule().body());
    }

    @Test
    void tokensCountAsProductive() {
        Cfg cfg = GbnfParser.parse("root ::= <[5]> | !<x>");
        assertEquals(cfg.rootRule().body(), Cfgs.prune(cfg).rootRule().body());
    }

    @Test
    void anEmptyLanguageIsInvalidAtTheRoot() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Cfgs.prune(GbnfParser.parse("a ::= \"a\"\n root ::= a root")));
        assertEquals(SyntaxException.Kind.INVALID, e.kind());
        assertEquals(2, e.line());
        assertEquals(2, e.column());
        assertTrue(e.reason().contains("accepts no string"), e.getMessage());
        assertThrows(SyntaxException.class, () -> Cfgs.prune(RegexParser.parse("[a&&b]")));
        assertThrows(SyntaxException.class, () -> Cfgs.prune(RegexParser.parse("\\p{Cs}")));
    }

    @Test
    void everyRemainingSymbolIsProductive() {
        Cfg pruned = Cfgs.prune(GbnfParser.parse("root ::= (a | [z-a])+ b?\na ::= \"a\" | a [z-a]\nb ::= b \"b\" | \"\"\n"));
        assertTrue(CfgMatcher.matches(pruned, "aa"));
        assertTrue(CfgMatcher.matches(pruned, "abb"));
        assertFalse(CfgMatcher.matches(pruned, ""));
        assertEquals(List.of("root", "a", "b"), List.copyOf(pruned.rules().keySet()));
    }

    @Test
    void deepExpressionsFailFromTheLimit() {
        Expr e = new Expr.Literal("a");
        for (int i = 0; i < 100_000; i++) {
            e = new Expr.Seq(List.of(e));
        }
        Expr deep = e;
        SyntaxException ex = assertThrows(SyntaxException.class, () -> Cfgs.prune(Cfg.single(deep)));
        assertEquals(SyntaxException.Kind.UNSUPPORTED, ex.kind());
    }
}
