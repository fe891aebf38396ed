package org.sampling4j.processor;

import org.sampling4j.chain.BestKCut;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;

/**
 * Keeps the k tokens with the largest logits.
 *
 * <p><b>Formula.</b> keep i iff fewer than k tokens rank above it, ranking by descending logit
 * then ascending token id; exactly {@code min(k, size)} tokens survive. Temperature does not
 * change the ranking, so it needs no probabilities.
 * <p><b>Parameters.</b> {@link #TOP_K topK} any int; {@code k <= 0} or {@code k >= size} keeps everything
 * (no step is added for {@code k <= 0} or {@code k >= V}).
 * <p><b>Reference.</b> HF TopKLogitsWarper, vLLM, llama.cpp. Differs: HF and vLLM keep every token
 * tied with the k-th logit (so may keep more than k); this keeps exactly k, ties to the lower id.
 * <p><b>Cost per call.</b> one streaming pass with a k-entry heap (heap work only on values above
 * the current k-th best), then a sort of k entries; the survivors stay sorted for later steps.
 * First in a chain, or after the penalties only, that pass is the row's load itself (no copy, no
 * separate max pass; {@link BestKCut}).
 * <p><b>Example.</b> logits [1, 3, 3, 2], k = 2: tokens 1 and 2 survive; k = 1: token 1.
 *
 * @see TopPProcessor  the mass-based alternative
 */
public final class TopKProcessor implements BestKCut {
    /** k, the number of tokens to keep. */
    public static final Setting TOP_K = Setting.anyInt("topK").byDefault(0).offAtMost(0)
            .note("<= 0 or >= the vocabulary size keeps every token");

    private final int topK;

    /** Whether a chain built from params needs this step: k in [1, vocabSize); otherwise it would change nothing. */
    public static boolean enabledBy(int k, int vocabSize) {
        return !TOP_K.isOff(k) && k < vocabSize;
    }

    /** @param topK the number of tokens to keep; {@code <= 0} keeps all ({@link #TOP_K}) */
    public TopKProcessor(int topK) {
        this.topK = TOP_K.check(topK);
    }

    /** k. */
    public int topK() {
        return topK;
    }

    /** k, for the chain's fused load (which it uses only when {@code k >= 1}). */
    @Override
    public int k() {
        return topK;
    }

    @Override
    public String parameters() {
        return Canonical.of(topK);
    }

    @Override
    public String name() {
        return "top-k";
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    @Override
    public void apply(Candidates candidates, SequenceView state) {
        if (topK > 0) {
            Selection.keepBest(candidates, topK);
        }
    }
}
