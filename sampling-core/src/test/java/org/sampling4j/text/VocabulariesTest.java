package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabulariesTest {
    @TempDir
    Path dir;

    @Test
    void detectsEachFormatByItsContentWhateverTheName() throws IOException {
        Path gguf = GgufVocabularyLoaderTest.gpt2Style().write(dir.resolve("model.bin"));
        Path json = Files.write(dir.resolve("tok"), new ObjectMapper().writeValueAsBytes(
                TokenizerJsonLoaderTest.map("model", TokenizerJsonLoaderTest.map("vocab",
                        TokenizerJsonLoaderTest.map("\u0120a", 0)), "decoder", TokenizerJsonLoaderTest.map("type", "ByteLevel"))));
        Path rank = Files.writeString(dir.resolve("ranks.txt"), "YQ== 0\nYg== 1\n");
        assertEquals(Vocabularies.Format.GGUF, Vocabularies.detect(gguf));
        assertEquals(Vocabularies.Format.TOKENIZER_JSON, Vocabularies.detect(json));
        assertEquals(Vocabularies.Format.TIKTOKEN, Vocabularies.detect(rank));
        assertEquals(" the", Vocabularies.load(gguf).text(1));
        assertEquals(" a", Vocabularies.load(json).text(0));
        assertEquals("b", Vocabularies.load(rank).text(1));
    }

    @Test
    void theExtensionDecidesWhenTheContentDoesNotAndTheLoaderSaysWhatIsWrong() throws IOException {
        Path json = Files.writeString(dir.resolve("tokenizer.json"), "  [1]");
        assertEquals(Vocabularies.Format.TOKENIZER_JSON, Vocabularies.detect(json));
        String m = assertThrows(VocabularyFormatException.class, () -> Vocabularies.load(json)).getMessage();
        assertTrue(m.endsWith("$: expected an object, got an array"), m);
        Path gguf = Files.writeString(dir.resolve("model.gguf"), "GGML");
        assertEquals(Vocabularies.Format.GGUF, Vocabularies.detect(gguf));
        Path unknown = Files.write(dir.resolve("weights.bin"), new byte[] {0, 1, 2});
        assertEquals(unknown + ": expected a GGUF file (magic GGUF), a tokenizer.json (a JSON object) or a tiktoken "
                + "rank file (base64, a space and a rank per line), got the bytes 00 01 02",
                assertThrows(VocabularyFormatException.class, () -> Vocabularies.load(unknown)).getMessage());
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertTrue(assertThrows(VocabularyFormatException.class, () -> Vocabularies.detect(empty)).getMessage()
                .endsWith("got an empty file"));
    }

    @Test
    void aTiktokenFileNamedForAnOpenAiEncodingGetsItsSpecialTokens() throws IOException {
        Path file = dir.resolve("cl100k_base.tiktoken");
        try (InputStream in = getClass().getResourceAsStream("/com/knuddels/jtokkit/cl100k_base.tiktoken")) {
            Files.copy(in, file);
        }
        Vocabulary v = Vocabularies.load(file);
        assertEquals(100277, v.size());
        assertEquals("<|endofprompt|>", v.text(100276));
        assertArrayEquals(new int[] {100257}, v.eosIds());
        assertArrayEquals(" world".getBytes(UTF_8), v.bytes(1917));
    }
}
