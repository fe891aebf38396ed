package org.sampling4j.text;

/**
 * The text of one sequence as it is generated: token ids in, text deltas out, cut at the first
 * stop string. A {@link Detokenizer} and a {@link StopStringMatcher} with the holdback rule.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>Text: the UTF-8 decoding of the tokens' bytes, special tokens skipped or kept as
 *     {@code skipSpecialTokens} says (see {@link Detokenizer}); a kept special token's text takes
 *     part in stop matching like any other text.</li>
 * <li>Stop: the earliest-ending match of any stop string ends the text (ties: the one that starts
 *     first; see {@link StopStrings}). The output ends before the match, or after it with
 *     {@code includeStopStringInOutput} (vLLM {@code include_stop_str_in_output}). The token that
 *     completes the match is the last one consumed: {@link #stopMatch()} says which string, where,
 *     and how many tokens; text decoded after the match, in the same token, is dropped.</li>
 * <li>Minimal holdback (llama.cpp server style): after each token the released text is all of the
 *     decoded text except an incomplete UTF-8 tail (at most 3 bytes, not yet chars) and the longest
 *     suffix of the decoded text that is a proper prefix of some stop string. Nothing released is
 *     ever retracted. vLLM holds back a fixed {@code max stop length - 1} chars instead.</li>
 * <li>Batching: {@link #acceptAll} with several tokens (speculative decoding's accepted drafts)
 *     releases exactly the concatenation of what one-at-a-time {@link #accept} calls would, and
 *     stops at the same token, reporting how many it consumed.</li>
 * <li>{@link #finish()} ends the sequence without a stop (OpenAI's {@code "length"}): the held-back
 *     text is released and an incomplete UTF-8 tail becomes U+FFFD, as {@code new String(bytes,
 *     UTF_8)} decodes it, so the deltas always concatenate to the full text. That U+FFFD is matched
 *     too, so the text always equals a search of the one-shot decoding.</li>
 * <li>Ids that are not tokenizer ids (padding of the logits row included) are rejected with an
 *     {@code IllegalArgumentException} naming the id and the range; the stream is unchanged by it.
 *     Accepting after a stop or after {@code finish} throws {@code IllegalStateException}.</li>
 * </ul>
 *
 * <p><b>Reference.</b> vLLM {@code stop} / {@code include_stop_str_in_output} /
 * {@code skip_special_tokens}; llama.cpp server's partial stop-string holdback. Differs from vLLM:
 * minimal holdback instead of a fixed one, and characters split across tokens are never released
 * as U+FFFD.
 *
 * <p><b>Cost per token.</b> O(bytes of the token): decoding plus one automaton transition per
 * char, independent of the number of stop strings and of how much is held back (held chars are
 * not moved per token, only when the buffer's end is reached: amortized O(1) per char). The
 * {@code StringBuilder} forms allocate nothing once the internal buffer has grown to the longest
 * token plus the longest stop string.
 *
 * <p><b>Example.</b> stops {@code ["\n\n"]}, tokens "Hi", "\n", "\n", "x": deltas "Hi", "" (the
 * "\n" could begin "\n\n"), "" and a stop after token 3 (output "Hi"; "Hi\n\n" when included).
 * <pre>{@code
 * TextStream text = TextStream.builder(vocabulary).stopStrings(StopStrings.of("\n\n")).build();
 * StringBuilder delta = new StringBuilder();
 * for (int token : generated) {
 *     delta.setLength(0);
 *     boolean stop = text.accept(token, delta);
 *     listener.onText(delta);
 *     if (stop) break;
 * }
 * }</pre>
 *
 * <p>Per sequence, not thread-safe; {@link #reset} starts a new sequence with the same settings.
 */
public final class TextStream {
    private final TextSequence seq;

    private TextStream(Builder b) {
        this.seq = new TextSequence(new Detokenizer(b.vocabulary, b.skipSpecialTokens), b.stops,
                b.includeStopStringInOutput,
                b.initialCapacity > 0 ? b.initialCapacity : Math.max(256, 4 * b.stops.maxLength() + 64));
    }

    /** A builder over {@code vocabulary}: no stop strings, special tokens skipped, stop strings excluded. */
    public static Builder builder(Vocabulary vocabulary) {
        return new Builder(vocabulary);
    }

    /**
     * Accepts {@code token} and appends the text it releases to {@code out}.
     *
     * @return true when the token completed a stop string: the stream has stopped (see {@link #stopMatch()})
     * @throws IllegalArgumentException if {@code token} is not a tokenizer id
     * @throws IllegalStateException after a stop or {@link #finish()}
     */
    public boolean accept(int token, StringBuilder out) {
        seq.checkOpen();
        return seq.acceptOne(token, out);
    }

    /**
     * Accepts {@code token}; returns the text it releases ("" when none; see
     * {@link #isStopped()} for whether it stopped the stream).
     *
     * @throws IllegalArgumentException if {@code token} is not a tokenizer id
     * @throws IllegalStateException after a stop or {@link #finish()}
     */
    public String accept(int token) {
        seq.checkOpen();
        int cut = seq.acceptOne(token, null) ? seq.stopCut : seq.releasableEnd();
        return seq.pending.release(cut);
    }

    /**
     * Accepts {@code tokens[from..to)} in order until one completes a stop string, appending the
     * released text to {@code out}: the same text and the same stop as one {@link #accept} per token.
     *
     * @return how many tokens were consumed ({@code to - from} unless a stop came first)
     * @throws IllegalArgumentException at the first id that is not a tokenizer id (the tokens
     *                                  before it are consumed and their text appended)
     * @throws IllegalStateException after a stop or {@link #finish()}
     */
    public int acceptAll(int[] tokens, int from, int to, StringBuilder out) {
        seq.checkOpen();
        for (int i = from; i < to; i++) {
            if (seq.acceptOne(tokens[i], out)) {
                return i + 1 - from;
            }
        }
        return to - from;
    }

    /**
     * Accepts {@code tokens} in order until one completes a stop string; returns the released text.
     *
     * @throws IllegalArgumentException at the first id that is not a tokenizer id
     * @throws IllegalStateException after a stop or {@link #finish()}
     */
    public String acceptAll(int... tokens) {
        StringBuilder out = new StringBuilder();
        acceptAll(tokens, 0, tokens.length, out);
        return out.toString();
    }

    /**
     * Ends the sequence without a stop token: releases what was held back into {@code out}, an
     * incomplete UTF-8 tail as U+FFFD. Does nothing after a stop or a previous {@code finish}. A stop
     * string completed by that U+FFFD still cuts the text ({@link #isStopped()} then says so).
     */
    public void finish(StringBuilder out) {
        seq.finish(out);
    }

    /** Ends the sequence without a stop token; returns the text that was held back (see {@link #finish(StringBuilder)}). */
    public String finish() {
        StringBuilder out = new StringBuilder();
        finish(out);
        return out.toString();
    }

    /** Whether a stop string has ended the text. */
    public boolean isStopped() {
        return seq.stop != null;
    }

    /** Whether the stream has stopped or finished: it accepts no more tokens. */
    public boolean isDone() {
        return seq.stop != null || seq.finished;
    }

    /** The stop string match that ended the text, or null while none has. */
    public StopStringMatch stopMatch() {
        return seq.stop;
    }

    /** Tokens consumed so far (rejected ids not counted). */
    public int tokensConsumed() {
        return seq.consumed;
    }

    /** Chars released so far: the length of the concatenated deltas. */
    public long releasedLength() {
        return seq.pending.released();
    }

    /** Decoded chars held back because they may begin a stop string. */
    public int heldBackChars() {
        return seq.stop != null ? 0 : seq.pending.end() - seq.pending.start();
    }

    /** Bytes held back because they begin a character that a later token may complete (0..3). */
    public int heldBackBytes() {
        return seq.detokenizer.heldBackBytes();
    }

    /** The stop strings matched. */
    public StopStrings stopStrings() {
        return seq.stops;
    }

    /** The detokenizer's vocabulary. */
    public Vocabulary vocabulary() {
        return seq.detokenizer.vocabulary();
    }

    /** Whether special tokens contribute no text. */
    public boolean skipSpecialTokens() {
        return seq.detokenizer.skipSpecialTokens();
    }

    /** Whether the output keeps the matched stop string. */
    public boolean includeStopStringInOutput() {
        return seq.includeStopStringInOutput;
    }

    /** Starts a new sequence with the same vocabulary and settings. */
    public void reset() {
        seq.reset();
    }

    /** Settings of a {@link TextStream}: stop strings, special tokens, whether the stop string is kept. */
    public static final class Builder {
        private final Vocabulary vocabulary;
        private StopStrings stops = StopStrings.NONE;
        private boolean skipSpecialTokens = true;
        private boolean includeStopStringInOutput;
        private int initialCapacity;

        private Builder(Vocabulary vocabulary) {
            if (vocabulary == null) {
                throw new IllegalArgumentException("vocabulary is null");
            }
            this.vocabulary = vocabulary;
        }

        /** The stop strings (default none). */
        public Builder stopStrings(StopStrings stops) {
            if (stops == null) {
                throw new IllegalArgumentException("stops is null; use StopStrings.NONE for none");
            }
            this.stops = stops;
            return this;
        }

        /**
         * The stop strings (default none).
         *
         * @throws IllegalArgumentException on a null or empty string
         */
        public Builder stopStrings(String... stops) {
            return stopStrings(StopStrings.of(stops));
        }

        /** Whether special tokens contribute no text (default true, vLLM's {@code skip_special_tokens}). */
        public Builder skipSpecialTokens(boolean skip) {
            this.skipSpecialTokens = skip;
            return this;
        }

        /** Whether the output keeps the matched stop string (default false, vLLM's {@code include_stop_str_in_output}). */
        public Builder includeStopStringInOutput(boolean include) {
            this.includeStopStringInOutput = include;
            return this;
        }

        /** The pending buffer's first size (tests: a tiny buffer moves and grows often); 0 = the default. */
        Builder initialCapacity(int chars) {
            this.initialCapacity = chars;
            return this;
        }

        /** A new stream at the start of a sequence. */
        public TextStream build() {
            return new TextStream(this);
        }
    }
}
