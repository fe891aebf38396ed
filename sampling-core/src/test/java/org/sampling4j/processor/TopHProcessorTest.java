package org.sampling4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sampling4j.processor.Chains.NEG_INF;
import static org.sampling4j.processor.Chains.kept;
import static org.sampling4j.processor.Chains.process;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sampling4j.Sampler;
import org.sampling4j.SamplingParams;

/**
 * Top-H against hand-computed values of HF's rule: the best 100 renormalised, terms
 * {@code -p ln p}, keep the prefix whose cumulative term sum is at most {@code top_h * H}.
 */
class TopHProcessorTest {
    /** Probabilities 1/2, 1/4, 1/8, 1/8 (tokens 2 and 3 tie). */
    private static final float[] HALVES = {(float) Math.log(0.5), (float) Math.log(0.25), (float) Math.log(0.125),
        (float) Math.log(0.125)};
    private static final long SEED = 0x70C4_0001L;

    // H = (1/2) ln 2 + (1/4) ln 4 + 2 (1/8) ln 8 = 1.75 ln 2; the first term is 0.5 ln 2, the first two ln 2,
    // the first three 1.375 ln 2. So 2 tokens need top_h >= 1 / 1.75, 3 need 1.375 / 1.75, 4 need 1.
    private static final double TWO = 1 / 1.75;
    private static final double THREE = 1.375 / 1.75;

    @Test
    void keepsThePrefixWhoseEntropyStaysWithinTopHTimesH() {
        assertArrayEquals(new int[] {0}, kept(process(HALVES, new TopHProcessor(TWO - 1e-4))));
        assertArrayEquals(new int[] {0, 1}, kept(process(HALVES, new TopHProcessor(TWO + 1e-4))));
        assertArrayEquals(new int[] {0, 1}, kept(process(HALVES, new TopHProcessor(THREE - 1e-4))));
        assertArrayEquals(new int[] {0, 1, 2}, kept(process(HALVES, new TopHProcessor(THREE + 1e-4))),
                "the tie at 1/8 goes to the lower id");
        assertArrayEquals(new int[] {0, 1, 2}, kept(process(HALVES, new TopHProcessor(1 - 1e-4))));
        assertArrayEquals(new int[] {0, 1, 2, 3}, kept(process(HALVES, new TopHProcessor(1))), "top_h 1 keeps all of the top 100");
    }

    @Test
    void alwaysKeepsTheBestToken() {
        assertArrayEquals(new int[] {0}, kept(process(HALVES, new TopHProcessor(1e-9))));
        assertArrayEquals(new int[] {1}, kept(process(new float[] {0f, 5f, 0f}, new TopHProcessor(0.01))));
    }

    @Test
    void keptValuesAreTheLogitsUnchanged() {
        float[] out = process(HALVES, new TopHProcessor(THREE + 1e-4));
        assertArrayEquals(new float[] {HALVES[0], HALVES[1], HALVES[2], NEG_INF}, out);
    }

    @Test
    void considersOnlyTheBestHundredRenormalised() {
        // 150 equal logits: the best 100 (ids 0..99) are uniform, each term ln(100) / 100, H = ln 100:
        // k tokens need top_h >= k / 100.
        float[] flat = new float[150];
        assertArrayEquals(IntStream.range(0, 100).toArray(), kept(process(flat, new TopHProcessor(1))));
        assertArrayEquals(IntStream.range(0, 50).toArray(), kept(process(flat, new TopHProcessor(0.505))));
        assertArrayEquals(IntStream.range(0, 49).toArray(), kept(process(flat, new TopHProcessor(0.495))));
    }

    @Test
    void dropsMinusInfinityTokensEvenAtOne() {
        assertArrayEquals(new int[] {0, 2}, kept(process(new float[] {0f, NEG_INF, 0f, NEG_INF}, new TopHProcessor(1))));
    }

    @Test
    void usesTheProbabilitiesAfterThePendingTemperature() {
        // logits 2 ln p at T 2 are the HALVES distribution again, so the same thresholds hold.
        float[] doubled = new float[HALVES.length];
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] = 2 * HALVES[i];
        }
        assertArrayEquals(new int[] {0, 1}, kept(process(doubled, new TemperatureProcessor(2), new TopHProcessor(TWO + 1e-4))));
        assertArrayEquals(new int[] {0}, kept(process(doubled, new TemperatureProcessor(2), new TopHProcessor(TWO - 1e-4))));
    }

    @Test
    void topHZeroIsTheOffValueAndChangesNothing() {
        assertArrayEquals(HALVES, process(HALVES, new TopHProcessor(0)));
        assertEquals(false, TopHProcessor.enabledBy(0));
        assertEquals("pick(inverse-cdf)", Sampler.of(SamplingParams.defaults(), 4).toString(), "off by default: no step");
    }

    @Test
    void rejectsTopHOutsideZeroOneNamingFieldValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopHProcessor(1.5));
        assertEquals("topH = 1.5 is outside [0, 1]; 0 disables top-h (HF: top_h unset)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SamplingParams.builder().topH(-0.1).build());
        assertEquals("topH = -0.1 is outside [0, 1]; 0 disables top-h (HF: top_h unset)", e.getMessage());
    }

    @Test
    void sitsRightAfterTemperatureInTheHuggingFaceOrder() {
        Sampler s = Sampler.of(SamplingParams.builder().temperature(0.7).topH(0.4).topK(50).topP(0.9).build(), 1000);
        assertEquals("temperature > top-h > top-k > top-p > pick(inverse-cdf)", s.toString());
    }

    /**
     * Against a slow double-precision reference of the published rule (full sort, {@code Math.exp},
     * {@code Math.log}): 3 000 seeded rows of 1..300 logits ~ N(0, 3), some -Inf, and random top_h.
     * A case whose cumulative sum at the boundary lies within {@value #BOUNDARY} (relative) of tau
     * is skipped: float weights against double ones may put it either side.
     */
    @Test
    void matchesADoublePrecisionReference() {
        Random r = new Random(SEED);
        int compared = 0;
        for (int round = 0; round < 3000; round++) {
            int v = 1 + r.nextInt(300);
            float[] x = new float[v];
            for (int i = 0; i < v; i++) {
                x[i] = r.nextInt(10) == 0 ? NEG_INF : (float) (3 * r.nextGaussian());
            }
            x[r.nextInt(v)] = (float) r.nextGaussian(); // at least one finite
            double h = r.nextInt(20) == 0 ? 1 : 0.01 + 0.99 * r.nextDouble();
            int[] expected = reference(x, h);
            if (expected == null) {
                continue;
            }
            compared++;
            assertArrayEquals(expected, kept(process(x, new TopHProcessor(h))), "round " + round + ", V " + v + ", h " + h);
        }
        assertTrue(compared > 2900, "compared " + compared);
    }

    private static final double BOUNDARY = 1e-6;

    /** The kept ids ascending, or null when the decision is within rounding of the threshold. */
    private static int[] reference(float[] x, double h) {
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -x[i]).thenComparingInt(i -> i));
        int n = Math.min(100, x.length);
        double max = x[order[0]];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += Math.exp(x[order[i]] - max);
        }
        double[] terms = new double[n];
        double entropy = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.exp(x[order[i]] - max) / total;
            terms[i] = p > 0 ? -p * Math.log(p) : Double.NaN;
            entropy += p > 0 ? terms[i] : 0;
        }
        double tau = h * entropy;
        double cumulative = 0;
        int kept = 0;
        for (int i = 0; i < n && !Double.isNaN(terms[i]); i++) {
            cumulative += terms[i];
            if (Math.abs(cumulative - tau) <= BOUNDARY * Math.max(tau, 1e-300) && h < 1) {
                return null;
            }
            if (cumulative > tau) {
                break;
            }
            kept++;
        }
        kept = Math.max(kept, 1);
        int[] ids = new int[kept];
        for (int i = 0; i < kept; i++) {
            ids[i] = order[i];
        }
        Arrays.sort(ids);
        return ids;
    }
}
