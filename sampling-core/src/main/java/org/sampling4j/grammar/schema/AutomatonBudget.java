package org.sampling4j.grammar.schema;

/**
 * The remainder-automaton states one schema may still spend ({@link MultipleOf#MAX_STATES} in all). Each
 * state costs the engine about 20 byte-automaton states, and the engine's budget is one for the whole
 * grammar, so the limit is per schema, not per keyword: two {@code multipleOf} keywords of 6,000 states
 * each are refused at the second one's pointer, naming what is left, instead of failing later in the
 * engine without a pointer.
 */
final class AutomatonBudget {
    private int left;

    AutomatonBudget(int states) {
        this.left = states;
    }

    /** A fresh budget of {@link MultipleOf#MAX_STATES}, for a language built on its own. */
    static AutomatonBudget full() {
        return new AutomatonBudget(MultipleOf.MAX_STATES);
    }

    /** States still available. */
    int left() {
        return left;
    }

    /** Records {@code states} as spent ({@code states <= left()}). */
    void spend(int states) {
        if (states > left) {
            throw new IllegalStateException("spending " + states + " automaton states with " + left + " left");
        }
        left -= states;
    }

    /** How a refusal names the limit: {@code "the limit is 10002"}, and what was left when others spent some. */
    String limit() {
        return "the limit is " + MultipleOf.MAX_STATES + " per schema" + (left < MultipleOf.MAX_STATES
                ? ", " + left + " left after its other multipleOf automata" : "");
    }
}
