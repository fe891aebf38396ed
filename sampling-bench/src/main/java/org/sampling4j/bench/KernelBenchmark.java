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
import org.sampling4j.kernel.Kernels;
import org.sampling4j.kernel.KernelsProvider;

/**
 * Each kernel on both twins over a 128,256-float N(0, 3) row, in microseconds per pass. The twins
 * return the same bits (KernelsDifferentialTest); this shows what the Vector API buys per pass.
 * Both run in a fork with {@code --add-modules jdk.incubator.vector}; the scalar twin is plain
 * Java and does not use the module.
 *
 * <pre>
 * java -jar sampling-bench/target/benchmarks.jar KernelBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class KernelBenchmark {
    @Param({"panama", "scalar"})
    public String twin;

    @Param({"128256"})
    public int vocab;

    private Kernels kernels;
    private float[] x;
    private float[] copy;
    private int[] ids;
    private float[] values;
    private double[] blocks;
    private float[] envelopeBlocks;
    private final double[] sums = new double[3];
    private float max;
    private float threshold;
    private float threshold8;
    private float threshold30;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = twin.equals("panama") ? KernelsProvider.panama() : KernelsProvider.scalar();
        x = BenchmarkRows.logits(vocab);
        copy = new float[vocab];
        ids = new int[vocab];
        values = new float[vocab];
        blocks = new double[vocab / 2048 + 1];
        envelopeBlocks = new float[blocks.length];
        max = kernels.max(x, 0, vocab);
        threshold = max - 3f; // min-p 0.05 at T 1 keeps about this much
        float[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        threshold8 = sorted[vocab - vocab * 8 / 100]; // top-p 0.9's guess at T 1 keeps about 8 % of the row
        threshold30 = sorted[vocab - vocab * 30 / 100]; // and its bound about 30 %
    }

    @Benchmark
    public float max() {
        return kernels.max(x, 0, vocab);
    }

    @Benchmark
    public float copyMax() {
        return kernels.copyMax(x, 0, copy, vocab);
    }

    @Benchmark
    public int argmax() {
        return kernels.argmax(x, 0, vocab);
    }

    @Benchmark
    public int countAtLeast() {
        return kernels.countAtLeast(x, 0, vocab, threshold);
    }

    @Benchmark
    public int compactAtLeast() {
        return kernels.compactAtLeast(x, vocab, threshold, ids, values);
    }

    /** The compaction top-p makes at its guess (8 % of the row survives). */
    @Benchmark
    public int compactAtLeast8() {
        return kernels.compactAtLeast(x, vocab, threshold8, ids, values);
    }

    /** The compaction top-p makes at its bound when the guess fails (30 % survives). */
    @Benchmark
    public int compactAtLeast30() {
        return kernels.compactAtLeast(x, vocab, threshold30, ids, values);
    }

    @Benchmark
    public int nextAboveScan() {
        return kernels.nextAbove(x, 0, vocab, max);
    }

    @Benchmark
    public double expSum() {
        return kernels.expSum(x, 0, vocab, max, 1 / 0.7f);
    }

    @Benchmark
    public double expSumBlocks() {
        return kernels.expSumBlocks(x, 0, vocab, max, 1 / 0.7f, blocks);
    }

    /** The rejection draw's proposal pass, against {@link #expSumBlocks} (the exact pass it replaces). */
    @Benchmark
    public double envelopeBlocks() {
        return kernels.envelopeBlocks(x, 0, vocab, max, 1 / 0.7f, Float.NEGATIVE_INFINITY, Integer.MAX_VALUE, envelopeBlocks);
    }

    /** As {@link #envelopeBlocks}, restricted to the tokens ranked before a pivot (a top-p rejection round). */
    @Benchmark
    public double envelopeBlocksBefore() {
        return kernels.envelopeBlocks(x, 0, vocab, max, 1 / 0.7f, threshold, vocab / 2, envelopeBlocks);
    }

    @Benchmark
    public double expSumBefore() {
        return kernels.expSumBefore(x, 0, vocab, max, 1 / 0.7f, threshold, vocab / 2);
    }

    /** Dynamic temperature, eta and typical-p: the weights and their weighted sum in one pass. */
    @Benchmark
    public double expSumWeighted() {
        return kernels.expSumWeighted(x, 0, vocab, max, 1 / 0.7f, sums) + sums[0];
    }

    /** Top-n-sigma: count and sum, then squared deviations (two passes). */
    @Benchmark
    public double finiteMoments() {
        kernels.finiteMoments(x, 0, vocab, sums);
        return sums[2];
    }
}
