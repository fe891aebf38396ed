package org.sampling4j.grammar.engine;

/**
 * The budgets the engine enforces (the public {@code GrammarLimits} maps onto this): automaton
 * states, expression nesting, production symbols, Earley items of one sequence, and the bytes the
 * shared mask cache may hold (past it, masks are computed without caching: slower, still exact).
 */
public record EngineLimits(int maxNfaStates, int maxDfaStates, int maxNesting, int maxSymbols,
                           int maxEarleyItems, long maxCacheBytes) {
}
