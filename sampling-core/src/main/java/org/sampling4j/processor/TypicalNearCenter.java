package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.kernel.FastExp;

/**
 * Typical-p's cut found among the tokens near the center only, with the result of the whole-row
 * path ({@link TypicalProcessor#apply}) to the bit, or no result (the caller then runs that path).
 *
 * <p><b>Why it is the same.</b> The whole-row path buckets every token's distance
 * {@code s = |t - center|} at {@code perBucket = BUCKETS / high} (a width fixed by the center
 * alone), finds the first bucket where the cumulative mass reaches the target, and refines only
 * that bucket's tokens. Here one SIMD compaction keeps the logits {@code x >= xLow}, the tokens
 * with {@code t >= center - S}. Every token left out has a smaller t, hence (t below the center)
 * a distance at least {@code sOut}, that of the float just below xLow, and so a bucket at least
 * {@code J = bucket(sOut)}: the buckets below J hold the same tokens here as on the whole row, in
 * the same (index) order, so their masses are the same sums to the bit. When the boundary bucket
 * is below J, it, the mass before it, its tokens in order (keyed by their rank among the
 * survivors, which orders them as their positions do) and so the limit are the whole-row path's;
 * every kept token ({@code s <= limit}, in a bucket at most the boundary) is a survivor, so the
 * kept interval's count and members come from the survivors too. When the boundary is at J or
 * beyond, nothing is decided here.
 *
 * <p><b>Choosing S.</b> With {@code S >= -center} no token lies above the interval and the left-out
 * tokens weigh at most {@code V e^(center - S)} (each at most {@code e^(t)}, max weight 1), so
 * {@code S = center + ln(V / ((1 - typicalP) W))} leaves out at most the untargeted mass: a bound
 * that always reaches the target (but for the bucket margin). Real rows, and N(0, 3) logits, leave
 * it loose: the first try is {@value #GUESS_NATS} nats tighter, the bound the second.
 *
 * <p><b>Cost.</b> One SIMD compaction per try (about a tenth of a 128k row of N(0, 3) logits survives
 * the guess at T 1), then the weights, the histogram and the boundary bucket's keys of the survivors
 * only; the whole-row path's weights pass, two scalar passes over V, two counts and compaction go.
 */
final class TypicalNearCenter {
    /** How many nats the first try is tighter than the bound. */
    static final float GUESS_NATS = 1.5f;
    private static final int BUCKETS = org.sampling4j.chain.Scratch.HISTOGRAM_BUCKETS;

    private TypicalNearCenter() {
    }

    /**
     * Publishes typical-p's kept set and returns true, or returns false with the candidates
     * unchanged but for their next-set buffers (when neither try decides, or fewer than minKeep
     * are kept: the whole-row path handles both).
     */
    static boolean apply(Candidates c, float[] values, int n, float max, float scale, float center,
                         double total, double target, double typicalP, int minKeep) {
        double bound = center + StrictMath.log(n / ((1.0 - typicalP) * Math.max(1.0, total)));
        double s = Math.max(bound, -center);
        if (s - GUESS_NATS > 0 && tryWithin(c, values, n, max, scale, center, target, minKeep, s - GUESS_NATS)) {
            return true;
        }
        return tryWithin(c, values, n, max, scale, center, target, minKeep, s);
    }

    /** One try with the survivors {@code t >= center - s}. */
    private static boolean tryWithin(Candidates c, float[] values, int n, float max, float scale, float center,
                                     double target, int minKeep, double s) {
        double lowD = max + (center - s) / scale;
        if (!(lowD > -Float.MAX_VALUE) || !(s > 0)) {
            return false; // every finite token survives: no better than the whole row
        }
        float xLow = (float) lowD;
        float tOut = (Math.nextDown(xLow) - max) * scale;
        if (!(tOut <= center)) {
            return false;
        }
        float high = Math.max(center - FastExp.UNDERFLOW, -center);
        float perBucket = BUCKETS / high;
        int firstUnseen = bucket(TypicalProcessor.distance(tOut, center), perBucket);
        int[] positions = c.nextIds();
        float[] near = c.nextValues();
        int m = c.kernels().compactAtLeast(values, n, xLow, positions, near);
        float[] weights = c.scratch().tokenWeights();
        c.kernels().weights(near, 0, m, max, scale, weights);
        double[] mass = c.scratch().massHistogram();
        java.util.Arrays.fill(mass, 0.0);
        for (int i = 0; i < m; i++) {
            float w = weights[i];
            if (w > 0) {
                mass[bucket(TypicalProcessor.distance((near[i] - max) * scale, center), perBucket)] += w;
            }
        }
        double below = 0.0;
        int boundary = -1;
        for (int b = 0; b < firstUnseen; b++) {
            if (below + mass[b] >= target) {
                boundary = b;
                break;
            }
            below += mass[b];
        }
        if (boundary < 0) {
            return false;
        }
        long[] keys = c.scratch().sortKeys();
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (weights[i] > 0) {
                float d = TypicalProcessor.distance((near[i] - max) * scale, center);
                if (bucket(d, perBucket) == boundary) {
                    keys[k++] = TypicalProcessor.key(d, i);
                }
            }
        }
        if (k == 0) {
            return false;
        }
        float limit = TypicalProcessor.quantile(keys, k, weights, target, below, mass);
        float low = TypicalInterval.lowestWithin(max, scale, center, limit);
        float highest = TypicalInterval.highestWithin(max, scale, center, limit);
        if (low < xLow) {
            return false; // cannot happen (every kept token survives); the whole row decides if it does
        }
        boolean dense = c.isDense();
        int[] ids = c.ids();
        int size = 0;
        for (int h = 0; h < m; h++) {
            float v = near[h];
            if (v >= low && v <= highest) {
                positions[size] = dense ? positions[h] : ids[positions[h]];
                near[size] = v;
                size++;
            }
        }
        if (size < minKeep) {
            return false;
        }
        c.publishNext(size, false);
        return true;
    }

    /** The whole-row path's first-level bucket of a distance (float, low 0). */
    private static int bucket(float s, float perBucket) {
        return Math.min(BUCKETS - 1, (int) (s * perBucket));
    }
}
