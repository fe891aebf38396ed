package org.sampling4j.speculative;

import org.sampling4j.chain.Candidates;
import org.sampling4j.kernel.FastExp;

/**
 * The residual distribution of a rejection: {@code r(y) = max(w p(y) - q(y), 0)}, normalised, p the
 * target's processed distribution at this position (the candidates), q the draft's, w a weight in
 * [0, 1] (1 for standard verification; block verification's running acceptance weight).
 *
 * <p><b>Formula.</b> {@code p(y) = exp((x_y - x_max) / T) / W} over the candidates (0 for removed
 * tokens, where r is 0 too, so only candidates are visited); {@code q(y)} from {@link DraftRow}.
 * The mass {@code R = sum_y r(y)} is summed in double in candidate order, and {@link #draw} returns
 * the first candidate whose running sum exceeds {@code u R}. Should rounding leave R = 0 (it is
 * positive in exact arithmetic whenever a draft was rejected), the draw falls back to p itself.
 * <p><b>Cost.</b> dense: two SIMD weight passes over V (target and draft), then one or two scalar
 * passes of arithmetic; sparse: O(candidates) with scalar exponentials.
 */
final class Residual {
    /** Dense sets: per-token weights of the target and of the draft, filled by {@link #prepare}; null when sparse. */
    private float[] target;
    private float[] draft;
    private DraftRow row;
    /** The position {@link #sum} stopped at. */
    private int at;

    /** {@code R = sum_y max(w p(y) - q(y), 0)}; {@code total} is W, the candidates' weight sum. */
    double mass(Candidates c, double total, DraftRow q, double w) {
        prepare(c, q);
        return sum(c, w / total, 1.0 / q.total(), Double.POSITIVE_INFINITY, false);
    }

    /** A token drawn from {@code normalize(max(w p - q, 0))} with the uniform {@code u} in [0, 1). */
    int draw(Candidates c, double total, DraftRow q, double w, double u) {
        prepare(c, q);
        double a = w / total;
        double b = 1.0 / q.total();
        double mass = sum(c, a, b, Double.POSITIVE_INFINITY, false);
        if (!(mass > 0)) {
            // Rounding ate the residual: p itself (its own exact-arithmetic limit when p is close to q).
            b = 0.0;
            mass = sum(c, a, b, Double.POSITIVE_INFINITY, false);
        }
        sum(c, a, b, u * mass, true);
        return c.tokenAt(at);
    }

    /** Forgets the caller's rows. */
    void release() {
        row = null;
    }

    /**
     * Sums {@code max(a pw - b qw, 0)} over the candidates; with {@code walk}, stops at the first
     * position whose running sum exceeds {@code target} and leaves it in {@link #at} (else the
     * last position with a positive residual).
     */
    private double sum(Candidates c, double a, double b, double limit, boolean walk) {
        float[] values = c.currentValues();
        float max = c.max();
        float scale = c.inverseTemperature();
        int n = c.size();
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            float pw;
            float qw;
            if (target != null) {
                pw = target[i];
                qw = draft[i];
            } else {
                if (values[i] == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                pw = FastExp.weight(values[i], max, scale);
                qw = b == 0.0 ? 0f : row.weight(c.tokenAt(i));
            }
            double r = a * pw - b * qw;
            if (r > 0) {
                cumulative += r;
                at = i;
                if (walk && cumulative > limit) {
                    return cumulative;
                }
            }
        }
        return cumulative;
    }

    /**
     * The weights of a dense set, computed once by the SIMD kernels into the workspace's scratch
     * (target: {@code Scratch.tokenWeights}; draft: the set's free second value buffer, which no
     * one reads while a picker runs); a sparse set computes them on the fly.
     */
    private void prepare(Candidates c, DraftRow q) {
        row = q;
        if (!c.isDense()) {
            target = null;
            draft = null;
            return;
        }
        int v = c.vocabSize();
        target = c.scratch().tokenWeights();
        c.kernels().weights(c.denseValues(), 0, v, c.max(), c.inverseTemperature(), target);
        draft = c.nextValues();
        System.arraycopy(q.logits(), q.offset(), draft, 0, v);
        c.kernels().weights(draft, 0, v, q.max(), 1f, draft);
    }
}
