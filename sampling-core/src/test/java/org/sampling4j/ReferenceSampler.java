package org.sampling4j;

import org.sampling4j.processor.PenaltyScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A slow, obviously-correct model of the chain: full sorts, {@link Math#exp} in double, one array
 * per step. Value-changing steps (bias, penalties, temperature) use float arithmetic as HF does in
 * float32, so that kept values can be compared to the bit; every probability is double.
 */
final class ReferenceSampler {
    private ReferenceSampler() {
    }

    /** The processed logits: kept tokens carry their processed value, removed ones -Inf. */
    static float[] process(float[] logits, SamplingParams p, int[] prompt, int[] generated) {
        float[] x = logits.clone();
        boolean greedy = p.temperature() == 0;
        for (ChainStage stage : p.chainOrder().stages()) {
            switch (stage) {
                case MASKS:
                    masks(x, p, generated);
                    break;
                case BIAS:
                    p.logitBias().forEach((id, b) -> x[id] += b);
                    break;
                case PENALTIES:
                    penalties(x, p, prompt, generated);
                    break;
                case TEMPERATURE:
                    if (greedy && !order(x).isEmpty()) {
                        int best = order(x).get(0);
                        for (int i = 0; i < x.length; i++) {
                            x[i] = i == best ? x[i] : Float.NEGATIVE_INFINITY;
                        }
                    } else if (p.temperature() != 1.0) {
                        float t = (float) p.temperature();
                        for (int i = 0; i < x.length; i++) {
                            x[i] = x[i] / t;
                        }
                    }
                    break;
                case TOP_K:
                    if (p.topK() > 0 && !greedy) {
                        keepFirst(x, order(x), p.topK());
                    }
                    break;
                case TOP_P:
                    if (p.topP() < 1 && !greedy) {
                        topP(x, p.topP(), p.minKeep());
                    }
                    break;
                case MIN_P:
                    if (p.minP() > 0 && !greedy) {
                        minP(x, p.minP(), p.minKeep());
                    }
                    break;
                default:
                    // TOP_N_SIGMA, TYPICAL, XTC: the fixtures leave them disabled; the processors'
                    // own tests check them against hand-computed values.
                    break;
            }
        }
        return x;
    }

    /** Probabilities of the processed logits: softmax in double, 0 for removed tokens. */
    static double[] probabilities(float[] processed) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : processed) {
            max = Math.max(max, v);
        }
        double[] p = new double[processed.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = processed[i] == Float.NEGATIVE_INFINITY ? 0 : Math.exp(processed[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static void masks(float[] x, SamplingParams p, int[] generated) {
        int[] allowed = p.allowedTokenIds();
        if (allowed != null) {
            boolean[] keep = new boolean[x.length];
            for (int id : allowed) {
                keep[id] = true;
            }
            for (int i = 0; i < x.length; i++) {
                if (!keep[i]) {
                    x[i] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        if (p.bannedTokenIds() != null) {
            for (int id : p.bannedTokenIds()) {
                x[id] = Float.NEGATIVE_INFINITY;
            }
        }
        if (p.stopTokenIds() != null && generated.length < p.minTokens()) {
            for (int id : p.stopTokenIds()) {
                x[id] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    private static void penalties(float[] x, SamplingParams p, int[] prompt, int[] generated) {
        int lastN = p.penaltyLastN();
        if (p.repetitionPenalty() != 1.0) {
            int[] scope = p.repetitionScope() == PenaltyScope.GENERATED ? generated : concat(prompt, generated);
            float r = (float) p.repetitionPenalty();
            for (int id : counts(window(scope, lastN)).keySet()) {
                x[id] = x[id] > 0 ? x[id] / r : x[id] * r;
            }
        }
        if (p.frequencyPenalty() != 0 || p.presencePenalty() != 0) {
            float f = (float) p.frequencyPenalty();
            float pr = (float) p.presencePenalty();
            counts(window(generated, lastN)).forEach((id, c) -> x[id] = x[id] - c * f - pr);
        }
    }

    private static int[] window(int[] tokens, int lastN) {
        return lastN == 0 ? tokens : Arrays.copyOfRange(tokens, Math.max(0, tokens.length - lastN), tokens.length);
    }

    private static Map<Integer, Integer> counts(int[] tokens) {
        Map<Integer, Integer> c = new HashMap<>();
        for (int t : tokens) {
            c.merge(t, 1, Integer::sum);
        }
        return c;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Ids of the finite values, by descending value then ascending id: a full sort. */
    static List<Integer> order(float[] x) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != Float.NEGATIVE_INFINITY) {
                ids.add(i);
            }
        }
        ids.sort(Comparator.<Integer>comparingDouble(i -> -x[i]).thenComparingInt(i -> i));
        return ids;
    }

    private static void keepFirst(float[] x, List<Integer> order, int n) {
        for (int rank = n; rank < order.size(); rank++) {
            x[order.get(rank)] = Float.NEGATIVE_INFINITY;
        }
    }

    private static void topP(float[] x, double topP, int minKeep) {
        List<Integer> order = order(x);
        double[] prob = probabilities(x);
        double before = 0;
        int kept = 0;
        while (kept < order.size() && before < topP) {
            before += prob[order.get(kept)];
            kept++;
        }
        keepFirst(x, order, Math.max(kept, minKeep));
    }

    private static void minP(float[] x, double minP, int minKeep) {
        List<Integer> order = order(x);
        if (order.isEmpty()) {
            return;
        }
        double[] prob = probabilities(x);
        double floor = minP * prob[order.get(0)];
        int kept = 0;
        while (kept < order.size() && prob[order.get(kept)] >= floor) {
            kept++;
        }
        keepFirst(x, order, Math.max(kept, minKeep));
    }
}
