package org.sampling4j.speculative;

import java.util.Arrays;
import org.sampling4j.SampleResult;
import org.sampling4j.StopReason;
import org.sampling4j.internal.Range;

/**
 * What one verification emitted: the accepted drafts followed by the token the target drew after
 * them (a correction at the first rejection, or the bonus token when every draft was kept), the
 * number of drafts kept, and why the sequence should stop, if it should. With logprobs, one
 * {@link SampleResult} per emitted token, equal to what plain sampling reports for that token at
 * that position.
 *
 * <p>A reusable, mutable holder for up to {@link #maxDrafts()} drafts: each verification
 * overwrites it, so the hot path allocates nothing. It also carries the verifier's per-call
 * scratch, so use one per thread (one per sequence in flight is simplest). Not thread-safe.
 */
public final class Verification {
    private final int[] tokens;
    private final SampleResult[] results;
    private int count;
    private int accepted;
    private StopReason stopReason = StopReason.NONE;

    // Scratch of the verifier: the pick at one position, and block verification's weights and h.
    final TargetStep step = new TargetStep();
    final double[] weights;
    final double[] h;
    final boolean[] stops;
    final int[] philox = new int[4];

    /** A holder for up to {@code maxDrafts} drafts, without logprobs. */
    public Verification(int maxDrafts) {
        this(maxDrafts, -1);
    }

    /**
     * A holder for up to {@code maxDrafts} drafts whose emitted tokens each get a
     * {@link SampleResult} with room for {@code topLogprobs} top logprobs ({@code -1}: no results).
     *
     * @throws IllegalArgumentException unless {@code maxDrafts >= 0} and {@code topLogprobs >= -1}
     */
    public Verification(int maxDrafts, int topLogprobs) {
        Range.closed(0, 1 << 20).check("maxDrafts", maxDrafts);
        Range.atLeast(-1).withNote("-1 means no logprobs").check("topLogprobs", topLogprobs);
        tokens = new int[maxDrafts + 1];
        results = topLogprobs < 0 ? null : new SampleResult[maxDrafts + 1];
        if (results != null) {
            for (int i = 0; i < results.length; i++) {
                results[i] = new SampleResult(topLogprobs);
            }
        }
        weights = new double[maxDrafts + 1];
        h = new double[maxDrafts + 1];
        stops = new boolean[maxDrafts + 1];
    }

    /** The most drafts one verification into this holder may carry. */
    public int maxDrafts() {
        return tokens.length - 1;
    }

    /** Number of emitted tokens, in [1, K + 1]: fewer than accepted + 1 only when a stop condition hit. */
    public int count() {
        return count;
    }

    /** The i-th emitted token, i in [0, count()). */
    public int token(int i) {
        checkIndex(i);
        return tokens[i];
    }

    /** A copy of the emitted tokens. */
    public int[] tokens() {
        return Arrays.copyOf(tokens, count);
    }

    /** Number of drafts kept, in [0, K]: the emitted tokens before the target's own draw. */
    public int acceptedDrafts() {
        return accepted;
    }

    /** Why the sequence should end after the last emitted token, or {@link StopReason#NONE}. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** Whether this holder records logprobs. */
    public boolean hasResults() {
        return results != null;
    }

    /**
     * The logprobs of the i-th emitted token, i in [0, count()).
     *
     * @throws IllegalStateException when the holder was made without logprobs
     */
    public SampleResult result(int i) {
        checkIndex(i);
        if (results == null) {
            throw new IllegalStateException("this Verification records no logprobs: make it with new Verification(maxDrafts, topLogprobs)");
        }
        return results[i];
    }

    SampleResult resultHolder(int i) {
        return results == null ? null : results[i];
    }

    void clear() {
        count = 0;
        accepted = 0;
        stopReason = StopReason.NONE;
    }

    void emit(int token) {
        tokens[count++] = token;
    }

    void finish(int acceptedDrafts, StopReason reason) {
        accepted = acceptedDrafts;
        stopReason = reason;
        step.release();
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("emitted token " + i + " is outside [0, " + count + ")");
        }
    }

    @Override
    public String toString() {
        return "Verification{tokens=" + Arrays.toString(tokens()) + ", accepted=" + accepted + ", stop=" + stopReason + "}";
    }
}
