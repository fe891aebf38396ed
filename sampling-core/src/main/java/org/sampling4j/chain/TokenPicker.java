package org.sampling4j.chain;

/**
 * The last step of a chain: chooses one token among the candidates.
 *
 * <p>Random pickers draw their uniforms at {@code (state.seed(), state.step(), candidates.draw(),
 * stream)} from the counter-based generator, never from a stateful one, so the token at step t is
 * a pure function of the logits, the chain, the seed, t and the history. A stateful picker
 * (mirostat) reads its state from {@link SequenceView#pickerState()} and leaves the next one in
 * {@link Candidates#setNextPickerState(double)}.
 */
public interface TokenPicker {

    /** Short name, printed inside {@code pick(...)} in a chain's description and fingerprinted. */
    String name();

    /** Returns the chosen token id; the candidates hold at least one finite value. */
    int pick(Candidates candidates, SequenceView state);

    /**
     * Whether {@link #pick} returns the first largest candidate (greedy) and reads nothing else:
     * a {@link Chain} whose processors neither write nor mask the row then finds that candidate
     * while loading the row, in the pass that validates it. The safe default is false.
     */
    default boolean picksArgmax() {
        return false;
    }

    /**
     * Whether {@link #pickFromNucleus} can sample a top-p cut of a dense row without it being
     * carried out. The {@link Chain} decides from this, once, whether to defer such a cut.
     */
    default boolean samplesPendingNucleus() {
        return false;
    }

    /**
     * Picks from {@code nucleus}, a cut of the (dense) candidates not carried out; only called
     * when {@link #samplesPendingNucleus()}. The default carries the cut out and picks.
     */
    default int pickFromNucleus(Candidates candidates, SequenceView state, Nucleus nucleus) {
        candidates.materialize();
        return pick(candidates, state);
    }

    /**
     * Whether {@link #pick} leaves the candidates as it found them (a pending top-p cut may still
     * be carried out, which keeps the distribution). Several samples of one step share one run of
     * the chain only for such pickers; for others (mirostat truncates the set) the chain reruns
     * before each. The safe default is false.
     */
    default boolean readsCandidatesOnly() {
        return false;
    }
}
