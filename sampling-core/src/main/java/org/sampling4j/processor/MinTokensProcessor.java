package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.internal.Canonical;
import org.sampling4j.internal.Range;

/**
 * Prevents the sequence from ending too early: bans the stop / end-of-sequence tokens until
 * {@code minTokens} tokens have been generated.
 *
 * <p><b>Formula.</b> if {@code generated < minTokens}: {@code x_j = -Inf} for each stop token j.
 * <p><b>Parameters.</b> {@code minTokens >= 0} (0 disables: no step is added); stop token ids in [0, V).
 * <p><b>Reference.</b> HF MinNewTokensLengthLogitsProcessor, vLLM {@code min_tokens} (which also
 * masks {@code stop_token_ids}).
 * <p><b>Cost per call.</b> O(stop tokens) dense, O(candidates * log stop tokens) sparse; nothing
 * once {@code minTokens} tokens exist.
 * <p><b>Example.</b> minTokens 2, EOS = 0: at steps 0 and 1 token 0 cannot be drawn; from step 2 it can.
 */
public final class MinTokensProcessor implements LogitsProcessor {
    static final Range RANGE = Range.atLeast(0).withNote("0 disables min-tokens");

    private final int minTokens;
    private final TokenMaskProcessor ban;

    /** @param minTokens {@code >= 0}; @param stopTokenIds the ids to ban until then */
    /** Whether a chain built from params needs this step: a positive minTokens with stop tokens to hold back; otherwise it would change nothing. */
    public static boolean enabledBy(int minTokens, int[] stopTokenIds) {
        return minTokens > 0 && stopTokenIds != null && stopTokenIds.length > 0;
    }

    public MinTokensProcessor(int minTokens, int... stopTokenIds) {
        this.minTokens = RANGE.check("minTokens", minTokens);
        this.ban = TokenMaskProcessor.ban("stopTokenIds", stopTokenIds);
    }

    @Override
    public String parameters() {
        return Canonical.of(minTokens, ban.parameters());
    }

    @Override
    public String name() {
        return "min-tokens";
    }

    @Override
    public void checkVocabulary(int vocabSize) {
        ban.checkVocabulary(vocabSize);
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (state.generatedLength() < minTokens) {
            ban.apply(c, state);
        }
    }
}
