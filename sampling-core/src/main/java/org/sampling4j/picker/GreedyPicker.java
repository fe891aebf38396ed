package org.sampling4j.picker;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Nucleus;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.TokenPicker;

/**
 * Picks the most likely candidate: argmax of the processed logits, ties to the lowest token id.
 * Draws no random number.
 *
 * <p><b>Reference.</b> HF greedy search ({@code do_sample=False}), vLLM and llama.cpp temperature 0.
 * <p><b>Cost per call.</b> O(1) on a dense row whose argmax the chain found while loading it
 * ({@link #picksArgmax()}: no processor writes or masks), else one argmax pass dense (a lane-wise
 * max, then a find); O(1) on a sorted set.
 */
public final class GreedyPicker implements TokenPicker {
    /** The one instance: the picker has no configuration. */
    public static final GreedyPicker INSTANCE = new GreedyPicker();

    private GreedyPicker() {
    }

    @Override
    public boolean readsCandidatesOnly() {
        return true;
    }

    @Override
    public boolean picksArgmax() {
        return true;
    }

    @Override
    public String name() {
        return "greedy";
    }

    /** The argmax is in every nucleus. */
    @Override
    public boolean samplesPendingNucleus() {
        return true;
    }

    /** The argmax is always in the nucleus: no need to find the cut. */
    @Override
    public int pickFromNucleus(Candidates c, SequenceView state, Nucleus nucleus) {
        return pick(c, state);
    }

    @Override
    public int pick(Candidates candidates, SequenceView state) {
        return candidates.tokenAt(Selection.bestPosition(candidates));
    }
}
