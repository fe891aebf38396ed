package org.sampling4j.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Loads the vocabulary of a GGUF model file from its metadata ({@link GgufMetadata}), reading only the
 * tokenizer keys of the header: never the merges, the scores, the tensor infos or the tensors.
 *
 * <p><b>Keys.</b> {@code tokenizer.ggml.model}: {@code "gpt2"} is byte-level BPE (pieces written with GPT-2's
 * byte map, {@link PieceEncoding#BYTE_LEVEL}); {@code "llama"} (SentencePiece BPE) and {@code "t5"}
 * (SentencePiece Unigram) use {@code ▁} for the space and {@code <0xNN>} byte tokens
 * ({@link PieceEncoding#SENTENCE_PIECE}); others ({@code bert}, {@code rwkv}, ...) are refused.
 * {@code tokenizer.ggml.tokens} (array of string) are the pieces, id = index. {@code tokenizer.ggml.token_type}
 * (optional, one integer per token) says how each reads, as llama.cpp's {@code token_to_piece} does:
 * <ul>
 *   <li>1 normal (and 0, undefined): the piece through the model's encoding;</li>
 *   <li>6 byte: {@code <0xNN>}, the single byte NN (anything else is an error);</li>
 *   <li>3 control: the piece's own UTF-8, <b>special</b>;</li>
 *   <li>4 user-defined (MPT's whitespace runs, Gemma's added tokens), 2 unknown ({@code <unk>}), 5 unused: the
 *       piece's own UTF-8 (llama.cpp's converter stores them as plain text), ordinary text.</li>
 * </ul>
 * Without {@code token_type}, a SentencePiece piece {@code <0xNN>} is a byte and every other piece normal.
 *
 * <p><b>EOS</b>: {@code tokenizer.ggml.eos_token_id}, {@code .eot_token_id} and {@code .eom_token_id} when present,
 * plus the control tokens named in {@link Vocabularies#END_OF_GENERATION_NAMES}, like llama.cpp's
 * end-of-generation set. {@code tokenizer.ggml.bos_token_id} is checked (in range) but a {@link Vocabulary} has no
 * BOS; read it from {@link GgufMetadata} if needed. The logits row is as long as the token list.
 *
 * <p><b>Errors</b> name the file, the offset and the key: {@code model.gguf at offset 1234, key
 * tokenizer.ggml.token_type[17]: expected a token type 0..6, got 9}.
 */
public final class GgufVocabularyLoader {
    /** The tokenizer piece model. */
    public static final String MODEL = "tokenizer.ggml.model";
    /** The pieces, one string per id. */
    public static final String TOKENS = "tokenizer.ggml.tokens";
    /** The token types, one integer per id. */
    public static final String TOKEN_TYPE = "tokenizer.ggml.token_type";
    /** The end-of-sequence id. */
    public static final String EOS = "tokenizer.ggml.eos_token_id";
    /** The end-of-turn id (chat models). */
    public static final String EOT = "tokenizer.ggml.eot_token_id";
    /** The end-of-message id (Llama 3.1 tool calls). */
    public static final String EOM = "tokenizer.ggml.eom_token_id";
    /** The beginning-of-sequence id. */
    public static final String BOS = "tokenizer.ggml.bos_token_id";

    private static final Set<String> KEYS = Set.of(MODEL, TOKENS, TOKEN_TYPE, EOS, EOT, EOM, BOS);
    private static final int UNDEFINED = 0;
    private static final int NORMAL = 1;
    private static final int CONTROL = 3;
    private static final int BYTE = 6;

    private GgufVocabularyLoader() {
    }

    /**
     * Loads the vocabulary of the GGUF file {@code file}, reading only the tokenizer keys of its header.
     *
     * @throws VocabularyFormatException naming the file, the offset and the key of what is wrong
     */
    public static Vocabulary load(Path file) throws IOException {
        return fromMetadata(GgufMetadata.read(file, KEYS::contains));
    }

    /**
     * The vocabulary that {@code metadata}'s tokenizer keys describe.
     *
     * @throws VocabularyFormatException naming the file, the offset and the key of what is wrong
     */
    public static Vocabulary fromMetadata(GgufMetadata metadata) throws VocabularyFormatException {
        String model = metadata.string(MODEL);
        PieceEncoding encoding;
        switch (model) {
            case "gpt2":
                encoding = PieceEncoding.BYTE_LEVEL;
                break;
            case "llama":
            case "t5":
                encoding = PieceEncoding.SENTENCE_PIECE;
                break;
            default:
                throw metadata.error(MODEL, "expected \"gpt2\" (byte-level BPE), \"llama\" or \"t5\" (SentencePiece), "
                        + "got \"" + model + "\"" + (model.equals("bert") ? ", whose WordPiece text depends on the "
                        + "neighbouring tokens" : model.equals("none") || model.equals("no_vocab")
                        ? ": the file has no vocabulary" : ""));
        }
        GgufStringArray tokens = metadata.stringArray(TOKENS);
        int size = tokens.size();
        if (size == 0 || size > TokenTable.MAX_ID + 1) {
            throw metadata.error(TOKENS, "expected 1.." + (TokenTable.MAX_ID + 1) + " tokens, got " + size);
        }
        int[] types = metadata.has(TOKEN_TYPE) ? metadata.ints(TOKEN_TYPE) : null;
        if (types != null && types.length != size) {
            throw metadata.error(TOKEN_TYPE, "expected one token type per token (" + size + "), got " + types.length);
        }
        byte[] blob = tokens.blob();
        boolean sentencePiece = encoding == PieceEncoding.SENTENCE_PIECE;
        TokenTable table = new TokenTable(size, blob.length);
        for (int id = 0; id < size; id++) {
            int from = tokens.start(id);
            int to = tokens.end(id);
            int bad = Utf8.invalidAt(blob, from, to);
            if (bad >= 0) {
                throw metadata.error(TOKENS + "[" + id + "]", tokens.offset(id) + bad - from,
                        "expected UTF-8 text, got the invalid byte " + String.format("0x%02X", blob[bad] & 0xFF));
            }
            int type = types != null ? types[id]
                    : sentencePiece && PieceEncoding.byteFallback(blob, from, to) >= 0 ? BYTE : NORMAL;
            switch (type) {
                case UNDEFINED:
                case NORMAL:
                    table.commit(id, sentencePiece ? spaces(blob, from, to, table) : byteLevel(blob, from, to, table),
                            false);
                    break;
                case BYTE: {
                    int b = PieceEncoding.byteFallback(blob, from, to);
                    if (b < 0) {
                        throw metadata.error(TOKENS + "[" + id + "]", tokens.offset(id),
                                "expected a byte token <0xNN> (token_type 6), got \""
                                        + new String(blob, from, to - from, StandardCharsets.UTF_8) + "\"");
                    }
                    table.reserve(1)[table.mark()] = (byte) b;
                    table.commit(id, 1, false);
                    break;
                }
                case 2:
                case CONTROL:
                case 4:
                case 5:
                    System.arraycopy(blob, from, table.reserve(to - from), table.mark(), to - from);
                    table.commit(id, to - from, type == CONTROL);
                    break;
                default:
                    throw metadata.error(TOKEN_TYPE + "[" + id + "]", metadata.elementOffset(TOKEN_TYPE, id),
                            "expected a token type 0..6 (1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, "
                                    + "6 byte), got " + type);
            }
        }
        int[] named = {id(metadata, EOS, size), id(metadata, EOT, size),
            id(metadata, EOM, size)};
        id(metadata, BOS, size);
        return table.build(EndOfGeneration.ids(table, Arrays.stream(named).filter(i -> i >= 0).toArray()));
    }

    /** Writes a byte-level piece's raw bytes at the table's mark (its own UTF-8 if outside the map); returns the count. */
    private static int byteLevel(byte[] blob, int from, int to, TokenTable table) {
        byte[] dst = table.reserve(to - from);
        int n = ByteLevelMap.decodeUtf8(blob, from, to, dst, table.mark());
        if (n >= 0) {
            return n;
        }
        System.arraycopy(blob, from, dst, table.mark(), to - from);
        return to - from;
    }

    /** Writes a SentencePiece piece with each {@code ▁} (E2 96 81) as a space at the table's mark; returns the count. */
    private static int spaces(byte[] blob, int from, int to, TokenTable table) {
        byte[] dst = table.reserve(to - from);
        int o = table.mark();
        int p = from;
        while (p < to) {
            if (blob[p] == (byte) 0xE2 && p + 2 < to && blob[p + 1] == (byte) 0x96 && blob[p + 2] == (byte) 0x81) {
                dst[o++] = ' ';
                p += 3;
            } else {
                dst[o++] = blob[p++];
            }
        }
        return o - table.mark();
    }

    /** The token id under {@code key}, checked, or -1 if absent. */
    private static int id(GgufMetadata m, String key, int size) throws VocabularyFormatException {
        if (!m.has(key)) {
            return -1;
        }
        long id = m.integer(key);
        if (id < 0 || id >= size) {
            throw m.error(key, "expected a token id in [0, " + size + "), got " + id);
        }
        return (int) id;
    }
}
