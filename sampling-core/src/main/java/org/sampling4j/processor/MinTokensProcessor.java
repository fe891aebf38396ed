package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;

/**
 * Prevents the sequence from ending too early: bans the stop / end-of-sequence tokens until
 * {@code minTokens} tokens have been generated.
 *
 * <p><b>Formula.</b> if {@code generated < minTokens}: {@code x_j = -Inf} for each stop token j.
 * <p><b>Parameters.</b> {@link #MIN_TOKENS minTokens} {@code >= 0} (0 disables: no step is added); stop token ids in [0, V).
 * <p><b>Reference.</b> HF MinNewTokensLengthLogitsProcessor, vLLM {@code min_tokens} (which also
 * masks {@code stop_token_ids}).
 * <p><b>Cost per call.</b> O(stop tokens) dense, O(candidates * log stop tokens) sparse; nothing
 * once {@code minTokens} tokens exist.
 * <p><b>Example.</b> minTokens 2, EOS = 0: at steps 0 and 1 token 0 cannot be drawn; from step 2 it can.
 */
public final class MinTokensProcessor implements LogitsProcessor {
    /** How many tokens must be generated before a stop token may be drawn. */
    public static final Setting MIN_TOKENS = Setting.atLeast("minTokens", 0).integer().byDefault(0).offAt(0)
            .note("0 disables min-tokens");

    private final int minTokens;
    private final TokenMaskProcessor ban;

    /** Whether a chain built from params needs this step: a positive minTokens with stop tokens to hold back; otherwise it would change nothing. */
    public static boolean enabledBy(int minTokens, int[] stopTokenIds) {
        return !MIN_TOKENS.isOff(minTokens) && stopTokenIds != null && stopTokenIds.length > 0;
    }

    /** @param minTokens {@code >= 0} ({@link #MIN_TOKENS}); @param stopTokenIds the ids to ban until then */
    public MinTokensProcessor(int minTokens, int... stopTokenIds) {
        this.minTokens = MIN_TOKENS.check(minTokens);
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
