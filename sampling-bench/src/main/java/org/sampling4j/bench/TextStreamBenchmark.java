package org.sampling4j.bench;

import com.knuddels.jtokkit.api.Encoding;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sampling4j.text.Detokenizer;
import org.sampling4j.text.StopStrings;
import org.sampling4j.text.TextStream;
import org.sampling4j.text.Vocabulary;

/**
 * One token of streaming detokenization per call, in nanoseconds, sampled per call
 * ({@code Mode.SampleTime}) so that JMH reports the p50 / p90 / p99 / p99.9 of the per-token cost.
 *
 * <p>The stream is the o200k_base tokens of a real text ({@code @Param text}: {@code english}, 899
 * tokens of prose with a log table and dialogue; {@code cjk}, 963 tokens of Chinese, Japanese and
 * Korean prose, 44 of which end inside a character), cycled: at its end the stream is reset, inside the
 * measured call, as a new sequence would be. Four stop strings ({@link #STOPS}) whose prefixes
 * occur in both texts (so the holdback is exercised) but which never match (so every call does the
 * same job); setup checks both, and that the streamed text equals JTokkit's decoding.
 *
 * <ul>
 * <li>{@code decodeAndStopCheck}: {@link TextStream#accept(int, StringBuilder)} into a reused
 *     builder: decode + stop check, no allocation at all.</li>
 * <li>{@code decodeAndStopCheckToString}: {@link TextStream#accept(int)}, which returns the delta:
 *     the only allocation is the emitted String (about 24 + 16 + chars B, none for an empty delta).</li>
 * <li>{@code decodeOnly}: {@link Detokenizer} without stop strings, the floor.</li>
 * </ul>
 *
 * <pre>
 * java -jar sampling-bench/target/benchmarks.jar TextStreamBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class TextStreamBenchmark {
    /**
     * Stop strings of chat, tool-use and ReAct requests. None occurs in either text, but their
     * prefixes do and are held back: "\n" and "\n\n" (both texts), "O" (English), "\u3002",
     * "\u3002\n" and "\u3002\n\n" (CJK).
     */
    static final String[] STOPS = {"\n\nUser:", "</answer>", "Observation:", "\u3002\n\n\u7528\u6237\uFF1A"};

    @Param({"english", "cjk"})
    public String text;

    private int[] tokens;
    private TextStream stream;
    private Detokenizer detokenizer;
    private StringBuilder delta;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Encoding encoding = BenchmarkTexts.o200kEncoding();
        Vocabulary vocabulary = BenchmarkTexts.o200kVocabulary();
        String source = BenchmarkTexts.text(text);
        tokens = BenchmarkTexts.tokens(encoding, source);
        stream = TextStream.builder(vocabulary).stopStrings(StopStrings.of(STOPS)).build();
        detokenizer = new Detokenizer(vocabulary);
        delta = new StringBuilder(256);
        check(source, BenchmarkTexts.decode(encoding, tokens));
        next = 0;
    }

    /** Streams the whole text once; throws unless it equals JTokkit's decoding, with no stop and a held-back prefix seen. */
    private void check(String source, String jtokkit) {
        StringBuilder all = new StringBuilder();
        int held = 0;
        for (int token : tokens) {
            if (stream.accept(token, all)) {
                throw new IllegalStateException("stop string " + stream.stopMatch() + " matched the " + text + " text");
            }
            held += stream.heldBackChars() > 0 ? 1 : 0;
        }
        stream.finish(all);
        if (!all.toString().equals(jtokkit) || !jtokkit.equals(source)) {
            throw new IllegalStateException("the streamed " + text + " text differs from JTokkit's decoding");
        }
        if (held == 0) {
            throw new IllegalStateException("no stop-string prefix was held back in the " + text + " text");
        }
        stream.reset();
    }

    @Benchmark
    public int decodeAndStopCheck() {
        if (next == tokens.length) {
            stream.reset();
            next = 0;
        }
        delta.setLength(0);
        stream.accept(tokens[next++], delta);
        return delta.length();
    }

    @Benchmark
    public String decodeAndStopCheckToString() {
        if (next == tokens.length) {
            stream.reset();
            next = 0;
        }
        return stream.accept(tokens[next++]);
    }

    @Benchmark
    public int decodeOnly() {
        if (next == tokens.length) {
            detokenizer.reset();
            next = 0;
        }
        delta.setLength(0);
        detokenizer.decode(tokens[next++], delta);
        return delta.length();
    }
}
