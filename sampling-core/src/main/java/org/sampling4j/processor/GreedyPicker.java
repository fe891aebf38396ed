package org.sampling4j.processor;

import org.sampling4j.Candidates;
import org.sampling4j.SequenceState;
import org.sampling4j.TokenPicker;

/**
 * Picks the most likely candidate: argmax of the processed logits, ties to the lowest token id.
 * Draws no random number.
 *
 * <p><b>Reference.</b> HF greedy search ({@code do_sample=False}), vLLM and llama.cpp temperature 0.
 * <p><b>Cost per call.</b> one argmax pass dense (a lane-wise max, then a find); O(1) on a sorted set.
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
    public String name() {
        return "greedy";
    }

    /** The argmax is in every nucleus. */
    @Override
    public boolean picksFromPendingNucleus() {
        return true;
    }

    @Override
    public int pick(Candidates candidates, SequenceState state) {
        return candidates.tokenAt(Selection.bestPosition(candidates));
    }
}
