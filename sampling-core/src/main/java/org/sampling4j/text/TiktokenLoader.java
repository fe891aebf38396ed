package org.sampling4j.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.sampling4j.internal.JsonReader;

/**
 * Loads a tiktoken rank file ({@code .tiktoken}: one {@code base64(token bytes) SP rank} per line, as OpenAI's
 * {@code tiktoken.load.load_tiktoken_bpe} reads it) plus the special tokens the caller gives, which rank files
 * do not hold. The rank is the token id.
 *
 * <p><b>Rules.</b> Blank lines are skipped and a line may end in {@code \r\n}, as tiktoken does; base64 is the
 * standard alphabet with {@code =} padding; each rank appears once; a special token's id may not be a rank.
 * The vocabulary's size is the largest id (rank or special) plus one; ids in between that nothing names are
 * <b>holes</b>: no bytes, marked special (cl100k_base has one at 100256, o200k_base at 199998 and
 * 200000..200017). Every special token is marked special; EOS are the special tokens named in
 * {@link Vocabularies#END_OF_GENERATION_NAMES} ({@code <|endoftext|>} for both OpenAI encodings).
 *
 * <p><b>Errors</b> name the source, the offset, the line and what was expected:
 * {@code cl100k_base.tiktoken at offset 40 (line 5): expected a rank in [0, 16777215] after the space, got "x1"}.
 *
 * <p><b>Cost.</b> One pass over the file, no intermediate strings: o200k_base (3.6 MB, 200k lines) loads in
 * milliseconds (see {@code VocabularyLoadBenchmark}).
 *
 * <pre>{@code
 * Vocabulary cl100k;
 * try (InputStream in = Encoding.class.getResourceAsStream("/com/knuddels/jtokkit/cl100k_base.tiktoken")) {
 *     cl100k = TiktokenLoader.load(in, "cl100k_base.tiktoken", TiktokenLoader.CL100K_BASE_SPECIAL_TOKENS);
 * }
 * }</pre>
 */
public final class TiktokenLoader {
    /** The special tokens of {@code cl100k_base} (GPT-3.5, GPT-4), as tiktoken defines them. */
    public static final Map<String, Integer> CL100K_BASE_SPECIAL_TOKENS = Map.of(
            "<|endoftext|>", 100257,
            "<|fim_prefix|>", 100258,
            "<|fim_middle|>", 100259,
            "<|fim_suffix|>", 100260,
            "<|endofprompt|>", 100276);

    /** The special tokens of {@code o200k_base} (GPT-4o), as tiktoken defines them. */
    public static final Map<String, Integer> O200K_BASE_SPECIAL_TOKENS = Map.of(
            "<|endoftext|>", 199999,
            "<|endofprompt|>", 200018);

    private static final byte[] BASE64 = new byte[256];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private TiktokenLoader() {
    }

    /**
     * Loads the rank file at {@code file} with {@code specialTokens} (text -> id; may be empty).
     *
     * @throws VocabularyFormatException naming the file, offset and line of a malformed entry
     * @throws IllegalArgumentException  if a special token is empty, has a negative id, or shares an id
     */
    public static Vocabulary load(Path file, Map<String, Integer> specialTokens) throws IOException {
        return parse(Files.readAllBytes(file), file.toString(), specialTokens);
    }

    /**
     * Loads the rank file that {@code in} holds (read to its end, not closed); errors name {@code source}.
     *
     * @throws VocabularyFormatException naming the source, offset and line of a malformed entry
     * @throws IllegalArgumentException  if a special token is empty, has a negative id, or shares an id
     */
    public static Vocabulary load(InputStream in, String source, Map<String, Integer> specialTokens)
            throws IOException {
        return parse(in.readAllBytes(), source, specialTokens);
    }

    static Vocabulary parse(byte[] text, String source, Map<String, Integer> specialTokens)
            throws VocabularyFormatException {
        TokenTable table = new TokenTable(text.length / 16, text.length * 3 / 5);
        int length = text.length;
        int line = 0;
        int p = 0;
        while (p < length) {
            line++;
            int start = p;
            int end = start;
            while (end < length && text[end] != '\n') {
                end++;
            }
            p = end + 1;
            if (end > start && text[end - 1] == '\r') {
                end--;
            }
            if (end == start) {
                continue;
            }
            int space = start;
            while (space < end && text[space] != ' ') {
                space++;
            }
            if (space == end || space == start) {
                throw error(source, start, line, "expected a base64 token, a space and a rank, got "
                        + preview(text, start, end));
            }
            int n = base64(text, start, space, table, source, line);
            int rank = rank(text, space + 1, end, source, line);
            if (table.has(rank)) {
                throw error(source, space + 1, line, "expected each rank once, got rank " + rank + " again");
            }
            table.commit(rank, n, false);
        }
        if (table.size() == 0) {
            throw new VocabularyFormatException(source + ": expected lines of a base64 token, a space and a rank, "
                    + "got no line");
        }
        int ranks = table.size();
        for (Map.Entry<String, Integer> e : specialTokens.entrySet()) {
            String name = e.getKey();
            int id = e.getValue();
            if (name.isEmpty() || id < 0 || id > TokenTable.MAX_ID) {
                throw new IllegalArgumentException("special token " + quote(name) + " = " + id + ": expected a "
                        + "non-empty text and an id in [0, " + TokenTable.MAX_ID + "]");
            }
            if (table.has(id)) {
                throw new IllegalArgumentException("special token " + quote(name) + " = " + id + " collides with "
                        + (id < ranks && !table.isSpecial(id) ? "rank " + id + " of " + source
                        : "another special token"));
            }
            table.put(id, name.getBytes(StandardCharsets.UTF_8), true);
        }
        return table.build(EndOfGeneration.ids(table));
    }

    /** Decodes the base64 in {@code [start, end)} into the table's pool at its mark; returns the byte count. */
    private static int base64(byte[] text, int start, int end, TokenTable table, String source, int line)
            throws VocabularyFormatException {
        int len = end - start;
        if (len % 4 != 0) {
            throw error(source, start, line, "expected base64 in groups of 4 characters (= padding), got "
                    + len + " characters: " + preview(text, start, end));
        }
        int pad = text[end - 1] == '=' ? text[end - 2] == '=' ? 2 : 1 : 0;
        int n = len / 4 * 3 - pad;
        if (n == 0) {
            throw error(source, start, line, "expected a token of at least one byte, got " + preview(text, start, end));
        }
        byte[] out = table.reserve(n);
        int o = table.mark();
        int last = o + n;
        for (int i = start; i < end; i += 4) {
            int quad = 0;
            for (int j = 0; j < 4; j++) {
                int c = text[i + j] & 0xFF;
                int v = BASE64[c];
                if (v < 0 && !(c == '=' && i + 4 == end && j >= 4 - pad)) {
                    throw error(source, i + j, line, "expected base64 (A-Z a-z 0-9 + / and = padding), got "
                            + describe(c) + " in " + preview(text, start, end));
                }
                quad = quad << 6 | Math.max(v, 0);
            }
            out[o++] = (byte) (quad >> 16);
            if (o < last) {
                out[o++] = (byte) (quad >> 8);
            }
            if (o < last) {
                out[o++] = (byte) quad;
            }
        }
        return n;
    }

    private static int rank(byte[] text, int start, int end, String source, int line) throws VocabularyFormatException {
        long v = 0;
        for (int i = start; i < end; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9 || v > TokenTable.MAX_ID) {
                v = -1;
                break;
            }
            v = v * 10 + d;
        }
        if (start == end || v < 0 || v > TokenTable.MAX_ID) {
            throw error(source, start, line, "expected a rank in [0, " + TokenTable.MAX_ID + "] after the space, got "
                    + preview(text, start, end));
        }
        return (int) v;
    }

    private static VocabularyFormatException error(String source, int offset, int line, String message) {
        return new VocabularyFormatException(source + " at offset " + offset + " (line " + line + "): " + message);
    }

    private static String preview(byte[] text, int start, int end) {
        return quote(new String(text, start, Math.min(end - start, 60), StandardCharsets.UTF_8));
    }

    private static String describe(int c) {
        return c > 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("the byte 0x%02X", c);
    }

    private static String quote(String s) {
        return JsonReader.quote(s);
    }
}
