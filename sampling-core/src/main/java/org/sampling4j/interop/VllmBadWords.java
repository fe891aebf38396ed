package org.sampling4j.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sampling4j.text.Encoder;

/**
 * vLLM's rule for turning {@code bad_words} strings into the token-id sequences that
 * {@link org.sampling4j.processor.BadWordsProcessor} bans, given the model's {@link Encoder}.
 *
 * <p><b>Rule.</b> For each word w, in order: let {@code s} be w without its leading whitespace
 * (Python's {@code w.lstrip()}), {@code bare = encode(s)} and {@code spaced = encode(" " + s)}. The
 * bare form is always kept; the spaced form is kept too iff {@code spaced[0] != bare[0]} and
 * {@code spaced.length == bare.length}. The spaced form is how a word-start-marking tokenizer
 * (GPT-2's {@code Ġ}, SentencePiece's {@code ▁}) spells the word in the middle of text; vLLM keeps
 * it only when it starts with a different token than the bare form and has as many tokens, so a
 * tokenizer that absorbs the space, or splits the spaced form differently, adds nothing.
 * <p><b>Parameters.</b> words non-null and non-empty (vLLM: {@code "bad_words cannot contain an empty
 * string. Got bad_words=['a', '']"}); a word of whitespace only is refused too: vLLM strips it to
 * nothing and then fails on the empty encoding ({@code IndexError}). The encoder encodes without
 * special tokens ({@code tokenizer.encode(text, add_special_tokens=False)} in vLLM).
 * <p><b>Reference.</b> vLLM {@code SamplingParams.update_from_tokenizer} in
 * {@code vllm/sampling_params.py} (v0.8 and later; the same loop was
 * {@code get_bad_words_logits_processors} in {@code vllm/logits_process.py} before). vLLM then
 * refuses ids past the tokenizer's largest id; here the sampler checks them against its vocabulary.
 * <p><b>Cost.</b> two encodings per word.
 * <p><b>Example.</b> cl100k_base, {@code ["hello"]}: bare {@code "hello"} is one token and spaced
 * {@code " hello"} another single token, so both one-token sequences are banned.
 */
public final class VllmBadWords {
    private VllmBadWords() {
    }

    /**
     * The token-id sequences of {@code words} under vLLM's rule, bare form first, words in order.
     *
     * @throws IllegalArgumentException for an empty word (in vLLM's wording) or a whitespace-only one,
     *                                  or an encoder that returns no token for non-empty text
     */
    public static int[][] tokenize(List<String> words, Encoder encoder) {
        Objects.requireNonNull(encoder, "encoder");
        check(words);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = PyText.lstrip(words.get(i));
            int[] bare = encode(encoder, word, i);
            int[] spaced = encode(encoder, " " + word, i);
            out.add(bare);
            if (spaced[0] != bare[0] && spaced.length == bare.length) {
                out.add(spaced);
            }
        }
        return out.toArray(new int[0][]);
    }

    /** vLLM's check, which it makes whether or not it has a tokenizer, plus the whitespace-only case. */
    static void check(List<String> words) {
        for (String word : words) {
            if (word == null || word.isEmpty()) {
                throw new IllegalArgumentException("bad_words cannot contain an empty string. Got bad_words="
                        + PyText.repr(words.stream().map(w -> w == null ? "" : w).collect(java.util.stream.Collectors.toList())));
            }
        }
        for (int i = 0; i < words.size(); i++) {
            if (PyText.isBlank(words.get(i))) {
                throw new IllegalArgumentException("bad_words[" + i + "] = " + PyText.repr(words.get(i))
                        + " is only whitespace: vLLM strips leading whitespace and fails on the empty word left");
            }
        }
    }

    private static int[] encode(Encoder encoder, String text, int index) {
        int[] ids = encoder.encode(text);
        if (ids == null || ids.length == 0) {
            throw new IllegalArgumentException("bad_words[" + index + "]: the encoder returned no token for "
                    + PyText.repr(text));
        }
        return ids.clone();
    }
}
