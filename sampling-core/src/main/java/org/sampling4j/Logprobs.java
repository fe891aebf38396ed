package org.sampling4j;

import org.sampling4j.chain.Candidates;
import org.sampling4j.internal.SortKeys;
import org.sampling4j.kernel.Kernels;

/**
 * Fills a {@link SampleResult}: log-softmax of the processed candidates and of the raw row, the
 * chosen token's logits, and the top-N list the {@link LogprobsMode} asks for. A token's
 * log-weight is {@code (x - x_max) / T} in float, the exponent the kernels use, and the
 * normaliser is the log of their double sum. A processed logit is {@code x / T}, as
 * {@link Sampler#process} writes it.
 * Runs only when the caller asks for a result, so plain sampling pays nothing for it.
 */
final class Logprobs {
    private Logprobs() {
    }

    static void fill(SampleResult r, Candidates c, int token, float[] raw, int rawOffset, int topN, LogprobsMode mode) {
        // Still the caller's row, borrowed and unwritten (a write copies it into the set's own row):
        // its max, from loading, is the raw max, and the pass over V for it is not repeated.
        boolean borrowedRaw = c.isDense() && rawOffset == 0 && c.denseValues() == raw && raw != c.rowForLoading();
        float loadedMax = borrowedRaw ? c.max() : Float.NaN;
        c.materialize();
        Kernels k = c.kernels();
        float max = c.max();
        float scale = c.inverseTemperature();
        float t = c.temperature();
        float[] values = c.currentValues();
        int n = c.size();
        double logTotal = StrictMath.log(k.expSum(values, 0, n, max, scale));
        float x = c.valueOf(token);
        double processed = (x - max) * scale - logTotal;
        int kept = k.countAtLeast(values, 0, n, -Float.MAX_VALUE);

        int v = c.vocabSize();
        int end = rawOffset + v;
        // The processed row is the caller's row itself at T = 1 when no step wrote it (plain sampling):
        // then its max and normaliser are the raw ones, and the two passes over V are not repeated.
        boolean rawIsProcessed = values == raw && rawOffset == 0 && n == v && scale == 1f;
        float rawMax = rawIsProcessed ? max : borrowedRaw ? loadedMax : k.max(raw, rawOffset, end);
        double rawLogTotal = rawIsProcessed ? logTotal : StrictMath.log(k.expSum(raw, rawOffset, end, rawMax, 1f));
        float rawX = raw[rawOffset + token];
        r.set(token, processed, (rawX - rawMax) - rawLogTotal, kept, t == 1f ? x : x / t, rawX, mode);

        long[] best = c.scratch().sortKeys();
        int size;
        int[] tokens = r.topTokensArray();
        double[] out = r.topValuesArray();
        if (mode.raw()) {
            int finite = k.countAtLeast(raw, rawOffset, end, -Float.MAX_VALUE);
            size = collectTop(best, Math.min(topN, finite), raw, rawOffset, v, null, k);
            for (int i = 0; i < size; i++) {
                float value = SortKeys.value(best[i]);
                tokens[i] = SortKeys.id(best[i]);
                out[i] = mode.logprobs() ? (value - rawMax) - rawLogTotal : value;
            }
        } else {
            size = collectTop(best, Math.min(topN, kept), values, 0, n, c, k);
            for (int i = 0; i < size; i++) {
                float value = SortKeys.value(best[i]);
                tokens[i] = SortKeys.id(best[i]);
                out[i] = mode.logprobs() ? (value - max) * scale - logTotal : t == 1f ? value : value / t;
            }
        }
        r.setTop(size);
    }

    /**
     * The {@code count} best (value desc, id asc) finite entries of {@code values[from, from + n)}
     * into {@code best[0, count)}, by insertion into a sorted prefix. Ids are the candidates' token
     * ids, or positions when {@code c} is null (a raw row). When ids follow positions (a raw row or
     * a dense set), only an entry at least the current worst can enter once the list is full, so
     * the SIMD scan {@code nextAbove} skips to those: a 128k row costs one scan, not one key and
     * compare per token. A sparse set (ids in any order, and small) is walked entry by entry.
     */
    private static int collectTop(long[] best, int count, float[] values, int from, int n, Candidates c, Kernels k) {
        boolean idsFollowPositions = c == null || c.isDense();
        int size = 0;
        int i = 0;
        for (; i < n && count > 0 && (size < count || !idsFollowPositions); i++) {
            size = offer(best, size, count, values[from + i], c == null ? i : c.tokenAt(i));
        }
        while (i < n && size == count && count > 0) {
            // x >= worst: an equal value has a larger id here, so offer() turns it away
            int at = k.nextAbove(values, from + i, from + n, Math.nextDown(SortKeys.value(best[size - 1])));
            if (at < 0) {
                break;
            }
            size = offer(best, size, count, values[at], at - from);
            i = at - from + 1;
        }
        return size;
    }

    /** Inserts (x, id) into the sorted {@code best[0, size)} (at most {@code count} kept); returns the new size. */
    private static int offer(long[] best, int size, int count, float x, int id) {
        if (x == Float.NEGATIVE_INFINITY) {
            return size;
        }
        long key = SortKeys.key(x, id);
        if (size == count && key >= best[size - 1]) {
            return size;
        }
        int at = size == count ? size - 1 : size++;
        while (at > 0 && best[at - 1] > key) {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = key;
        return size;
    }
}
