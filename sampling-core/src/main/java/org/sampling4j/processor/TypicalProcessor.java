package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.LogitsProcessor;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;
import org.sampling4j.internal.LongSort;
import org.sampling4j.kernel.FastExp;

/**
 * Locally typical sampling: keeps the tokens whose surprise is closest to the distribution's
 * entropy, as many as it takes to cover {@code typicalP} of the probability.
 *
 * <p><b>Formula.</b> with {@code t_i = (x_i - x_max) / T}, {@code p_i = e^t_i / W}, the entropy
 * {@code H = -sum p_i ln p_i}, each token's distance {@code s_i = |-ln p_i - H| = |t_i - E[t]|};
 * order tokens by ascending s, take the first token where the cumulative probability reaches
 * {@code typicalP}, and keep every token whose s is at most that token's s.
 * <p><b>Parameters.</b> {@link #TYPICAL_P typicalP} in (0, 1], 1 disables (typical 0.2 to 0.95);
 * {@code minKeep >= 1}: at least that many tokens survive, smallest s first, ties to the lower id.
 * <p><b>Reference.</b> HF TypicalLogitsWarper (Meister et al., "Locally Typical Sampling", 2022);
 * llama.cpp {@code typical_p}. Distances are float32, as in HF.
 * <p><b>Cost per call.</b> No sort of the vocabulary. Usually one SIMD pass for W and E[t] and one
 * SIMD compaction of the tokens near the center, where the cut is found ({@link TypicalNearCenter});
 * else (a flat row, or minKeep above the kept count) one SIMD pass more for the weights,
 * two scalar passes for the first histogram of distances (1024 buckets) and the boundary bucket's
 * tokens, finer levels on those only and a sort of at most 1024; the kept set is an interval of
 * logits, found on the float grid by bisection, so two SIMD counts and one SIMD compaction keep it.
 * <p><b>Example.</b> probabilities [0.4, 0.3, 0.2, 0.1]: H = 1.28 nats; surprises 0.92, 1.20,
 * 1.61, 2.30; distances 0.36, 0.08, 0.33, 1.02: typicalP 0.5 keeps tokens 1 and 2 (0.3 + 0.2).
 */
public final class TypicalProcessor implements LogitsProcessor {
    /** The probability mass to cover. */
    public static final Setting TYPICAL_P = Setting.openClosed("typicalP", 0, 1).byDefault(1).offAt(1)
            .note("1 disables typical-p");
    private static final int BUCKETS = org.sampling4j.chain.Scratch.HISTOGRAM_BUCKETS;
    private static final int SORT_LIMIT = 1024;
    private static final int MAX_LEVELS = 8;

    private final double typicalP;
    private final int minKeep;
    /** Whether {@link TypicalNearCenter} tries first (always, but in the test that compares it with the whole-row path). */
    private final boolean nearCenterFirst;

    /** Whether a chain built from params needs this step: typicalP below 1; otherwise it would change nothing. */
    public static boolean enabledBy(double typicalP) {
        return !TYPICAL_P.isOff(typicalP);
    }

    /** @param typicalP in (0, 1] ({@link #TYPICAL_P}); @param minKeep {@code >= 1} ({@link TopPProcessor#MIN_KEEP}) */
    public TypicalProcessor(double typicalP, int minKeep) {
        this(typicalP, minKeep, true);
    }

    TypicalProcessor(double typicalP, int minKeep, boolean nearCenterFirst) {
        this.typicalP = TYPICAL_P.check(typicalP);
        this.minKeep = TopPProcessor.MIN_KEEP.check(minKeep);
        this.nearCenterFirst = nearCenterFirst;
    }

    @Override
    public String parameters() {
        return Canonical.of(typicalP, minKeep);
    }

    @Override
    public String name() {
        return "typical-p";
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    /** {@code |t - center|} in float: the one definition of a token's distance. */
    static float distance(float t, float center) {
        return Math.abs(t - center);
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        float max = c.max();
        if (typicalP >= 1.0 || max == Float.NEGATIVE_INFINITY) {
            return;
        }
        float scale = c.inverseTemperature();
        float[] values = c.currentValues();
        int n = c.size();
        float[] weights = c.nextValues();
        double[] weighted = c.scratch().sums();
        double total = c.kernels().expSumWeighted(values, 0, n, max, scale, weighted);
        float center = (float) (weighted[0] / total); // E[t] = ln W - H
        if (nearCenterFirst && TypicalNearCenter.apply(c, values, n, max, scale, center, total, typicalP * total,
                typicalP, minKeep)) {
            return;
        }
        c.kernels().weights(values, 0, n, max, scale, weights);
        float limit = limit(c, values, n, max, scale, center, weights, typicalP * total);
        // The kept tokens, |t - center| <= limit with t = (x - max) * scale, form one interval of
        // logits, found exactly on the float grid; two SIMD counts and one compaction then do the rest.
        float low = TypicalInterval.lowestWithin(max, scale, center, limit);
        float high = TypicalInterval.highestWithin(max, scale, center, limit);
        int count = low > high ? 0 : c.kernels().countAtLeast(values, 0, n, low)
                - (high == Float.MAX_VALUE ? 0 : c.kernels().countAtLeast(values, 0, n, Math.nextUp(high)));
        if (count < minKeep) {
            keepClosest(c, values, n, max, scale, center, Math.min(minKeep, n));
        } else {
            keepBetween(c, values, n, low, high);
        }
    }

    /**
     * The weighted quantile of the distances: the first level's histogram comes straight from the
     * values (distances lie in [0, max(center + 104, -center)], since a weight is 0 below t = -104),
     * so keys are built only for the boundary bucket's tokens; {@link #quantile} refines those.
     */
    private static float limit(Candidates c, float[] values, int n, float max, float scale, float center,
                               float[] weights, double target) {
        double[] mass = c.scratch().massHistogram();
        java.util.Arrays.fill(mass, 0.0);
        float high = Math.max(center - FastExp.UNDERFLOW, -center);
        // Level one in float (distances are floats >= 0 here, low is 0): the cheapest monotone
        // bucketing, since this loop visits every token.
        float perBucket = BUCKETS / high;
        float largest = 0f;
        int[] buckets = c.nextIds(); // each token's bucket, so the second pass only compares ints
        for (int i = 0; i < n; i++) {
            float w = weights[i];
            int b = -1;
            if (w > 0) {
                float s = distance((values[i] - max) * scale, center);
                if (s > largest) {
                    largest = s;
                }
                b = Math.min(BUCKETS - 1, (int) (s * perBucket));
                mass[b] += w;
            }
            buckets[i] = b;
        }
        int boundary = boundary(mass, 0, target);
        double below = massBefore(mass, 0, boundary);
        long[] keys = c.scratch().sortKeys();
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (buckets[i] == boundary) {
                keys[m++] = key(distance((values[i] - max) * scale, center), i);
            }
        }
        // No key in the boundary bucket: rounding left the target unreached; keep everything.
        return m == 0 ? largest : quantile(keys, m, weights, target, below, mass);
    }

    /** Distance bits (non-negative floats order as ints) then the position: sorts by s, then position. */
    static long key(float s, int i) {
        return ((long) Float.floatToIntBits(s) << 32) | i;
    }

    private static float keyDistance(long key) {
        return Float.intBitsToFloat((int) (key >>> 32));
    }

    /**
     * The smallest distance {@code s} such that the weight of the tokens with distance {@code <= s}
     * reaches {@code target}, counting {@code below} for tokens before these keys; the largest
     * distance if rounding leaves the target unreached. Works in place on {@code keys[0..m)},
     * keeping only the boundary bucket's keys at each level.
     */
    static float quantile(long[] keys, int m, float[] weights, double target, double below, double[] mass) {
        float low = Float.POSITIVE_INFINITY;
        float high = 0f;
        for (int i = 0; i < m; i++) {
            low = Math.min(low, keyDistance(keys[i]));
            high = Math.max(high, keyDistance(keys[i]));
        }
        for (int level = 0; level < MAX_LEVELS && m > SORT_LIMIT && high > low; level++) {
            java.util.Arrays.fill(mass, 0.0);
            // Buckets by multiplying with the inverse width: a division per key cost more than all
            // the rest of a level. Any monotone bucketing works, since both passes use the same one.
            double perBucket = BUCKETS / ((double) high - low);
            for (int i = 0; i < m; i++) {
                mass[bucket(keyDistance(keys[i]), low, perBucket)] += weights[(int) keys[i]];
            }
            int boundary = boundary(mass, below, target);
            below = massBefore(mass, below, boundary);
            int kept = 0;
            float newLow = Float.POSITIVE_INFINITY;
            float newHigh = 0f;
            for (int i = 0; i < m; i++) {
                float s = keyDistance(keys[i]);
                if (bucket(s, low, perBucket) == boundary) {
                    keys[kept++] = keys[i];
                    newLow = Math.min(newLow, s);
                    newHigh = Math.max(newHigh, s);
                }
            }
            if (kept == m) {
                break; // no split possible at this width
            }
            m = kept;
            low = newLow;
            high = newHigh;
        }
        if (m == 0 || !(high > low)) {
            return high; // all remaining distances equal: the quantile is that distance
        }
        LongSort.sort(keys, 0, m);
        double cumulative = below;
        for (int i = 0; i < m; i++) {
            cumulative += weights[(int) keys[i]];
            if (cumulative >= target) {
                return keyDistance(keys[i]);
            }
        }
        return keyDistance(keys[m - 1]);
    }

    /** The first bucket where {@code below} plus the cumulative mass reaches target; the last if none does. */
    private static int boundary(double[] mass, double below, double target) {
        double sum = below;
        for (int b = 0; b < BUCKETS; b++) {
            if (sum + mass[b] >= target) {
                return b;
            }
            sum += mass[b];
        }
        return BUCKETS - 1;
    }

    /** {@code below} plus the mass of the buckets before {@code boundary}, added in bucket order. */
    private static double massBefore(double[] mass, double below, int boundary) {
        double sum = below;
        for (int b = 0; b < boundary; b++) {
            sum += mass[b];
        }
        return sum;
    }

    private static int bucket(float s, float low, double perBucket) {
        int b = (int) ((s - (double) low) * perBucket);
        return Math.min(BUCKETS - 1, Math.max(0, b));
    }

    /** Keeps the candidates with value in [low, high], in their order: one SIMD compaction, then the few above high dropped. */
    private static void keepBetween(Candidates c, float[] values, int n, float low, float high) {
        int[] positions = c.nextIds();
        float[] kept = c.nextValues();
        int hits = c.kernels().compactAtLeast(values, n, low, positions, kept);
        boolean dense = c.isDense();
        int[] ids = c.ids();
        int size = 0;
        for (int h = 0; h < hits; h++) {
            if (kept[h] <= high) {
                positions[size] = dense ? positions[h] : ids[positions[h]];
                kept[size] = kept[h];
                size++;
            }
        }
        c.publishNext(size, false);
    }

    /** The {@code k} tokens of smallest distance, ties to the lower position (minKeep's rare path). */
    private static void keepClosest(Candidates c, float[] values, int n, float max, float scale, float center, int k) {
        long[] heap = c.scratch().sortKeys();
        int size = 0;
        for (int i = 0; i < n; i++) {
            float v = values[i];
            long key = key(v == Float.NEGATIVE_INFINITY ? Float.POSITIVE_INFINITY : distance((v - max) * scale, center), i);
            if (size < k) {
                heap[size++] = key;
                if (size == k) {
                    LongSort.heapify(heap, 0, k);
                }
            } else if (key < heap[0]) {
                heap[0] = key;
                LongSort.siftDown(heap, 0, 0, k);
            }
        }
        LongSort.sort(heap, 0, size);
        int[] outIds = c.nextIds();
        float[] outValues = c.nextValues();
        for (int j = 0; j < size; j++) {
            int i = (int) heap[j];
            outIds[j] = c.tokenAt(i);
            outValues[j] = values[i];
        }
        c.publishNext(size, false);
    }
}
