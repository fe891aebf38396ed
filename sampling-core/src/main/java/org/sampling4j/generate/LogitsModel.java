package org.sampling4j.generate;

import org.sampling4j.SequenceState;

/** A language model as the generation loop sees it: the logits for the next position. */
@FunctionalInterface
public interface LogitsModel {
    /**
     * Writes the logits (length V) for the position after the tokens of {@code sequence}: its
     * prompt then its generated tokens, {@code sequence.token(i)} for i in
     * [0, {@code sequence.length()}).
     */
    void nextLogits(SequenceState sequence, float[] logits);
}
