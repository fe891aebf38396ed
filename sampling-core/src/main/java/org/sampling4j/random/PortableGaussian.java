package org.sampling4j.random;

import java.util.SplittableRandom;

/**
 * Normal deviates that are the same on every JDK, for seeded test data, benchmarks and demos.
 *
 * <p>{@link SplittableRandom#nextGaussian()} is not: its algorithm changed between JDK 17 and
 * JDK 25 (the same seed gives other values), so data built with it breaks cross-JDK
 * reproducibility. This uses the Box-Muller transform on {@link SplittableRandom#nextDouble()}
 * (53-bit, unchanged across JDKs) with {@link StrictMath}, whose results are specified to the bit.
 */
public final class PortableGaussian {
    private PortableGaussian() {
    }

    /** One N(0, 1) deviate; consumes two doubles of {@code random}. */
    public static double next(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]: log stays finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
    }
}
