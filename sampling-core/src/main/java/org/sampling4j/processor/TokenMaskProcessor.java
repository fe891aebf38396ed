package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.internal.Canonical;

/**
 * Restricts sampling to a set of allowed tokens, or removes a set of banned ones.
 *
 * <p><b>Formula.</b> allow-only: {@code x_j = -Inf} for every j not in the set; ban:
 * {@code x_j = -Inf} for every j in the set.
 * <p><b>Parameters.</b> token ids in [0, V); duplicates are ignored. An empty allowed set masks
 * everything, which the sampler reports as an error.
 * <p><b>Reference.</b> vLLM {@code allowed_token_ids} and {@code bad_words} of one token; HF
 * {@code suppress_tokens}; llama.cpp logit bias of {@code -Inf}.
 * <p><b>Cost per call.</b> allow-only on a dense set: O(allowed) (the set becomes sparse at once,
 * without a pass over V); ban: O(banned) dense; O(candidates * log set) sparse.
 * <p><b>Example.</b> logits [1, 2, 3], allow {0, 2}: tokens 0 and 2 remain; ban {2}: tokens 0, 1.
 */
public final class TokenMaskProcessor implements LogitsProcessor {
    private final int[] ids;
    private final boolean allow;
    private final String field;

    private TokenMaskProcessor(String field, int[] ids, boolean allow) {
        this.field = field;
        this.ids = TokenIds.sortedUnique(field, ids);
        this.allow = allow;
    }

    /** Keeps only {@code allowedTokenIds}. */
    public static TokenMaskProcessor allowOnly(int... allowedTokenIds) {
        return new TokenMaskProcessor("allowedTokenIds", allowedTokenIds, true);
    }

    /** Removes {@code bannedTokenIds}. */
    public static TokenMaskProcessor ban(int... bannedTokenIds) {
        return new TokenMaskProcessor("bannedTokenIds", bannedTokenIds, false);
    }

    static TokenMaskProcessor ban(String field, int[] bannedTokenIds) {
        return new TokenMaskProcessor(field, bannedTokenIds, false);
    }

    @Override
    public String parameters() {
        return Canonical.of(allow, ids);
    }

    @Override
    public String name() {
        return allow ? "allowed-tokens" : "banned-tokens";
    }

    @Override
    public boolean writesLogits() {
        return !allow;
    }

    @Override
    public void checkVocabulary(int vocabSize) {
        TokenIds.checkBelow(field, ids, vocabSize);
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (c.isDense()) {
            if (allow) {
                float[] x = c.denseValues();
                int[] outIds = c.ids();
                float[] outValues = c.values();
                int n = 0;
                for (int id : ids) {
                    if (x[id] != Float.NEGATIVE_INFINITY) {
                        outIds[n] = id;
                        outValues[n] = x[id];
                        n++;
                    }
                }
                c.setSparse(n, false);
            } else {
                float[] x = c.writableDenseValues();
                for (int id : ids) {
                    x[id] = Float.NEGATIVE_INFINITY;
                }
            }
            return;
        }
        int[] candidateIds = c.ids();
        float[] values = c.values();
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (TokenIds.contains(ids, candidateIds[i]) == allow) {
                candidateIds[n] = candidateIds[i];
                values[n] = values[i];
                n++;
            }
        }
        c.setSparse(n, c.isSorted());
    }
}
