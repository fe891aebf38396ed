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
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.chain.TokenPicker;
import org.sampling4j.Workspace;
import org.sampling4j.picker.AdaptivePPicker;
import org.sampling4j.processor.MinPProcessor;
import org.sampling4j.picker.InverseCdfPicker;
import org.sampling4j.picker.MirostatV1Picker;
import org.sampling4j.picker.MirostatV2Picker;

/**
 * One sampling step with only a picker (no processor), in microseconds per token at V = 128,256:
 * the plain inverse-CDF draw beside mirostat 1.0 and 2.0 (tau 5, eta 0.1) and adaptive-p (target
 * 0.5, decay 0.9, on the whole dense row: its most expensive case); the {@code minP005} variants
 * run min-p 0.05 first (llama.cpp's default), so the picker sees the few survivors. Each step is rolled back, so mu
 * (and adaptive-p's average) stays at its starting value and every call costs the same.
 * {@code floor} is one SIMD max pass over the row, the unit of the README's "x floor".
 *
 * <pre>
 * java -jar sampling-bench/target/benchmarks.jar PickerBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dsampling4j.kernels=panama"})
@State(Scope.Thread)
public class PickerBenchmark {
    @Param({"inverseCdf", "mirostat1", "mirostat2", "adaptiveP05", "minP005InverseCdf", "minP005AdaptiveP05"})
    public String picker;

    @Param({"128256"})
    public int vocab;

    private float[] logits;
    private Sampler sampler;
    private Workspace workspace;
    private SequenceState state;

    @Setup(Level.Trial)
    public void setUp() {
        logits = BenchmarkRows.logits(vocab);
        String name = picker.startsWith("minP005") ? picker.substring("minP005".length()) : picker;
        name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        TokenPicker p = name.equals("mirostat1") ? new MirostatV1Picker(5, 0.1, vocab)
                : name.equals("mirostat2") ? new MirostatV2Picker(5, 0.1)
                : name.equals("adaptiveP05") ? new AdaptivePPicker(0.5, 0.9) : InverseCdfPicker.INSTANCE;
        Sampler.Builder b = Sampler.builder(vocab).picker(p);
        if (picker.startsWith("minP005")) {
            b.add(new MinPProcessor(0.05, 1)); // llama.cpp's default min-p before the pick: a sparse set
        }
        sampler = b.build();
        workspace = new Workspace(vocab);
        state = SequenceState.resume(BenchmarkRows.SEED, new int[0], BenchmarkRows.history(vocab));
    }

    /** The floor: one SIMD max pass over the row (what any step must at least read). */
    @Benchmark
    public float floor() {
        return org.sampling4j.kernel.KernelsProvider.get().max(logits, 0, vocab);
    }

    @Benchmark
    public int sample() {
        int token = sampler.sample(logits, state, workspace);
        state.rollback(1);
        return token;
    }
}
