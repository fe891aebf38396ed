package org.sampling4j.chain;

/**
 * One step of a sampling chain: reads and narrows the {@link Candidates} of the current step.
 *
 * <p>Implementations are immutable configuration, validated in their constructor, shared by every
 * thread; anything that changes from step to step lives in the sequence ({@link SequenceView}) or
 * in the candidates and their {@link Scratch}. {@code apply} never allocates in steady state and
 * never touches the caller's logits: the candidates hold a working copy.
 */
public interface LogitsProcessor {

    /**
     * Short name, printed in a chain's description ({@code top-k}, {@code min-p}, ...) and hashed
     * into its fingerprint: two processors with the same name and {@link #parameters()} must keep
     * the same tokens.
     */
    String name();

    /**
     * Every setting of this step that can change which token is drawn, in a form that is the same
     * on every JVM ({@code org.sampling4j.internal.Canonical}): with {@link #name()}, the input of
     * the sampler's fingerprint.
     */
    default String parameters() {
        return "";
    }

    /** Narrows or rescores the candidates of this step. */
    void apply(Candidates candidates, SequenceView state);

    /**
     * Whether {@code apply} may change values of a dense row (through
     * {@link Candidates#writableDenseValues()}). A chain of processors that only read lets the
     * sampler skip copying the caller's row; answering wrong costs speed, never correctness.
     */
    default boolean writesLogits() {
        return true;
    }

    /**
     * Whether this step keeps every candidate, their order by logit, and never writes the row
     * (temperature does). A {@link DeferrableCut} followed only by such steps is left for the
     * picker to sample directly.
     */
    default boolean preservesRanking() {
        return false;
    }

    /**
     * Whether this step, before a {@link BestKCut}, may run on just the sequence's tokens
     * ({@link SequenceView#allCounts()}) plus the k best other tokens instead of the whole row,
     * leaving the same k best with the same values: it changes only the values of tokens that
     * occur in the sequence, each from its own value and the history (the penalties), or maps
     * every value alike by a non-decreasing function (temperature T > 0), the same way on a dense
     * row and on a sparse set, and reads nothing else of the candidates. {@link Chain} then fuses
     * the top-k into loading the row. Answering true wrongly changes results; false costs only speed.
     */
    default boolean fusesBeforeTopK() {
        return false;
    }

    /** Whether this step reads {@link Candidates#unconditionalRow()} (classifier-free guidance). */
    default boolean readsUnconditionalRow() {
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
