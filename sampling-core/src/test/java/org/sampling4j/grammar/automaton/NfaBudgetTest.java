package org.sampling4j.grammar.automaton;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sampling4j.grammar.syntax.Expr;

/** Budgets of the automaton layer: counted repeats fail before expanding, nesting is bounded, the DFA is capped. */
class NfaBudgetTest {
    @Test
    void aMillionCopiesFailAtOnceNamingNeedAndLimit() {
        NfaBuilder b = new NfaBuilder(Map.of(), 10_000, 100);
        BudgetException e = assertThrows(BudgetException.class,
                () -> b.addLexeme(new Expr.Repeat(new Expr.Literal("x"), 1, 1_000_000)));
        assertTrue(e.getMessage().startsWith("unsupported: repetition {1,1000000} needs about "), e.getMessage());
        assertTrue(e.getMessage().endsWith("limit 10000"), e.getMessage());
    }

    @Test
    void deepNestingFailsWithoutStackOverflow() {
        Expr e = new Expr.Literal("a");
        for (int i = 0; i < 100_000; i++) {
            e = new Expr.Seq(List.of(e));
        }
        NfaBuilder b = new NfaBuilder(Map.of(), 1_000_000, 1_000);
        Expr deep = e;
        BudgetException x = assertThrows(BudgetException.class, () -> b.addLexeme(deep));
        assertTrue(x.getMessage().contains("nesting deeper than 1000"), x.getMessage());
    }

    @Test
    void theDfaStopsAtItsStateBudget() {
        // (a|b)*a(a|b){12}: the classic exponential DFA (2^13 states); a budget of 500 must stop it.
        Expr ab = new Expr.Alt(List.of(new Expr.Literal("a"), new Expr.Literal("b")));
        Expr lex = new Expr.Seq(List.of(new Expr.Repeat(ab, 0, Expr.Repeat.UNBOUNDED), new Expr.Literal("a"),
                new Expr.Repeat(ab, 12, 12)));
        NfaBuilder nb = new NfaBuilder(Map.of(), 10_000, 100);
        int l = nb.addLexeme(lex);
        LazyDfa dfa = new LazyDfa(nb.build(), 500);
        int s = dfa.startState(new int[] {l}, 0, 1);
        java.util.Random r = new java.util.Random(7);
        BudgetException e = assertThrows(BudgetException.class, () -> {
            int d = s;
            for (int i = 0; i < 100_000; i++) {
                d = dfa.next(d, r.nextBoolean() ? 'a' : 'b');
            }
        });
        assertTrue(e.getMessage().contains("more than 500 DFA states"), e.getMessage());
    }

    @Test
    void nestedStarsOfAlternativesStayLinearAndFast() {
        // ((a|aa)*|aa)* nested twenty deep: a linear NFA, and a DFA of a handful of states.
        Expr aa = new Expr.Literal("aa");
        Expr e = new Expr.Literal("a");
        for (int i = 0; i < 20; i++) {
            e = new Expr.Repeat(new Expr.Alt(List.of(e, aa)), 0, Expr.Repeat.UNBOUNDED);
        }
        NfaBuilder nb = new NfaBuilder(Map.of(), 250_000, 1_000);
        int l = nb.addLexeme(e);
        LazyDfa dfa = new LazyDfa(nb.build(), 100);
        int d = dfa.startState(new int[] {l}, 0, 1);
        for (int i = 0; i < 10_000; i++) {
            d = dfa.next(d, 'a');
        }
        assertTrue(dfa.acceptOf(d) != 0 && dfa.states() < 10, dfa.states() + " states");
        assertTrue(dfa.next(d, 'b') == LazyDfa.DEAD);
    }

    @Test
    void exponentialCopiesHitTheStateBudget() {
        // e_{i+1} = (e_i | e_i e_i)*: 3^20 copies; fails at the NFA budget, quickly.
        Expr e = new Expr.Literal("a");
        for (int i = 0; i < 20; i++) {
            e = new Expr.Repeat(new Expr.Alt(List.of(e, new Expr.Seq(List.of(e, e)))), 0, Expr.Repeat.UNBOUNDED);
        }
        NfaBuilder nb = new NfaBuilder(Map.of(), 250_000, 1_000);
        Expr lex = e;
        BudgetException x = assertThrows(BudgetException.class, () -> nb.addLexeme(lex));
        assertTrue(x.getMessage().startsWith("unsupported: the lexemes need more than 250000"), x.getMessage());
    }
}
