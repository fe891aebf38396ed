package org.sampling4j.chain;

import org.sampling4j.internal.SortKeys;
import org.sampling4j.internal.LongSort;
import org.sampling4j.kernel.Kernels;

/**
 * The selection primitives processors and pickers share: the best candidate and the k best, without
 * sorting the vocabulary.
 */
public final class Selection {
    /** Longest of the {@value #FLOOR_RANGES} ranges {@link #sampledFloor} reads. */
    private static final int FLOOR_RANGE = 1024;
    /** Below this range length the floor would rank too low to save heap work: the plain scan. */
    private static final int MIN_FLOOR_RANGE = 64;
    private static final int FLOOR_RANGES = 8;
    /** {@link #loadBestAbove}'s answer when fewer than k tokens lie above its floor. */
    private static final int TOO_FEW = -2;

    private Selection() {
    }

    /**
     * Position (in the current representation) of the largest value, ties to the lowest token id.
     * Dense: O(1) when loading found it ({@link Candidates#knownArgmax()}), else one argmax pass;
     * sparse sorted: position 0; sparse unsorted: one scan.
     */
    public static int bestPosition(Candidates c) {
        if (c.isDense()) {
            int known = c.knownArgmax();
            if (known >= 0) {
                return known;
            }
            // The max is usually known from loading the row, leaving one find pass that stops early.
            int at = c.kernels().indexOf(c.denseValues(), 0, c.vocabSize(), c.max());
            return at < 0 ? 0 : at;
        }
        if (c.isSorted()) {
            return 0;
        }
        float[] values = c.values();
        int[] ids = c.ids();
        int best = 0;
        for (int i = 1; i < c.size(); i++) {
            float v = values[i];
            if (v > values[best] || (v == values[best] && ids[i] < ids[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The smallest float {@code f} with {@code f >= threshold}: for every float x, {@code x >= f} iff {@code x >= threshold}. */
    public static float smallestFloatAtLeast(double threshold) {
        float f = (float) threshold;
        return f < threshold ? Math.nextUp(f) : f;
    }

    /**
     * Keeps the candidates with value {@code >= threshold}, in their order; when fewer than
     * {@code minKeep} qualify, keeps the {@code minKeep} best instead. Dense: one compaction pass;
     * sparse: O(candidates).
     */
    public static void keepAtLeast(Candidates c, float threshold, int minKeep) {
        int kept;
        if (c.isDense()) {
            kept = c.kernels().compactAtLeast(c.denseValues(), c.vocabSize(), threshold, c.ids(), c.values());
            if (kept >= minKeep) {
                c.setSparse(kept, false);
                return;
            }
        } else {
            int[] ids = c.ids();
            float[] values = c.values();
            int[] outIds = c.nextIds();
            float[] outValues = c.nextValues();
            kept = 0;
            for (int i = 0; i < c.size(); i++) {
                if (values[i] >= threshold) {
                    outIds[kept] = ids[i];
                    outValues[kept] = values[i];
                    kept++;
                }
            }
            if (kept >= minKeep) {
                c.publishNext(kept, c.isSorted());
                return;
            }
        }
        keepBest(c, minKeep);
    }

    /**
     * Keeps exactly the {@code k} best candidates (largest values, ties to the lower id) and leaves
     * them sorted. Streaming selection with a k-entry max-heap of {@link SortKeys}: one pass over the
     * set (on a dense row a SIMD scan for values above the current k-th best), heap work only on
     * those hits, then a sort of k keys.
     * O(n + h log k) for h hits; no-op when {@code k >= size}.
     */
    public static void keepBest(Candidates c, int k) {
        if (k >= c.size()) {
            return;
        }
        long[] heap = c.scratch().sortKeys();
        bestKeys(c, k, heap);
        int[] outIds = c.nextIds();
        float[] outValues = c.nextValues();
        for (int i = 0; i < k; i++) {
            outIds[i] = SortKeys.id(heap[i]);
            outValues[i] = SortKeys.value(heap[i]);
        }
        c.publishNext(k, true);
    }

    /**
     * Writes the {@link SortKeys} of the {@code k} best candidates ({@code 1 <= k <= size}) into
     * {@code heap[0, k)}, sorted best first, without changing the set; returns k.
     */
    public static int bestKeys(Candidates c, int k, long[] heap) {
        int n = c.size();
        float[] values = c.currentValues();
        for (int i = 0; i < k; i++) {
            heap[i] = SortKeys.key(values[i], c.tokenAt(i));
        }
        LongSort.heapify(heap, 0, k);
        float worstValue = SortKeys.value(heap[0]);
        if (c.isDense()) {
            // Ids ascend, so a value equal to the k-th best never beats it: only x > worst enters,
            // and the kernel's SIMD scan returns just those hits.
            Kernels kernels = c.kernels();
            for (int i = kernels.nextAbove(values, k, n, worstValue); i >= 0;
                    i = kernels.nextAbove(values, i + 1, n, worstValue)) {
                heap[0] = SortKeys.key(values[i], i);
                LongSort.siftDown(heap, 0, 0, k);
                worstValue = SortKeys.value(heap[0]);
            }
        } else {
            for (int i = k; i < n; i++) {
                float v = values[i];
                // Only a value at least the k-th best can enter; equal values decide on the id.
                if (v >= worstValue) {
                    long key = SortKeys.key(v, c.tokenAt(i));
                    if (key < heap[0]) {
                        heap[0] = key;
                        LongSort.siftDown(heap, 0, 0, k);
                        worstValue = SortKeys.value(heap[0]);
                    }
                }
            }
        }
        LongSort.sort(heap, 0, k);
        return k;
    }

    /**
     * {@link #keepBest} fused into loading a row: one streaming pass over the caller's
     * {@code logits[offset, offset + V)}, never copied, validates every value and keeps the
     * {@code k} best tokens not in {@code history} (all of them when it is null) in a k-entry
     * max-heap of {@link SortKeys}, SIMD-scanning ({@link Kernels#nextNotAtMost}) for values above
     * the current k-th best. The heap starts from a floor sampled from the row ({@link #loadBestAbove}:
     * a few hundred hits at k = 50, V = 128,256), or, when fewer than k tokens exceed it or k is too
     * large for a useful floor, from the row's first k tokens (about {@code k ln(V / k)} hits on a
     * row in random order). The set becomes those k,
     * sorted, followed by every token of {@code history} with a positive count at its raw value:
     * a superset of the k best after any steps that {@link LogitsProcessor#fusesBeforeTopK()
     * fuse before a top-k}, which then run on it, followed by the top-k step itself. Each
     * token's value and the final k are those of the dense path, bit for bit.
     *
     * <p>The caller ensures {@code k + history.distinct() < V}. Returns the index (relative to
     * {@code offset}) of the first NaN or {@code +Inf} value, or -1.
     */
    static int loadBest(Candidates c, float[] logits, int offset, int k, TokenCounts history) {
        int v = c.vocabSize();
        int range = Math.min(Math.min(FLOOR_RANGE, v / FLOOR_RANGES), v / (2 * k)) & -16;
        if (range >= MIN_FLOOR_RANGE) {
            int at = loadBestAbove(c, logits, offset, k, history, sampledFloor(c.kernels(), logits, offset, v, range));
            if (at != TOO_FEW) {
                return at;
            }
        }
        long[] heap = c.scratch().sortKeys();
        int end = offset + v;
        int filled = 0;
        int i = offset;
        for (; i < end && filled < k; i++) {
            float x = logits[i];
            if (!(x < Float.POSITIVE_INFINITY)) {
                return i - offset;
            }
            if (history == null || history.count(i - offset) == 0) {
                heap[filled++] = SortKeys.key(x, i - offset);
            }
        }
        LongSort.heapify(heap, 0, k);
        float worst = SortKeys.value(heap[0]);
        Kernels kernels = c.kernels();
        // Ids ascend, so a value equal to the k-th best never beats it: only x > worst is a hit,
        // and so is a NaN or +Inf, which the hit refuses.
        for (int j = kernels.nextNotAtMost(logits, i, end, worst); j >= 0;
                j = kernels.nextNotAtMost(logits, j + 1, end, worst)) {
            float x = logits[j];
            if (!(x < Float.POSITIVE_INFINITY)) {
                return j - offset;
            }
            if (history == null || history.count(j - offset) == 0) {
                heap[0] = SortKeys.key(x, j - offset);
                LongSort.siftDown(heap, 0, 0, k);
                worst = SortKeys.value(heap[0]);
            }
        }
        publishBest(c, logits, offset, k, history, heap);
        return -1;
    }

    /**
     * A value that about {@code 2.7 V / range} tokens of a row in random order exceed: the least
     * of the maxima of {@value #FLOOR_RANGES} ranges of {@code range} values spread over the row.
     * A range's maximum ranks about {@code V / range} in the row, and all of them rank among the k
     * best with probability about {@code (1 - e^(-k range / V))^8}, under 1e-3 for
     * {@code range <= V / 2k}: only then does {@link #loadBestAbove} find fewer than k above it.
     * Speed only: any floor gives the same k best, and a NaN or +Inf in a range only sends the
     * row to the plain scan, which reports the first one.
     */
    private static float sampledFloor(Kernels kernels, float[] logits, int offset, int v, int range) {
        float floor = Float.POSITIVE_INFINITY;
        int step = v / FLOOR_RANGES;
        for (int r = 0; r < FLOOR_RANGES; r++) {
            int from = offset + r * step;
            floor = Math.min(floor, kernels.max(logits, from, from + range));
        }
        return floor;
    }

    /**
     * {@link #loadBest} starting from a floor instead of the row's first k tokens: the tokens above
     * it are the only hits until k of them fill the heap, so its work is that of the (few hundred)
     * tokens above the floor, not the {@code k ln(V / k)} replacements of a heap seeded with the
     * first k. The k best all lie above the floor once k tokens do (every other token is at or
     * below it); else returns {@link #TOO_FEW} having written nothing but scratch, for the plain
     * scan. A NaN or +Inf anywhere is a hit, so the first one is still found in order.
     */
    private static int loadBestAbove(Candidates c, float[] logits, int offset, int k, TokenCounts history,
            float floor) {
        if (!(floor > Float.NEGATIVE_INFINITY && floor < Float.POSITIVE_INFINITY)) {
            return TOO_FEW; // a NaN or +Inf for the plain scan to report, or a row of -Inf
        }
        long[] heap = c.scratch().sortKeys();
        int end = offset + c.vocabSize();
        Kernels kernels = c.kernels();
        int filled = 0;
        float worst = floor;
        for (int j = kernels.nextNotAtMost(logits, offset, end, worst); j >= 0;
                j = kernels.nextNotAtMost(logits, j + 1, end, worst)) {
            float x = logits[j];
            if (!(x < Float.POSITIVE_INFINITY)) {
                return j - offset;
            }
            if (history != null && history.count(j - offset) != 0) {
                continue;
            }
            if (filled < k) {
                heap[filled++] = SortKeys.key(x, j - offset);
                if (filled < k) {
                    continue;
                }
                LongSort.heapify(heap, 0, k);
            } else {
                heap[0] = SortKeys.key(x, j - offset);
                LongSort.siftDown(heap, 0, 0, k);
            }
            worst = SortKeys.value(heap[0]); // above the floor: every heap entry is
        }
        if (filled < k) {
            return TOO_FEW;
        }
        publishBest(c, logits, offset, k, history, heap);
        return -1;
    }

    /** The set becomes the heap's k keys, best first, then the history's tokens at their raw values. */
    private static void publishBest(Candidates c, float[] logits, int offset, int k, TokenCounts history,
            long[] heap) {
        LongSort.sort(heap, 0, k);
        int[] ids = c.ids();
        float[] values = c.values();
        for (int j = 0; j < k; j++) {
            ids[j] = SortKeys.id(heap[j]);
            values[j] = SortKeys.value(heap[j]);
        }
        int size = k;
        if (history != null) {
            for (int h = 0; h < history.distinct(); h++) {
                if (history.countAt(h) > 0) {
                    int token = history.tokenAt(h);
                    ids[size] = token;
                    values[size] = logits[offset + token];
                    size++;
                }
            }
        }
        c.setSparse(size, size == k);
    }

    /**
     * Sorts positions {@code [from, to)} of a sparse set by descending value, ties by ascending id,
     * leaving the rest and the sorted flag alone. O(m log m) for m = to - from.
     */
    public static void sortRange(Candidates c, int from, int to) {
        long[] keys = c.scratch().sortKeys();
        int[] ids = c.ids();
        float[] values = c.values();
        boolean inOrder = true;
        for (int i = from; i < to; i++) {
            keys[i] = SortKeys.key(values[i], ids[i]);
            inOrder &= i == from || keys[i - 1] < keys[i];
        }
        if (inOrder) {
            return; // already sorted: typically a run of ties in ascending id order, however long
        }
        LongSort.sort(keys, from, to);
        for (int i = from; i < to; i++) {
            ids[i] = SortKeys.id(keys[i]);
            values[i] = SortKeys.value(keys[i]);
        }
    }
}
