package org.sampling4j;

import org.sampling4j.grammar.Grammar;

/**
 * {@link SamplingParams}' constraint on the output's form: a compiled {@link Grammar} (regex,
 * choice, GBNF, JSON) whose token mask runs first in the chain, or null for none. The grammar is
 * compiled once for a vocabulary and shared; each sequence's matcher lives in its
 * {@link SequenceState}.
 */
record ConstraintParams(Grammar grammar) {
    static final ConstraintParams DEFAULTS = new ConstraintParams(null);

    /** Nothing to check: any compiled grammar, or none. */
    ConstraintParams validated() {
        return this;
    }

    ConstraintParams withGrammar(Grammar value) {
        return new ConstraintParams(value);
    }
}
