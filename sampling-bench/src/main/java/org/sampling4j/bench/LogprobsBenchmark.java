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
import org.sampling4j.SampleResult;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.KernelsProvider;

/**
 * What logprobs cost on top of sampling: one step of a dense-row configuration with
 * {@code topLogprobs} -1 (no {@link SampleResult}: no logprobs at all, the plain step), 0 (a result
 * with the chosen token's processed and raw logprobs) and 5 (those and the top five, at the
 * processed distribution), the result reused, beside the floor. The target of issue 14: with top-p,
 * 5 logprobs cost at most twice the step without them, so the -1 row is the baseline of the same run.
 *
 * <p>Same rows, pool of seeded sequences and rollback as {@link SamplerBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dsampling4j.kernels=panama"})
@State(Scope.Thread)
public class LogprobsBenchmark {
    private static final int POOL = 256;

    @Param({"temp1", "topP095Temp07", "temp07TopP09"})
    public String config;

    @Param({"-1", "0", "5"})
    public int topLogprobs;

    @Param({"128256"})
    public int vocab;

    private float[] logits;
    private Sampler sampler;
    private Workspace workspace;
    private SequenceState[] pool;
    private SampleResult result;
    private Kernels kernels;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        logits = BenchmarkRows.logits(vocab);
        int[] history = BenchmarkRows.history(vocab);
        SamplingParams params = CanonicalConfig.valueOf(config).params(BenchmarkRows.SEED).toBuilder()
                .topLogprobs(Math.max(0, topLogprobs)).build();
        sampler = Sampler.of(params, vocab);
        workspace = new Workspace(vocab);
        kernels = KernelsProvider.get();
        result = topLogprobs < 0 ? null : new SampleResult();
        pool = new SequenceState[POOL];
        for (int i = 0; i < POOL; i++) {
            pool[i] = SequenceState.resume(BenchmarkRows.SEED + i, new int[0], history);
        }
    }

    @Benchmark
    public int sample() {
        SequenceState state = pool[next++ & (POOL - 1)];
        int token = sampler.sample(logits, state, workspace, result);
        state.rollback(1);
        return token;
    }

    /** The floor: one SIMD max-reduction pass over the same logits. */
    @Benchmark
    public float floorMax() {
        return kernels.max(logits, 0, logits.length);
    }
}
