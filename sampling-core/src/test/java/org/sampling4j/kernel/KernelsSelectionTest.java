package org.sampling4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fails a CI job whose JVM chose another kernels twin than the one it asked for
 * ({@code -Dsampling4j.test.expectedKernels}, set by the build), so no job silently tests the
 * same path twice.
 */
class KernelsSelectionTest {
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
}
