package org.sampling4j;

/**
 * What the top-N lists of a {@link SampleResult} report, as vLLM's {@code logprobs_mode}: the raw
 * row (the model's logits, before any processor) or the processed one (after every processor and
 * the temperature, the distribution the token was drawn from), as log-probabilities or as logits.
 * The chosen token's four values are always in the result ({@link SampleResult#logprob()},
 * {@link SampleResult#rawLogprob()}, {@link SampleResult#logit()}, {@link SampleResult#rawLogit()});
 * the mode picks the list.
 *
 * <p>Raw modes rank the whole vocabulary by raw logit; processed modes rank the kept candidates by
 * processed logit (a removed token never appears). Ties go to the lower id in both.
 */
public enum LogprobsMode {
    /** Log-softmax of the raw logits (vLLM's default {@code raw_logprobs}). */
    RAW_LOGPROBS("raw_logprobs"),
    /** The raw logits themselves ({@code raw_logits}). */
    RAW_LOGITS("raw_logits"),
    /** Log-softmax of the processed logits ({@code processed_logprobs}); Sampling4J's default. */
    PROCESSED_LOGPROBS("processed_logprobs"),
    /** The processed logits: {@code x / T} after every processor ({@code processed_logits}). */
    PROCESSED_LOGITS("processed_logits");

    private final String vllmName;

    LogprobsMode(String vllmName) {
        this.vllmName = vllmName;
    }

    /** vLLM's spelling, e.g. {@code "raw_logprobs"}. */
    public String vllmName() {
        return vllmName;
    }

    /** Whether the list ranks the raw row (else the processed candidates). */
    public boolean raw() {
        return this == RAW_LOGPROBS || this == RAW_LOGITS;
    }

    /** Whether the list holds log-probabilities (else logits). */
    public boolean logprobs() {
        return this == RAW_LOGPROBS || this == PROCESSED_LOGPROBS;
    }

    /**
     * The mode with vLLM's name {@code name}.
     *
     * @throws IllegalArgumentException naming the value and the four allowed names
     */
    public static LogprobsMode fromVllmName(String name) {
        for (LogprobsMode m : values()) {
            if (m.vllmName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("logprobs_mode = " + name
                + " is not one of raw_logprobs, raw_logits, processed_logprobs, processed_logits");
    }
}
