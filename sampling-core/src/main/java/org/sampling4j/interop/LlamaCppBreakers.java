package org.sampling4j.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * llama.cpp's DRY sequence breakers given as strings, as the token-id sequences
 * {@link org.sampling4j.processor.DryProcessor} takes: the same head/tail scan over the vocabulary
 * that llama.cpp's {@code llama_sampler_init_dry} runs, not a plain encoding of each string.
 *
 * <p><b>Rule.</b> For each breaker b (UTF-8 bytes; empty ones skipped, longer than
 * {@value #MAX_BREAKER_BYTES} bytes cut to that many, as llama.cpp does) and each token t of the
 * vocabulary, with w = the bytes of t:
 * <ul>
 *   <li>if w contains b, the one-token sequence {@code [t]} is a breaker: t alone restarts the
 *       repetition count;</li>
 *   <li>otherwise, for each position p where a suffix {@code w[p..]} of w is a (proper) prefix of b,
 *       the sequence {@code [t] + encode(rest)} is a breaker, rest being b without that prefix,
 *       encoded on its own and cut to {@value #MAX_TAIL_TOKENS} tokens. t is the "head", the
 *       encoding of the rest its "tail".</li>
 * </ul>
 * Duplicates are dropped. A rest that starts inside a UTF-8 character (a byte-level token ending in
 * half of a multi-byte breaker) is decoded with U+FFFD for the partial bytes, as llama.cpp's
 * tokenizer reads invalid UTF-8. {@link #DEFAULTS} are llama.cpp's defaults.
 *
 * <p><b>Reference.</b> llama.cpp {@code src/llama-sampling.cpp}: {@code get_overlapping_token_sequences}
 * (ported from koboldcpp PR 982) called from {@code llama_sampler_init_dry} with
 * {@code MAX_CHAR_LEN = 40} and {@code MAX_SEQ_LEN = 20}; server default
 * {@code dry_sequence_breakers = ["\n", ":", "\"", "*"]} ({@code common_params_sampling}).
 *
 * <p><b>How exact.</b> The sequences equal llama.cpp's when (a) the vocabulary's bytes for each token
 * are what llama.cpp's {@code detokenize({t}, special = true)} gives: true of byte-level BPE
 * vocabularies (GPT-2, Llama 3, Qwen); for SentencePiece vocabularies with {@code add_space_prefix}
 * llama.cpp strips one leading space from a lone token's text, which changes nothing for a breaker
 * that does not start with a space; and (b) the encoder tokenizes like llama.cpp's
 * {@code tokenize(text, add_special = false, parse_special = false)} (SentencePiece: with its
 * leading-space prefix). Matching them in the text then differs in one respect:
 * {@link org.sampling4j.processor.DryProcessor} caps a repetition at the latest <i>end</i> of any
 * breaker occurrence, llama.cpp at the occurrence whose <i>head</i> is latest (its longest tail on a
 * tie). The two agree whenever every sequence is one token, which is always the case for one-byte
 * breakers such as all four defaults, and otherwise differ only when one occurrence starts before
 * and ends after the head of a later one (llama.cpp's own comment calls such nesting rare).
 * <p><b>Cost.</b> O(V x breaker length) byte comparisons per breaker plus one encoding per partial
 * match; done once per request, not per token.
 * <p><b>Example.</b> tokens {@code ["a", ":", "x:", "ab", "b"]}, breakers {@code [":"]}: tokens 1 and 2
 * contain ":", so the sequences are {@code [1]} and {@code [2]}. Breaker {@code "ab:"}: token 3
 * ("ab") is a prefix of it, so {@code [3] + encode(":")}; token 0 ("a") too, so {@code [0] + encode("b:")}.
 */
public final class LlamaCppBreakers {
    /** llama.cpp's default breakers: newline, colon, double quote, asterisk. */
    public static final List<String> DEFAULTS = List.of("\n", ":", "\"", "*");
    /** llama.cpp's MAX_CHAR_LEN: a breaker is cut to this many bytes. */
    public static final int MAX_BREAKER_BYTES = 40;
    /** llama.cpp's MAX_SEQ_LEN: a tail is cut to this many tokens. */
    public static final int MAX_TAIL_TOKENS = 20;

    private LlamaCppBreakers() {
    }

    /**
     * The breaker token-id sequences llama.cpp derives from {@code breakers}: one-token sequences
     * for tokens that contain a breaker, head-and-tail sequences for tokens that end in its start.
     *
     * @throws IllegalArgumentException for a breaker longer than {@value #MAX_BREAKER_BYTES} bytes whose cut
     *                                  would fall inside a UTF-8 character (a string cannot carry that)
     */
    public static int[][] tokenize(List<String> breakers, Encoder encoder, Vocabulary vocabulary) {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(vocabulary, "vocabulary");
        List<int[]> out = new ArrayList<>();
        Set<List<Integer>> seen = new HashSet<>();
        for (int b = 0; b < breakers.size(); b++) {
            String breaker = breakers.get(b);
            if (breaker == null || breaker.isEmpty()) {
                continue; // llama.cpp: "skipping null or empty DRY sequence breaker"
            }
            byte[] str = cut(breaker.getBytes(StandardCharsets.UTF_8), b);
            for (int id = 0; id < vocabulary.size(); id++) {
                int wordLength = vocabulary.length(id);
                if (contains(vocabulary, id, wordLength, str)) {
                    add(out, seen, id, new int[0]);
                    continue;
                }
                for (int pos = 0; pos < wordLength; pos++) {
                    int overlap = wordLength - pos;
                    if (overlap < str.length && endsWithPrefix(vocabulary, id, pos, str)) {
                        String rest = new String(str, overlap, str.length - overlap, StandardCharsets.UTF_8);
                        int[] tail = encoder.encode(rest);
                        add(out, seen, id, tail.length > MAX_TAIL_TOKENS ? Arrays.copyOf(tail, MAX_TAIL_TOKENS) : tail);
                    }
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    private static byte[] cut(byte[] str, int index) {
        if (str.length <= MAX_BREAKER_BYTES) {
            return str;
        }
        if ((str[MAX_BREAKER_BYTES] & 0xC0) == 0x80) {
            throw new IllegalArgumentException("dry_sequence_breakers[" + index + "] is " + str.length + " bytes: llama.cpp"
                    + " cuts a breaker to " + MAX_BREAKER_BYTES + " bytes, which here falls inside a UTF-8 character");
        }
        return Arrays.copyOf(str, MAX_BREAKER_BYTES);
    }

    /** Whether the bytes of token id contain str. */
    private static boolean contains(Vocabulary v, int id, int wordLength, byte[] str) {
        outer:
        for (int start = 0; start + str.length <= wordLength; start++) {
            for (int k = 0; k < str.length; k++) {
                if (v.byteAt(id, start + k) != (str[k] & 0xFF)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether the suffix of token id from pos equals the same number of leading bytes of str. */
    private static boolean endsWithPrefix(Vocabulary v, int id, int pos, byte[] str) {
        int wordLength = v.length(id);
        for (int k = 0; pos + k < wordLength; k++) {
            if (v.byteAt(id, pos + k) != (str[k] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<int[]> out, Set<List<Integer>> seen, int head, int[] tail) {
        int[] sequence = new int[tail.length + 1];
        sequence[0] = head;
        System.arraycopy(tail, 0, sequence, 1, tail.length);
        if (seen.add(Arrays.stream(sequence).boxed().collect(java.util.stream.Collectors.toList()))) {
            out.add(sequence);
        }
    }
}
