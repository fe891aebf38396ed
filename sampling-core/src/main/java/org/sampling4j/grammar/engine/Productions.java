package org.sampling4j.grammar.engine;

import java.util.List;
import org.sampling4j.grammar.automaton.ByteNfa;
import org.sampling4j.grammar.syntax.SyntaxException;

/**
 * The normalized grammar in flat arrays. Productions are laid out one after the other in
 * {@link #rhs}, each closed by {@link Symbols#END}; an Earley item's dotted production is one index
 * into that array (the symbol after the dot is {@code rhs[pos]}, its left side {@code lhs[pos]}).
 * Productions that use an unproductive symbol (a lexeme or token terminal that matches nothing, a
 * nonterminal that derives no string) are removed, so every remaining item can still be completed:
 * the engine relies on that ("a live lexer thread or a non-empty Earley set can always reach a
 * complete string"). Nonterminal 0 is {@code S' -> root}; {@link #acceptPos} is its completed item.
 */
final class Productions {
    final int[] rhs;
    final int[] lhs;
    /** Productions of nonterminal A: start positions {@code prodStart[ntFirst[A] .. ntFirst[A + 1])}. */
    final int[] ntFirst;
    final int[] prodStart;
    final boolean[] nullable;
    final ByteNfa nfa;
    final TokenTerminals tokens;
    final int acceptPos;
    /** The guards of lowered JSON objects' terminals, or null when there are none. */
    final ObjectGuards guards;

    Productions(List<List<int[]>> prods, ByteNfa nfa, TokenTerminals tokens, int rootLine, int rootColumn,
            ObjectGuards guards) {
        this.guards = guards;
        this.nfa = nfa;
        this.tokens = tokens;
        int nts = prods.size();
        boolean[] productive = new boolean[nts];
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int a = 0; a < nts; a++) {
                if (productive[a]) {
                    continue;
                }
                for (int[] p : prods.get(a)) {
                    if (allProductive(p, productive)) {
                        productive[a] = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        if (!productive[0]) {
            throw new SyntaxException(SyntaxException.Kind.INVALID, rootLine, rootColumn, "the grammar accepts no string");
        }
        int total = 0;
        int count = 0;
        for (int a = 0; a < nts; a++) {
            for (int[] p : prods.get(a)) {
                if (allProductive(p, productive)) {
                    total += p.length + 1;
                    count++;
                }
            }
        }
        rhs = new int[total];
        lhs = new int[total];
        ntFirst = new int[nts + 1];
        prodStart = new int[count];
        int pos = 0;
        int k = 0;
        for (int a = 0; a < nts; a++) {
            ntFirst[a] = k;
            for (int[] p : prods.get(a)) {
                if (!allProductive(p, productive)) {
                    continue;
                }
                prodStart[k++] = pos;
                for (int s : p) {
                    lhs[pos] = a;
                    rhs[pos++] = s;
                }
                lhs[pos] = a;
                rhs[pos++] = Symbols.END;
            }
        }
        ntFirst[nts] = k;
        acceptPos = prodStart[ntFirst[0]] + 1;
        nullable = new boolean[nts];
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int a = 0; a < nts; a++) {
                for (int j = ntFirst[a]; j < ntFirst[a + 1] && !nullable[a]; j++) {
                    boolean all = true;
                    for (int q = prodStart[j]; rhs[q] != Symbols.END && all; q++) {
                        all = nullableSymbol(rhs[q]);
                    }
                    if (all) {
                        nullable[a] = true;
                        changed = true;
                    }
                }
            }
        }
    }

    /** Whether symbol {@code s} (not END) derives the empty string. */
    boolean nullableSymbol(int s) {
        if (s >= 0) {
            return nullable[s];
        }
        return Symbols.isLexeme(s) && nfa.nullable(Symbols.lexemeOf(s));
    }

    int nonterminals() {
        return nullable.length;
    }

    private boolean allProductive(int[] p, boolean[] productive) {
        for (int s : p) {
            boolean ok = s >= 0 ? productive[s]
                    : Symbols.isLexeme(s) ? nfa.productive(Symbols.lexemeOf(s)) : tokens.productive(Symbols.tokenOf(s));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
