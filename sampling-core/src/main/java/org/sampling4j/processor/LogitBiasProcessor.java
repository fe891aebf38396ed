package org.sampling4j.processor;

import java.util.Arrays;
import java.util.Map;
import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.internal.Canonical;

/**
 * Adds a fixed bias to chosen tokens' logits; a bias of {@code -Inf} bans the token.
 *
 * <p><b>Formula.</b> {@code x_j + bias_j} for each entry j of the map.
 * <p><b>Parameters.</b> token ids in [0, V); biases not NaN and not {@code +Inf} ({@code -Inf}
 * bans, as in llama.cpp; a forced token is better expressed with an allowed-token mask). The OpenAI
 * and vLLM request mappings clamp to [-100, 100].
 * <p><b>Reference.</b> OpenAI {@code logit_bias}; HF SequenceBiasLogitsProcessor with one-token
 * sequences; llama.cpp {@code logit_bias}.
 * <p><b>Cost per call.</b> O(entries) dense; O(candidates * log entries) sparse.
 * <p><b>Example.</b> logits [1, 2, 3], bias {0: +5, 2: -Inf}: [6, 2, -Inf].
 */
public final class LogitBiasProcessor implements LogitsProcessor {
    private final int[] ids;
    private final float[] biases;

    /** @param logitBias token id to bias; ids non-negative, biases neither NaN nor +Inf */
    public LogitBiasProcessor(Map<Integer, ? extends Number> logitBias) {
        int n = logitBias.size();
        long[] entries = new long[n];
        float[] byIndex = new float[n];
        int k = 0;
        for (Map.Entry<Integer, ? extends Number> e : logitBias.entrySet()) {
            int id = e.getKey();
            float bias = e.getValue().floatValue();
            if (id < 0) {
                throw new IllegalArgumentException("logitBias token id " + id + " is outside [0, vocabSize)");
            }
            if (!(bias < Float.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("logitBias[" + id + "] = " + bias
                        + " is outside [-Inf, +Inf): a bias must be finite or -Inf (bans the token)");
            }
            entries[k] = ((long) id << 32) | k;
            byIndex[k] = bias;
            k++;
        }
        Arrays.sort(entries);
        ids = new int[n];
        biases = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (int) (entries[i] >>> 32);
            biases[i] = byIndex[(int) entries[i]];
        }
    }

    @Override
    public String parameters() {
        return Canonical.of(ids, biases);
    }

    @Override
    public String name() {
        return "logit-bias";
    }

    @Override
    public void checkVocabulary(int vocabSize) {
        TokenIds.checkBelow("logitBias", ids, vocabSize);
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        c.applyTemperature();
        if (c.isDense()) {
            float[] x = c.writableDenseValues();
            for (int i = 0; i < ids.length; i++) {
                x[ids[i]] += biases[i];
            }
            return;
        }
        int[] candidateIds = c.ids();
        float[] values = c.values();
        for (int i = 0; i < c.size(); i++) {
            int at = Arrays.binarySearch(ids, candidateIds[i]);
            if (at >= 0) {
                values[i] += biases[at];
            }
        }
        c.markUnsorted();
    }
}
