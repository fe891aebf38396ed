package org.sampling4j;

import org.sampling4j.internal.Range;

/**
 * What one step produced, beyond the token: its log-probabilities and the shape of the processed
 * distribution. A reusable, mutable holder: {@link Sampler#sample(float[], SequenceState, Workspace,
 * SampleResult)} overwrites it, so the hot path allocates nothing.
 *
 * <p>{@link #logprob()} is the log-softmax of the processed logits (after every processor and the
 * temperature) at the chosen token; {@link #rawLogprob()} is the log-softmax of the caller's raw
 * logits there; {@link #logit()} and {@link #rawLogit()} are the logits themselves. The top-N list
 * is what the sampler's {@link LogprobsMode} names (default: processed logprobs), most probable
 * first, ties to the lower id; N is {@code min(SamplingParams.topLogprobs(), candidates, capacity)},
 * the candidates being the kept ones in processed modes and the finite raw logits in raw modes.
 */
public final class SampleResult {
    /** Default capacity of the top-N lists: OpenAI's and vLLM's default maximum. */
    public static final int DEFAULT_CAPACITY = 20;

    private int token = -1;
    private double logprob;
    private double rawLogprob;
    private double logit;
    private double rawLogit;
    private LogprobsMode mode = LogprobsMode.PROCESSED_LOGPROBS;
    private int keptCount;
    private StopReason stopReason = StopReason.NONE;
    private int topCount;
    private final int[] topTokens;
    private final double[] topValues;

    /** A holder that can report up to 20 top logprobs. */
    public SampleResult() {
        this(DEFAULT_CAPACITY);
    }

    /** A holder that can report up to {@code capacity} top logprobs. */
    public SampleResult(int capacity) {
        Range.atLeast(0).check("capacity", capacity);
        topTokens = new int[capacity];
        topValues = new double[capacity];
    }

    void set(int chosen, double processedLogprob, double raw, int kept, double processedLogit, double rawX,
             LogprobsMode listMode) {
        this.token = chosen;
        this.logprob = processedLogprob;
        this.rawLogprob = raw;
        this.keptCount = kept;
        this.logit = processedLogit;
        this.rawLogit = rawX;
        this.mode = listMode;
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

    double[] topValuesArray() {
        return topValues;
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

    /** The chosen token's processed logit, {@code x / T} after every processor. */
    public double logit() {
        return logit;
    }

    /** The chosen token's raw logit, as the caller passed it. */
    public double rawLogit() {
        return rawLogit;
    }

    /** What the top-N list holds. */
    public LogprobsMode logprobsMode() {
        return mode;
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

    /**
     * The value of {@link #topToken(int)} in the {@link #logprobsMode()}: a processed or raw
     * log-probability, or a processed or raw logit.
     */
    public double topValue(int i) {
        checkTopIndex(i);
        return topValues[i];
    }

    private void checkTopIndex(int i) {
        if (i < 0 || i >= topCount) {
            throw new IndexOutOfBoundsException("top index " + i + " is outside [0, " + topCount + ")");
        }
    }

    @Override
    public String toString() {
        return "SampleResult{token=" + token + ", logprob=" + logprob + ", rawLogprob=" + rawLogprob
                + ", logit=" + logit + ", rawLogit=" + rawLogit + ", mode=" + mode + ", kept=" + keptCount + ", top=" + topCount + ", stop=" + stopReason + "}";
    }
}
