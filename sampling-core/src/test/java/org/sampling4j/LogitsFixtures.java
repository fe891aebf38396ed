package org.sampling4j;

import org.sampling4j.processor.PenaltyScope;
import org.sampling4j.random.PortableGaussian;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded logits rows, histories and parameter sets for property, reference and statistical tests. */
public final class LogitsFixtures {
    private LogitsFixtures() {
    }

    /** N(0, sigma) logits. */
    public static float[] normal(SplittableRandom r, int v, double sigma) {
        float[] x = new float[v];
        for (int i = 0; i < v; i++) {
            x[i] = (float) (PortableGaussian.next(r) * sigma);
        }
        return x;
    }

    /** A mix of shapes: normal, rounded (many ties), peaked, partly -Inf. */
    public static float[] varied(SplittableRandom r, int v) {
        float[] x = normal(r, v, r.nextDouble(0.1, 5));
        switch (r.nextInt(4)) {
            case 0:
                for (int i = 0; i < v; i++) {
                    x[i] = Math.round(x[i] * 2) / 2f;
                }
                break;
            case 1:
                x[r.nextInt(v)] += 10f;
                break;
            case 2:
                for (int i = 0; i < v; i++) {
                    if (r.nextInt(3) == 0) {
                        x[i] = Float.NEGATIVE_INFINITY;
                    }
                }
                x[r.nextInt(v)] = 1f;
                break;
            default:
                break;
        }
        return x;
    }

    public static int[] tokens(SplittableRandom r, int v, int maxLength) {
        int[] t = new int[r.nextInt(maxLength + 1)];
        for (int i = 0; i < t.length; i++) {
            // Draw from a small range so that repeats (what penalties act on) are common.
            t[i] = r.nextInt(Math.min(v, 12));
        }
        return t;
    }

    /**
     * {@link #params} plus the extended knobs (typical, epsilon, eta, no-repeat-ngram, top-n-sigma,
     * XTC, dynamic temperature, mirostat, DRY, bad words), each enabled about a third of the time.
     */
    public static SamplingParams extendedParams(SplittableRandom r, int v) {
        SamplingParams.Builder b = params(r, v).toBuilder();
        if (r.nextInt(3) == 0) {
            b.typicalP(r.nextDouble(0.05, 1.0));
        }
        if (r.nextInt(3) == 0) {
            b.epsilonCutoff(r.nextDouble(0, 0.2)).etaCutoff(r.nextDouble(0, 0.2));
        }
        if (r.nextInt(3) == 0) {
            b.noRepeatNgramSize(1 + r.nextInt(3));
        }
        if (r.nextInt(3) == 0) {
            b.topNSigma(r.nextDouble(0, 3));
        }
        if (r.nextInt(3) == 0) {
            b.xtc(r.nextDouble(0, 1), r.nextDouble(0, 0.6));
        }
        if (r.nextInt(3) == 0) {
            b.dynamicTemperature(r.nextDouble(0, 1.5), r.nextDouble(0, 3));
        }
        if (r.nextInt(4) == 0) {
            b.mirostat(1 + r.nextInt(2), r.nextDouble(0, 8), r.nextDouble(0, 1));
        }
        if (r.nextInt(3) == 0) {
            b.dry(r.nextDouble(0, 2), r.nextDouble(1, 3), r.nextInt(4), r.nextInt(20))
                    .drySequenceBreakers(new int[] {r.nextInt(v)});
        }
        if (r.nextInt(3) == 0) {
            b.badWords(new int[] {r.nextInt(v)}, new int[] {r.nextInt(v), r.nextInt(v)});
        }
        return b.build();
    }

    /** Random parameters exercising every v1 knob, each enabled about half the time. */
    public static SamplingParams params(SplittableRandom r, int v) {
        SamplingParams.Builder b = SamplingParams.builder().seed(r.nextLong());
        b.temperature(r.nextInt(6) == 0 ? 0.0 : r.nextDouble(0.2, 2.0));
        if (r.nextBoolean()) {
            b.topK(1 + r.nextInt(v + 2));
        }
        if (r.nextBoolean()) {
            b.topP(r.nextDouble(0.05, 1.0));
        }
        if (r.nextBoolean()) {
            b.minP(r.nextDouble(0.0, 0.5));
        }
        if (r.nextInt(4) == 0) {
            b.minKeep(1 + r.nextInt(3));
        }
        if (r.nextBoolean()) {
            b.repetitionPenalty(r.nextDouble(0.8, 2.0));
            b.repetitionScope(r.nextBoolean() ? PenaltyScope.PROMPT_AND_GENERATED : PenaltyScope.GENERATED);
        }
        if (r.nextBoolean()) {
            b.frequencyPenalty(r.nextDouble(-1, 2)).presencePenalty(r.nextDouble(-1, 2));
        }
        if (r.nextInt(3) == 0) {
            b.penaltyLastN(r.nextInt(8));
        }
        if (r.nextInt(3) == 0) {
            Map<Integer, Float> bias = new HashMap<>();
            for (int i = r.nextInt(4); i >= 0; i--) {
                bias.put(r.nextInt(v), r.nextInt(5) == 0 ? Float.NEGATIVE_INFINITY : (float) r.nextDouble(-5, 5));
            }
            b.logitBias(bias);
        }
        if (r.nextInt(5) == 0) {
            b.bannedTokenIds(r.nextInt(v));
        }
        if (r.nextInt(5) == 0) {
            b.allowedTokenIds(r.nextInt(v), r.nextInt(v), r.nextInt(v), r.nextInt(v));
        }
        if (r.nextInt(5) == 0) {
            b.minTokens(1 + r.nextInt(4)).stopTokenIds(r.nextInt(v));
        }
        b.chainOrder(ChainOrder.values()[r.nextInt(ChainOrder.values().length)]);
        return b.build();
    }

    /** Softmax in double of a processed row: what the sampler should draw from (0 for removed tokens). */
    public static double[] probabilities(float[] processed) {
        return ReferenceSampler.probabilities(processed);
    }
}
