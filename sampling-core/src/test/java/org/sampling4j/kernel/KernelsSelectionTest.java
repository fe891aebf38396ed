package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fails a CI job whose JVM chose another kernels twin than the one it asked for
 * ({@code -Dsampling4j.test.expectedKernels}, set by the build), so no job silently tests the
 * same path twice; and pins how forced and automatic choices behave with and without the module.
 */
class KernelsSelectionTest {
    private static final boolean MODULE_PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    @Test
    void theChosenTwinIsTheOneTheBuildAskedFor() {
        String expected = System.getProperty("sampling4j.test.expectedKernels", "auto");
        String chosen = KernelsProvider.get().name();
        if (expected.equals("auto")) {
            assertTrue(Set.of("scalar", "panama").contains(chosen), chosen);
        } else {
            assertEquals(expected, chosen);
        }
    }

    /**
     * {@code -Dsampling4j.test.expectedFloatLanes=4} (the 128-bit CI run, {@code -XX:MaxVectorSize=16})
     * fails the job unless the Panama twin really runs with 4 float lanes, so a JVM that ignores the
     * flag cannot pass the 128-bit step by testing the 8- or 16-lane shape again.
     */
    @Test
    void theVectorShapeIsTheOneTheBuildAskedFor() {
        String expected = System.getProperty("sampling4j.test.expectedFloatLanes");
        if (expected != null) {
            assertTrue(MODULE_PRESENT, "expectedFloatLanes needs the jdk.incubator.vector module");
            assertEquals("panama", KernelsProvider.lookup("auto").name());
            assertEquals(Integer.parseInt(expected), PanamaConstants.FLOATS.length());
            assertEquals(Integer.parseInt(expected) / 2, PanamaConstants.DOUBLES.length());
        }
    }

    @Test
    void autoTakesPanamaExactlyWhenTheModuleIsPresent() {
        assertEquals(MODULE_PRESENT ? "panama" : "scalar", KernelsProvider.lookup("AUTO").name());
    }

    @Test
    void forcedChoicesAreHonouredOrThrow() {
        assertEquals("scalar", KernelsProvider.lookup("scalar").name());
        if (MODULE_PRESENT) {
            assertEquals("panama", KernelsProvider.lookup("panama").name());
        } else {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelsProvider.lookup("panama"));
            assertEquals("the jdk.incubator.vector module is not present; add --add-modules jdk.incubator.vector", e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelsProvider.lookup("gpu"));
        assertEquals("sampling4j.kernels = gpu is not one of auto, scalar, panama", e.getMessage());
    }
}
