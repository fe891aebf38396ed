package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;
import org.sampling4j.kernel.Envelope;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.random.Uniforms;

/**
 * XTC, "exclude top choices": with probability {@code probability}, removes every token whose
 * probability is at least {@code threshold} except the least probable of them, so that the model
 * says something other than its most obvious continuation while staying among viable ones.
 *
 * <p><b>Formula.</b> coin {@code u = uniform(seed, step, draw 0, stream XTC)}; if
 * {@code u < probability} and at least two tokens have {@code p_i >= threshold} (p the softmax of
 * the set at the pending temperature), remove all of them but the last in ranking order
 * (descending logit, ties to the lower id first), unless fewer than {@code minKeep} tokens would
 * remain. The coin has its own Philox stream, so XTC never shifts the picker's uniforms.
 * <p><b>Parameters.</b> {@link #XTC_PROBABILITY probability} in [0, 1], 0 disables; {@link #XTC_THRESHOLD
 * threshold} in [0, 1], above 0.5 disables (at most one token can qualify, so XTC never removes one;
 * llama.cpp treats it as disabled too). No step is added when either disables it ({@link #enabledBy},
 * the one gate), and the processor then changes nothing; {@code minKeep >= 1}.
 * <p><b>Reference.</b> llama.cpp {@code llama_sampler_init_xtc} (after kalomaze / p-e-w's
 * text-generation-webui PR 6335). Differs: the coin comes from the counter-based stream (llama.cpp:
 * its own mt19937), and probabilities are compared in double.
 * <p><b>Cost per call.</b> when the coin says no: nothing. Otherwise one SIMD envelope pass (half an
 * exp-sum pass; the exact sum only when a token's probability is within 0.4 % of the threshold), one SIMD
 * compaction of the qualifying tokens (few: p >= threshold), one SIMD count of the finite ones only
 * when minKeep is above 1, and a copy of the row if it was borrowed; no allocation.
 * <p><b>Example.</b> p = [0.5, 0.3, 0.15, 0.05], threshold 0.1, coin heads: tokens 0 and 1 are
 * removed, token 2 (the least probable above 0.1) stays with token 3.
 */
public final class XtcProcessor implements LogitsProcessor {
    /** The chance that XTC acts at a step. */
    public static final Setting XTC_PROBABILITY = Setting.closed("xtcProbability", 0, 1).byDefault(0).offAt(0)
            .note("0 disables XTC");
    /** The probability a token needs to count as a top choice; llama.cpp's default 0.1. */
    public static final Setting XTC_THRESHOLD = Setting.closed("xtcThreshold", 0, 1).byDefault(0.1).offAbove(0.5)
            .note("above 0.5 XTC never removes a token, so the step is not added");

    private final double probability;
    private final double threshold;
    private final int minKeep;

    /**
     * Whether a chain built from params needs this step: a positive probability and a threshold of
     * at most 0.5 (above it at most one token can qualify); otherwise it would change nothing.
     */
    public static boolean enabledBy(double probability, double threshold) {
        return !XTC_PROBABILITY.isOff(probability) && !XTC_THRESHOLD.isOff(threshold);
    }

    /**
     * @param probability in [0, 1] ({@link #XTC_PROBABILITY}); @param threshold in [0, 1]
     * ({@link #XTC_THRESHOLD}); @param minKeep {@code >= 1} ({@link TopPProcessor#MIN_KEEP})
     */
    public XtcProcessor(double probability, double threshold, int minKeep) {
        this.probability = XTC_PROBABILITY.check(probability);
        this.threshold = XTC_THRESHOLD.check(threshold);
        this.minKeep = TopPProcessor.MIN_KEEP.check(minKeep);
    }

    @Override
    public String name() {
        return "xtc";
    }

    @Override
    public String parameters() {
        return Canonical.of(probability, threshold, minKeep);
    }

    @Override
    public boolean preservesRanking() {
        return false; // it removes the top of the ranking
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (!enabledBy(probability, threshold)) {
            return;
        }
        double u = Uniforms.uniform(state.seed(), state.step(), 0, Uniforms.STREAM_XTC, c.scratch().philoxBlock());
        if (!(u < probability)) {
            return;
        }
        float max = c.max();
        if (max == Float.NEGATIVE_INFINITY) {
            return;
        }
        float scale = c.inverseTemperature();
        float[] values = c.currentValues();
        int n = c.size();
        int[] hitPositions = c.nextIds();
        float[] hitValues = c.nextValues();
        int qualifying = qualifying(c, values, n, max, scale, hitPositions, hitValues);
        if (qualifying < 2 || minKeep > 1 && finite(c, values, n) - (qualifying - 1) < minKeep) {
            return;
        }
        int last = 0; // the least probable qualifying token: lowest value, then highest id
        for (int h = 1; h < qualifying; h++) {
            float x = hitValues[h];
            if (x < hitValues[last] || x == hitValues[last] && c.tokenAt(hitPositions[h]) > c.tokenAt(hitPositions[last])) {
                last = h;
            }
        }
        float[] target = c.isDense() ? c.writableDenseValues() : values;
        for (int h = 0; h < qualifying; h++) {
            if (h != last) {
                target[hitPositions[h]] = Float.NEGATIVE_INFINITY;
            }
        }
        if (!c.isDense()) {
            c.markUnsorted();
        }
    }

    /**
     * The qualifying tokens (p >= threshold, so at most 1 / threshold of them unless threshold is
     * 0) into the hit arrays, in candidate order, from one SIMD compaction; only they are visited one
     * by one. {@code p_i >= threshold <=> (x_i - max) / T >= ln(threshold W)}. W comes first from the
     * envelope pass ({@link Envelope}: within 0.4 %, half the cost of the exact sum), whose bounds
     * give a cut below and one above the exact one; the compaction keeps what is above the lower.
     * Only when one of those lies below the upper cut is W summed exactly, and the hits filtered at
     * the exact cut: the same tokens as an exact sum every time, which a threshold within 0.4 % of
     * a token's probability needs.
     */
    private int qualifying(Candidates c, float[] values, int n, float max, float scale, int[] hitPositions,
                           float[] hitValues) {
        if (threshold == 0.0) {
            return c.kernels().compactAtLeast(values, n, -Float.MAX_VALUE, hitPositions, hitValues); // every finite token
        }
        Kernels k = c.kernels();
        double envelope = k.envelopeBlocks(values, 0, n, max, scale, Float.NEGATIVE_INFINITY, Integer.MAX_VALUE,
                c.scratch().envelopeBlockSums());
        float below = cut(c, max, Envelope.lowerTotal(envelope));
        float above = cut(c, max, Envelope.upperTotal(envelope));
        int hits = k.compactAtLeast(values, n, below, hitPositions, hitValues);
        boolean undecided = false;
        for (int h = 0; h < hits && !undecided; h++) {
            undecided = hitValues[h] < above;
        }
        if (!undecided) {
            return hits;
        }
        float cut = cut(c, max, k.expSum(values, 0, n, max, scale));
        int kept = 0;
        for (int h = 0; h < hits; h++) {
            if (hitValues[h] >= cut) {
                hitPositions[kept] = hitPositions[h];
                hitValues[kept] = hitValues[h];
                kept++;
            }
        }
        return kept;
    }

    /** The smallest float x with {@code (x - max) / T >= ln(threshold * total)}, for a total W. */
    private float cut(Candidates c, float max, double total) {
        return Selection.smallestFloatAtLeast(max + c.temperature() * StrictMath.log(threshold * total));
    }

    /**
     * The finite candidates, counted only for a minKeep above 1: the qualifying tokens are finite
     * (the cut is at least {@code -Float.MAX_VALUE}), so with minKeep 1 at least the kept one remains
     * and this second pass over the row would decide nothing.
     */
    private static int finite(Candidates c, float[] values, int n) {
        return c.kernels().countAtLeast(values, 0, n, -Float.MAX_VALUE);
    }
}
