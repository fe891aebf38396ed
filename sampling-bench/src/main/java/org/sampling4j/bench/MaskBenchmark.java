package org.sampling4j.bench;

import com.knuddels.jtokkit.api.Encoding;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sampling4j.grammar.Grammar;
import org.sampling4j.grammar.GrammarMatcher;
import org.sampling4j.text.Vocabulary;

/**
 * Token masks on o200k_base (200,019 tokens), one mask per call, sampled per call
 * ({@code Mode.SampleTime}) so JMH reports p50 / p99 / max over every step of every text of the
 * corpus ({@link MaskCorpus}). Before each call the matcher is moved (outside the timing) to the
 * next step of the replay: the texts' o200k tokens one after the other, a fresh matcher at each
 * text's start; so the distribution is over real positions of real outputs, cache hits and first
 * visits alike (the grammar is compiled once per trial, as a server compiles a request's grammar
 * once and shares it).
 *
 * <ul>
 * <li>{@code mask}: {@link GrammarMatcher#fillMask}.</li>
 * <li>{@code naiveMask}: the baseline that works the way llama.cpp's grammar sampler does: every
 *     token's bytes pushed through the parser at every step ({@code tryAccept} then
 *     {@code rollback}), no trie, no cache; same matcher, same steps, so the ratio is the speed-up.</li>
 * </ul>
 * {@link GrammarCompileBenchmark} times compilation to the first mask.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar sampling-bench/target/benchmarks.jar 'MaskBenchmark.mask$' -f 1 -wi 2 -i 5 -prof gc
 * java -jar sampling-bench/target/benchmarks.jar 'MaskBenchmark.naiveMask' -f 1 -wi 1 -i 2 -p grammar=JSON
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class MaskBenchmark {
    @Param({"JSON", "JSON_OBJECT", "JSON_GBNF", "DATE", "EMAIL", "IDENTIFIER", "NUMBER", "CHOICE", "ARITHMETIC", "C",
        "CHESS", "LIST", "JAPANESE", "SCHEMA_TOOL_CALL", "SCHEMA_CONFIG", "SCHEMA_TREE", "SCHEMA_PERSON", "SCHEMA_PERSON_FORCED",
        "SCHEMA_MULTIPLES"})
    public String grammar;

    private Grammar compiled;
    private int[][] texts;
    private int[] mask;
    private GrammarMatcher matcher;
    private int text;
    private int step;

    @Setup(Level.Trial)
    public void compile() {
        Encoding encoding = BenchmarkTexts.o200kEncoding();
        Vocabulary vocabulary = BenchmarkTexts.o200kVocabulary();
        MaskCorpus entry = MaskCorpus.valueOf(grammar);
        compiled = entry.compile(vocabulary);
        List<int[]> tokens = new ArrayList<>();
        for (String t : entry.texts) {
            int[] ids = BenchmarkTexts.tokens(encoding, t);
            GrammarMatcher check = compiled.newMatcher();
            for (int id : ids) {
                check.accept(id); // the corpus must be in the language, token by token
            }
            if (!check.canStop()) {
                throw new IllegalStateException(grammar + ": text is not complete: " + t);
            }
            tokens.add(ids);
        }
        texts = tokens.toArray(new int[0][]);
        mask = new int[compiled.maskWords()];
        text = texts.length - 1;
        step = texts[text].length;
    }

    /** The next step of the replay; a fresh matcher at the start of each text. */
    @Setup(Level.Invocation)
    public void advance() {
        if (step == texts[text].length) {
            text = (text + 1) % texts.length;
            step = 0;
            matcher = compiled.newMatcher();
            return;
        }
        matcher.accept(texts[text][step++]);
        if (step == texts[text].length) {
            advance();
        }
    }

    /** The memory the compiled grammar holds after the run (its lazy DFA and mask caches). */
    @TearDown(Level.Trial)
    public void report() {
        System.out.println("# MaskBenchmark " + grammar + ": compiled grammar holds " + compiled.cacheBytes() + " bytes");
    }

    @Benchmark
    public int[] mask() {
        matcher.fillMask(mask);
        return mask;
    }

    @Benchmark
    public int[] naiveMask() {
        java.util.Arrays.fill(mask, 0);
        int size = compiled.vocabulary().logitsSize();
        for (int t = 0; t < size; t++) {
            if (matcher.tryAccept(t)) {
                matcher.rollback(1);
                mask[t >>> 5] |= 1 << (t & 31);
            }
        }
        return mask;
    }
}
