package org.sampling4j.chain;

/**
 * A processor that only removes tokens, by a mask it computes each step (a grammar). First in a
 * chain, {@link Chain} fuses it into loading the row: one pass copies, masks, validates and finds
 * the maximum, where a plain processor would cost a copy and then a masking pass.
 */
public interface MaskingProcessor extends LogitsProcessor {

    /**
     * Computes this step's mask into a buffer of {@code candidates.scratch()} (typically
     * {@link Scratch#maskWords()}) and returns it: bit {@code j % 32} of word {@code j / 32}, 1 = keep.
     * Called before the row is loaded, so it must read nothing of the candidates but their scratch.
     */
    int[] fillMask(Candidates candidates, SequenceView state);

    /** Removes the tokens the mask does not keep. */
    @Override
    default void apply(Candidates candidates, SequenceView state) {
        candidates.applyMask(fillMask(candidates, state));
    }
}
