package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.random.PortableGaussian;

/**
 * Typical-p with its near-center search first ({@link TypicalNearCenter}) keeps the same tokens,
 * with the same processed logits to the bit, as the whole-row path alone, on rows of every shape:
 * narrow and wide normals, heavy heads, ties, masked tokens, other temperatures, sparse inputs
 * after a top-k, minKeep above the kept count, and 128k rows like the benchmark's. The whole-row
 * path is itself checked against a full sort ({@link TypicalProcessorTest}). A probe step calls
 * the near-center search directly to show it decides most rows here, so the comparison is not
 * vacuous.
 */
class TypicalNearCenterTest {
    private static final long SEED = 0x5A4D_1203L;

    @Test
    void keepsWhatTheWholeRowPathKeepsToTheBit() {
        SplittableRandom r = new SplittableRandom(SEED);
        int decided = 0;
        int rows = 0;
        for (int trial = 0; trial < 400; trial++) {
            int v = trial % 50 == 0 ? 128_256 : 2 + r.nextInt(trial % 3 == 0 ? 40 : 9000);
            float[] logits = row(r, v);
            double typicalP = r.nextInt(5) == 0 ? r.nextDouble(0.9, 0.9999) : r.nextDouble(0.02, 0.95);
            int minKeep = r.nextInt(6) == 0 ? 1 + r.nextInt(60) : 1;
            float temperature = r.nextInt(3) == 0 ? (float) r.nextDouble(0.3, 2.0) : 1f;
            int topK = r.nextInt(5) == 0 ? 1 + r.nextInt(Math.max(1, v / 2)) : 0;
            String where = "trial " + trial + " (seed " + SEED + "): V " + v + ", typicalP " + typicalP + ", minKeep " + minKeep
                    + ", T " + temperature + ", topK " + topK;
            float[] fast = Chains.process(logits, chain(new TypicalProcessor(typicalP, minKeep, true), temperature, topK));
            float[] whole = Chains.process(logits, chain(new TypicalProcessor(typicalP, minKeep, false), temperature, topK));
            for (int i = 0; i < v; i++) {
                int token = i;
                assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(fast[i]),
                        () -> where + ": token " + token + " is " + fast[token] + ", the whole-row path gives " + whole[token]);
            }
            Probe probe = new Probe(typicalP, minKeep);
            Chains.process(logits, chain(probe, temperature, topK));
            decided += probe.decided ? 1 : 0;
            rows++;
        }
        System.out.println("TypicalNearCenterTest: the near-center search decided " + decided + " of " + rows + " rows");
        assertTrue(decided >= rows / 2, "the near-center search decided only " + decided + " of " + rows + " rows");
    }

    /** The benchmark's row (N(0, 3) logits, 128k, T 1, typical 0.9) is decided near the center. */
    @Test
    void decidesTheBenchmarkRow() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        float[] logits = new float[128_256];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (PortableGaussian.next(r) * 3);
        }
        Probe probe = new Probe(0.9, 1);
        Chains.process(logits, probe);
        assertTrue(probe.decided);
    }

    private static LogitsProcessor[] chain(LogitsProcessor typical, float temperature, int topK) {
        if (topK > 0) {
            return temperature == 1f ? new LogitsProcessor[] {new TopKProcessor(topK), typical}
                    : new LogitsProcessor[] {new TemperatureProcessor(temperature), new TopKProcessor(topK), typical};
        }
        return temperature == 1f ? new LogitsProcessor[] {typical}
                : new LogitsProcessor[] {new TemperatureProcessor(temperature), typical};
    }

    private static float[] row(SplittableRandom r, int v) {
        float[] x = new float[v];
        int shape = r.nextInt(6);
        double sigma = r.nextDouble(0.05, 6);
        for (int i = 0; i < v; i++) {
            double g = PortableGaussian.next(r) * sigma;
            switch (shape) {
                case 1: // a heavy head: a few tokens far above the rest
                    x[i] = (float) (i < 1 + v / 500 ? 8 + g : g);
                    break;
                case 2: // ties: values on a coarse grid
                    x[i] = (float) Math.round(g * 2) / 2f;
                    break;
                case 3: // masked tokens
                    x[i] = r.nextInt(4) == 0 ? Float.NEGATIVE_INFINITY : (float) g;
                    break;
                case 4: // a long upper tail
                    x[i] = (float) (sigma * Math.log(1 / (1 - r.nextDouble())));
                    break;
                default:
                    x[i] = (float) g;
            }
        }
        if (shape == 3) {
            x[r.nextInt(v)] = (float) r.nextDouble(-1, 1); // at least one finite token
        }
        return x;
    }

    /** Runs the near-center search as typical-p's first step does and records whether it decided. */
    private static final class Probe implements LogitsProcessor {
        private final double typicalP;
        private final int minKeep;
        boolean decided;

        Probe(double typicalP, int minKeep) {
            this.typicalP = typicalP;
            this.minKeep = minKeep;
        }

        @Override
        public String name() {
            return "typical-near-center-probe";
        }

        @Override
        public String parameters() {
            return typicalP + "," + minKeep;
        }

        @Override
        public boolean writesLogits() {
            return false;
        }

        @Override
        public void apply(Candidates c, SequenceView state) {
            float max = c.max();
            float scale = c.inverseTemperature();
            float[] values = c.currentValues();
            int n = c.size();
            double[] weighted = c.scratch().sums();
            double total = c.kernels().expSumWeighted(values, 0, n, max, scale, weighted);
            float center = (float) (weighted[0] / total);
            decided = TypicalNearCenter.apply(c, values, n, max, scale, center, total, typicalP * total, typicalP, minKeep);
        }
    }
}
