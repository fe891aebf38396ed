package org.sampling4j.chain;

/**
 * A truncation to the k best candidates (top-k: largest values, ties to the lower id). First in a
 * chain, or after steps that {@link LogitsProcessor#fusesBeforeTopK() can run on the history's
 * tokens and the k best others} (penalties, temperature), {@link Chain} fuses it into loading the row: one streaming pass over the
 * caller's row validates it and selects the k best, with no copy of the row and no separate max
 * pass (see {@link Selection#loadBest}).
 */
public interface BestKCut extends LogitsProcessor {

    /** k, at least 1: the number of candidates kept. */
    int k();
}
