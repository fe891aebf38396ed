package org.sampling4j;

/** Why a sequence ended after a step, or {@link #NONE} when it goes on. */
public enum StopReason {
    /** No stop condition holds: generate the next token. */
    NONE,
    /** The token is one of the stop token ids (an end-of-sequence token, say); OpenAI's {@code "stop"}. */
    STOP_TOKEN,
    /** The generated tokens end with one of the stop token sequences; OpenAI's {@code "stop"}. */
    STOP_SEQUENCE,
    /**
     * The decoded text reached one of the stop strings (only a text-aware loop such as
     * {@code Generator} with a vocabulary reports this); OpenAI's {@code "stop"}.
     */
    STOP_STRING,
    /** The sequence has generated max-tokens tokens; OpenAI's {@code "length"}. */
    MAX_TOKENS,
    /** The caller cancelled the generation (only a {@code Generator} reports this). */
    CANCELLED
}
