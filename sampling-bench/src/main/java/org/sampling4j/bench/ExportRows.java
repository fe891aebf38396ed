package org.sampling4j.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark row of {@link BenchmarkRows} to a file, so that a harness outside the JVM
 * (the llama.cpp side-by-side in {@code sampling-bench/llama-cpp}) samples the very same logits
 * and history as {@link SamplerBenchmark}, bit for bit, instead of re-implementing the generator.
 *
 * <p>Format, little-endian: {@code int32 vocab}, {@code float32[vocab]} logits,
 * {@code int32 historyLength}, {@code int32[historyLength]} tokens.
 *
 * <pre>
 * java -cp sampling-bench/target/benchmarks.jar org.sampling4j.bench.ExportRows 128256 row.bin
 * </pre>
 */
public final class ExportRows {
    private ExportRows() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ExportRows <vocab> <file>");
        }
        int vocab = Integer.parseInt(args[0]);
        float[] logits = BenchmarkRows.logits(vocab);
        int[] history = BenchmarkRows.history(vocab);
        ByteBuffer out = ByteBuffer.allocate(4 * (2 + vocab + history.length)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(vocab);
        for (float logit : logits) {
            out.putFloat(logit);
        }
        out.putInt(history.length);
        for (int token : history) {
            out.putInt(token);
        }
        Files.write(Path.of(args[1]), out.array());
    }
}
