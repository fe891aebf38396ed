package org.sampling4j.chain;

/**
 * A deterministic state machine over a sequence's tokens, for a processor whose decision depends on
 * where the sequence is (inside a reasoning section, how many tokens into it): the state after a
 * token is a pure function of the state before it and the token. The processor reads the state
 * after the whole history with {@link SequenceView#automatonState}; the sequence keeps one state per
 * generated token, so the state follows {@code SequenceState.rollback} and tokens a runtime accepts
 * itself, and is never stored in the (shared, immutable) processor.
 *
 * <p>Implementations are immutable and compare equal when they define the same machine, so two
 * samplers built from equal params share one sequence's cached states.
 */
public interface TokenAutomaton {

    /** The state before any token, prompt included. */
    long start();

    /** The state after {@code token}, from the state before it. */
    long next(long state, int token);
}
