package org.sampling4j.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry point for vocabulary files: {@link #load(Path)} tells the format by its first bytes, then by its
 * extension, and hands the file to {@link GgufVocabularyLoader}, {@link TokenizerJsonLoader} or
 * {@link TiktokenLoader}.
 *
 * <p><b>Detection.</b> The magic {@code GGUF} means GGUF; a first non-blank byte <code>'&#123;'</code> means tokenizer.json;
 * a first line of base64, a space and digits means a tiktoken rank file. If the content says none of these,
 * the extension ({@code .gguf}, {@code .json}, {@code .tiktoken}) picks the loader, whose error then says what
 * is wrong; otherwise the load fails naming the first bytes.
 *
 * <p><b>Shared rules.</b> Every loader returns ids {@code [0, largest id]}; an id the file does not name is a hole
 * (no bytes, special). EOS are the ids the file names (GGUF eos / eot / eom keys, a tokenizer.json template's
 * suffix) plus the special tokens whose text is in {@link #END_OF_GENERATION_NAMES}; when that is wrong, the
 * caller sets them with {@link Vocabulary#withEos(int...)}. The logits row is as long as the vocabulary
 * ({@link Vocabulary#withLogitsSize(int)} for models with a longer one).
 */
public final class Vocabularies {
    /** Texts of special tokens that loaders mark as end-of-sequence (see {@link Vocabulary#eosIds()}). */
    public static final List<String> END_OF_GENERATION_NAMES = EndOfGeneration.NAMES;

    /** The formats {@link #load(Path)} reads. */
    public enum Format {
        /** llama.cpp's model file; only the header's tokenizer keys are read. */
        GGUF,
        /** HuggingFace tokenizers' {@code tokenizer.json}. */
        TOKENIZER_JSON,
        /** A tiktoken rank file ({@code .tiktoken}). */
        TIKTOKEN
    }

    private static final int PROBE = 256;

    private Vocabularies() {
    }

    /**
     * Loads {@code file} in the format {@link #detect(Path)} finds. A tiktoken file named
     * {@code cl100k_base.tiktoken} or {@code o200k_base.tiktoken} gets that encoding's special tokens; other
     * tiktoken files get none (use {@link TiktokenLoader} to give them).
     *
     * @throws VocabularyFormatException naming the file, where and what was expected
     */
    public static Vocabulary load(Path file) throws IOException {
        switch (detect(file)) {
            case GGUF:
                return GgufVocabularyLoader.load(file);
            case TOKENIZER_JSON:
                return TokenizerJsonLoader.load(file);
            default:
                return TiktokenLoader.load(file, knownSpecialTokens(file));
        }
    }

    /**
     * The format of {@code file}, by its first bytes, else by its extension.
     *
     * @throws VocabularyFormatException if neither tells
     */
    public static Format detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PROBE);
        }
        if (head.length >= 4 && head[0] == 'G' && head[1] == 'G' && head[2] == 'U' && head[3] == 'F') {
            return Format.GGUF;
        }
        int p = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? 3 : 0;
        while (p < head.length && (head[p] == ' ' || head[p] == '\n' || head[p] == '\r' || head[p] == '\t')) {
            p++;
        }
        if (p < head.length && head[p] == '{') {
            return Format.TOKENIZER_JSON;
        }
        if (looksLikeRankLine(head)) {
            return Format.TIKTOKEN;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gguf")) {
            return Format.GGUF;
        }
        if (name.endsWith(".json")) {
            return Format.TOKENIZER_JSON;
        }
        if (name.endsWith(".tiktoken")) {
            return Format.TIKTOKEN;
        }
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < Math.min(8, head.length); i++) {
            bytes.append(i == 0 ? "" : " ").append(String.format("%02X", head[i] & 0xFF));
        }
        throw new VocabularyFormatException(file + ": expected a GGUF file (magic GGUF), a tokenizer.json (a JSON "
                + "object) or a tiktoken rank file (base64, a space and a rank per line), got "
                + (head.length == 0 ? "an empty file" : "the bytes " + bytes));
    }

    /** Whether {@code head} starts with {@code base64 SP digits} and a line end (or the probe's end). */
    private static boolean looksLikeRankLine(byte[] head) {
        int p = 0;
        while (p < head.length && (Character.isLetterOrDigit(head[p]) && head[p] > 0 || head[p] == '+'
                || head[p] == '/' || head[p] == '=')) {
            p++;
        }
        if (p == 0 || p >= head.length || head[p] != ' ') {
            return false;
        }
        int digits = ++p;
        while (p < head.length && head[p] >= '0' && head[p] <= '9') {
            p++;
        }
        return p > digits && (p == head.length || head[p] == '\n' || head[p] == '\r');
    }

    private static Map<String, Integer> knownSpecialTokens(Path file) {
        String name = file.getFileName().toString();
        if (name.equals("cl100k_base.tiktoken")) {
            return TiktokenLoader.CL100K_BASE_SPECIAL_TOKENS;
        }
        if (name.equals("o200k_base.tiktoken")) {
            return TiktokenLoader.O200K_BASE_SPECIAL_TOKENS;
        }
        return Map.of();
    }
}
