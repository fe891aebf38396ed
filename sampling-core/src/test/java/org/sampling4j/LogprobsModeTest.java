package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** vLLM's four logprob modes against their definitions, computed independently in double. */
class LogprobsModeTest {
    private static final long SEED = 0x5A4D_3001L;
    private static final double TOLERANCE = 1e-5;

    @Test
    void everyModeListsWhatItsDefinitionSays() {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int trial = 0; trial < 300; trial++) {
            int v = 1 + r.nextInt(200);
            int topN = r.nextInt(8);
            SamplingParams base = LogitsFixtures.params(r, v).toBuilder().topLogprobs(topN).build();
            float[] raw = LogitsFixtures.varied(r, v);
            int[] generated = LogitsFixtures.tokens(r, v, 8);
            long seed = r.nextLong();
            float[] processed = new float[v];
            int token = -1;
            for (LogprobsMode mode : LogprobsMode.values()) {
                Sampler sampler = Sampler.of(base.toBuilder().logprobsMode(mode).build(), v);
                Workspace ws = sampler.newWorkspace();
                SampleResult result = new SampleResult();
                int t;
                try {
                    sampler.process(raw, SequenceState.resume(seed, new int[0], generated), ws, processed);
                    t = sampler.sample(raw, SequenceState.resume(seed, new int[0], generated), ws, result);
                } catch (IllegalArgumentException noTokenLeft) {
                    break;
                }
                String where = "trial " + trial + " " + mode + " " + sampler;
                if (token >= 0) {
                    assertEquals(token, t, "the mode never changes the token: " + where);
                }
                token = t;
                assertEquals(mode, result.logprobsMode());
                assertEquals(raw[t], result.rawLogit(), 0.0, where);
                assertEquals(processed[t], result.logit(), Math.abs(processed[t]) * 1e-6, where);
                float[] row = mode.raw() ? raw : processed;
                List<double[]> expected = top(row, topN, mode.logprobs());
                assertEquals(expected.size(), result.topCount(), where);
                for (int i = 0; i < expected.size(); i++) {
                    double[] e = expected.get(i);
                    assertEquals((int) e[0], result.topToken(i), where + " rank " + i);
                    assertEquals(e[1], result.topValue(i), TOLERANCE * (1 + Math.abs(e[1])), where + " rank " + i);
                }
            }
        }
    }

    /** The n best finite entries of row as (id, value), value the logit or its log-softmax. */
    private static List<double[]> top(float[] row, int n, boolean logprobs) {
        double max = Double.NEGATIVE_INFINITY;
        for (float x : row) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (float x : row) {
            sum += Math.exp(x - max);
        }
        double logZ = max + Math.log(sum);
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            if (row[i] != Float.NEGATIVE_INFINITY) {
                all.add(new double[] {i, logprobs ? row[i] - logZ : row[i], row[i]});
            }
        }
        all.sort(Comparator.<double[]>comparingDouble(e -> -e[2]).thenComparingDouble(e -> e[0]));
        return all.subList(0, Math.min(n, all.size()));
    }

    @Test
    void vllmNamesRoundTrip() {
        for (LogprobsMode mode : LogprobsMode.values()) {
            assertEquals(mode, LogprobsMode.fromVllmName(mode.vllmName()));
        }
        assertEquals("logprobs_mode = raw is not one of raw_logprobs, raw_logits, processed_logprobs, processed_logits",
                assertThrows(IllegalArgumentException.class, () -> LogprobsMode.fromVllmName("raw")).getMessage());
    }
}
