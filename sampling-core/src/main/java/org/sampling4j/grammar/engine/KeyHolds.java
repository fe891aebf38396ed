package org.sampling4j.grammar.engine;

import java.util.Arrays;
import org.sampling4j.grammar.automaton.ByteNfa;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * Which lexer-thread DFA states are HELD: every lexeme that can still read a byte there is a key
 * class that can run out ({@link ObjectGuards#countedLexemes}), so whether a token may end there
 * depends on the object's keys ({@link ObjectGuards#free}), not on the lexer. The trie walk leaves
 * the tokens of such nodes out of {@code within} and lists them in the entry; the mask decides them
 * against the text ({@link GuardedMasks}); the chart drops a held thread whose classes have no free
 * key after each token. A state where some other lexeme reads on is decided by the lexer as before.
 *
 * <p>Per state, computed on first use from its NFA states: {@link #held} is null (another lexeme
 * reads on) or the sorted counted lexemes that read on (empty when nothing reads on). Published
 * through a volatile array written after its element, as {@link LazyDfa} publishes states.
 */
final class KeyHolds {
    private static final int[] NONE = new int[0];
    private static final int[] OTHER = new int[0];
    private final LazyDfa dfa;
    private final ByteNfa nfa;
    private final boolean[] counted;
    private volatile int[][] held = new int[64][];

    KeyHolds(LazyDfa dfa, boolean[] counted) {
        this.dfa = dfa;
        this.nfa = dfa.nfa();
        this.counted = counted;
    }

    /** Null if a lexeme that is not counted reads on from {@code d}; else the counted lexemes that do, sorted (do not modify). */
    int[] held(int d) {
        int[][] h = held;
        int[] r = d < h.length ? h[d] : null;
        if (r == null) {
            r = compute(d);
        }
        return r == OTHER ? null : r;
    }

    private synchronized int[] compute(int d) {
        int[] states = dfa.nfaStates(d);
        int[] lex = new int[states.length];
        int n = 0;
        for (int q : states) {
            if (!nfa.reads(q)) {
                continue;
            }
            int l = nfa.lexemeOfState(q);
            if (l < 0 || l >= counted.length || !counted[l]) {
                n = -1;
                break;
            }
            if (n == 0 || Arrays.binarySearch(lex, 0, n, l) < 0) {
                lex[n++] = l;
                Arrays.sort(lex, 0, n);
            }
        }
        int[] r = n < 0 ? OTHER : n == 0 ? NONE : Arrays.copyOf(lex, n);
        int[][] h = held;
        if (d >= h.length) {
            h = Arrays.copyOf(h, Math.max(2 * h.length, d + 1));
        }
        h[d] = r;
        held = h; // volatile write after the element: readers that see the array see it
        return r;
    }
}
