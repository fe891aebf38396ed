package org.sampling4j;

import org.sampling4j.internal.Range;

/**
 * What one step produced, beyond the token: its log-probabilities and the shape of the processed
 * distribution. A reusable, mutable holder: {@link Sampler#sample(float[], SequenceState, Workspace,
 * SampleResult)} overwrites it, so the hot path allocates nothing.
 *
 * <p>{@link #logprob()} is the log-softmax of the processed logits (after every processor and the
 * temperature) at the chosen token; {@link #rawLogprob()} is the log-softmax of the caller's raw
 * logits there. The top-N lists are from the processed distribution, most probable first, ties to
 * the lower id; N is {@code min(SamplingParams.topLogprobs(), kept candidates, capacity)}.
 */
public final class SampleResult {
    /** Default capacity of the top-N lists: OpenAI's and vLLM's default maximum. */
    public static final int DEFAULT_CAPACITY = 20;

    private int token = -1;
    private double logprob;
    private double rawLogprob;
    private int keptCount;
    private StopReason stopReason = StopReason.NONE;
    private int topCount;
    private final int[] topTokens;
    private final double[] topLogprobs;

    /** A holder that can report up to 20 top logprobs. */
    public SampleResult() {
        this(DEFAULT_CAPACITY);
    }

    /** A holder that can report up to {@code capacity} top logprobs. */
    public SampleResult(int capacity) {
        Range.atLeast(0).check("capacity", capacity);
        topTokens = new int[capacity];
        topLogprobs = new double[capacity];
    }

    void set(int chosen, double processedLogprob, double raw, int kept) {
        this.token = chosen;
        this.logprob = processedLogprob;
        this.rawLogprob = raw;
        this.keptCount = kept;
    }

    void setStopReason(StopReason reason) {
        this.stopReason = reason;
    }

    void setTop(int count) {
        this.topCount = count;
    }

    int[] topTokensArray() {
        return topTokens;
    }

    double[] topLogprobsArray() {
        return topLogprobs;
    }

    /** The chosen token id. */
    public int token() {
        return token;
    }

    /** Log-probability of the chosen token under the processed distribution (0 for greedy). */
    public double logprob() {
        return logprob;
    }

    /** Log-probability of the chosen token under the raw logits. */
    public double rawLogprob() {
        return rawLogprob;
    }

    /**
     * Whether the sequence should end after this token, by the sampler's {@link StopConditions}:
     * {@link StopReason#NONE} to go on.
     */
    public StopReason stopReason() {
        return stopReason;
    }

    /** Number of candidates with non-zero processed probability. */
    public int keptCount() {
        return keptCount;
    }

    /** Number of entries in the top-N lists. */
    public int topCount() {
        return topCount;
    }

    /** The capacity of the top-N lists. */
    public int capacity() {
        return topTokens.length;
    }

    /** The i-th most probable processed token, i in [0, topCount()). */
    public int topToken(int i) {
        checkTopIndex(i);
        return topTokens[i];
    }

    /** The processed log-probability of {@link #topToken(int)}. */
    public double topLogprob(int i) {
        checkTopIndex(i);
        return topLogprobs[i];
    }

    private void checkTopIndex(int i) {
        if (i < 0 || i >= topCount) {
            throw new IndexOutOfBoundsException("top index " + i + " is outside [0, " + topCount + ")");
        }
    }

    @Override
    public String toString() {
        return "SampleResult{token=" + token + ", logprob=" + logprob + ", rawLogprob=" + rawLogprob
                + ", kept=" + keptCount + ", top=" + topCount + ", stop=" + stopReason + "}";
    }
}
