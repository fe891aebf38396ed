package org.sampling4j.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link SamplerBenchmark} in the 128-bit shape: <code>-XX:MaxVectorSize=16</code> gives 4 float
 * lanes, the width of NEON (Apple Silicon, Graviton). Its forks run beside the native-width ones in
 * the same JMH run, so the floor of each shape is measured in the same conditions as the
 * configurations it divides.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dsampling4j.kernels=panama", "-XX:MaxVectorSize=16"})
public class SamplerBenchmark128 extends SamplerBenchmark {
}
