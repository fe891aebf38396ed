package org.sampling4j.grammar.engine;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * The lexer states after 0, 1, 2, .. plain characters from a state in which every plain character
 * ({@link PlainPaths}: JSON string content) moves the lexer alike: a string body with
 * {@code maxLength} / {@code minLength} is a counter, one state per length, so no state loops and
 * the region fast path ({@link LexerRegion}) never applies, while each first mask in such a string
 * would walk the whole trie. Along a chain, a plain token is allowed iff its characters fit
 * ({@link #limit}), no lexeme ends inside it, and only {@link PlainPaths}' exits are walked.
 *
 * <p><b>Uniform.</b> State {@code d} has successor {@code d'} when every plain character, byte by
 * byte, leads from {@code d} to {@code d'} (one state, possibly {@link LazyDfa#DEAD}) and no byte
 * inside a character lands in an accepting state, or (when {@code d'} is DEAD) anywhere but DEAD.
 * It is checked on the product of the UTF-8 states and the DFA states reached (a handful per
 * state), all 256 bytes each, and memoized per DFA state ({@link Successors}). A chain exists when
 * every state up to the trie's longest plain path (or to the first DEAD, or to a state that is its
 * own successor) is uniform and none of them accepts.
 */
final class CharChain {
    /** Successor of a state that is not uniform. */
    static final int NOT_UNIFORM = -1;
    /** Most (UTF-8 state, DFA state) pairs explored for one successor. */
    private static final int PAIRS = 64;
    /** Build chains only with this much room left in the DFA budget, and give up past this many new states. */
    private static final int ROOM = 4096;
    private static final int BUILT = 2048;

    /** {@code states[c]}: the state after {@code c} plain characters, for {@code c <= limit} (the last repeats when it loops). */
    private final int[] states;
    /** The most plain characters that keep the lexer alive (at most the cap asked for). */
    final int limit;

    private CharChain(int[] states, int limit) {
        this.states = states;
        this.limit = limit;
    }

    /** The state after {@code c <= limit} plain characters. */
    int state(int c) {
        return states[Math.min(c, states.length - 1)];
    }

    /**
     * The chain from {@code s} up to {@code cap} characters, or null when a state on the way is not
     * uniform or accepts, or the DFA budget is nearly spent.
     */
    static CharChain of(LazyDfa dfa, int s, int cap, Successors memo) {
        if (dfa.room() < ROOM) {
            return null;
        }
        int before = dfa.states();
        int[] chain = new int[Math.min(cap, 64) + 1];
        chain[0] = s;
        int c = 0;
        while (c < cap) {
            int next = memo.of(dfa, chain[c]);
            if (next == NOT_UNIFORM) {
                return null;
            }
            if (next == LazyDfa.DEAD) {
                return new CharChain(Arrays.copyOf(chain, c + 1), c);
            }
            if (dfa.acceptOf(next) != 0) {
                return null;
            }
            if (next == chain[c]) {
                return new CharChain(Arrays.copyOf(chain, c + 1), cap); // loops: every count fits
            }
            if (++c == chain.length) {
                chain = Arrays.copyOf(chain, Math.min(cap, 2 * c) + 1);
            }
            chain[c] = next;
            if (dfa.states() - before > BUILT) {
                return null;
            }
        }
        return new CharChain(Arrays.copyOf(chain, c + 1), cap);
    }

    /**
     * The uniform successors computed so far, per DFA state; shared by the matchers of a grammar
     * (races only recompute). {@code decided}: whether the trie walk decides a node's tokens by the
     * lexer alone in a state (not a held or guarded one); a state on a chain, or inside one of its
     * characters, that it does not hold for makes the state before it not uniform, so a chain only
     * ever replaces nodes the walk would have allowed or skipped itself.
     */
    static final class Successors {
        private final IntPredicate decided;
        /** {@code succ[d]}: 0 not known yet, else the successor plus 2. */
        private volatile int[] succ = new int[64];

        Successors(IntPredicate decided) {
            this.decided = decided;
        }

        int of(LazyDfa dfa, int d) {
            int[] a = succ;
            if (d < a.length && a[d] != 0) {
                return a[d] - 2;
            }
            int r = successor(dfa, d, decided);
            synchronized (this) {
                int[] b = succ;
                if (d >= b.length) {
                    b = Arrays.copyOf(b, Math.max(2 * b.length, d + 1));
                }
                b[d] = r + 2;
                succ = b;
            }
            return r;
        }
    }

    /** The uniform successor of {@code d}, or {@link #NOT_UNIFORM}. */
    static int successor(LazyDfa dfa, int d, IntPredicate decided) {
        int[] pu = new int[PAIRS];
        int[] pd = new int[PAIRS];
        int n = 1;
        pd[0] = d;
        int result = Integer.MIN_VALUE;
        for (int p = 0; p < n; p++) {
            int x = pd[p];
            int[] row = dfa.row(x);
            for (int b = 0; b < 256; b++) {
                int nu = PlainPaths.next(pu[p], b);
                if (nu < 0) {
                    continue;
                }
                int y = x == LazyDfa.DEAD ? LazyDfa.DEAD : LazyDfa.target(dfa.move(row, x, b));
                if (nu == 0) {
                    if (result == Integer.MIN_VALUE) {
                        result = y;
                    } else if (result != y) {
                        return NOT_UNIFORM;
                    }
                    continue;
                }
                int q = 0;
                while (q < n && (pu[q] != nu || pd[q] != y)) {
                    q++;
                }
                if (q == n) {
                    if (n == PAIRS) {
                        return NOT_UNIFORM;
                    }
                    pu[n] = nu;
                    pd[n++] = y;
                }
            }
        }
        for (int p = 1; p < n; p++) {
            int y = pd[p];
            if (result == LazyDfa.DEAD ? y != LazyDfa.DEAD : y == LazyDfa.DEAD || dfa.acceptOf(y) != 0 || !decided.test(y)) {
                return NOT_UNIFORM;
            }
        }
        return result != LazyDfa.DEAD && !decided.test(result) ? NOT_UNIFORM : result;
    }
}
