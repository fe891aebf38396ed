package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Holds both twins. Tests that compare them skip (with the reason) on a JVM without the
 * jdk.incubator.vector module: CI runs the suite both with and without it.
 */
abstract class KernelsTestCase {
    static final Kernels SCALAR = KernelsProvider.scalar();
    static final Kernels PANAMA = loadPanama();
    private static final String WHY_NOT = PANAMA == null ? whyNot() : "";

    private static Kernels loadPanama() {
        try {
            return KernelsProvider.panama();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static String whyNot() {
        try {
            KernelsProvider.panama();
            return "";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    static void assumePanama() {
        assumeTrue(PANAMA != null, () -> "Panama kernels unavailable: " + WHY_NOT);
    }
}
