package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sampling4j.KernelIndependent;

/** Each test writes its own GGUF header, shaped like the files llama.cpp's converter writes. */
@KernelIndependent
class GgufVocabularyLoaderTest {
    private static final String SP = "\u2581";
    /** Generous: the sparse file's point is that its 4 GB are never read; this is no benchmark. */

    @TempDir
    Path dir;

    private Path write(GgufWriter w) throws IOException {
        return w.write(dir.resolve("model.gguf"));
    }

    private String errorOf(GgufWriter w) throws IOException {
        Path f = write(w);
        return assertThrows(VocabularyFormatException.class, () -> GgufVocabularyLoader.load(f)).getMessage()
                .replace(f.toString(), "model.gguf");
    }

    static GgufWriter gpt2Style() {
        return new GgufWriter().tensors(291).string("general.architecture", "llama")
                .string("tokenizer.ggml.model", "gpt2").string("tokenizer.ggml.pre", "llama-bpe")
                .strings("tokenizer.ggml.tokens", "!", "\u0120the", "\u010a", "\u00e4\u00b8", "<|begin_of_text|>",
                        "<|eot_id|>", "  ", "\u0120\u0120")
                .ints("tokenizer.ggml.token_type", 1, 1, 1, 1, 3, 3, 4, 1)
                .strings("tokenizer.ggml.merges", "\u0120 t", "h e")
                .scalar("tokenizer.ggml.bos_token_id", GgufWriter.UINT32, 4)
                .scalar("tokenizer.ggml.eos_token_id", GgufWriter.UINT32, 5);
    }

    @Test
    void gpt2ModelPiecesGoThroughTheByteMapControlTokensAreSpecial() throws IOException {
        Vocabulary v = GgufVocabularyLoader.load(write(gpt2Style()));
        assertEquals(8, v.size());
        assertEquals("!", v.text(0));
        assertEquals(" the", v.text(1));
        assertEquals("\n", v.text(2));
        assertArrayEquals(new byte[] {(byte) 0xE4, (byte) 0xB8}, v.bytes(3));
        assertEquals("<|begin_of_text|>", v.text(4));
        assertTrue(v.isSpecial(4) && v.isSpecial(5));
        assertEquals("  ", v.text(6), "a user-defined token is its own text, ordinary");
        assertFalse(v.isSpecial(6));
        assertEquals("  ", v.text(7), "a normal token through the byte map");
        assertArrayEquals(new int[] {5}, v.eosIds());
    }

    static GgufWriter llamaStyle() {
        return new GgufWriter().string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", "<unk>", "<s>", "</s>", "<0x0A>", "<0xE4>", SP + "the", SP, "\u4e2d",
                        "<0x41>", "<start_of_turn>", "<end_of_turn>", "[PAD11]")
                .numbers("tokenizer.ggml.scores", GgufWriter.FLOAT32, 0f, 0f, 0f, 0f, 0f, -1f, -2f, -3f, -4f, 0f, 0f, 0f)
                .ints("tokenizer.ggml.token_type", 2, 3, 3, 6, 6, 1, 1, 1, 1, 3, 3, 5)
                .scalar("tokenizer.ggml.bos_token_id", GgufWriter.UINT32, 1)
                .scalar("tokenizer.ggml.eos_token_id", GgufWriter.UINT32, 2);
    }

    @Test
    void llamaModelReadsSpacesEverywhereAndByteTokens() throws IOException {
        Vocabulary v = GgufVocabularyLoader.load(write(llamaStyle()));
        assertEquals(12, v.size());
        assertEquals("<unk>", v.text(0));
        assertFalse(v.isSpecial(0), "unknown (2) is not control (3)");
        assertTrue(v.isSpecial(1) && v.isSpecial(2));
        assertArrayEquals(new byte[] {'\n'}, v.bytes(3));
        assertArrayEquals(new byte[] {(byte) 0xE4}, v.bytes(4));
        assertEquals(" the", v.text(5), "the first token's space is kept");
        assertEquals(" ", v.text(6));
        assertEquals("\u4e2d", v.text(7));
        assertEquals("<0x41>", v.text(8), "typed normal, so text, not a byte");
        assertEquals("[PAD11]", v.text(11));
        assertArrayEquals(new int[] {2, 10}, v.eosIds(), "eos_token_id, and <end_of_turn> by name");
    }

    @Test
    void withoutTokenTypesSentencePieceByteTokensAreInferredAndEotEomCount() throws IOException {
        Path f = write(new GgufWriter().string("tokenizer.ggml.model", "t5")
                .strings("tokenizer.ggml.tokens", "<pad>", "</s>", SP + "hi", "<0x41>", "<eot>", "<eom>")
                .scalar("tokenizer.ggml.eos_token_id", GgufWriter.INT32, 1)
                .scalar("tokenizer.ggml.eot_token_id", GgufWriter.UINT32, 4)
                .scalar("tokenizer.ggml.eom_token_id", GgufWriter.UINT64, 5));
        Vocabulary v = GgufVocabularyLoader.load(f);
        assertEquals(" hi", v.text(2));
        assertArrayEquals(new byte[] {'A'}, v.bytes(3));
        assertFalse(v.isSpecial(1), "no token types, no special tokens");
        assertArrayEquals(new int[] {1, 4, 5}, v.eosIds());
    }

    @Test
    void rejectsBadTokenizersNamingFileOffsetAndKey() throws IOException {
        assertEquals("model.gguf at offset 52, key tokenizer.ggml.model: expected \"gpt2\" (byte-level BPE), \"llama\" or "
                + "\"t5\" (SentencePiece), got \"bert\", whose WordPiece text depends on the neighbouring tokens",
                errorOf(new GgufWriter().string("tokenizer.ggml.model", "bert")));
        assertEquals("model.gguf: expected the key tokenizer.ggml.model, got none",
                errorOf(new GgufWriter().string("general.name", "x")));
        assertEquals("model.gguf: expected the key tokenizer.ggml.tokens, got none",
                errorOf(new GgufWriter().string("tokenizer.ggml.model", "gpt2")));
        assertEquals("model.gguf at offset 97, key tokenizer.ggml.tokens: expected an array of string, got an array of "
                + "int32", errorOf(new GgufWriter().string("tokenizer.ggml.model", "gpt2").ints("tokenizer.ggml.tokens", 1)));
        String types = errorOf(new GgufWriter().string("tokenizer.ggml.model", "gpt2")
                .strings("tokenizer.ggml.tokens", "a", "b").ints("tokenizer.ggml.token_type", 1));
        assertTrue(types.endsWith("key tokenizer.ggml.token_type: expected one token type per token (2), got 1"), types);
        String nine = errorOf(new GgufWriter().string("tokenizer.ggml.model", "gpt2")
                .strings("tokenizer.ggml.tokens", "a", "b").ints("tokenizer.ggml.token_type", 1, 9));
        long typesAt = 24 + (8 + 20) + 4 + (8 + 4) + (8 + 21) + 4 + 4 + 8 + (8 + 1) * 2 + (8 + 25);
        assertEquals("model.gguf at offset " + (typesAt + 16 + 4) + ", key tokenizer.ggml.token_type[1]: expected a token "
                + "type 0..6 (1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte), got 9", nine);
        String notByte = errorOf(new GgufWriter().string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", "a", "<0xZZ>").ints("tokenizer.ggml.token_type", 1, 6));
        assertTrue(notByte.endsWith("key tokenizer.ggml.tokens[1]: expected a byte token <0xNN> (token_type 6), got "
                + "\"<0xZZ>\""), notByte);
        String eos = errorOf(new GgufWriter().string("tokenizer.ggml.model", "gpt2").strings("tokenizer.ggml.tokens", "a")
                .scalar("tokenizer.ggml.eos_token_id", GgufWriter.UINT32, 7));
        assertTrue(eos.endsWith("key tokenizer.ggml.eos_token_id: expected a token id in [0, 1), got 7"), eos);
    }

    @Test
    void aGpt2PieceOutsideTheByteMapIsItsOwnUtf8AndInvalidUtf8IsRefused() throws IOException {
        Vocabulary v = GgufVocabularyLoader.load(write(new GgufWriter().string("tokenizer.ggml.model", "gpt2")
                .strings("tokenizer.ggml.tokens", "\u4e2d", "a b", "\u00c3\u00a9")));
        assertEquals("\u4e2d", v.text(0));
        assertEquals("a b", v.text(1));
        assertEquals("\u00e9", v.text(2));
        byte[] bad = GgufMetadataTest.concat(GgufWriter.le(GgufWriter.UINT32, GgufWriter.STRING), GgufWriter.u64le(2),
                GgufWriter.u64le(1), new byte[] {'a'}, GgufWriter.u64le(2), new byte[] {'b', (byte) 0xFF});
        String m = errorOf(new GgufWriter().string("tokenizer.ggml.model", "gpt2").raw("tokenizer.ggml.tokens",
                GgufWriter.ARRAY, bad));
        long second = 24 + (8 + 20) + 4 + (8 + 4) + (8 + 21) + 4 + 4 + 8 + (8 + 1) + 8;
        assertEquals("model.gguf at offset " + (second + 1) + ", key tokenizer.ggml.tokens[1]: expected UTF-8 text, got "
                + "the invalid byte 0xFF", m);
    }

    @Test
    void errorsInSkippedKeysStillNameTheKey() throws IOException {
        String m = errorOf(gpt2Style().raw("general.broken", 99));
        assertTrue(m.matches("model\\.gguf at offset \\d+, key general\\.broken: expected metadata value type 0\\.\\.12, "
                + "got 99"), m);
    }

    /** A 4 GB file whose header is a few hundred bytes: the tensors are never read, so it opens at once. */
    @Test
    void opensAFourGigabyteModelByItsHeaderOnly() throws IOException {
        Path f = write(gpt2Style());
        long header = Files.size(f);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(4L << 30);
            raf.write(1);
        }
        assertTrue(Files.size(f) > 4L << 30);
        Vocabulary v = GgufVocabularyLoader.load(f);
        GgufMetadata m = GgufMetadata.read(f);
        assertEquals(8, v.size());
        assertEquals(header, m.headerBytes(), "stopped at the end of the key-values");
        assertEquals(291, m.tensorCount());
    }

    /** o200k_base as a gpt2-model GGUF (tokens, types, merges): same bytes as the tiktoken file, id for id. */
    @Test
    void aGpt2GgufOfO200kGivesTheTiktokenBytes() throws IOException {
        Vocabulary o200k = TiktokenJTokkitTest.load("o200k_base", TiktokenLoader.O200K_BASE_SPECIAL_TOKENS);
        String[] tokens = new String[o200k.size()];
        int[] types = new int[o200k.size()];
        String[] merges = new String[o200k.size()];
        for (int id = 0; id < o200k.size(); id++) {
            boolean hole = o200k.isSpecial(id) && o200k.length(id) == 0;
            tokens[id] = hole ? "[PAD" + id + "]" : o200k.isSpecial(id) ? o200k.text(id)
                    : ByteLevelMap.encode(o200k.bytes(id));
            types[id] = hole ? 5 : o200k.isSpecial(id) ? 3 : 1;
            merges[id] = tokens[id].substring(0, 1) + " " + tokens[id].substring(1);
        }
        Path f = write(new GgufWriter().string("tokenizer.ggml.model", "gpt2").strings("tokenizer.ggml.tokens", tokens)
                .ints("tokenizer.ggml.token_type", types).strings("tokenizer.ggml.merges", merges)
                .scalar("tokenizer.ggml.eos_token_id", GgufWriter.UINT32, 199999));
        Vocabulary v = GgufVocabularyLoader.load(f);
        assertEquals(o200k.size(), v.size());
        for (int id = 0; id < v.size(); id++) {
            if (types[id] == 5) {
                assertEquals("[PAD" + id + "]", v.text(id));
                continue;
            }
            assertArrayEquals(o200k.bytes(id), v.bytes(id), "id " + id);
            assertEquals(o200k.isSpecial(id), v.isSpecial(id), "id " + id);
        }
        assertArrayEquals(new int[] {199999}, v.eosIds());
        assertEquals("<|endoftext|>", new String(v.bytes(199999), UTF_8));
    }
}
