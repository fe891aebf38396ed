package org.sampling4j.bench;

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
import org.sampling4j.grammar.Grammar;
import org.sampling4j.text.Vocabulary;

/**
 * Grammar text to the first mask ready, on o200k_base, in microseconds, sampled per call: what a
 * request with a new grammar waits before its first token. The vocabulary is loaded once per
 * trial (a server loads it with the model); every call compiles afresh.
 *
 * <pre>
 * java -jar sampling-bench/target/benchmarks.jar GrammarCompileBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class GrammarCompileBenchmark {
    @Param({"JSON", "JSON_GBNF", "DATE", "EMAIL", "NUMBER", "CHOICE", "ARITHMETIC", "C", "CHESS", "LIST", "JAPANESE", "SCHEMA_TOOL_CALL", "SCHEMA_CONFIG", "SCHEMA_TREE", "SCHEMA_PERSON", "SCHEMA_PERSON_FORCED"})
    public String grammar;

    private Vocabulary vocabulary;
    private MaskCorpus entry;
    private int[] mask;

    @Setup(Level.Trial)
    public void load() {
        vocabulary = BenchmarkTexts.o200kVocabulary();
        entry = MaskCorpus.valueOf(grammar);
        mask = new int[(vocabulary.logitsSize() + 31) / 32];
    }

    @Benchmark
    public int[] compileToFirstMask() {
        Grammar g = entry.compile(vocabulary);
        g.newMatcher().fillMask(mask);
        return mask;
    }
}
