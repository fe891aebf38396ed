package org.sampling4j.examples.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sampling4j.SamplingParams;
import org.sampling4j.SequenceState;
import picocli.CommandLine;

class GenerationDemoTest {
    private static final CharNGramModel MODEL = trained();

    private static CharNGramModel trained() {
        try {
            return CharNGramModel.train(GenerationDemo.corpus(), 6, p -> { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void wittenBellMatchesHandComputedProbabilities() {
        CharNGramModel m = CharNGramModel.train("abab", 2, p -> { });
        float[] logits = new float[2];
        m.nextLogits(SequenceState.create(1, m.tokens("a")), logits);
        // Order 0: C(a) = C(b) = 2, T = 2: P0(b) = (2 + 2 * 1/2) / (4 + 2) = 1/2.
        // Order 1 after 'a': C(ab) = 2, C(a.) = 2, T(a) = 1: P(b | a) = (2 + 1 * 1/2) / (2 + 1) = 5/6.
        assertEquals(5.0 / 6, Math.exp(logits[1]), 1e-6);
        assertEquals(1.0 / 6, Math.exp(logits[0]), 1e-6);
    }

    @Test
    void everyNextCharacterDistributionSumsToOne() {
        float[] logits = new float[MODEL.vocabSize()];
        String corpusStart = "The sampler picks the next token with a seeded draw, and ";
        for (int end = 0; end <= corpusStart.length(); end += 7) {
            MODEL.nextLogits(SequenceState.create(1, MODEL.tokens(corpusStart.substring(0, end))), logits);
            double sum = 0;
            for (float x : logits) {
                assertTrue(x < 0 && Float.isFinite(x), "every character keeps some probability: " + x);
                sum += Math.exp(x);
            }
            assertEquals(1.0, sum, 1e-5, "after " + end + " characters");
        }
    }

    @Test
    void metricsMatchHandCountedValues() {
        // Trigrams: [a b c] [b c a] [c a b] [a b c]: the last repeats the first.
        assertEquals(0.25, TextMetrics.repeatedNGramRate("a b c a b c", 3), 1e-12);
        assertEquals(0.0, TextMetrics.repeatedNGramRate("one two", 3));
        // Bigrams: a b, b a, a b, b c: three distinct of four.
        assertEquals(0.75, TextMetrics.distinct2("a b a b c"), 1e-12);
    }

    @Test
    void sameSeedSameTextAndOtherSeedsDiffer() {
        SamplingParams p = SamplingParams.builder().temperature(0.9).topP(0.95).build();
        DemoText a = DemoText.generate(MODEL, p, GenerationDemo.PROMPT, 3, 300);
        DemoText b = DemoText.generate(MODEL, p, GenerationDemo.PROMPT, 3, 300);
        DemoText c = DemoText.generate(MODEL, p, GenerationDemo.PROMPT, 4, 300);
        assertEquals(a.text(), b.text());
        assertEquals(Double.doubleToRawLongBits(a.meanLogprob()), Double.doubleToRawLongBits(b.meanLogprob()));
        assertTrue(!a.text().equals(c.text()));
        assertEquals(300, a.text().length());
    }

    /** The classic observation the demo exists to show, asserted on the shipped corpus. */
    @Test
    void lowTemperatureLoopsPenaltiesBreakTheLoopHighTemperatureLosesCoherence() {
        double greedyOff = mean(SamplingParams.builder().temperature(0), true);
        double greedyOn = mean(GenerationDemo.penalties(SamplingParams.builder().temperature(0)), true);
        double lowOff = mean(SamplingParams.builder().temperature(0.2), true);
        double lowOn = mean(GenerationDemo.penalties(SamplingParams.builder().temperature(0.2)), true);
        double midRepetition = mean(SamplingParams.builder().temperature(1.0), true);
        assertTrue(greedyOff > 0.8, "greedy decoding loops: repeated trigram rate " + greedyOff);
        assertTrue(greedyOn < greedyOff - 0.2, "penalties break the loop: " + greedyOn + " vs " + greedyOff);
        assertTrue(lowOn < lowOff, "also at T 0.2: " + lowOn + " vs " + lowOff);
        assertTrue(midRepetition < 0.05, "T 1 hardly repeats: " + midRepetition);
        double midLogprob = mean(SamplingParams.builder().temperature(0.5), false);
        double hotLogprob = mean(SamplingParams.builder().temperature(2.0), false);
        assertTrue(hotLogprob < midLogprob - 1.0, "T 2 text is far less likely under the model: " + hotLogprob
                + " vs " + midLogprob + " nats per character");
    }

    private static double mean(SamplingParams.Builder params, boolean repetition) {
        double sum = 0;
        for (int seed = 0; seed < 4; seed++) {
            DemoText t = DemoText.generate(MODEL, params.build(), GenerationDemo.PROMPT, seed, 600);
            sum += repetition ? t.repetition() : t.meanLogprob();
        }
        return sum / 4;
    }

    @Test
    void theCommandPrintsTheSweepAndWritesAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new GenerationDemo()).execute("--seeds", "2", "--length", "200",
                    "--chart", png.toString());
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        for (String expected : new String[] {"== Presets", "CREATIVE_FICTION", "== Temperature sweep", "  2.0 "}) {
            assertTrue(out.contains(expected), "missing '" + expected + "' in:\n" + out);
        }
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
    }
}
