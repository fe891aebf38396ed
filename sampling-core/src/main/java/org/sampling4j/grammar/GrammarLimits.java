package org.sampling4j.grammar;

import org.sampling4j.grammar.engine.EngineLimits;

/**
 * Budgets for compiling and enforcing a grammar that may come from a stranger. Past any of them the
 * grammar fails with a {@link GrammarException} of kind BUDGET, never an {@code OutOfMemoryError} or
 * a {@code StackOverflowError}; except the cache budget, past which masks are computed without caching
 * (exact, slower).
 *
 * @param maxNfaStates   byte-automaton states of all lexemes together (counted repeats expand into copies)
 * @param maxDfaStates   lazily built lexer DFA states (each about 1 KiB)
 * @param maxNesting     depth of nested groups plus rule references inside one expression
 * @param maxSymbols     production symbols after normalization (counted repeats of non-regular bodies expand)
 * @param maxEarleyItems parser items of one sequence (8 bytes each)
 * @param maxCacheBytes  bytes of mask-cache entries kept per compiled grammar
 */
public record GrammarLimits(int maxNfaStates, int maxDfaStates, int maxNesting, int maxSymbols, int maxEarleyItems,
                            long maxCacheBytes) {
    /** Generous for real grammars (JSON, GBNF of llama.cpp's kind, schemas with bounds in the thousands). */
    public static final GrammarLimits DEFAULT = new GrammarLimits(250_000, 20_000, 1_000, 1_000_000, 8_000_000,
            128L << 20);

    /** Checks every budget is positive. */
    public GrammarLimits {
        check("maxNfaStates", maxNfaStates);
        check("maxDfaStates", maxDfaStates);
        check("maxNesting", maxNesting);
        check("maxSymbols", maxSymbols);
        check("maxEarleyItems", maxEarleyItems);
        check("maxCacheBytes", maxCacheBytes);
    }

    private static void check(String name, long v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " = " + v + " is outside [1, " + Integer.MAX_VALUE + "]");
        }
    }

    EngineLimits engine() {
        return new EngineLimits(maxNfaStates, maxDfaStates, maxNesting, maxSymbols, maxEarleyItems, maxCacheBytes);
    }
}
