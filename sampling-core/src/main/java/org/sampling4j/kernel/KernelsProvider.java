package org.sampling4j.kernel;

import java.util.Locale;

/**
 * Chooses the {@link Kernels} implementation once per JVM.
 *
 * <p>{@code -Dsampling4j.kernels=auto|scalar|panama}: {@code auto} (the default) takes the Panama
 * twin when the {@code jdk.incubator.vector} module is present and loads, and otherwise falls back
 * to the scalar twin, saying once why (and which flag to add); a forced {@code panama} that cannot
 * load throws. The Panama class is loaded reflectively, after the module check, so no Vector API
 * class is touched on a JVM without the module. The twins return the same bits, so the choice
 * changes speed only.
 */
public final class KernelsProvider {
    /** The system property that forces a choice. */
    public static final String PROPERTY = "sampling4j.kernels";
    private static final String MODULE = "jdk.incubator.vector";
    private static final String PANAMA_CLASS = "org.sampling4j.kernel.PanamaKernels";

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

    /**
     * The Panama twin (for tests and benchmarks).
     *
     * @throws IllegalStateException when the module is absent or the twin does not load, saying why
     */
    public static Kernels panama() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            throw new IllegalStateException("the " + MODULE + " module is not present; add --add-modules " + MODULE);
        }
        try {
            return (Kernels) Class.forName(PANAMA_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the Panama kernels did not load: " + e, e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the Panama kernels are not usable here: " + e.getMessage(), e);
        }
    }

    /**
     * The twin named {@code auto} (the one chosen for this JVM), {@code scalar} or {@code panama}.
     *
     * @throws IllegalArgumentException for another name; IllegalStateException when Panama cannot load
     */
    public static Kernels named(String name) {
        if ("auto".equalsIgnoreCase(name)) {
            return get();
        }
        return lookup(name);
    }

    static Kernels lookup(String requested) {
        switch (requested.toLowerCase(Locale.ROOT)) {
            case "scalar":
                return ScalarKernels.INSTANCE;
            case "panama":
                return panama();
            case "auto":
                try {
                    return panama();
                } catch (IllegalStateException e) {
                    System.getLogger("org.sampling4j").log(System.Logger.Level.INFO,
                            "Sampling4J uses its scalar kernels: " + e.getMessage());
                    return ScalarKernels.INSTANCE;
                }
            default:
                throw new IllegalArgumentException(PROPERTY + " = " + requested
                        + " is not one of auto, scalar, panama");
        }
    }

    private static final class Holder {
        static final Kernels INSTANCE = lookup(System.getProperty(PROPERTY, "auto"));
    }
}
