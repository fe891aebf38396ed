package org.sampling4j.generate;

import org.sampling4j.SampleResult;

/** Receives each generated token as soon as it is sampled (streaming). */
@FunctionalInterface
public interface TokenListener {
    /**
     * Called once per token, before the next forward pass; {@code result} is reused and valid only
     * during the call. Return {@code false} to cancel the generation.
     */
    boolean onToken(int token, SampleResult result);
}
