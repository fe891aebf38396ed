package org.sampling4j.chain;

/**
 * Per-sequence state a processor keeps from step to step and that must follow the sequence's
 * tokens exactly: a grammar matcher, a reasoning-budget counter. The sequence calls
 * {@link #accept} after each token it records and {@link #rollback} when tokens are taken back
 * (speculative decoding), so the state can never drift from the tokens. A processor obtains its
 * tracker with {@link SequenceView#tracker}, which creates it on first use.
 */
public interface SequenceTracker {

    /**
     * Follows one more generated token. Throwing {@link IllegalArgumentException} refuses it (a
     * grammar that does not allow it): the sequence then records nothing, in no tracker.
     */
    void accept(int token);

    /** Takes back the last {@code tokens} generated tokens accepted here, {@code 0 <= tokens}. */
    void rollback(int tokens);
}
