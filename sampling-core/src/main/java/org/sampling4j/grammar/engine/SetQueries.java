package org.sampling4j.grammar.engine;

/**
 * Read-only questions about one Earley set of a {@link Chart}: is the start item complete there,
 * does it expect a token terminal, which tokens do those terminals allow. Static: they read the
 * chart's flat arrays and keep nothing.
 */
final class SetQueries {
    private SetQueries() {
    }

    /** Whether set {@code k} holds the completed start item {@code S' -> root .}. */
    static boolean complete(Chart c, int k) {
        if (k < 0) {
            return false;
        }
        int end = c.setEnd(k);
        for (int j = c.setStart[k]; j < end; j++) {
            if (c.itemPos[j] == c.g.acceptPos && c.itemOrigin[j] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether set {@code k} has an item that expects a token terminal. */
    static boolean expectsToken(Chart c, int k) {
        if (k < 0) {
            return false;
        }
        int end = c.setEnd(k);
        for (int j = c.setStart[k]; j < end; j++) {
            if (Symbols.isToken(c.g.rhs[c.itemPos[j]])) {
                return true;
            }
        }
        return false;
    }

    /** ORs into {@code mask} every token the token terminals expected by set {@code k} match. */
    static void orTokenTerminals(Chart c, int k, int[] mask) {
        int end = c.setEnd(k);
        for (int j = c.setStart[k]; j < end; j++) {
            int sym = c.g.rhs[c.itemPos[j]];
            if (Symbols.isToken(sym)) {
                c.g.tokens.orInto(Symbols.tokenOf(sym), mask);
            }
        }
    }
}
