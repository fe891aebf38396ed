package org.sampling4j.grammar.engine;

import java.util.Arrays;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * The part of the lexer DFA that a thread in state {@code s} moves through without ending a lexeme:
 * the states reachable from {@code s} through states where no lexeme ends and some byte continues
 * (a JSON string body: plain characters, escapes, UTF-8 continuation bytes), at most {@link #LIMIT}
 * of them. Every token whose bytes keep a lone thread inside it is allowed by the lexer and opens
 * no group (nothing ends, nothing is skipped), whatever the grammar around it; so the tokens that
 * stay inside depend only on the region's shape and the vocabulary, and {@link RegionTokens} computes
 * them once per vocabulary for every grammar whose lexer has that shape.
 *
 * <p>The shape is {@link #table}: states numbered in breadth-first order from {@code s} (bytes in
 * increasing order), 256 entries per state: the target's number inside, {@link #DEAD}, or
 * {@link #OUT} (a live state outside: a lexeme ends there, or the region is full). Equal tables mean
 * isomorphic regions, so the table is the cache key. {@link #states} maps the numbers back to this
 * DFA's states, for the walk past the exits.
 */
final class LexerRegion {
    /** Most states a region holds; a string body needs about ten (escapes, \\u digits, UTF-8 states). */
    static final int LIMIT = 64;
    static final int DEAD = -1;
    static final int OUT = -2;
    /** Explore only with this much room left in the DFA budget, so the exploration never throws. */
    private static final int ROOM = 1024;
    /** Give up once the exploration has built this many new DFA states (exits included). */
    private static final int BUILT = 256;

    final int[] table;
    final int[] states;

    private LexerRegion(int[] table, int[] states) {
        this.table = table;
        this.states = states;
    }

    /** Number of states inside. */
    int size() {
        return states.length;
    }

    /**
     * The region of {@code s}, or null: when {@code s} itself ends a lexeme or cannot continue, when
     * the region has more than {@link #LIMIT} states, or when the DFA budget is nearly spent.
     */
    static LexerRegion of(LazyDfa dfa, int s) {
        if (!inside(dfa, s) || dfa.room() < ROOM) {
            return null;
        }
        int before = dfa.states();
        int[] local = new int[LIMIT];
        int n = 0;
        local[n++] = s;
        int[] table = new int[256 * LIMIT];
        for (int q = 0; q < n; q++) {
            int[] row = dfa.row(local[q]);
            for (int b = 0; b < 256; b++) {
                int t = LazyDfa.target(dfa.move(row, local[q], b));
                int id;
                if (t == LazyDfa.DEAD) {
                    id = DEAD;
                } else if ((id = indexOf(local, n, t)) >= 0) {
                    // already numbered
                } else if (!inside(dfa, t)) {
                    id = OUT;
                } else if (n == LIMIT) {
                    return null;
                } else {
                    local[n] = t;
                    id = n++;
                }
                table[256 * q + b] = id;
            }
            if (dfa.states() - before > BUILT) {
                return null;
            }
        }
        return new LexerRegion(Arrays.copyOf(table, 256 * n), Arrays.copyOf(local, n));
    }

    /** A state a region may hold: live, continuing, and no lexeme ends there. */
    private static boolean inside(LazyDfa dfa, int d) {
        return d != LazyDfa.DEAD && dfa.continues(d) && dfa.acceptOf(d) == 0;
    }

    private static int indexOf(int[] a, int n, int x) {
        for (int i = 0; i < n; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
