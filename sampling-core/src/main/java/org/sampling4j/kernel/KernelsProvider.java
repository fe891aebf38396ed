package org.sampling4j.kernel;

import java.util.Locale;

/**
 * Chooses the {@link Kernels} implementation once per JVM.
 *
 * <p>{@code -Dsampling4j.kernels=auto|scalar|panama}: {@code auto} (the default) takes the best
 * twin that loads and says once on stderr why it fell back; a forced choice that cannot load
 * throws. This version ships the scalar twin; the Panama ({@code jdk.incubator.vector}) twin plugs
 * in here, loaded reflectively so that no Vector API class is touched on a JVM without the module.
 */
public final class KernelsProvider {
    /** The system property that forces a choice. */
    public static final String PROPERTY = "sampling4j.kernels";

    private KernelsProvider() {
    }

    /** The implementation chosen for this JVM. */
    public static Kernels get() {
        return Holder.INSTANCE;
    }

    /** The plain-Java twin, whatever was chosen (for tests and benchmarks). */
    public static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    static Kernels lookup(String requested) {
        switch (requested.toLowerCase(Locale.ROOT)) {
            case "scalar":
                return ScalarKernels.INSTANCE;
            case "panama":
                throw new IllegalStateException(PROPERTY + " = panama, but this build of Sampling4J has no "
                        + "Panama kernels yet; use auto or scalar");
            case "auto":
                return ScalarKernels.INSTANCE;
            default:
                throw new IllegalArgumentException(PROPERTY + " = " + requested
                        + " is not one of auto, scalar, panama");
        }
    }

    private static final class Holder {
        static final Kernels INSTANCE = lookup(System.getProperty(PROPERTY, "auto"));
    }
}
