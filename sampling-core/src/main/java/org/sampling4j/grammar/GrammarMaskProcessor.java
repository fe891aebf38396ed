package org.sampling4j.grammar;

import java.util.Objects;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.MaskingProcessor;
import org.sampling4j.chain.SequenceView;

/**
 * Constrained decoding as a chain step: removes every token the sequence's {@link GrammarMatcher}
 * does not allow next,
 * <pre>
 *   x'_j = x_j     if token j keeps the output a prefix of some string of the grammar (EOS: if complete)
 *   x'_j = -Inf    otherwise
 * </pre>
 * so that, first in the chain (vLLM's place, and {@link org.sampling4j.ChainOrder}'s for every
 * order), penalties, temperature and truncation see only allowed tokens and the sampled
 * distribution is the model's restricted to the grammar. An explicit chain
 * ({@code Sampler.builder}) may place it elsewhere, for instance after truncation as llama.cpp's
 * sampler effectively does when the chain's choice is already allowed.
 *
 * <p>First in a chain, the mask is fused into loading the row (one pass: copy, mask, validate,
 * max). The matcher is the sequence's {@link org.sampling4j.chain.SequenceTracker}: made on first use
 * (replaying the tokens generated so far), then advanced by every token the sequence accepts and
 * taken back by {@code SequenceState.rollback}, so speculative verification and batches need
 * nothing more. A token the grammar refuses cannot be accepted into the sequence.
 */
public final class GrammarMaskProcessor implements MaskingProcessor {
    private final Grammar grammar;

    /** The step for {@code grammar}, whose vocabulary's logits size must equal the sampler's V. */
    public GrammarMaskProcessor(Grammar grammar) {
        this.grammar = Objects.requireNonNull(grammar, "grammar");
    }

    /** Whether the params' grammar turns this step on: any grammar at all. */
    public static boolean enabledBy(Grammar grammar) {
        return grammar != null;
    }

    /** The compiled grammar this step enforces. */
    public Grammar grammar() {
        return grammar;
    }

    /** The matcher of {@code state} for this step's grammar: what was accepted, what may come. */
    public GrammarMatcher matcher(SequenceView state) {
        return state.tracker(this, view -> new GrammarTracker(grammar, view)).matcher();
    }

    @Override
    public String name() {
        return "grammar";
    }

    @Override
    public String parameters() {
        return grammar.fingerprint();
    }

    @Override
    public int[] fillMask(Candidates candidates, SequenceView state) {
        int[] mask = candidates.scratch().maskWords();
        matcher(state).fillMask(mask);
        return mask;
    }

    @Override
    public void checkVocabulary(int vocabSize) {
        int logits = grammar.vocabulary().logitsSize();
        if (logits != vocabSize) {
            throw new IllegalArgumentException("grammar: compiled for a vocabulary of " + logits
                    + " logits, but the sampler's vocabulary is " + vocabSize);
        }
    }

    @Override
    public String toString() {
        return name() + "(" + parameters() + ")";
    }
}
