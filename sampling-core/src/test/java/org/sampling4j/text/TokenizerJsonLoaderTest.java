package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sampling4j.KernelIndependent;

/** Each test writes its own tokenizer.json, shaped like the real files of the model it names. */
@KernelIndependent
class TokenizerJsonLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SP = "\u2581";

    @TempDir
    Path dir;

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> added(int id, String content, boolean special) {
        return map("id", id, "content", content, "single_word", false, "lstrip", false, "rstrip", false,
                "normalized", !special, "special", special);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(Map<String, Object> tokenizer) {
        return (Map<String, Object>) tokenizer.get("model");
    }

    private Path write(Map<String, Object> tokenizer) throws IOException {
        return Files.write(dir.resolve("tokenizer.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tokenizer));
    }

    private Path writeRaw(String json) throws IOException {
        return Files.writeString(dir.resolve("tokenizer.json"), json, UTF_8);
    }

    private static Map<String, Object> gpt2Style() {
        Map<String, Object> vocab = map("!", 0, "\u0120the", 1, "\u010a", 2, "\u00c3\u00a9", 3, "\u00e4\u00b8", 4,
                "<|endoftext|>", 5);
        return map("version", "1.0", "truncation", null, "padding", null,
                "added_tokens", List.of(added(5, "<|endoftext|>", true), added(6, "<|im_start|>", true),
                        added(7, "  ", false)),
                "normalizer", null,
                "pre_tokenizer", map("type", "ByteLevel", "add_prefix_space", false, "trim_offsets", true, "use_regex", true),
                "post_processor", map("type", "ByteLevel", "add_prefix_space", true, "trim_offsets", false, "use_regex", true),
                "decoder", map("type", "ByteLevel", "add_prefix_space", true, "trim_offsets", true, "use_regex", true),
                "model", map("type", "BPE", "dropout", null, "unk_token", null, "continuing_subword_prefix", "",
                        "end_of_word_suffix", "", "fuse_unk", false, "byte_fallback", false, "ignore_merges", false,
                        "vocab", vocab, "merges", List.of("\u0120 t", "h e", List.of("\u0120t", "he"))));
    }

    @Test
    void byteLevelPiecesBecomeRawBytesThroughTheGpt2Map() throws IOException {
        Vocabulary v = TokenizerJsonLoader.load(write(gpt2Style()));
        assertEquals(8, v.size());
        assertArrayEquals("!".getBytes(UTF_8), v.bytes(0));
        assertArrayEquals(" the".getBytes(UTF_8), v.bytes(1));
        assertArrayEquals("\n".getBytes(UTF_8), v.bytes(2));
        assertArrayEquals("\u00e9".getBytes(UTF_8), v.bytes(3));
        assertArrayEquals(new byte[] {(byte) 0xE4, (byte) 0xB8}, v.bytes(4), "half of 中 stays raw");
        assertEquals("<|endoftext|>", v.text(5));
        assertEquals("<|im_start|>", v.text(6));
        assertEquals("  ", v.text(7), "a non-special added token is its literal text");
        assertTrue(v.isSpecial(5) && v.isSpecial(6));
        assertFalse(v.isSpecial(1) || v.isSpecial(7));
        assertArrayEquals(new int[] {5}, v.eosIds(), "<|endoftext|> by name; <|im_start|> is no end");
    }

    @Test
    void llama3StyleTakesEosFromTheNamesWhenTheTemplateOnlyPrependsBos() throws IOException {
        Map<String, Object> t = gpt2Style();
        t.put("added_tokens", List.of(added(5, "<|begin_of_text|>", true), added(6, "<|end_of_text|>", true),
                added(7, "<|eot_id|>", true)));
        t.put("post_processor", map("type", "Sequence", "processors", List.of(
                map("type", "ByteLevel", "add_prefix_space", true, "trim_offsets", false, "use_regex", true),
                map("type", "TemplateProcessing",
                        "single", List.of(map("SpecialToken", map("id", "<|begin_of_text|>", "type_id", 0)),
                                map("Sequence", map("id", "A", "type_id", 0))),
                        "pair", List.of(),
                        "special_tokens", map("<|begin_of_text|>", map("id", "<|begin_of_text|>", "ids", List.of(5),
                                "tokens", List.of("<|begin_of_text|>")))))));
        t.put("decoder", map("type", "ByteLevel"));
        t.put("pre_tokenizer", map("type", "Sequence", "pretokenizers", List.of(map("type", "Split"),
                map("type", "ByteLevel"))));
        Vocabulary v = TokenizerJsonLoader.load(write(t));
        assertEquals("<|begin_of_text|>", v.text(5), "the added token replaces vocab id 5");
        assertArrayEquals(new int[] {6, 7}, v.eosIds());
    }

    private static Map<String, Object> llama2Style() {
        Map<String, Object> vocab = map("<unk>", 0, "<s>", 1, "</s>", 2, "<0x00>", 3, "<0x0A>", 4, "<0xE4>", 5,
                SP + "the", 6, SP, 7, "\u4e2d", 8, "a" + SP + "b", 9);
        return map("version", "1.0", "truncation", null, "padding", null,
                "added_tokens", List.of(added(0, "<unk>", true), added(1, "<s>", true), added(2, "</s>", true)),
                "normalizer", map("type", "Sequence", "normalizers", List.of(map("type", "Prepend", "prepend", SP),
                        map("type", "Replace", "pattern", map("String", " "), "content", SP))),
                "pre_tokenizer", null,
                "post_processor", map("type", "TemplateProcessing",
                        "single", List.of(map("SpecialToken", map("id", "<s>", "type_id", 0)),
                                map("Sequence", map("id", "A", "type_id", 0))),
                        "pair", List.of(),
                        "special_tokens", map("<s>", map("id", "<s>", "ids", List.of(1), "tokens", List.of("<s>")))),
                "decoder", map("type", "Sequence", "decoders", List.of(
                        map("type", "Replace", "pattern", map("String", SP), "content", " "),
                        map("type", "ByteFallback"), map("type", "Fuse"),
                        map("type", "Strip", "content", " ", "start", 1, "stop", 0))),
                "model", map("type", "BPE", "dropout", null, "unk_token", "<unk>", "continuing_subword_prefix", null,
                        "end_of_word_suffix", null, "fuse_unk", true, "byte_fallback", true, "ignore_merges", false,
                        "vocab", vocab, "merges", List.of(SP + " t", "h e")));
    }

    @Test
    void sentencePieceBpeReadsSpacesAndByteFallbackPieces() throws IOException {
        Vocabulary v = TokenizerJsonLoader.load(write(llama2Style()));
        assertEquals(10, v.size());
        assertEquals("<unk>", v.text(0));
        assertTrue(v.isSpecial(0) && v.isSpecial(1) && v.isSpecial(2));
        assertArrayEquals(new byte[] {0}, v.bytes(3));
        assertArrayEquals(new byte[] {'\n'}, v.bytes(4));
        assertArrayEquals(new byte[] {(byte) 0xE4}, v.bytes(5));
        assertEquals(" the", v.text(6), "the first token's space is kept: Strip is the caller's convention");
        assertEquals(" ", v.text(7));
        assertEquals("\u4e2d", v.text(8));
        assertEquals("a b", v.text(9));
        assertFalse(v.isSpecial(6));
        assertArrayEquals(new int[] {2}, v.eosIds(), "</s> by name; the template only prepends <s>");
    }

    @Test
    void unigramVocabIsAListOfPieceAndScoreAndATemplateSuffixIsEos() throws IOException {
        Map<String, Object> t = map("version", "1.0",
                "added_tokens", List.of(added(0, "<pad>", true), added(1, "</s>", true), added(2, "<unk>", true),
                        added(6, SP + SP + "x", false), added(7, "<extra_id_0>", true)),
                "normalizer", null,
                "pre_tokenizer", map("type", "Metaspace", "replacement", SP, "prepend_scheme", "always", "split", true),
                "post_processor", map("type", "TemplateProcessing",
                        "single", List.of(map("Sequence", map("id", "A", "type_id", 0)),
                                map("SpecialToken", map("id", "<extra_id_0>", "type_id", 0))),
                        "special_tokens", map("<extra_id_0>", map("id", "<extra_id_0>", "ids", List.of(7),
                                "tokens", List.of("<extra_id_0>")))),
                "decoder", map("type", "Metaspace", "replacement", SP, "prepend_scheme", "always", "split", true),
                "model", map("type", "Unigram", "unk_id", 2, "vocab", List.of(List.of("<pad>", 0.0), List.of("</s>", 0.0),
                        List.of("<unk>", 0.0), List.of(SP + "hello", -1.5), List.of(SP, -2), List.of("<0x41>", 0.0)),
                        "byte_fallback", false));
        Vocabulary v = TokenizerJsonLoader.load(write(t));
        assertEquals(8, v.size());
        assertEquals(" hello", v.text(3));
        assertEquals(" ", v.text(4));
        assertEquals("A", v.text(5), "<0xNN> is a byte in a SentencePiece vocabulary");
        assertEquals("  x", v.text(6), "a non-special added token's \u2581 are spaces, as HF decodes them");
        assertFalse(v.isSpecial(6));
        assertArrayEquals(new int[] {1, 7}, v.eosIds(), "</s> by name, <extra_id_0> appended by the template");
    }

    @Test
    void addedTokensPastTheVocabLeaveHoles() throws IOException {
        Map<String, Object> t = gpt2Style();
        t.put("added_tokens", List.of(added(10, "<|im_end|>", true)));
        Vocabulary v = TokenizerJsonLoader.load(write(t));
        assertEquals(11, v.size());
        for (int hole = 6; hole < 10; hole++) {
            assertEquals(0, v.length(hole));
            assertTrue(v.isSpecial(hole));
        }
        assertArrayEquals(new int[] {10}, v.eosIds());
    }

    @Test
    void detectsTheEncodingFromTheDecoderThenPreTokenizerThenNormalizerThenModel() throws IOException {
        Map<String, Object> t = llama2Style();
        t.put("normalizer", null);
        assertEquals(" the", TokenizerJsonLoader.load(write(t)).text(6), "decoder Replace of \u2581");
        t.put("decoder", map("type", "Sequence", "decoders", List.of(map("type", "ByteFallback"))));
        assertEquals(" the", TokenizerJsonLoader.load(write(t)).text(6), "decoder ByteFallback");
        t.put("decoder", null);
        t.put("pre_tokenizer", map("type", "Metaspace", "replacement", SP));
        assertEquals(" the", TokenizerJsonLoader.load(write(t)).text(6), "pre_tokenizer Metaspace");
        t.put("pre_tokenizer", null);
        t.put("normalizer", map("type", "Replace", "pattern", map("String", " "), "content", SP));
        assertEquals(" the", TokenizerJsonLoader.load(write(t)).text(6), "Gemma's normalizer");
        t.put("normalizer", null);
        assertEquals(" the", TokenizerJsonLoader.load(write(t)).text(6), "byte_fallback true");
        model(t).put("byte_fallback", false);
        Path undetectable = write(t);
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class,
                () -> TokenizerJsonLoader.load(undetectable));
        assertTrue(e.getMessage().startsWith(dir.resolve("tokenizer.json") + ": expected a ByteLevel or SentencePiece-style"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("got decoder none, pre_tokenizer none, normalizer none and model.type BPE; "
                + "pass a PieceEncoding to load(...)"), e.getMessage());
        assertEquals(SP + "the", TokenizerJsonLoader.load(dir.resolve("tokenizer.json"), PieceEncoding.LITERAL).text(6));
        Map<String, Object> g = gpt2Style();
        g.put("decoder", null);
        assertEquals(" the", TokenizerJsonLoader.load(write(g)).text(1), "pre_tokenizer ByteLevel");
    }

    @Test
    void readsFromAStreamAndAcceptsAModelWithoutAType() throws IOException {
        Map<String, Object> t = gpt2Style();
        model(t).remove("type");
        Vocabulary v = TokenizerJsonLoader.load(new ByteArrayInputStream(JSON.writeValueAsBytes(t)), "mem", null);
        assertEquals(" the", v.text(1));
    }

    @Test
    void aWrongVocabValueNamesFileOffsetLineColumnPathAndWhatWasExpected() throws IOException {
        Path file = writeRaw("{\n  \"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0, \"abc\": \"x\"}}}");
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> TokenizerJsonLoader.load(file));
        assertEquals(file + " at offset 54 (line 2, column 53), $.model.vocab.abc: expected an integer id, got \"x\"",
                e.getMessage());
    }

    @Test
    void rejectsBadFilesSayingWhatWasExpected() throws IOException {
        String[][] cases = {
            {"{\"model\": {\"vocab\": {\"a\": 0, \"b\": 0}}}", "$.model.vocab.b: expected each id once, got id 0 again"},
            {"{\"model\": {\"vocab\": {\"a\": -1}}}", "$.model.vocab.a: expected an id in [0, 16777215], got -1"},
            {"{\"model\": {\"vocab\": {\"a\": 1.5}}}", "$.model.vocab.a: expected an integer id, got 1.5"},
            {"{\"model\": {\"type\": \"WordPiece\", \"vocab\": {}}}", "$.model.type: expected model.type BPE, Unigram or WordLevel, got \"WordPiece\", which is not supported: a WordPiece token's text depends on its neighbours (## continues a word)"},
            {"{\"model\": {\"type\": \"Magic\"}}", "$.model.type: expected model.type BPE, Unigram or WordLevel, got \"Magic\""},
            {"{\"model\": {\"type\": \"BPE\", \"vocab\": [[\"a\", 0]]}}", " at offset 35, $.model.vocab: expected an object of piece -> id for model.type BPE, got a list"},
            {"{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"a\", 0, 1]]}}", "$.model.vocab[0][2]: expected ']', got 1"},
            {"{\"model\": {\"vocab\": 3}}", "$.model.vocab: expected an object, got 3"},
            {"{\"added_tokens\": [{\"content\": \"x\"}], \"model\": {\"vocab\": {}}}", "$.added_tokens[0]: expected an added token with an \"id\" and a \"content\", got one without an id"},
            {"{\"version\": \"1.0\"}", ": expected a \"model\" with a \"vocab\", got no model"},
            {"{\"model\": {\"type\": \"BPE\"}}", ": expected a \"model\" with a \"vocab\", got a model without a vocab"},
            {"{\"model\": {\"vocab\": {\"a\": 0,", "$.model.vocab.a: expected a string key, got the end of the document"},
            {"[]", "$: expected an object, got an array"},
        };
        for (String[] c : cases) {
            VocabularyFormatException e = assertThrows(VocabularyFormatException.class,
                    () -> TokenizerJsonLoader.load(new ByteArrayInputStream(c[0].getBytes(UTF_8)), "t.json",
                            PieceEncoding.BYTE_LEVEL), c[0]);
            assertTrue(e.getMessage().startsWith("t.json") && e.getMessage().endsWith(c[1]), c[0] + " -> " + e.getMessage());
        }
    }

    /**
     * o200k_base written as a GPT-2-style tokenizer.json (10 MB with merges) loads to the same bytes as the
     * tiktoken file, id for id: the byte map is inverted exactly over a real 200k vocabulary.
     */
    @Test
    void aByteLevelTokenizerJsonOfO200kGivesTheTiktokenBytes() throws IOException {
        Vocabulary o200k = TiktokenJTokkitTest.load("o200k_base", TiktokenLoader.O200K_BASE_SPECIAL_TOKENS);
        Path file = dir.resolve("o200k-tokenizer.json");
        Files.write(file, byteLevelTokenizerJson(o200k));
        assertTrue(Files.size(file) > 6_000_000, "a realistic size: " + Files.size(file));
        Vocabulary v = TokenizerJsonLoader.load(file);
        assertEquals(o200k.size(), v.size());
        for (int id = 0; id < v.size(); id++) {
            assertArrayEquals(o200k.bytes(id), v.bytes(id), "id " + id);
            assertEquals(o200k.isSpecial(id), v.isSpecial(id), "id " + id);
        }
        assertArrayEquals(o200k.eosIds(), v.eosIds());
    }

    /** A HuggingFace-shaped byte-level tokenizer.json of {@code vocab}: its special tokens as added tokens. */
    static byte[] byteLevelTokenizerJson(Vocabulary vocab) throws IOException {
        Map<String, Object> pieces = new LinkedHashMap<>();
        List<Object> added = new ArrayList<>();
        List<String> merges = new ArrayList<>();
        for (int id = 0; id < vocab.size(); id++) {
            if (vocab.isSpecial(id)) {
                if (vocab.length(id) > 0) {
                    added.add(added(id, vocab.text(id), true));
                }
                continue;
            }
            String piece = ByteLevelMap.encode(vocab.bytes(id));
            pieces.put(piece, id);
            if (piece.length() > 1) {
                merges.add(piece.substring(0, 1) + " " + piece.substring(1));
            }
        }
        Map<String, Object> t = map("version", "1.0", "truncation", null, "padding", null, "added_tokens", added,
                "normalizer", null, "pre_tokenizer", map("type", "ByteLevel"), "post_processor", null,
                "decoder", map("type", "ByteLevel"),
                "model", map("type", "BPE", "vocab", pieces, "merges", merges));
        return JSON.writeValueAsBytes(t);
    }

    @Test
    void theJsonErrorIsTheCause() throws IOException {
        Path file = writeRaw("{\"model\": [}");
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> TokenizerJsonLoader.load(file));
        assertTrue(e.getCause() instanceof org.sampling4j.internal.JsonException);
        assertEquals(Arrays.asList(e.getMessage()), Arrays.asList(e.getCause().getMessage()));
    }
}
