package org.sampling4j.text;

/**
 * Turns the token ids of one sequence, one after another, into the text they complete: the
 * streaming detokenizer.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>The text is the UTF-8 decoding of the concatenated bytes of the tokens that contribute,
 *     released incrementally by a {@link Utf8StreamDecoder}: only the 1-3 bytes of an incomplete
 *     sequence are held back, and the deltas followed by {@link #finish} concatenate to
 *     {@code new String(bytes, UTF_8)} of those bytes.</li>
 * <li>{@code skipSpecialTokens} (vLLM's {@code skip_special_tokens}, default true): a special
 *     token ({@link Vocabulary#isSpecial}) contributes no bytes, so the bytes on either side of it
 *     join (half a character before it and the rest after it still make one character). When
 *     special tokens are kept, their bytes are decoded like any other token's.</li>
 * <li>An id that is not a tokenizer id, padding of the logits row ({@link Vocabulary#isPadding})
 *     included, is rejected with an {@code IllegalArgumentException} naming the id and the range,
 *     and leaves the state unchanged.</li>
 * </ul>
 *
 * <p><b>Reference.</b> vLLM's incremental detokenizer (skip_special_tokens) and llama.cpp's
 * {@code common_token_to_piece} streaming with an incomplete-UTF-8 check. Differs: decodes bytes,
 * not per-token strings, so a character split across tokens is never shown as U+FFFD and never
 * needs vLLM's re-decoding of a prefix window.
 *
 * <p><b>Cost per token.</b> O(bytes of the token), read in place from the vocabulary; the
 * {@code char[]} and {@code StringBuilder} forms allocate nothing.
 *
 * <p><b>Example.</b> tokens {@code [E4 B8]}, {@code <|end|>} (special), {@code [AD 21]}: with
 * {@code skipSpecialTokens} the deltas are "", "", "中!"; without it they are "",
 * "\uFFFD&lt;|end|&gt;", "\uFFFD!".
 *
 * <p>Per sequence, not thread-safe; {@link #reset} starts a new sequence.
 *
 * @see TextStream  the same with stop strings
 */
public final class Detokenizer {
    private final Vocabulary vocabulary;
    private final boolean skipSpecialTokens;
    private final Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    private char[] scratch = new char[64];

    /**
     * A detokenizer over {@code vocabulary}.
     *
     * @param skipSpecialTokens whether special tokens contribute no text (vLLM's default: true)
     */
    public Detokenizer(Vocabulary vocabulary, boolean skipSpecialTokens) {
        if (vocabulary == null) {
            throw new IllegalArgumentException("vocabulary is null");
        }
        this.vocabulary = vocabulary;
        this.skipSpecialTokens = skipSpecialTokens;
    }

    /** A detokenizer that skips special tokens, vLLM's default. */
    public Detokenizer(Vocabulary vocabulary) {
        this(vocabulary, true);
    }

    /** The vocabulary the ids are read from. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Whether special tokens contribute no text. */
    public boolean skipSpecialTokens() {
        return skipSpecialTokens;
    }

    /**
     * The most chars {@link #decode(int, char[], int)} can write for {@code token}: its byte
     * length plus 3 (a held-back sequence that it breaks or completes).
     *
     * @throws IllegalArgumentException if {@code token} is not a tokenizer id
     */
    public int maxChars(int token) {
        check(token);
        return maxCharsChecked(token);
    }

    /** Whether {@code token} adds bytes to the text: false for a special token that is skipped. */
    public boolean contributes(int token) {
        check(token);
        return !(skipSpecialTokens && vocabulary.isSpecial(token));
    }

    /**
     * Decodes {@code token} into {@code dst} from {@code dstPos}.
     *
     * @return the position after the last char written; {@code dst} needs room for
     *         {@link #maxChars maxChars(token)} chars from {@code dstPos}
     * @throws IllegalArgumentException if {@code token} is not a tokenizer id
     */
    public int decode(int token, char[] dst, int dstPos) {
        check(token);
        return decodeChecked(token, dst, dstPos);
    }

    /** {@link #decode(int, char[], int)} for an id already {@link #check checked}. */
    int decodeChecked(int token, char[] dst, int dstPos) {
        if (skipSpecialTokens && vocabulary.isSpecial(token)) {
            return dstPos;
        }
        return decoder.decode(vocabulary.flatBytes(), vocabulary.start(token), vocabulary.start(token + 1), dst, dstPos);
    }

    /** {@link #maxChars} for an id already {@link #check checked}. */
    int maxCharsChecked(int token) {
        return Utf8StreamDecoder.maxChars(vocabulary.start(token + 1) - vocabulary.start(token));
    }

    /**
     * Decodes {@code token}, appending the text it completes to {@code out}.
     *
     * @throws IllegalArgumentException if {@code token} is not a tokenizer id
     */
    public void decode(int token, StringBuilder out) {
        int n = fillScratch(token);
        out.append(scratch, 0, n);
    }

    /**
     * Decodes {@code token}; returns the text it completes ("" when it completes none).
     *
     * @throws IllegalArgumentException if {@code token} is not a tokenizer id
     */
    public String decode(int token) {
        int n = fillScratch(token);
        return n == 0 ? "" : new String(scratch, 0, n);
    }

    /** Number of bytes held back: the start of a character that a later token may complete. */
    public int heldBackBytes() {
        return decoder.heldBackBytes();
    }

    /** Ends the sequence: a held-back incomplete character becomes U+FFFD in {@code dst}; returns the new position. */
    public int finish(char[] dst, int dstPos) {
        return decoder.finish(dst, dstPos);
    }

    /** Ends the sequence, appending U+FFFD to {@code out} if an incomplete character was held back. */
    public void finish(StringBuilder out) {
        decoder.finish(out);
    }

    /** Ends the sequence: "\uFFFD" if an incomplete character was held back, else "". */
    public String finish() {
        return decoder.finish();
    }

    /** Forgets the held-back bytes: the next token starts a new sequence. */
    public void reset() {
        decoder.reset();
    }

    private int fillScratch(int token) {
        check(token);
        int max = maxCharsChecked(token);
        if (scratch.length < max) {
            scratch = new char[Math.max(max, scratch.length * 2)];
        }
        return decodeChecked(token, scratch, 0);
    }

    /** Throws unless {@code token} is a tokenizer id, naming the id and the range. */
    void check(int token) {
        if (vocabulary.isToken(token)) {
            return;
        }
        if (vocabulary.isPadding(token)) {
            throw new IllegalArgumentException("token id " + token + " is padding of the logits row [" + vocabulary.size()
                    + ", " + vocabulary.logitsSize() + "), past the tokenizer's ids [0, " + vocabulary.size()
                    + "): it has no bytes to decode");
        }
        throw new IllegalArgumentException("token id " + token + " is outside the vocabulary's ids [0, "
                + vocabulary.size() + ")");
    }
}
