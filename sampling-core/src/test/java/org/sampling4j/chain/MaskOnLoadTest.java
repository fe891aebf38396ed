package org.sampling4j.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;
import org.sampling4j.picker.GreedyPicker;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopKProcessor;

/**
 * A first {@link MaskingProcessor} is fused into loading the row; the fused chain must draw and
 * process exactly what the same mask applied as an ordinary step does, and validate every value.
 */
class MaskOnLoadTest {
    private static final int V = 1000;

    /** A fixed random mask, as a fusable step or, with {@code fusable} false, as a plain one. */
    private static LogitsProcessor mask(int[] words, boolean fusable) {
        MaskingProcessor m = new MaskingProcessor() {
            @Override
            public int[] fillMask(Candidates c, SequenceView state) {
                int[] buffer = c.scratch().maskWords();
                System.arraycopy(words, 0, buffer, 0, words.length);
                return buffer;
            }

            @Override
            public String name() {
                return "test-mask";
            }
        };
        if (fusable) {
            return m;
        }
        return new LogitsProcessor() {
            @Override
            public String name() {
                return "test-mask";
            }

            @Override
            public void apply(Candidates c, SequenceView state) {
                m.apply(c, state);
            }
        };
    }

    @Test
    void fusedAndPlainMasksDrawAndProcessTheSameBits() {
        SplittableRandom random = new SplittableRandom(20261201L);
        for (int trial = 0; trial < 40; trial++) {
            int[] words = new int[(V + 31) / 32];
            double density = new double[] {0.002, 0.05, 0.5, 1}[trial % 4];
            for (int j = 0; j < V; j++) {
                if (random.nextDouble() < density || j == trial) {
                    words[j >>> 5] |= 1 << (j & 31);
                }
            }
            float[] logits = new float[V];
            for (int j = 0; j < V; j++) {
                logits[j] = (float) random.nextGaussian() * 2;
            }
            float[] before = logits.clone();
            for (boolean greedy : new boolean[] {false, true}) {
                Sampler fused = chain(mask(words, true), greedy);
                Sampler plain = chain(mask(words, false), greedy);
                SequenceState a = SequenceState.create(trial);
                SequenceState b = SequenceState.create(trial);
                Workspace wa = fused.newWorkspace();
                Workspace wb = plain.newWorkspace();
                float[] outA = new float[V];
                float[] outB = new float[V];
                assertEquals(plain.process(logits, b, wb, outB), fused.process(logits, a, wa, outA), "kept, trial " + trial);
                assertArrayEquals(outB, outA, "processed, trial " + trial);
                for (int step = 0; step < 5; step++) {
                    int t = fused.sample(logits, a, wa);
                    assertEquals(plain.sample(logits, b, wb), t, "trial " + trial + " step " + step);
                    assertEquals(1, words[t >>> 5] >>> (t & 31) & 1, "a removed token was drawn");
                }
            }
            assertArrayEquals(before, logits, "the caller's row");
        }
    }

    private static Sampler chain(LogitsProcessor mask, boolean greedy) {
        Sampler.Builder b = Sampler.builder(V).add(mask).add(new TemperatureProcessor(0.8f));
        if (greedy) {
            return b.picker(GreedyPicker.INSTANCE).build();
        }
        return b.add(new TopKProcessor(50)).build();
    }

    @Test
    void aNanWhereTheMaskRemovesTheTokenIsStillRefused() {
        int[] words = new int[(V + 31) / 32];
        words[0] = 1;
        Sampler s = chain(mask(words, true), true);
        float[] logits = new float[V];
        logits[700] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.sample(logits, SequenceState.create(1), s.newWorkspace()));
        assertEquals("logits[700] = NaN is not allowed: logits must be finite or -Inf", e.getMessage());
    }

    @Test
    void aMaskThatKeepsNothingLeavesNoTokenToSample() {
        Sampler s = chain(mask(new int[(V + 31) / 32], true), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.sample(new float[V], SequenceState.create(1), s.newWorkspace()));
        assertEquals(true, e.getMessage().startsWith("no token left to sample"), e.getMessage());
    }
}
