package org.sampling4j.speculative;

import java.util.SplittableRandom;
import org.sampling4j.LogitsFixtures;
import org.sampling4j.Sampler;
import org.sampling4j.SequenceState;
import org.sampling4j.Workspace;

/**
 * A Markov-chain target and draft on a small vocabulary: the logits row of either depends only on
 * the previous token ({@code V} rows, one per previous token). Builds the rows a verification of K
 * drafts needs, draws drafts from q, and computes the target's exact autoregressive law with the
 * chain (the chain may read the whole history: penalties make the law non-Markov, which is fine).
 */
final class MarkovPair {
    final int v;
    final float[][] target;
    final float[][] draft;

    MarkovPair(long seed, int v, double targetSigma, double draftSigma, double draftNoise) {
        this.v = v;
        SplittableRandom r = new SplittableRandom(seed);
        target = new float[v][];
        draft = new float[v][];
        for (int prev = 0; prev < v; prev++) {
            target[prev] = LogitsFixtures.normal(r, v, targetSigma);
            draft[prev] = new float[v];
            float[] noise = LogitsFixtures.normal(r, v, draftNoise);
            for (int i = 0; i < v; i++) {
                draft[prev][i] = (float) (target[prev][i] * draftSigma / targetSigma) + noise[i];
            }
        }
    }

    /** The K + 1 target rows after {@code last}, drafts {@code drafts}. */
    float[] targetRows(int last, int[] drafts) {
        return rows(target, last, drafts, drafts.length + 1);
    }

    /** The K draft rows after {@code last}, drafts {@code drafts}. */
    float[] draftRows(int last, int[] drafts) {
        return rows(draft, last, drafts, drafts.length);
    }

    private float[] rows(float[][] table, int last, int[] drafts, int count) {
        float[] out = new float[count * v];
        int prev = last;
        for (int i = 0; i < count; i++) {
            System.arraycopy(table[prev], 0, out, i * v, v);
            if (i < drafts.length) {
                prev = drafts[i];
            }
        }
        return out;
    }

    /** log q(x_i) of each draft, from the test's own double softmax (an oracle independent of the verifier's), as floats. */
    float[] draftLogProbs(int last, int[] drafts) {
        float[] out = new float[drafts.length];
        int prev = last;
        for (int i = 0; i < drafts.length; i++) {
            out[i] = (float) Math.log(softmax(draft[prev])[drafts[i]]);
            prev = drafts[i];
        }
        return out;
    }

    /** K drafts drawn from q after {@code last}, by inverse CDF in double with {@code r}. */
    int[] drawDrafts(SplittableRandom r, int last, int k) {
        int[] out = new int[k];
        int prev = last;
        for (int i = 0; i < k; i++) {
            double[] q = softmax(draft[prev]);
            double u = r.nextDouble();
            int token = 0;
            double c = q[0];
            while (c <= u && token < v - 1) {
                c += q[++token];
            }
            out[i] = token;
            prev = token;
        }
        return out;
    }

    static double[] softmax(float[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (float f : x) {
            max = Math.max(max, f);
        }
        double[] p = new double[x.length];
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            p[i] = x[i] == Float.NEGATIVE_INFINITY ? 0 : Math.exp(x[i] - max);
            total += p[i];
        }
        for (int i = 0; i < x.length; i++) {
            p[i] /= total;
        }
        return p;
    }

    /** The target's processed distribution after {@code prompt} then {@code generated}, via {@code Sampler.process}. */
    double[] targetProbabilities(Sampler sampler, int[] prompt, int[] generated) {
        int last = generated.length > 0 ? generated[generated.length - 1] : prompt[prompt.length - 1];
        float[] out = new float[v];
        sampler.process(target[last], SequenceState.resume(0, prompt, generated), new Workspace(v), out);
        return LogitsFixtures.probabilities(out);
    }

    /** P(first n generated tokens = the sequence of index c, base v) under the target with the chain. */
    double[] law(Sampler sampler, int[] prompt, int n) {
        int cells = (int) Math.pow(v, n);
        double[] law = new double[cells];
        for (int c = 0; c < cells; c++) {
            int[] seq = decode(c, n);
            double p = 1;
            for (int t = 0; t < n && p > 0; t++) {
                p *= targetProbabilities(sampler, prompt, java.util.Arrays.copyOf(seq, t))[seq[t]];
            }
            law[c] = p;
        }
        return law;
    }

    int[] decode(int cell, int n) {
        int[] seq = new int[n];
        for (int t = n - 1; t >= 0; t--) {
            seq[t] = cell % v;
            cell /= v;
        }
        return seq;
    }

    int encode(int[] tokens, int n) {
        int c = 0;
        for (int t = 0; t < n; t++) {
            c = c * v + tokens[t];
        }
        return c;
    }
}
