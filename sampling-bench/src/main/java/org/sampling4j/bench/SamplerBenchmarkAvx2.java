package org.sampling4j.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link SamplerBenchmark} in the AVX2 shape: on x86, <code>-XX:UseAVX=2</code> limits the JIT to
 * 256-bit AVX2 (8 float lanes), as on an AVX2-only CPU; ignored elsewhere. Its forks run beside the
 * native-width ones in the same JMH run, so the floor of each shape is measured in the same conditions
 * as the configurations it divides.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dsampling4j.kernels=panama",
    "-XX:+IgnoreUnrecognizedVMOptions", "-XX:UseAVX=2"})
public class SamplerBenchmarkAvx2 extends SamplerBenchmark {
}
