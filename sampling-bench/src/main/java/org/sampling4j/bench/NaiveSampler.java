package org.sampling4j.bench;

import java.util.Arrays;
import org.sampling4j.ChainOrder;
import org.sampling4j.SamplingParams;
import org.sampling4j.random.Uniforms;

/**
 * The baseline every benchmark is compared with: how a straightforward JVM sampler does it. One
 * pass per processor, temperature as a pass, a full sort of the vocabulary (packed primitive keys,
 * no boxing) for every configuration, greedy included, {@link Math#exp} for every token, a
 * cumulative walk. (A runtime that special-cases greedy with one argmax loop takes about 6 floor
 * passes instead; the report says so beside the greedy row.) Supports the canonical
 * configurations (penalties over a window, temperature, top-k, top-p, min-p, in the HF or
 * llama.cpp order).
 */
public final class NaiveSampler {
    private final SamplingParams params;
    private final float[] x;
    private final long[] keys;
    private final double[] probs;
    private final int[] counts;

    public NaiveSampler(SamplingParams params, int vocabSize) {
        this.params = params;
        this.x = new float[vocabSize];
        this.keys = new long[vocabSize];
        this.probs = new double[vocabSize];
        this.counts = new int[vocabSize];
    }

    /** Samples with the same uniform Sampling4J uses at (seed, step); returns the token. */
    public int sample(float[] logits, int[] history, long seed, long step) {
        int v = x.length;
        System.arraycopy(logits, 0, x, 0, v);
        penalties(history);
        boolean llama = params.chainOrder() == ChainOrder.LLAMA_CPP;
        float t = (float) params.temperature();
        boolean greedy = t == 0;
        if (!llama && !greedy) {
            for (int i = 0; i < v; i++) {
                x[i] /= t;
            }
        }
        for (int i = 0; i < v; i++) {
            keys[i] = ((long) ~sortable(x[i]) << 32) | i; // descending value, then ascending id
        }
        Arrays.sort(keys);
        if (greedy) {
            return (int) keys[0]; // the same full sort as every other configuration, then the first
        }
        int n = v;
        if (params.topK() > 0) {
            n = Math.min(n, params.topK());
        }
        n = Math.min(n, topP(n));
        n = Math.min(n, minP(n));
        if (llama) {
            for (int i = 0; i < n; i++) {
                x[(int) keys[i]] /= t;
            }
        }
        double total = softmax(n);
        double target = Uniforms.uniform(seed, step, 0, Uniforms.STREAM_PICKER) * total;
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += probs[i];
            if (cumulative > target) {
                return (int) keys[i];
            }
        }
        return (int) keys[n - 1];
    }

    private void penalties(int[] history) {
        int from = params.penaltyLastN() == 0 ? 0 : Math.max(0, history.length - params.penaltyLastN());
        for (int i = from; i < history.length; i++) {
            counts[history[i]]++;
        }
        float r = (float) params.repetitionPenalty();
        float f = (float) params.frequencyPenalty();
        float p = (float) params.presencePenalty();
        for (int i = from; i < history.length; i++) {
            int token = history[i];
            int c = counts[token];
            if (c > 0) {
                float value = x[token] > 0 ? x[token] / r : x[token] * r;
                x[token] = value - c * f - p;
                counts[token] = 0;
            }
        }
    }

    private int topP(int n) {
        if (params.topP() >= 1) {
            return n;
        }
        double total = softmax(n);
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += probs[i];
            if (cumulative >= params.topP() * total) {
                return Math.max(i + 1, params.minKeep());
            }
        }
        return n;
    }

    private int minP(int n) {
        if (params.minP() <= 0) {
            return n;
        }
        softmax(n);
        for (int i = 0; i < n; i++) {
            if (probs[i] < params.minP() * probs[0]) {
                return Math.max(i, params.minKeep());
            }
        }
        return n;
    }

    /** Unnormalised probabilities of the first n sorted candidates into probs; returns their sum. */
    private double softmax(int n) {
        double max = x[(int) keys[0]];
        double total = 0;
        for (int i = 0; i < n; i++) {
            probs[i] = Math.exp(x[(int) keys[i]] - max);
            total += probs[i];
        }
        return total;
    }

    private static int sortable(float v) {
        int bits = Float.floatToIntBits(v + 0.0f);
        return bits ^ ((bits >> 31) & 0x7FFF_FFFF);
    }
}
