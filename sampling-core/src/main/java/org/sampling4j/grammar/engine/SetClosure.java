package org.sampling4j.grammar.engine;

/**
 * The closure of an open Earley set: predictions, completions, and nullable symbols skipped at once
 * (Aycock and Horspool, "Practical Earley Parsing", 2002), so that no completion has to be revisited
 * when a nullable rule finishes in the set where it started. Apart from {@link Chart} because it is
 * the one loop of the parser proper; the chart keeps the storage.
 */
final class SetClosure {
    private SetClosure() {
    }

    /** Closes the open set {@code k} of {@code c}. */
    static void close(Chart c, int k) {
        Productions g = c.g;
        for (int i = c.setStart[k]; i < c.nItems; i++) {
            int pos = c.itemPos[i];
            int origin = c.itemOrigin[i];
            int sym = g.rhs[pos];
            if (sym == Symbols.END) {
                if (origin == k) {
                    continue; // a nullable completion: its parents were advanced when they predicted it
                }
                int a = g.lhs[pos];
                int end = c.setEnd(origin);
                for (int j = c.setStart[origin]; j < end; j++) {
                    if (g.rhs[c.itemPos[j]] == a) {
                        c.addItem(c.itemPos[j] + 1, c.itemOrigin[j]);
                    }
                }
            } else if (sym >= 0) {
                for (int p = g.ntFirst[sym]; p < g.ntFirst[sym + 1]; p++) {
                    c.addItem(g.prodStart[p], k);
                }
                if (g.nullable[sym]) {
                    c.addItem(pos + 1, origin);
                }
            } else if (Symbols.isLexeme(sym) && g.nfa.nullable(Symbols.lexemeOf(sym))) {
                c.addItem(pos + 1, origin);
            }
        }
    }
}
