package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.text.Vocabulary;

/** Hostile grammars fail fast with GrammarException BUDGET (never OOM or StackOverflowError); a full cache only slows masks. */
@KernelIndependent
class GrammarBudgetTest {
    private static final long SEED = 0x6A4D_0015L;
    private static final Vocabulary V = GrammarMatcherTest.V;

    private static GrammarException budget(Runnable r) {
        GrammarException e = assertThrows(GrammarException.class, r::run);
        assertEquals(GrammarException.Kind.BUDGET, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("unsupported: "), e.getMessage());
        return e;
    }

    @Test
    void aMillionCopiesInALexemeFailAtCompile() {
        GrammarException e = budget(() -> Grammar.compile(G.rules("root", G.rep(G.lit("x"), 1, 1_000_000)), V, GrammarLimits.DEFAULT));
        assertTrue(e.getMessage().startsWith("unsupported: repetition {1,1000000} needs about 2000001 automaton states, limit 250000"),
                e.getMessage());
    }

    @Test
    void aMillionMandatoryCopiesOfARecursiveRuleFailAtCompile() {
        Cfg cfg = G.rules("root", G.rep(G.ref("p"), 1_000_000, 1_000_000), "p", G.alt(G.lit("a"), G.seq(G.lit("("), G.ref("p"), G.lit(")"))));
        GrammarException e = budget(() -> Grammar.compile(cfg, V, GrammarLimits.DEFAULT));
        assertTrue(e.getMessage().contains("repetition {1000000,1000000} needs about"), e.getMessage());
        assertTrue(e.getMessage().endsWith("production symbols, limit 1000000"), e.getMessage());
    }

    @Test
    void aMillionOptionalCopiesOfARecursiveRuleCostBlocksNotCopies() {
        // {1,1000000} is lowered in blocks of 1000 (about 16,000 symbols), not a million optional copies
        Cfg cfg = G.rules("root", G.rep(G.ref("p"), 1, 1_000_000), "p", G.alt(G.lit("a"), G.seq(G.lit("("), G.ref("p"), G.lit(")"))));
        Grammar g = Grammar.compile(cfg, JsonSchemaCorpusTest.BYTES, GrammarLimits.DEFAULT);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(g, "a(a)((a))" + "a".repeat(3000)));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(g, "") >= 0);
    }

    @Test
    void deepNestingFailsWithoutStackOverflow() {
        Expr e = G.lit("a");
        for (int i = 0; i < 200_000; i++) {
            e = G.seq(G.alt(e, G.ref("r")), G.lit("b"));
        }
        Cfg cfg = G.rules("root", e, "r", G.seq(G.lit("("), G.ref("root"), G.lit(")")));
        // Cfgs.prune, which runs first, meets the depth before the engine's nesting budget does.
        GrammarException x = assertThrows(GrammarException.class, () -> Grammar.compile(cfg, V, GrammarLimits.DEFAULT));
        assertEquals(GrammarException.Kind.UNSUPPORTED, x.kind(), x.getMessage());
        assertTrue(x.getMessage().contains("nested deeper than 2000"), x.getMessage());
    }

    @Test
    void aLongChainOfRulesIsIterative() {
        // 50,000 rules r_i ::= "a" r_{i+1} | "b": Tarjan and the rule scan are iterative; the chain is
        // regular, so the NFA builder's nesting budget stops it with a clear message.
        Object[] rules = new Object[2 * 50_000];
        for (int i = 0; i < 50_000; i++) {
            rules[2 * i] = "r" + i;
            rules[2 * i + 1] = i + 1 < 50_000 ? G.alt(G.seq(G.lit("a"), G.ref("r" + (i + 1))), G.lit("b")) : G.lit("b");
        }
        GrammarException x = budget(() -> Grammar.compile(G.rules(rules), V, GrammarLimits.DEFAULT));
        assertTrue(x.getMessage().contains("nesting deeper than"), x.getMessage());
    }

    @Test
    void theLazyDfaBudgetSurfacesFromTheMatcher() {
        Expr ab = G.chars('a', 'b');
        Cfg cfg = G.rules("root", G.seq(G.star(ab), G.lit("a"), G.rep(ab, 12, 12)));
        Vocabulary v = Vocabulary.builder().add(GrammarMatcherTest.b("a")).add(GrammarMatcherTest.b("b")).build();
        Grammar g = Grammar.compile(cfg, v, new GrammarLimits(250_000, 200, 1_000, 1_000_000, 8_000_000, 1L << 20));
        GrammarMatcher m = g.newMatcher();
        Random r = new Random(SEED);
        GrammarException e = budget(() -> {
            int[] mask = new int[1];
            for (int i = 0; i < 10_000; i++) {
                m.fillMask(mask);
                m.accept(r.nextInt(2));
            }
        });
        assertTrue(e.getMessage().contains("more than 200 DFA states"), e.getMessage());
    }

    @Test
    void theEarleyItemBudgetSurfacesFromTheMatcher() {
        // e ::= e e | "a": every split is a parse, O(n^2) items per set
        Cfg cfg = G.rules("e", G.alt(G.seq(G.ref("e"), G.ref("e")), G.lit("a")));
        Grammar g = Grammar.compile(cfg, V, new GrammarLimits(250_000, 20_000, 1_000, 1_000_000, 20_000, 1L << 20));
        GrammarMatcher m = g.newMatcher();
        GrammarException e = budget(() -> {
            for (int i = 0; i < 10_000; i++) {
                m.accept(0);
            }
        });
        assertTrue(e.getMessage().contains("more than 20000 Earley items"), e.getMessage());
    }

    @Test
    void aFullCacheStillGivesExactMasks() {
        Random r = new Random(SEED);
        Vocabulary v = RandomGrammars.synthetic(r, 400);
        Grammar big = Grammar.compile(G.json(), v, GrammarLimits.DEFAULT);
        Grammar tiny = Grammar.compile(G.json(), v, new GrammarLimits(250_000, 20_000, 1_000, 1_000_000, 8_000_000, 1));
        GrammarMatcher a = big.newMatcher();
        GrammarMatcher b = tiny.newMatcher();
        for (int step = 0; step < 60; step++) {
            int[] ma = new int[big.maskWords()];
            int[] mb = new int[tiny.maskWords()];
            a.fillMask(ma);
            b.fillMask(mb);
            assertArrayEquals(ma, mb, "step " + step);
            int[] ids = java.util.Arrays.stream(TokenMask.ids(ma)).filter(id -> !v.isEos(id)).toArray();
            if (ids.length == 0) {
                break;
            }
            int t = ids[r.nextInt(ids.length)];
            a.accept(t);
            b.accept(t);
        }
        assertTrue(tiny.cacheBytes() < big.cacheBytes(), tiny.cacheBytes() + " vs " + big.cacheBytes());
    }

    @Test
    void limitsRejectNonPositiveBudgets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GrammarLimits(0, 1, 1, 1, 1, 1));
        assertEquals("maxNfaStates = 0 is outside [1, 2147483647]", e.getMessage());
        assertEquals(List.of(), List.of());
    }
}
