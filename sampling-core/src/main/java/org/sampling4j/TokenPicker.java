package org.sampling4j;

/**
 * The last step of a chain: chooses one token among the candidates.
 *
 * <p>Random pickers draw their uniforms from {@link org.sampling4j.random.Uniforms} at
 * {@code (state.seed(), state.step(), draw, stream)}, never from a stateful generator, so the
 * token at step t is a pure function of the logits, the chain, the seed, t and the history.
 */
public interface TokenPicker {

    /** Short name, printed inside {@code pick(...)} by {@link Sampler#toString()}. */
    String name();

    /** Returns the chosen token id; the candidates hold at least one finite value. */
    int pick(Candidates candidates, SequenceState state);

    /**
     * Whether {@link #pick} handles a pending top-p cut ({@link Candidates#nucleusPending()})
     * itself. Pickers that do not are given materialized candidates.
     */
    default boolean picksFromPendingNucleus() {
        return false;
    }

    /**
     * Whether {@link #pick} leaves the candidates as it found them (a pending top-p cut may still
     * be carried out, which keeps the distribution). {@link Sampler#sampleMany} picks several
     * tokens from one run of the chain only for such pickers; for others (mirostat truncates the
     * set) it reruns the chain before each sample. The safe default is false.
     */
    default boolean readsCandidatesOnly() {
        return false;
    }
}
