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
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.KernelsProvider;

/**
 * One sampling step per call, in microseconds per token, for the canonical configurations at
 * several vocabulary sizes, beside the floor (one max pass over the same logits) and the naive
 * baseline ({@link NaiveSampler}).
 *
 * <p>Logits are N(0, 3) from a fixed seed with a 64-token history: one row, read by every call
 * and so hot in the L2 cache, unless {@link #rows} asks for copies in turn. A pool of 256 sequences
 * with different seeds is cycled and each is rolled back after its step, so every call draws a
 * different uniform, the history stays 64 tokens long, and nothing is allocated.
 *
 * <p>{@code samplePanama} and {@code sampleScalar} have the same body; they differ only in their
 * forks' flags ({@code --add-modules jdk.incubator.vector -Dsampling4j.kernels=panama} or
 * {@code -Dsampling4j.kernels=scalar} without the module). {@code floorMax} runs in a Panama fork.
 *
 * <pre>
 * java -jar sampling-bench/target/benchmarks.jar SamplerBenchmark -p vocab=128256 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dsampling4j.kernels=panama"})
@State(Scope.Thread)
public class SamplerBenchmark {
    private static final long SEED = BenchmarkRows.SEED;
    private static final int POOL = 256;
    private static final int HISTORY = BenchmarkRows.HISTORY;

    @Param({"greedy", "temp1", "topK50Temp07", "minP005Temp07", "topP095Temp07", "temp07TopP09", "fullChain"})
    public String config;

    @Param({"32000", "128256", "151936", "262144"})
    public int vocab;

    /**
     * Copies of the row cycled through, one per call: 1 (default) reads one row that stays in the
     * L2 cache call after call ("hot", as the llama.cpp harness does by default); 64 copies
     * (32 MB at V = 128,256) make each call read a row that left L2 ("cold", from L3 or DRAM).
     * The copies are identical, so every call samples the same logits either way.
     */
    @Param({"1"})
    public int rows;

    private float[] logits;
    private float[][] rowPool;
    private int[] history;
    private Sampler sampler;
    private Workspace workspace;
    private SequenceState[] pool;
    private NaiveSampler naive;
    private Kernels kernels;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        logits = BenchmarkRows.logits(vocab);
        if (rows < 1) {
            throw new IllegalArgumentException("rows = " + rows + " must be at least 1");
        }
        rowPool = new float[rows][];
        for (int i = 0; i < rows; i++) {
            rowPool[i] = i == 0 ? logits : logits.clone();
        }
        history = BenchmarkRows.history(vocab);
        SamplingParams params = CanonicalConfig.valueOf(config).params(SEED);
        sampler = Sampler.of(params, vocab);
        workspace = new Workspace(vocab);
        kernels = KernelsProvider.get();
        pool = new SequenceState[POOL];
        for (int i = 0; i < POOL; i++) {
            pool[i] = SequenceState.resume(SEED + i, new int[0], history);
        }
        naive = new NaiveSampler(params, vocab);
        BenchmarkChecks.checkAgainstNaive(sampler, naive, logits, history, SEED);
    }

    /** Sampling4J on the Vector API kernels. */
    @Benchmark
    public int samplePanama() {
        return step();
    }

    /** The same body on the scalar kernels: a fork without the incubator module. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Dsampling4j.kernels=scalar"})
    public int sampleScalar() {
        return step();
    }

    private int step() {
        int call = next++;
        SequenceState state = pool[call & (POOL - 1)];
        int token = sampler.sample(rowPool[call % rows], state, workspace);
        state.rollback(1);
        return token;
    }

    /** The floor: one SIMD max-reduction pass over the same logits (4 accumulators). */
    @Benchmark
    public float floorMax() {
        return kernels.max(rowPool[next++ % rows], 0, logits.length);
    }

    @Benchmark
    public int naiveReference() {
        int i = next++ & (POOL - 1);
        return naive.sample(logits, history, SEED + i, HISTORY);
    }
}
