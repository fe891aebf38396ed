package org.sampling4j.grammar.engine;

import java.util.Arrays;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * The part of the lexer DFA that a thread in state {@code s} circles in without ending a lexeme:
 * states where no lexeme ends and some byte continues, from which a path leads back to {@code s}
 * (a JSON string body: plain characters, escapes, UTF-8 continuation bytes; not what follows the
 * closing quote). Every token whose bytes keep a lone thread inside it is allowed by the lexer and
 * opens no group (nothing ends, nothing is skipped), whatever the grammar around it; so the tokens
 * that stay inside depend only on the region's shape and the vocabulary, and {@link RegionTokens}
 * computes them once per vocabulary for every grammar whose lexer has that shape.
 *
 * <p>The shape is {@link #table}: states numbered in breadth-first order from {@code s} (bytes in
 * increasing order), 256 entries per state: the target's number inside, {@link #DEAD}, or
 * {@link #OUT} (a live state outside: a lexeme ends there, or the region is full). Equal tables mean
 * isomorphic regions, so the table is the cache key. {@link #states} maps the numbers back to this
 * DFA's states, for the walk past the exits.
 */
final class LexerRegion {
    /**
     * Most states explored for a region. A string body needs about ten (escapes, \\u digits, UTF-8
     * states) and a format's body part a few dozen (a uri's query: 25); 256 cost about 1 ms per first
     * mask in a uri, whose large strongly connected part is explored afresh from each new state.
     */
    static final int EXPLORE = 64;
    /** Explored states are at most this many bytes from {@code s}: a string body's longest way back is {@code \\uXXXX}. */
    static final int DEPTH = 8;
    /** A region is sought only from a state that loops on this many bytes (a string body: about 90). */
    static final int MIN_LOOPS = 64;
    static final int DEAD = -1;
    static final int OUT = -2;
    /** Explore only with this much room left in the DFA budget, so the exploration never throws. */
    private static final int ROOM = 4096;
    /** Give up once the exploration has built this many new DFA states (exits included). */
    private static final int BUILT = 1024;

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
     * The region of {@code s}, or null: when {@code s} itself ends a lexeme, cannot continue or loops
     * on fewer than {@link #MIN_LOOPS} bytes, or when the DFA budget is nearly spent. The region is
     * the part of {@code s}'s strongly connected component that a bounded breadth-first exploration
     * finds ({@link #EXPLORE} states, {@link #DEPTH} bytes, only through states a region may hold):
     * the explored states from which an explored path leads back to {@code s}. A whole JSON document
     * compiled as one lexeme thus yields the string body around {@code s}, not the rest of the
     * document after it, and the same table at every string of every such grammar. Any such set is
     * sound (the walk of the exits is the ordinary one); the bounds only make it smaller.
     */
    static LexerRegion of(LazyDfa dfa, int s) {
        if (!inside(dfa, s) || dfa.room() < ROOM) {
            return null;
        }
        int before = dfa.states();
        int[] row0 = dfa.row(s);
        int selfLoops = 0;
        for (int b = 0; b < 256; b++) {
            selfLoops += LazyDfa.target(dfa.move(row0, s, b)) == s ? 1 : 0;
        }
        if (selfLoops < MIN_LOOPS) {
            return null; // not a body most tokens stay in: the plain walk is as fast, and nothing is explored
        }
        int[] depth = new int[EXPLORE];
        // forward: explored states (by number), their targets
        int[] seen = new int[EXPLORE];
        int[][] next = new int[EXPLORE][];
        Numbers number = new Numbers();
        int n = 0;
        seen[n] = s;
        number.put(s, n++);
        for (int q = 0; q < n; q++) {
            int[] row = dfa.row(seen[q]);
            int[] out = new int[256];
            for (int b = 0; b < 256; b++) {
                int t = LazyDfa.target(dfa.move(row, seen[q], b));
                out[b] = t;
                if (b > 0 && t == out[b - 1]) {
                    continue; // a run of one byte class: looked at already
                }
                if (t != LazyDfa.DEAD && n < EXPLORE && depth[q] < DEPTH && number.get(t) < 0 && inside(dfa, t)) {
                    seen[n] = t;
                    depth[n] = depth[q] + 1;
                    number.put(t, n++);
                }
            }
            next[q] = out;
            if (dfa.states() - before > BUILT) {
                return null;
            }
        }
        // backward: the explored states with an explored path back to s
        int[][] from = new int[n][];
        int[] fromCount = new int[n];
        for (int q = 0; q < n; q++) {
            int last = -1;
            for (int b = 0; b < 256; b++) {
                if (b > 0 && next[q][b] == next[q][b - 1]) {
                    continue;
                }
                int t = number.get(next[q][b]);
                if (t >= 0 && t != last) {
                    last = t;
                    if (from[t] == null) {
                        from[t] = new int[4];
                    } else if (fromCount[t] == from[t].length) {
                        from[t] = Arrays.copyOf(from[t], fromCount[t] * 2);
                    }
                    from[t][fromCount[t]++] = q;
                }
            }
        }
        boolean[] back = new boolean[n];
        int[] queue = new int[n];
        int qn = 0;
        queue[qn++] = 0;
        back[0] = true;
        for (int i = 0; i < qn; i++) {
            int t = queue[i];
            for (int j = 0; j < fromCount[t]; j++) {
                int q = from[t][j];
                if (!back[q]) {
                    back[q] = true;
                    queue[qn++] = q;
                }
            }
        }
        // the canonical table: the region's states in breadth-first order from s
        int[] local = new int[n];
        Arrays.fill(local, -1);
        int[] order = new int[qn];
        int m = 0;
        order[m] = 0;
        local[0] = m++;
        int[] table = new int[256 * qn];
        for (int i = 0; i < m; i++) {
            int q = order[i];
            for (int b = 0; b < 256; b++) {
                int t = next[q][b];
                if (b > 0 && t == next[q][b - 1]) {
                    table[256 * i + b] = table[256 * i + b - 1];
                    continue;
                }
                int id;
                if (t == LazyDfa.DEAD) {
                    id = DEAD;
                } else {
                    int e = number.get(t);
                    if (e < 0 || !back[e]) {
                        id = OUT;
                    } else {
                        if (local[e] < 0) {
                            order[m] = e;
                            local[e] = m++;
                        }
                        id = local[e];
                    }
                }
                table[256 * i + b] = id;
            }
        }
        int[] states = new int[m];
        for (int i = 0; i < m; i++) {
            states[i] = seen[order[i]];
        }
        return new LexerRegion(table, states);
    }

    /**
     * The explored states' numbers by DFA state: open addressing, twice {@link #EXPLORE} slots, so
     * the 256 lookups per explored state cost an array probe each, not a boxed map lookup.
     */
    private static final class Numbers {
        private static final int SLOTS = 2 * EXPLORE;
        private final int[] keys = new int[SLOTS];
        private final int[] values = new int[SLOTS];

        Numbers() {
            Arrays.fill(keys, -1);
        }

        private static int slot(int key) {
            return (key * 0x9E3779B9 >>> 23) & (SLOTS - 1);
        }

        void put(int key, int value) {
            int i = slot(key);
            while (keys[i] >= 0 && keys[i] != key) {
                i = (i + 1) & (SLOTS - 1);
            }
            keys[i] = key;
            values[i] = value;
        }

        /** The number of {@code key}, or -1. */
        int get(int key) {
            for (int i = slot(key); keys[i] >= 0; i = (i + 1) & (SLOTS - 1)) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }
    }

    /** A state a region may hold: live, continuing, and no lexeme ends there. */
    private static boolean inside(LazyDfa dfa, int d) {
        return d != LazyDfa.DEAD && dfa.continues(d) && dfa.acceptOf(d) == 0;
    }
}
