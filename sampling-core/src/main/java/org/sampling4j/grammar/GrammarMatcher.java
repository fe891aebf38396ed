package org.sampling4j.grammar;

import org.sampling4j.grammar.automaton.BudgetException;
import org.sampling4j.grammar.engine.MatcherState;
import org.sampling4j.text.Vocabulary;

/**
 * The parse state of one sequence under a {@link Grammar}: which tokens may come next, and the
 * tokens accepted so far. Not thread-safe (one per sequence); {@link #fork()} gives an independent
 * copy, {@link #rollback(int)} undoes accepted tokens (speculative decoding).
 *
 * <p><b>Cost.</b> {@link #fillMask} in a steady state is a cache lookup, a copy of the cached
 * context-independent token set and a few ORs for the tokens that cross a lexeme boundary, with no
 * allocation; the first masks of a grammar build the lazy DFA and the cache. Budget failures found
 * while building surface here as {@link GrammarException} of kind BUDGET.
 */
public final class GrammarMatcher {
    /** The most bytes {@link #forcedBytes()} returns. */
    public static final int MAX_FORCED_BYTES = 4096;
    private final MatcherState state;
    private final Vocabulary vocab;

    GrammarMatcher(MatcherState state, Vocabulary vocab) {
        this.state = state;
        this.vocab = vocab;
    }

    /**
     * Writes the allowed next tokens into {@code mask[0, maskWords)}: bit {@code j % 32} of word
     * {@code j / 32}, 1 = allowed; words past {@code maskWords} are not touched.
     *
     * @throws IllegalArgumentException if {@code mask} is shorter than the grammar's {@code maskWords()}
     */
    public void fillMask(int[] mask) {
        int words = TokenMask.words(vocab.logitsSize());
        if (mask.length < words) {
            throw new IllegalArgumentException("mask.length = " + mask.length + " is outside [" + words
                    + ", 2147483647]: the vocabulary has " + vocab.logitsSize() + " logits");
        }
        try {
            state.fillMask(mask);
        } catch (BudgetException e) {
            throw Grammar.translate(e);
        }
    }

    /** Whether {@code token} may come next (false for ids outside the vocabulary, padding included). */
    public boolean isAllowed(int token) {
        try {
            return state.isAllowed(token);
        } catch (BudgetException e) {
            throw Grammar.translate(e);
        }
    }

    /** Accepts {@code token} if allowed and returns true; otherwise returns false and changes nothing. */
    public boolean tryAccept(int token) {
        try {
            return state.tryAccept(token);
        } catch (BudgetException e) {
            throw Grammar.translate(e);
        }
    }

    /**
     * Accepts {@code token}.
     *
     * @throws IllegalArgumentException naming the token and the position if it is not allowed
     */
    public void accept(int token) {
        if (!tryAccept(token)) {
            String text = vocab.isToken(token) ? " (" + quote(vocab.text(token)) + ")" : "";
            throw new IllegalArgumentException("token " + token + text + " is not allowed at position "
                    + state.acceptedTokens() + " by the grammar");
        }
    }

    /** The output so far is a complete string of the language: an end-of-sequence id is allowed. */
    public boolean canStop() {
        return state.canStop();
    }

    /** Complete, and nothing can follow: the generation loop must stop. */
    public boolean isComplete() {
        return state.isComplete();
    }

    /**
     * Undoes the last {@code tokens} accepted tokens.
     *
     * @throws IllegalArgumentException unless {@code 0 <= tokens <= acceptedTokens()}
     */
    public void rollback(int tokens) {
        state.rollback(tokens);
    }

    /** Number of tokens accepted (and not rolled back). */
    public int acceptedTokens() {
        return state.acceptedTokens();
    }

    /** An independent copy of this matcher, sharing the compiled grammar. */
    public GrammarMatcher fork() {
        return new GrammarMatcher(state.copy(), vocab);
    }

    /**
     * The bytes every continuation starts with (at most {@link #MAX_FORCED_BYTES}): empty when the
     * output may stop here, a token terminal may come next, or several bytes may follow.
     */
    public byte[] forcedBytes() {
        try {
            return state.forcedBytes(MAX_FORCED_BYTES);
        } catch (BudgetException e) {
            throw Grammar.translate(e);
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
