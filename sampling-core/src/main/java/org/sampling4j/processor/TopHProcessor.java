package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;
import org.sampling4j.kernel.FastExp;

/**
 * Top-H: entropy-bounded truncation. Keeps the most probable tokens, in order, while the entropy they
 * contribute stays within {@code topH} times the entropy of the distribution.
 *
 * <p><b>Formula.</b> Take the {@code n = min(100, size)} best candidates, sorted by descending logit
 * (ties to the lower id), and their distribution renormalised among themselves,
 * {@code p_i = exp((x_i - x_max) / T) / W}. With the entropy terms {@code h_i = -p_i ln p_i} and
 * {@code H = h_1 + ... + h_n}, keep token {@code (j)} iff {@code h_1 + ... + h_j <= topH * H}; the
 * best token is always kept. The terms are non-negative, so the kept tokens are a prefix. Tokens
 * outside the best 100 are always removed (so {@code topH = 1} still truncates to 100), and so are
 * tokens whose weight is 0 ({@code -Inf}, or underflow), as HF's NaN terms are.
 * <p><b>Parameters.</b> {@link #TOP_H topH} in [0, 1], 0 disables (no step is added; HF leaves
 * {@code top_h} unset, and its mapping refuses 0 with HF's range (0, 1]).
 * <p><b>Reference.</b> HF transformers 5.x {@code TopHLogitsWarper} (Potraghloo et al., "Top-H
 * Decoding: Adapting the Creativity and Coherence with Bounded Entropy in Text Generation",
 * NeurIPS 2025, arXiv 2509.02510): its {@code top_n = 100}, its renormalisation over those 100 and its
 * stopping rule {@code cumulative_entropy <= tau}. Differs: HF sums in float32 and takes {@code tau}
 * from {@code Categorical.entropy()}, a sum in another order than its {@code cumsum}, so at
 * {@code topH = 1} it may drop trailing tokens by rounding; here the terms are summed in double in
 * one order, {@code H} being exactly the last cumulative sum, so {@code topH = 1} keeps all 100.
 * Ties at the 100th logit go to the lower id ({@code torch.topk} leaves them unspecified).
 * <p><b>Cost per call.</b> dense: one streaming top-100 pass over V (SIMD scan, heap work on hits)
 * and a sort of 100; then two passes over at most 100 candidates. No allocation.
 * <p><b>Example.</b> probabilities [0.5, 0.25, 0.125, 0.125]: terms [0.347, 0.347, 0.260, 0.260],
 * H = 1.213; topH 0.5 (tau 0.607) keeps one token, topH 0.6 (tau 0.728) keeps two.
 *
 * @see TypicalProcessor  the other entropy-based truncation
 */
public final class TopHProcessor implements LogitsProcessor {
    /** The entropy share the kept tokens may contribute (HF top_h). */
    public static final Setting TOP_H = Setting.closed("topH", 0, 1).byDefault(0).offAt(0)
            .note("0 disables top-h (HF: top_h unset)");
    /** HF's {@code top_n}: only the best this many candidates are considered. */
    public static final int TOP_N = 100;

    private final double topH;

    /** Whether a chain built from params needs this step: topH above 0. */
    public static boolean enabledBy(double topH) {
        return !TOP_H.isOff(topH);
    }

    /** @param topH in [0, 1] ({@link #TOP_H}); 0 leaves the candidates unchanged */
    public TopHProcessor(double topH) {
        this.topH = TOP_H.check(topH);
    }

    @Override
    public String name() {
        return "top-h";
    }

    @Override
    public String parameters() {
        return Canonical.of(topH);
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (!enabledBy(topH)) {
            return;
        }
        c.materialize();
        Selection.keepBest(c, TOP_N);
        c.sortDescending();
        int n = c.size();
        if (n == 0 || c.values()[0] == Float.NEGATIVE_INFINITY) {
            return;
        }
        c.setSparse(kept(c.values(), n, c.inverseTemperature(), topH), true);
    }

    /**
     * How many of the sorted values {@code x[0, n)} (best first, {@code x[0]} finite) top-H keeps
     * at inverse temperature {@code scale}: the longest prefix of positive weight whose entropy terms
     * sum to at most {@code topH * H}, and at least 1.
     */
    static int kept(float[] x, int n, float scale, double topH) {
        float max = x[0];
        double total = 0;
        int positive = 0;
        while (positive < n && FastExp.weight(x[positive], max, scale) > 0) {
            total += FastExp.weight(x[positive], max, scale);
            positive++;
        }
        double logTotal = Math.log(total);
        double entropy = 0;
        for (int i = 0; i < positive; i++) {
            entropy += term(x[i], max, scale, total, logTotal);
        }
        double tau = topH * entropy;
        double cumulative = 0;
        int kept = 0;
        while (kept < positive) {
            cumulative += term(x[kept], max, scale, total, logTotal);
            if (!(cumulative <= tau)) {
                break;
            }
            kept++;
        }
        return Math.max(kept, 1);
    }

    /** {@code -p ln p} for {@code p = w / W}, {@code ln p = t - ln W}, {@code t = (x - max) * scale}. */
    private static double term(float v, float max, float scale, double total, double logTotal) {
        float w = FastExp.weight(v, max, scale);
        return (w / total) * (logTotal - (double) ((v - max) * scale));
    }
}
