package org.sampling4j.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiktokenLoaderTest {
    @TempDir
    Path dir;

    private static String line(byte[] token, int rank) {
        return Base64.getEncoder().encodeToString(token) + " " + rank + "\n";
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, UTF_8);
    }

    @Test
    void loadsRanksAsIdsWithTheCallersSpecialTokens() throws IOException {
        Path file = write("tiny.tiktoken", line("!".getBytes(UTF_8), 0) + line(" the".getBytes(UTF_8), 1)
                + line(new byte[] {(byte) 0xE4, (byte) 0xB8}, 2) + line(new byte[] {(byte) 0xFF}, 3));
        Vocabulary v = TiktokenLoader.load(file, Map.of("<|endoftext|>", 5, "<|fim_prefix|>", 6));
        assertEquals(7, v.size(), "largest id 6, plus one");
        assertArrayEquals("!".getBytes(UTF_8), v.bytes(0));
        assertArrayEquals(" the".getBytes(UTF_8), v.bytes(1));
        assertArrayEquals(new byte[] {(byte) 0xE4, (byte) 0xB8}, v.bytes(2), "half a character stays raw bytes");
        assertArrayEquals(new byte[] {(byte) 0xFF}, v.bytes(3));
        assertFalse(v.isSpecial(0) || v.isSpecial(3));
        assertEquals(0, v.length(4), "id 4 is a hole: no bytes");
        assertTrue(v.isSpecial(4), "and special, so it decodes to nothing and no grammar allows it");
        assertEquals("<|endoftext|>", v.text(5));
        assertTrue(v.isSpecial(5) && v.isSpecial(6));
        assertArrayEquals(new int[] {5}, v.eosIds(), "<|endoftext|> ends a sequence, <|fim_prefix|> does not");
    }

    @Test
    void acceptsRanksInAnyOrderCrLfAndBlankLinesAsTiktokenDoes() throws IOException {
        String text = "Yg== 1\r\n\r\nYQ== 0\r\n\nYWI= 2";
        Vocabulary v = TiktokenLoader.load(new ByteArrayInputStream(text.getBytes(UTF_8)), "x.tiktoken", Map.of());
        assertEquals(3, v.size());
        assertEquals("a", v.text(0));
        assertEquals("b", v.text(1));
        assertEquals("ab", v.text(2));
        assertArrayEquals(new int[0], v.eosIds());
    }

    @Test
    void rejectsMalformedLinesNamingSourceOffsetLineAndWhatWasExpected() {
        String[][] cases = {
            {"YQ==0", "x.tiktoken at offset 0 (line 1): expected a base64 token, a space and a rank, got \"YQ==0\""},
            {"YQ== 0\n 1", "x.tiktoken at offset 7 (line 2): expected a base64 token, a space and a rank, got \" 1\""},
            {"YQ= 0", "x.tiktoken at offset 0 (line 1): expected base64 in groups of 4 characters (= padding), got 3 characters: \"YQ=\""},
            {"Y*== 0", "x.tiktoken at offset 1 (line 1): expected base64 (A-Z a-z 0-9 + / and = padding), got '*' in \"Y*==\""},
            {"Y=Q= 0", "x.tiktoken at offset 1 (line 1): expected base64 (A-Z a-z 0-9 + / and = padding), got '=' in \"Y=Q=\""},
            {"YQ== x1", "x.tiktoken at offset 5 (line 1): expected a rank in [0, 16777215] after the space, got \"x1\""},
            {"YQ== -1", "x.tiktoken at offset 5 (line 1): expected a rank in [0, 16777215] after the space, got \"-1\""},
            {"YQ== 99999999999", "x.tiktoken at offset 5 (line 1): expected a rank in [0, 16777215] after the space, got \"99999999999\""},
            {"YQ== 0\nYg== 0", "x.tiktoken at offset 12 (line 2): expected each rank once, got rank 0 again"},
            {"\n\n", "x.tiktoken: expected lines of a base64 token, a space and a rank, got no line"},
        };
        for (String[] c : cases) {
            VocabularyFormatException e = assertThrows(VocabularyFormatException.class,
                    () -> TiktokenLoader.load(new ByteArrayInputStream(c[0].getBytes(UTF_8)), "x.tiktoken", Map.of()), c[0]);
            assertEquals(c[1], e.getMessage());
        }
    }

    @Test
    void fileErrorsNameThePath() throws IOException {
        Path file = write("bad.tiktoken", "YQ== 0\nnot base64 5\n");
        String m = assertThrows(VocabularyFormatException.class, () -> TiktokenLoader.load(file, Map.of())).getMessage();
        assertTrue(m.startsWith(file + " at offset 7 (line 2): "), m);
    }

    @Test
    void rejectsSpecialTokensThatCollideOrAreInvalid() {
        byte[] text = "YQ== 0\nYg== 1\n".getBytes(UTF_8);
        assertEquals("special token \"<|x|>\" = 1 collides with rank 1 of x.tiktoken",
                assertThrows(IllegalArgumentException.class, () -> TiktokenLoader.parse(text, "x.tiktoken",
                        Map.of("<|x|>", 1))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TiktokenLoader.parse(text, "x.tiktoken",
                Map.of("<|x|>", -2))).getMessage().contains("expected a non-empty text and an id in [0, 16777215]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TiktokenLoader.parse(text, "x.tiktoken",
                Map.of("", 3))).getMessage().contains("expected a non-empty text"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TiktokenLoader.parse(text, "x.tiktoken",
                Map.of("<|a|>", 3, "<|b|>", 3))).getMessage().endsWith("collides with another special token"));
    }
}
