package org.sampling4j;

/**
 * One step of a sampling chain: reads and narrows the {@link Candidates} of the current step.
 *
 * <p>Implementations are immutable configuration, validated in their constructor, shared by every
 * thread; anything that changes from step to step lives in {@link SequenceState} (the history) or
 * in the {@link Candidates} (scratch). {@code apply} never allocates in steady state and never
 * touches the caller's logits: the candidates hold a working copy.
 */
public interface LogitsProcessor {

    /** Short name, printed by {@link Sampler#toString()}: {@code top-k}, {@code min-p}, ... */
    String name();

    /**
     * Every setting of this step that can change which token is drawn, in a form that is the same
     * on every JVM ({@link org.sampling4j.internal.Canonical}): the input of
     * {@link Sampler#fingerprint()}. A processor that does not override it is identified by its
     * class alone.
     */
    default String parameters() {
        return "";
    }

    /** Narrows or rescores the candidates of this step. */
    void apply(Candidates candidates, SequenceState state);

    /**
     * Whether {@code apply} may change values of a dense row (through
     * {@link Candidates#writableDenseValues()}). A chain of processors that only read lets the
     * sampler skip copying the caller's row; answering wrong costs speed, never correctness,
     * because every write goes through {@code writableDenseValues()}.
     */
    default boolean writesLogits() {
        return true;
    }

    /**
     * Whether this step keeps every candidate and their order by logit (temperature does). A cut
     * followed only by such steps may be left for the picker to sample directly.
     */
    default boolean preservesRanking() {
        return false;
    }

    /**
     * Checks the token ids this processor names (bias entries, masks) against the vocabulary.
     *
     * @throws IllegalArgumentException naming the field, the id and {@code [0, vocabSize)}
     */
    default void checkVocabulary(int vocabSize) {
    }
}
