package org.sampling4j.bench;

import java.util.Map;
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
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.processor.EpsilonProcessor;
import org.sampling4j.processor.EtaProcessor;
import org.sampling4j.processor.FrequencyPresencePenaltyProcessor;
import org.sampling4j.processor.LogitBiasProcessor;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.processor.RepetitionPenaltyProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TokenMaskProcessor;
import org.sampling4j.processor.BadWordsProcessor;
import org.sampling4j.processor.ClassifierFreeGuidanceProcessor;
import org.sampling4j.processor.DryProcessor;
import org.sampling4j.processor.DynamicTemperatureProcessor;
import org.sampling4j.processor.NoRepeatNGramProcessor;
import org.sampling4j.processor.ThinkingBudgetProcessor;
import org.sampling4j.processor.TopHProcessor;
import org.sampling4j.processor.TopKProcessor;
import org.sampling4j.processor.TopNSigmaProcessor;
import org.sampling4j.processor.XtcProcessor;
import org.sampling4j.processor.TopPProcessor;
import org.sampling4j.processor.TypicalProcessor;

/**
 * One processor alone, in microseconds per call of {@code Sampler.process} at V = 128,256: load
 * the row, apply the processor, write the processed row out. {@code none} is the same call with
 * no processor (load plus write-out), so a processor's own cost is its time minus that of
 * {@code none}. Logits N(0, 3), a 64-token history, Panama kernels.
 *
 * <pre>
 * java -jar sampling-bench/target/benchmarks.jar ProcessorBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dsampling4j.kernels=panama"})
@State(Scope.Thread)
public class ProcessorBenchmark {
    @Param({"none", "temperature07", "topK50", "topP09", "minP005", "epsilon3e4", "eta2e3", "typical09",
        "repetition11",
        "frequencyPresence", "logitBias", "bannedTokens", "topNSigma1", "xtc05", "dynatemp05", "dry08",
        "badWords", "noRepeatNgram3", "guidance15", "topH04", "thinkingBudget", "thinkingForced"})
    public String processor;

    @Param({"128256"})
    public int vocab;

    private float[] logits;
    /** The unconditional row for guidance15 (another row of the same shape), else null. */
    private float[] unconditional;
    private float[] out;
    private Sampler sampler;
    private Workspace workspace;
    private SequenceState state;

    @Setup(Level.Trial)
    public void setUp() {
        logits = BenchmarkRows.logits(vocab);
        out = new float[vocab];
        Sampler.Builder b = Sampler.builder(vocab);
        LogitsProcessor p = create(processor, vocab);
        if (p != null) {
            b.add(p);
        }
        sampler = b.build();
        if (p instanceof ClassifierFreeGuidanceProcessor) {
            // The same draws shifted by one token: a different row of the same distribution.
            unconditional = java.util.Arrays.copyOfRange(BenchmarkRows.logits(vocab + 1), 1, vocab + 1);
        }
        workspace = new Workspace(vocab);
        state = SequenceState.resume(BenchmarkRows.SEED, new int[0], BenchmarkRows.history(vocab));
        if (processor.startsWith("thinking")) {
            int kept = sampler.process(logits, state, workspace, out);
            int expected = processor.equals("thinkingForced") ? 1 : vocab;
            if (kept != expected) {
                throw new IllegalStateException(processor + " keeps " + kept + " tokens, expected " + expected);
            }
        }
    }

    /**
     * The processor for {@code name}. The thinking budgets open their section at the history's first
     * token and close it with token V - 1 (not in the history): {@code thinkingBudget} (budget 1000)
     * is still counting after the 64 tokens, {@code thinkingForced} (budget 63: the section holds
     * the other 63) is forcing the end. Setup checks both.
     */
    static LogitsProcessor create(String name, int vocab) {
        int[] open = {BenchmarkRows.history(vocab)[0]};
        int[] close = {vocab - 1};
        switch (name) {
            case "topH04": return new TopHProcessor(0.4);
            case "thinkingBudget": return new ThinkingBudgetProcessor(1000, open, close, new int[0]);
            case "thinkingForced": return new ThinkingBudgetProcessor(BenchmarkRows.HISTORY - 1, open, close, new int[0]);
            default: return create(name);
        }
    }

    static LogitsProcessor create(String name) {
        switch (name) {
            case "none": return null;
            case "temperature07": return new TemperatureProcessor(0.7);
            case "topK50": return new TopKProcessor(50);
            case "topP09": return new TopPProcessor(0.9, 1);
            case "minP005": return new MinPProcessor(0.05, 1);
            case "epsilon3e4": return new EpsilonProcessor(3e-4, 1);
            case "eta2e3": return new EtaProcessor(2e-3, 1);
            case "typical09": return new TypicalProcessor(0.9, 1);
            case "repetition11": return new RepetitionPenaltyProcessor(1.1, PenaltyScope.PROMPT_AND_GENERATED, 64);
            case "frequencyPresence": return new FrequencyPresencePenaltyProcessor(0.3, 0.6, 64);
            case "logitBias": return new LogitBiasProcessor(Map.of(1, 5f, 17, -100f, 2048, 2f, 99_999, -2f));
            case "bannedTokens": return TokenMaskProcessor.ban(0, 1, 2, 3, 50_000);
            case "topNSigma1": return new TopNSigmaProcessor(1.0);
            // Threshold 1e-4 so that on N(0, 3) logits at 128k several tokens qualify and the
            // coin (probability 1) always fires: the expensive path.
            case "xtc05": return new XtcProcessor(1.0, 1e-4, 1);
            case "dynatemp05": return new DynamicTemperatureProcessor(1.0, 0.5, 1.0);
            case "dry08": return new DryProcessor(0.8, 1.75, 2, 0, new int[0][]);
            case "badWords": return new BadWordsProcessor(new int[][] {{5}, {1, 2}, {3, 4, 5}});
            case "noRepeatNgram3": return new NoRepeatNGramProcessor(3);
            case "guidance15": return new ClassifierFreeGuidanceProcessor(1.5);
            default: throw new IllegalArgumentException("processor = " + name);
        }
    }

    @Benchmark
    public float[] process() {
        if (unconditional != null) {
            sampler.process(logits, unconditional, state, workspace, out);
        } else {
            sampler.process(logits, state, workspace, out);
        }
        return out;
    }
}
