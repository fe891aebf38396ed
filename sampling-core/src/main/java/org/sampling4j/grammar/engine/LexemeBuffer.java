package org.sampling4j.grammar.engine;

import java.util.Arrays;
import org.sampling4j.grammar.automaton.LazyDfa;

/**
 * The lexemes an Earley set scans, collected with repeats, then sorted and deduplicated in place
 * to ask the {@link LazyDfa} for their start state (its key is the sorted distinct set). Reused:
 * grows geometrically, allocates nothing in a steady state.
 */
final class LexemeBuffer {
    private int[] buf = new int[16];
    private int n;

    void clear() {
        n = 0;
    }

    void add(int lexeme) {
        if (n == buf.length) {
            buf = Arrays.copyOf(buf, n * 2);
        }
        buf[n++] = lexeme;
    }

    /** The start state for the distinct lexemes added; {@link LazyDfa#DEAD} when none were. */
    int startState(LazyDfa dfa) {
        if (n == 0) {
            return LazyDfa.DEAD;
        }
        Arrays.sort(buf, 0, n);
        int u = 1;
        for (int i = 1; i < n; i++) {
            if (buf[i] != buf[u - 1]) {
                buf[u++] = buf[i];
            }
        }
        return dfa.startState(buf, 0, u);
    }
}
