package org.sampling4j.grammar.automaton;

/**
 * A grammar needs more than a configured budget allows (NFA or DFA states, nesting depth, rules,
 * parser items). The message starts with {@code "unsupported: "}, names the construct, what it needs
 * and the limit; the public API turns it into a {@code GrammarException} of kind BUDGET.
 */
public final class BudgetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code reason}: what exceeded which limit, without the {@code "unsupported: "} prefix. */
    public BudgetException(String reason) {
        super("unsupported: " + reason);
    }
}
