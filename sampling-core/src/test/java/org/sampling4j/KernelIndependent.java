package org.sampling4j;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class whose results cannot depend on the kernels, the vector shape or the JDK's JIT:
 * it checks languages (grammar front ends, automata, masks, schema compilation), text decoding or
 * the package structure, and never samples through a {@code Kernels} twin.
 *
 * <p>{@code .ci/run} runs every test on JDK 17 with the Panama kernels and on JDK 25; the rows that
 * exist to exercise another kernel shape (the scalar fallback, 256-bit and 128-bit vectors) exclude
 * this tag with {@code -DexcludedGroups=kernel-independent}, since those classes would run the same
 * code to the same answer a third, fourth and fifth time. Anything that calls a {@code Sampler}, a
 * chain, a picker or a kernel must not carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("kernel-independent")
public @interface KernelIndependent {
}
