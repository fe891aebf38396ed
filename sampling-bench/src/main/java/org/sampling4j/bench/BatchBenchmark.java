package org.sampling4j.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
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
import org.sampling4j.batch.BatchSampler;
import org.sampling4j.random.PortableGaussian;

/**
 * One batch of B rows per call, in microseconds per batch (rows per second = B / score), for
 * configuration 7 (penalties + top-k + top-p + min-p + T) at V = 128,256, on 1 or 2 threads (the
 * caller plus common-pool helpers), from a {@code float[]} of B x V or a direct
 * {@link FloatBuffer}.
 *
 * <p>Each call samples fresh rows, as a server does after each forward pass: the batches cycle
 * through 128 distinct rows of N(0, 3) logits (64 MB at V = 128,256, more than this machine's
 * caches), so for every B the rows come from memory rather than from a cache warmed by the
 * previous call. Each row has its own sequence with a 64-token history and its own seed; every 64
 * batches the sequences roll back 64 tokens, so draws differ from call to call and the penalty
 * window stays full.
 *
 * <pre>
 * java -jar sampling-bench/target/benchmarks.jar BatchBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dsampling4j.kernels=panama"})
@State(Scope.Thread)
public class BatchBenchmark {
    private static final long SEED = BenchmarkRows.SEED;
    private static final int ROLLBACK_EVERY = 64;

    @Param({"1", "8", "64"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    @Param({"128256"})
    public int vocab;

    private static final int DISTINCT_ROWS = 128;

    private float[][] logits;
    private FloatBuffer[] direct;
    private int nextBatch;
    private Sampler[] samplers;
    private SequenceState[] states;
    private int[] tokens;
    private BatchSampler sampler;
    private int step;

    @Setup(Level.Trial)
    public void setUp() {
        int batches = DISTINCT_ROWS / batch;
        logits = new float[batches][batch * vocab];
        direct = new FloatBuffer[batches];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < logits[b].length; i++) {
                logits[b][i] = (float) (PortableGaussian.next(random) * 3);
            }
            direct[b] = ByteBuffer.allocateDirect(logits[b].length * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            direct[b].put(logits[b]).flip();
        }
        Sampler chain = Sampler.of(CanonicalConfig.fullChain.params(SEED), vocab);
        int[] history = BenchmarkRows.history(vocab);
        samplers = new Sampler[batch];
        states = new SequenceState[batch];
        for (int r = 0; r < batch; r++) {
            samplers[r] = chain;
            states[r] = SequenceState.resume(SEED + r, new int[0], history);
        }
        tokens = new int[batch];
        sampler = BatchSampler.builder(vocab).threads(threads).build();
    }

    private int nextBatch() {
        int b = nextBatch;
        nextBatch = b + 1 == logits.length ? 0 : b + 1;
        return b;
    }

    private void rollBackNow() {
        if (++step == ROLLBACK_EVERY) {
            step = 0;
            for (SequenceState s : states) {
                s.rollback(ROLLBACK_EVERY);
            }
        }
    }

    /** B rows from one float[] of B x V. */
    @Benchmark
    public int sampleArray() {
        sampler.sample(logits[nextBatch()], samplers, states, tokens, null);
        rollBackNow();
        return tokens[0];
    }

    /** B rows from a direct FloatBuffer (each row copied once into its thread's workspace). */
    @Benchmark
    public int sampleDirectBuffer() {
        sampler.sample(direct[nextBatch()], samplers, states, tokens, null);
        rollBackNow();
        return tokens[0];
    }
}
