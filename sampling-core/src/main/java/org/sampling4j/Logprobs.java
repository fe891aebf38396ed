package org.sampling4j;

import org.sampling4j.kernel.Kernels;

/**
 * Fills a {@link SampleResult}: log-softmax of the processed candidates and of the raw row. A
 * token's log-weight is {@code (x - x_max) / T} in float, the exponent the kernels use, and the
 * normaliser is the log of their double sum.
 * Runs only when the caller asks for a result, so plain sampling pays nothing for it.
 */
final class Logprobs {
    private Logprobs() {
    }

    static void fill(SampleResult r, Candidates c, int token, float[] raw, int rawOffset, int topN) {
        c.materialize();
        Kernels k = c.kernels();
        float max = c.max();
        float scale = c.inverseTemperature();
        float[] values = c.currentValues();
        int n = c.size();
        double logTotal = StrictMath.log(k.expSum(values, 0, n, max, scale));
        double processed = (c.valueOf(token) - max) * scale - logTotal;
        int kept = k.countAtLeast(values, 0, n, -Float.MAX_VALUE);

        int end = rawOffset + c.vocabSize();
        float rawMax = k.max(raw, rawOffset, end);
        double rawLogprob = (raw[rawOffset + token] - rawMax) - StrictMath.log(k.expSum(raw, rawOffset, end, rawMax, 1f));
        r.set(token, processed, rawLogprob, kept);

        int count = Math.min(topN, kept);
        long[] best = c.scratchKeys();
        int size = 0;
        for (int i = 0; i < n && count > 0; i++) {
            float x = values[i];
            if (x == Float.NEGATIVE_INFINITY) {
                continue;
            }
            long key = SortKeys.key(x, c.tokenAt(i));
            if (size == count && key >= best[size - 1]) {
                continue;
            }
            int at = size == count ? size - 1 : size++;
            while (at > 0 && best[at - 1] > key) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = key;
        }
        int[] tokens = r.topTokensArray();
        double[] logprobs = r.topLogprobsArray();
        for (int i = 0; i < size; i++) {
            tokens[i] = SortKeys.id(best[i]);
            logprobs[i] = (SortKeys.value(best[i]) - max) * scale - logTotal;
        }
        r.setTop(size);
    }
}
