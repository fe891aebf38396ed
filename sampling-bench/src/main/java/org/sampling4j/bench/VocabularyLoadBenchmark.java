package org.sampling4j.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sampling4j.text.GgufMetadata;
import org.sampling4j.text.GgufVocabularyLoader;
import org.sampling4j.text.TiktokenLoader;
import org.sampling4j.text.TokenizerJsonLoader;
import org.sampling4j.text.Vocabulary;

/**
 * Loading a real 200k vocabulary, in milliseconds per load: {@code o200k_base} (GPT-4o, 200,019 ids) from
 * JTokkit's tiktoken file, held in memory ({@code tiktokenFromBytes}) or on disk ({@code tiktokenFromFile}); the
 * same vocabulary written as a byte-level HuggingFace {@code tokenizer.json} with merges ({@code tokenizerJson},
 * about 7 MB); and as a GGUF model of 4 GB whose header holds the tokens, token types and 200k merges:
 * {@code ggufHeader} reads every key-value of the header, {@code ggufVocabulary} only the tokenizer keys into a
 * {@link Vocabulary}. The tensor bytes of the GGUF file are a sparse hole, never read. Targets (issue 11):
 * o200k_base into a Vocabulary at most 200 ms, a GGUF header at most 50 ms.
 *
 * <p>Setup checks every id of the tiktoken and tokenizer.json loads against JTokkit's {@code decodeBytes}, and
 * throws on a mismatch, so a wrong loader reports no time.
 *
 * <pre>
 * java -jar sampling-bench/target/benchmarks.jar VocabularyLoadBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class VocabularyLoadBenchmark {
    private byte[] tiktoken;
    private Path dir;
    private Path tiktokenFile;
    private Path tokenizerJson;
    private Path gguf;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        tiktoken = BenchmarkTexts.o200kRankFile();
        dir = Files.createTempDirectory("vocabulary-bench");
        tiktokenFile = Files.write(dir.resolve("o200k_base.tiktoken"), tiktoken);
        Vocabulary v = tiktokenFromBytes();
        Encoding jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        tokenizerJson = writeTokenizerJson(v, dir.resolve("tokenizer.json"));
        gguf = writeGguf(v, dir.resolve("model.gguf"));
        check(v, jtokkit, "tiktoken");
        check(TokenizerJsonLoader.load(tokenizerJson), jtokkit, "tokenizer.json");
        if (GgufVocabularyLoader.load(gguf).size() != v.size()) {
            throw new IllegalStateException("the GGUF vocabulary has the wrong size");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Vocabulary tiktokenFromBytes() throws IOException {
        return TiktokenLoader.load(new ByteArrayInputStream(tiktoken), "o200k_base.tiktoken",
                TiktokenLoader.O200K_BASE_SPECIAL_TOKENS);
    }

    @Benchmark
    public Vocabulary tiktokenFromFile() throws IOException {
        return TiktokenLoader.load(tiktokenFile, TiktokenLoader.O200K_BASE_SPECIAL_TOKENS);
    }

    @Benchmark
    public Vocabulary tokenizerJson() throws IOException {
        return TokenizerJsonLoader.load(tokenizerJson);
    }

    @Benchmark
    public GgufMetadata ggufHeader() throws IOException {
        return GgufMetadata.read(gguf);
    }

    @Benchmark
    public Vocabulary ggufVocabulary() throws IOException {
        return GgufVocabularyLoader.load(gguf);
    }

    private static void check(Vocabulary v, Encoding jtokkit, String what) {
        if (v.size() != 200019) {
            throw new IllegalStateException(what + ": " + v.size() + " ids, expected 200019");
        }
        for (int id = 0; id < v.size(); id++) {
            if (v.isSpecial(id) && v.length(id) == 0) {
                continue;
            }
            IntArrayList one = new IntArrayList(1);
            one.add(id);
            if (!Arrays.equals(jtokkit.decodeBytes(one), v.bytes(id))) {
                throw new IllegalStateException(what + ": id " + id + " differs from JTokkit");
            }
        }
    }

    // ---- fixtures: the vocabulary as the other formats write it

    /** GPT-2's byte-to-unicode map: printable bytes stand for themselves, the other 68 from U+0100 on. */
    private static String byteLevel(byte[] bytes) {
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            out[i] = (char) (b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE ? b : 0x100 + shifted(b));
        }
        return new String(out);
    }

    private static int shifted(int b) {
        return b <= 0x20 ? b : b <= 0xA0 ? b - 0x7F + 0x21 : 0x43;
    }

    private static Path writeTokenizerJson(Vocabulary v, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("version", "1.0");
            g.writeArrayFieldStart("added_tokens");
            for (int id = 0; id < v.size(); id++) {
                if (v.isSpecial(id) && v.length(id) > 0) {
                    g.writeStartObject();
                    g.writeNumberField("id", id);
                    g.writeStringField("content", v.text(id));
                    g.writeBooleanField("special", true);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeObjectFieldStart("pre_tokenizer");
            g.writeStringField("type", "ByteLevel");
            g.writeEndObject();
            g.writeObjectFieldStart("decoder");
            g.writeStringField("type", "ByteLevel");
            g.writeEndObject();
            g.writeObjectFieldStart("model");
            g.writeStringField("type", "BPE");
            g.writeObjectFieldStart("vocab");
            for (int id = 0; id < v.size(); id++) {
                if (!v.isSpecial(id)) {
                    g.writeNumberField(byteLevel(v.bytes(id)), id);
                }
            }
            g.writeEndObject();
            g.writeArrayFieldStart("merges");
            for (int id = 0; id < v.size(); id++) {
                if (!v.isSpecial(id) && v.length(id) > 1) {
                    String piece = byteLevel(v.bytes(id));
                    g.writeString(piece.charAt(0) + " " + piece.substring(1));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        return file;
    }

    /** A 4 GB GGUF (sparse past its header): general keys, tokens, token types, scores and merges. */
    private static Path writeGguf(Vocabulary v, Path file) throws IOException {
        int n = v.size();
        Le kv = new Le();
        kv.str("general.architecture").u32(8).str("llama");
        kv.str("general.name").u32(8).str("o200k benchmark");
        kv.str("llama.context_length").u32(4).u32(131072);
        kv.str("tokenizer.ggml.model").u32(8).str("gpt2");
        kv.str("tokenizer.ggml.pre").u32(8).str("gpt-4o");
        kv.str("tokenizer.ggml.tokens").u32(9).u32(8).u64(n);
        for (int id = 0; id < n; id++) {
            kv.str(v.isSpecial(id) ? v.length(id) == 0 ? "[PAD" + id + "]" : v.text(id) : byteLevel(v.bytes(id)));
        }
        kv.str("tokenizer.ggml.token_type").u32(9).u32(5).u64(n);
        for (int id = 0; id < n; id++) {
            kv.u32(v.isSpecial(id) ? v.length(id) == 0 ? 5 : 3 : 1);
        }
        kv.str("tokenizer.ggml.scores").u32(9).u32(6).u64(n);
        for (int id = 0; id < n; id++) {
            kv.u32(Float.floatToIntBits(-id));
        }
        kv.str("tokenizer.ggml.merges").u32(9).u32(8).u64(n);
        for (int id = 0; id < n; id++) {
            String piece = v.isSpecial(id) || v.length(id) < 2 ? "a b" : byteLevel(v.bytes(id));
            kv.str(piece.length() == 3 && piece.charAt(1) == ' ' ? piece : piece.charAt(0) + " " + piece.substring(1));
        }
        kv.str("tokenizer.ggml.eos_token_id").u32(4).u32(199999);
        kv.str("tokenizer.ggml.bos_token_id").u32(4).u32(199999);
        Le head = new Le();
        head.raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(3).u64(291).u64(11);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head.bytes());
            out.write(kv.bytes());
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(4L << 30);
        }
        return file;
    }

    /** A little-endian byte builder. */
    private static final class Le {
        private ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        private Le room(int n) {
            if (b.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                b.flip();
                bigger.put(b);
                b = bigger;
            }
            return this;
        }

        Le u32(int v) {
            room(4).b.putInt(v);
            return this;
        }

        Le u64(long v) {
            room(8).b.putLong(v);
            return this;
        }

        Le raw(byte[] bytes) {
            room(bytes.length).b.put(bytes);
            return this;
        }

        Le str(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            return u64(bytes.length).raw(bytes);
        }

        byte[] bytes() {
            return Arrays.copyOf(b.array(), b.position());
        }
    }
}
