package org.sampling4j.speculative;

import org.sampling4j.kernel.FastExp;
import org.sampling4j.kernel.Kernels;

/**
 * The draft distribution q of one position: the softmax of a draft logits row exactly as the
 * caller gave it (the draft's own processing is the caller's business), read in place.
 *
 * <p><b>Formula.</b> {@code q(y) = exp(d_y - d_max) / sum_z exp(d_z - d_max)}, each weight the
 * kernels' deterministic float exponential and the sum the kernels' canonical double sum, so q is
 * the same bits on every JVM and kernels twin. {@code -Inf} logits are legal (q = 0 there).
 * <p><b>Cost.</b> one max pass and one exp-sum pass over V when loaded; O(1) per probability.
 * With the caller's log-probabilities the verifier loads a row only at the first rejection.
 */
final class DraftRow {
    private float[] logits;
    private int offset;
    private float max;
    private double total;

    /**
     * Reads row {@code row} of the drafts at {@code logits[offset, offset + vocab)}.
     *
     * @throws IllegalArgumentException on a NaN or +Inf logit, or a row without a finite logit
     */
    void load(float[] values, int from, int vocab, int row, Kernels kernels) {
        float m = kernels.max(values, from, from + vocab);
        double sum = m > Float.NEGATIVE_INFINITY && m < Float.POSITIVE_INFINITY
                ? kernels.expSum(values, from, from + vocab, m, 1f) : Double.NaN;
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw badRow(values, from, vocab, row);
        }
        logits = values;
        offset = from;
        max = m;
        total = sum;
    }

    /** q(token), token in [0, V). */
    double probability(int token) {
        return weight(token) / total;
    }

    /**
     * {@code log q(token)} as the verifier compares it: the natural log of {@link #probability}
     * (StrictMath, so the same bits on every JVM), rounded to float, the type in which callers of
     * the log-probability entry point pass theirs. -Inf when q(token) = 0.
     */
    float logProbability(int token) {
        return (float) StrictMath.log(probability(token));
    }

    /** The unnormalised weight {@code exp(d_token - d_max)}, in [0, 1]. */
    float weight(int token) {
        return FastExp.weight(logits[offset + token], max, 1f);
    }

    /** The normaliser of {@link #weight}. */
    double total() {
        return total;
    }

    float[] logits() {
        return logits;
    }

    int offset() {
        return offset;
    }

    float max() {
        return max;
    }

    /** Forgets the caller's row. */
    void release() {
        logits = null;
    }

    private static IllegalArgumentException badRow(float[] values, int from, int vocab, int row) {
        for (int i = 0; i < vocab; i++) {
            float x = values[from + i];
            if (Float.isNaN(x) || x == Float.POSITIVE_INFINITY) {
                return new IllegalArgumentException("draftLogits row " + row + ", token " + i + " = " + x
                        + " is not allowed: draft logits must be finite or -Inf");
            }
        }
        return new IllegalArgumentException("draftLogits row " + row
                + " has no finite logit: every token is -Inf, so q is undefined");
    }
}
