package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.chain.TokenCounter;
import org.sampling4j.internal.Canonical;

/**
 * Forbids repeating any n-gram: bans every token that would complete an n-gram already present in
 * the sequence.
 *
 * <p><b>Formula.</b> with the sequence {@code h} (prompt then generated, length L) and
 * {@code L + 1 >= n}: for every i with {@code h[i .. i+n-2] == h[L-n+1 .. L-1]}, {@code x_{h[i+n-1]} = -Inf}.
 * For n = 1 every token of the sequence is banned.
 * <p><b>Parameters.</b> {@link #NO_REPEAT_NGRAM_SIZE n} {@code >= 0}, 0 disables (no step is added; the
 * processor then bans nothing).
 * <p><b>Reference.</b> HF NoRepeatNGramLogitsProcessor ({@code no_repeat_ngram_size}).
 * <p><b>Cost per call.</b> O(L * n) over the sequence plus O(banned) dense or O(candidates) sparse;
 * no allocation once the workspace's counter has grown.
 * <p><b>Example.</b> sequence [5, 7, 5], n = 2: the last token 5 was once followed by 7, so 7 is banned.
 */
public final class NoRepeatNGramProcessor implements LogitsProcessor {
    /** n, the length of the n-grams that may not repeat. */
    public static final Setting NO_REPEAT_NGRAM_SIZE = Setting.atLeast("noRepeatNgramSize", 0).integer().byDefault(0)
            .offAt(0).note("0 disables no-repeat-ngram");

    private final int n;

    /** Whether a chain built from params needs this step: a positive n-gram size; otherwise it would change nothing. */
    public static boolean enabledBy(int ngramSize) {
        return !NO_REPEAT_NGRAM_SIZE.isOff(ngramSize);
    }

    /** @param ngramSize {@code >= 0} ({@link #NO_REPEAT_NGRAM_SIZE}) */
    public NoRepeatNGramProcessor(int ngramSize) {
        this.n = NO_REPEAT_NGRAM_SIZE.check(ngramSize);
    }

    @Override
    public String parameters() {
        return Canonical.of(n);
    }

    @Override
    public String name() {
        return "no-repeat-ngram";
    }

    /** Adds to {@code banned} every token that would repeat an n-gram of {@code state}'s sequence. */
    static void bannedTokens(SequenceView state, int n, TokenCounter banned) {
        int length = state.promptLength() + state.generatedLength();
        if (length + 1 < n) {
            return;
        }
        int prefixStart = length - n + 1;
        for (int i = 0; i + n - 1 < length; i++) {
            boolean match = true;
            for (int j = 0; j < n - 1 && match; j++) {
                match = state.token(i + j) == state.token(prefixStart + j);
            }
            if (match) {
                banned.add(state.token(i + n - 1));
            }
        }
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (!enabledBy(n)) {
            return; // the off value: nothing to ban
        }
        TokenCounter banned = c.scratch().windowCounts();
        banned.clear();
        bannedTokens(state, n, banned);
        if (banned.distinct() == 0) {
            return;
        }
        if (c.isDense()) {
            float[] x = c.writableDenseValues();
            for (int k = 0; k < banned.distinct(); k++) {
                x[banned.tokenAt(k)] = Float.NEGATIVE_INFINITY;
            }
            return;
        }
        int[] ids = c.ids();
        float[] values = c.values();
        int kept = 0;
        for (int i = 0; i < c.size(); i++) {
            if (banned.count(ids[i]) == 0) {
                ids[kept] = ids[i];
                values[kept] = values[i];
                kept++;
            }
        }
        c.setSparse(kept, c.isSorted());
    }
}
