package org.sampling4j.grammar;

import org.sampling4j.chain.SequenceTracker;
import org.sampling4j.chain.SequenceView;

/**
 * A {@link GrammarMatcher} kept in a sequence: it starts at the first generated token (the prompt
 * is the model's input, not the grammar's output), replays what was generated before it existed,
 * and from then on follows the sequence's accepts and rollbacks.
 */
final class GrammarTracker implements SequenceTracker {
    private final GrammarMatcher matcher;

    GrammarTracker(Grammar grammar, SequenceView view) {
        matcher = grammar.newMatcher();
        for (int i = 0; i < view.generatedLength(); i++) {
            matcher.accept(view.generatedToken(i));
        }
    }

    GrammarMatcher matcher() {
        return matcher;
    }

    @Override
    public void accept(int token) {
        matcher.accept(token);
    }

    @Override
    public void rollback(int tokens) {
        matcher.rollback(tokens);
    }
}
