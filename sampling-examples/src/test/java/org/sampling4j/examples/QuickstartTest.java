package org.sampling4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class QuickstartTest {
    @Test
    void syntheticRowIsDeterministicWithAZipfLikeHead() {
        float[] a = SyntheticLogits.row(10_000, 5);
        float[] b = SyntheticLogits.row(10_000, 5);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        float[] sorted = a.clone();
        java.util.Arrays.sort(sorted);
        float top = sorted[sorted.length - 1];
        float tenth = sorted[sorted.length - 10];
        // Head: rank 10 sits about 1.1 ln 10 = 2.5 nats below rank 1 (with noise 0.3).
        assertTrue(top - tenth > 1.5 && top - tenth < 3.5, "head gap " + (top - tenth));
    }

    @Test
    void entropyOfAUniformRowIsLogV() {
        assertEquals(Math.log(4), Quickstart.entropy(new float[] {2f, 2f, 2f, 2f, Float.NEGATIVE_INFINITY}), 1e-12);
    }

    @Test
    void printsEveryPresetAndRepeatsItself() {
        String first = runQuickstart();
        assertTrue(first.contains("== EXTRACTION") && first.contains("== CREATIVE_FICTION"), first);
        assertTrue(first.contains("chain     temperature(0=greedy) > pick(greedy)"), first);
        String second = runQuickstart();
        assertEquals(withoutTimes(first), withoutTimes(second));
    }

    private static String runQuickstart() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, new CommandLine(new Quickstart()).execute("--vocab", "5000", "--steps", "4"));
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String withoutTimes(String s) {
        return s.replaceAll("(?m)^   time .*$", "");
    }
}
