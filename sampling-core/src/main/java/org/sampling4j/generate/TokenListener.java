package org.sampling4j.generate;

import org.sampling4j.SampleResult;

/** Receives each generated token as soon as it is sampled, and its text (streaming). */
@FunctionalInterface
public interface TokenListener {
    /**
     * Called once per token, before the next forward pass; {@code result} is reused and valid only
     * during the call. Return {@code false} to cancel the generation.
     */
    boolean onToken(int token, SampleResult result);

    /**
     * The text released since the last call, when the generator decodes (a {@code Generator} made
     * with a vocabulary): after {@link #onToken} whenever there is new text, and once more at the
     * end for text that was held back (a possible stop-string prefix, an incomplete character).
     * The deltas concatenate to {@link Generation#text()}. Valid only during the call.
     */
    default void onText(CharSequence delta) {
    }
}
