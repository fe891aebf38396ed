package org.sampling4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.processor.TemperatureProcessor;
import org.sampling4j.processor.TopPProcessor;

/**
 * Top-p inside the chains real parameters build (penalties, bias, bans, top-k and temperature
 * before it, a workspace reused across steps, rows from 1 to 20,000 tokens), against a brute-force
 * nucleus in double on the exact row top-p receives: the same steps run with the chain cut just
 * before top-p (and before its temperature) give that row. It asserts every cut whose boundary is
 * not within 1e-6 of the target (where FastExp and the brute force's exp may round apart). Written
 * when the prefilter's guess moved the determinism fingerprint: the kept sets stayed these, only
 * more cuts now take the sorted path, whose nucleus is in descending order rather than id order,
 * so the inverse-CDF walk maps a uniform to another token of the same law.
 */
class TopPInChainOracleTest {
    private static final long SEED = 0x5A4D_70B1L;
    private static final int STEPS = 6_000;

    @Test
    void everyCutIsTheBruteForceNucleusOfTheRowTopPReceives() {
        SplittableRandom r = new SplittableRandom(SEED);
        int steps = 0;
        int checked = 0;
        int ambiguous = 0;
        while (steps < STEPS) {
            int v = 1 + r.nextInt(r.nextInt(4) == 0 ? 20_000 : 300);
            SamplingParams p = LogitsFixtures.params(r, v);
            Sampler sampler = Sampler.of(p, v);
            Workspace ws = new Workspace(v);
            SequenceState state = sampler.newSequence(LogitsFixtures.tokens(r, v, 10));
            List<LogitsProcessor> ps = sampler.processors();
            int at = -1;
            for (int j = 0; j < ps.size(); j++) {
                at = ps.get(j) instanceof TopPProcessor ? j : at;
            }
            for (int i = 0; i < 20; i++, steps++) {
                float[] logits = LogitsFixtures.varied(r, v);
                if (at >= 0) {
                    int result = check(ps, at, logits, state, ws, v);
                    checked += result > 0 ? 1 : 0;
                    ambiguous += result == 0 ? 1 : 0;
                }
                try {
                    sampler.sample(logits, state, ws, null);
                } catch (IllegalArgumentException everyTokenMasked) {
                    // the history does not advance; the next row tries again
                }
            }
        }
        System.out.println("TopPInChainOracleTest: " + checked + " cuts checked, " + ambiguous + " within 1e-6 skipped");
        assertTrue(checked > 1000, "too few cuts checked: " + checked);
    }

    /** 1 when checked, 0 when the boundary is too close to call, -1 when the step has no cut to check. */
    private static int check(List<LogitsProcessor> ps, int at, float[] logits, SequenceState state, Workspace ws, int v) {
        TopPProcessor topP = (TopPProcessor) ps.get(at);
        float temperature = 1f;
        List<LogitsProcessor> before = new ArrayList<>();
        for (int j = 0; j < at; j++) {
            if (ps.get(j) instanceof TemperatureProcessor) {
                if (j != at - 1) {
                    return -1; // a value-changing step between temperature and top-p: not this test's case
                }
                temperature = ((TemperatureProcessor) ps.get(j)).temperature();
            } else {
                before.add(ps.get(j));
            }
        }
        float[] row = new float[v];
        try {
            build(v, before).process(logits, state, new Workspace(v), row);
        } catch (IllegalArgumentException everyTokenMasked) {
            return -1;
        }
        float[] cut = new float[v];
        build(v, ps.subList(0, at + 1)).process(logits, state, ws, cut);
        boolean[] expected = new boolean[v];
        float t = temperature;
        double margin = nucleus(row, 1f / temperature, topP.mass(), topP.minKeep(), expected);
        if (margin < 1e-6) {
            return 0;
        }
        for (int j = 0; j < v; j++) {
            boolean kept = cut[j] != Float.NEGATIVE_INFINITY;
            int token = j;
            assertEquals(expected[j], kept, () -> "token " + token + " of V " + v + ": " + ps.subList(0, at + 1)
                    + " topP " + topP.mass() + " minKeep " + topP.minKeep() + " T " + t);
        }
        return 1;
    }

    private static Sampler build(int v, List<LogitsProcessor> processors) {
        Sampler.Builder b = Sampler.builder(v);
        processors.forEach(b::add);
        return b.build();
    }

    /**
     * The nucleus by sort and walk in double, weights {@code exp((x - max) * scale)} with the float
     * product rounded as the engine rounds it; marks it in {@code kept} and returns the relative
     * distance of the target from the cumulative masses on either side of the boundary token.
     */
    private static double nucleus(float[] x, float scale, double topP, int minKeep, boolean[] kept) {
        float max = Float.NEGATIVE_INFINITY;
        List<Integer> finite = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != Float.NEGATIVE_INFINITY) {
                finite.add(i);
                max = Math.max(max, x[i]);
            }
        }
        Integer[] order = finite.toArray(new Integer[0]);
        Arrays.sort(order, (a, b) -> x[a] != x[b] ? Float.compare(x[b], x[a]) : Integer.compare(a, b));
        double[] w = new double[order.length];
        double total = 0;
        for (int k = 0; k < order.length; k++) {
            w[k] = Math.exp((x[order[k]] - max) * scale);
            total += w[k];
        }
        double cumulative = 0;
        int count = 0;
        double margin = 1;
        while (count < order.length) {
            double previous = cumulative;
            cumulative += w[count++];
            if (cumulative >= topP * total) {
                margin = Math.min(cumulative / total - topP, topP - previous / total);
                break;
            }
        }
        count = Math.max(count, Math.min(minKeep, order.length));
        for (int k = 0; k < count; k++) {
            kept[order[k]] = true;
        }
        return margin;
    }
}
