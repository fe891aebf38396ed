package org.sampling4j.processor;

import java.util.Arrays;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;

/**
 * Bans token sequences: the last token of a bad-words sequence is removed whenever the generated
 * tokens end with the rest of it (a one-token sequence is always banned).
 *
 * <p><b>Formula.</b> for each sequence {@code b_1 .. b_n}: if {@code n = 1}, or the last
 * {@code n - 1} generated tokens are {@code b_1 .. b_{n-1}}, set {@code x[b_n] = -Inf}.
 * <p><b>Parameters.</b> sequences of token ids in [0, V), each non-empty.
 * <p><b>Reference.</b> vLLM {@code SamplingParams.bad_words} (its {@code NoBadWordsLogitsProcessor},
 * matched on output token ids; vLLM tokenizes words, with and without a leading space, into these
 * sequences, which a runtime does before calling Sampling4J). The prompt is not matched, as in vLLM.
 * <p><b>Cost per call.</b> O(total length of the sequences); a copy of the row if it was borrowed
 * and a ban applies.
 * <p><b>Example.</b> sequences [[7], [3, 4]], generated [.., 3]: tokens 7 and 4 are banned.
 */
public final class BadWordsProcessor implements LogitsProcessor {
    private final int[][] sequences;

    /** @param sequences non-empty token-id sequences */
    public BadWordsProcessor(int[][] sequences) {
        this.sequences = new int[sequences.length][];
        for (int s = 0; s < sequences.length; s++) {
            if (sequences[s] == null || sequences[s].length == 0) {
                throw new IllegalArgumentException("badWords[" + s + "] is empty: a bad-words sequence needs at least one token");
            }
            this.sequences[s] = sequences[s].clone();
            for (int id : this.sequences[s]) {
                if (id < 0) {
                    throw new IllegalArgumentException("badWords[" + s + "] contains token id " + id
                            + ", outside [0, vocabSize)");
                }
            }
        }
    }

    @Override
    public String name() {
        return "bad-words";
    }

    @Override
    public String parameters() {
        return Arrays.deepToString(sequences);
    }

    @Override
    public void checkVocabulary(int vocabSize) {
        for (int s = 0; s < sequences.length; s++) {
            for (int id : sequences[s]) {
                if (id >= vocabSize) {
                    throw new IllegalArgumentException("badWords[" + s + "] contains token id " + id
                            + ", outside [0, " + vocabSize + ")");
                }
            }
        }
    }

    private static void remove(Candidates c, int token) {
        if (c.isDense()) {
            c.writableDenseValues()[token] = Float.NEGATIVE_INFINITY;
            return;
        }
        int[] ids = c.ids();
        for (int i = 0; i < c.size(); i++) {
            if (ids[i] == token) {
                c.values()[i] = Float.NEGATIVE_INFINITY;
                c.markUnsorted();
            }
        }
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        int generated = state.generatedLength();
        for (int[] sequence : sequences) {
            int prefix = sequence.length - 1;
            if (prefix > generated) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < prefix && matches; i++) {
                matches = sequence[i] == state.generatedToken(generated - prefix + i);
            }
            if (matches) {
                remove(c, sequence[prefix]);
            }
        }
    }
}
