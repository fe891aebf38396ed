package org.sampling4j.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which ids a loader marks end-of-sequence: those the file names, plus every special token whose text is one of
 * {@link #NAMES}. Vocabulary files rarely say (a tokenizer.json never names its EOS; a model's
 * {@code generation_config.json} does), so the names fill in, as llama.cpp's end-of-generation set does for
 * GGUF files. A caller that knows better replaces them with {@link Vocabulary#withEos(int...)}.
 */
final class EndOfGeneration {
    /**
     * Texts of special tokens that end a sequence: the EOS of Llama 2 / Mistral / T5 ({@code </s>}), Gemma
     * ({@code <eos>}, {@code <end_of_turn>}), GPT-2 / Qwen / Phi ({@code <|endoftext|>}), Llama 3
     * ({@code <|end_of_text|>}, {@code <|eot_id|>}, {@code <|eom_id|>}), ChatML ({@code <|im_end|>}), Phi-3
     * ({@code <|end|>}), CodeLlama infill ({@code <EOT>}), DeepSeek ({@code <｜end▁of▁sentence｜>}) and
     * gpt-oss ({@code <|return|>}, {@code <|call|>}).
     */
    static final List<String> NAMES = List.of("</s>", "<eos>", "<end_of_turn>", "<|endoftext|>", "<|end_of_text|>",
            "<|eot_id|>", "<|eom_id|>", "<|im_end|>", "<|end|>", "<EOT>", "<\uFF5Cend\u2581of\u2581sentence\uFF5C>",
            "<|return|>", "<|call|>");

    private static final List<byte[]> NAME_BYTES = NAMES.stream().map(n -> n.getBytes(StandardCharsets.UTF_8))
            .collect(Collectors.toUnmodifiableList());

    private EndOfGeneration() {
    }

    /** The union of {@code named} (ids the file gives, already checked) and the special tokens in NAMES, sorted. */
    static int[] ids(TokenTable table, int... named) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int id : named) {
            ids.add(id);
        }
        for (int id = 0; id < table.size(); id++) {
            if (table.isSpecial(id) && isName(table, id)) {
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isName(TokenTable table, int id) {
        for (byte[] n : NAME_BYTES) {
            if (table.bytesEqual(id, n)) {
                return true;
            }
        }
        return false;
    }
}
