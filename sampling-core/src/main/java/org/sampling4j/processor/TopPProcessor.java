package org.sampling4j.processor;

import org.sampling4j.chain.Candidates;
import org.sampling4j.chain.Selection;
import org.sampling4j.chain.DeferrableCut;
import org.sampling4j.chain.SequenceView;
import org.sampling4j.chain.Setting;
import org.sampling4j.internal.Canonical;
import org.sampling4j.kernel.FastExp;

/**
 * Nucleus sampling: keeps the smallest set of most probable tokens whose probability mass reaches
 * {@code topP}.
 *
 * <p><b>Formula.</b> with the candidates in descending order of probability {@code p_(1) >= p_(2) >= ...}
 * (ties by ascending id), keep {@code (j)} iff {@code sum_{i<j} p_(i) < topP}: the prefix up to and
 * including the token whose cumulative mass first reaches {@code topP}. Probabilities are taken
 * after the pending temperature: {@code p_i ~ exp((x_i - x_max) / T)}.
 * <p><b>Parameters.</b> {@link #TOP_P topP} in (0, 1], 1 disables (no step is added);
 * {@link #MIN_KEEP minKeep} {@code >= 1}: at least that many tokens survive, best first.
 * <p><b>Reference.</b> HF TopPLogitsWarper (removes tokens whose ascending cumulative mass is
 * {@code <= 1 - topP}: the same set up to float rounding of the sums), vLLM, llama.cpp.
 * <p><b>Cost per call.</b> Never a sort of the vocabulary. When only ranking-preserving steps
 * follow (temperature) and the row is dense, the chain defers the cut: the picker draws from the
 * nucleus by rejection ({@code NucleusPicker}) without finding its boundary, so a huge nucleus
 * costs a few SIMD passes. Otherwise, on a dense row: one exp-sum pass for the total mass, then one compaction pass keeps only tokens within {@code ln(2V / (1 - topP))} nats of
 * the best (see {@link #prefilter}; exact, no exp), typically a few hundred of 128k. A sorted set
 * (after top-k) is walked in O(size). A small set is sorted. A large one is bucketed: one histogram pass of the probability
 * mass over {@code d = (x_max - x) / T} in 1024 buckets finds the bucket where the mass crosses
 * {@code topP}; the buckets before it are kept whole, the ones after it dropped, and only the
 * boundary bucket is refined (again by histogram, then by a sort once it holds at most 1024
 * tokens or only ties). Each refinement costs one pass over the boundary bucket.
 * <p><b>Example.</b> probabilities [0.5, 0.3, 0.15, 0.05]: topP = 0.8 keeps the first two
 * (0.5 + 0.3 reaches 0.8); topP = 0.81 keeps three.
 *
 * @see MinPProcessor  the cheaper threshold on relative probability
 */
public final class TopPProcessor implements DeferrableCut {
    /** The mass to reach. */
    public static final Setting TOP_P = Setting.openClosed("topP", 0, 1).byDefault(1).offAt(1).note("1 disables top-p");
    /** The fewest tokens a truncation keeps; shared by min-p, typical-p, epsilon, eta and XTC. */
    public static final Setting MIN_KEEP = Setting.atLeast("minKeep", 1).integer().byDefault(1);
    /** Sets of at most this many candidates are sorted rather than bucketed. */
    static final int SORT_CUTOFF = 1024;
    /** How many nats {@link #guess} tightens the prefilter by. */
    static final double GUESS_NATS = 2.5;
    /**
     * The guessed survivors must hold this much more than the target, relatively: far above the
     * rounding by which their canonical sum and the cut's own sums (histogram, sorted walk) differ.
     */
    private static final double GUESS_MASS_MARGIN = 1e-9;
    /** The first histogram covers d in [0, 64) nats; less probable tokens share the last bucket. */
    private static final double FIRST_RANGE = 64.0;

    private final double topP;
    private final int minKeep;
    private final int sortCutoff;

    /** Whether a chain built from params needs this step: topP below 1; otherwise it would change nothing. */
    public static boolean enabledBy(double topP) {
        return !TOP_P.isOff(topP);
    }

    /** @param topP in (0, 1] ({@link #TOP_P}); @param minKeep {@code >= 1} ({@link #MIN_KEEP}) */
    public TopPProcessor(double topP, int minKeep) {
        this(topP, minKeep, SORT_CUTOFF);
    }

    /** With an explicit sort cut-off, so tests can drive the bucketed path on small inputs. */
    TopPProcessor(double topP, int minKeep, int sortCutoff) {
        this.topP = TOP_P.check(topP);
        this.minKeep = MIN_KEEP.check(minKeep);
        this.sortCutoff = sortCutoff;
    }

    /** The mass to reach. */
    @Override
    public double mass() {
        return topP;
    }

    /** The minimum number of survivors. */
    @Override
    public int minKeep() {
        return minKeep;
    }

    @Override
    public String parameters() {
        return Canonical.of(topP, minKeep);
    }

    @Override
    public String name() {
        return "top-p";
    }

    @Override
    public boolean writesLogits() {
        return false;
    }

    @Override
    public void apply(Candidates c, SequenceView state) {
        if (topP >= 1.0) {
            return;
        }
        truncate(c, topP, minKeep, c.inverseTemperature(), sortCutoff);
    }

    /** Carries out the cut with weights {@code exp((x - max) * scale)}: how a deferred one completes. */
    @Override
    public void carryOut(Candidates c, float scale) {
        truncate(c, topP, minKeep, scale, sortCutoff);
    }

    private static void truncate(Candidates c, double topP, int minKeep, float scale, int sortCutoff) {
        float max = c.max();
        double target;
        if (c.isDense()) {
            float[] x = c.denseValues();
            int v = c.vocabSize();
            double total = c.kernels().expSumBlocks(x, 0, v, max, scale, c.scratch().cutBlockSums());
            target = topP * total;
            float bound = prefilter(max, 1f / scale, topP, v, total);
            float guess = guess(max, 1f / scale, topP, v, total);
            int survivors;
            if (guess > bound) {
                // The tighter guess first: kept only when its survivors reach the target mass and
                // minKeep, so the nucleus (a prefix of the order) ends among them; else the bound.
                survivors = c.kernels().compactAtLeast(x, v, guess, c.ids(), c.values());
                double guessed = c.kernels().expSum(c.values(), 0, survivors, max, scale);
                if (survivors < minKeep || !(guessed >= target * (1 + GUESS_MASS_MARGIN))) {
                    survivors = c.kernels().compactAtLeast(x, v, bound, c.ids(), c.values());
                }
            } else {
                survivors = c.kernels().compactAtLeast(x, v, bound, c.ids(), c.values());
            }
            if (survivors < minKeep) {
                Selection.keepBest(c, minKeep); // the nucleus lies inside the survivors: too few of them
                return;
            }
            c.setSparse(survivors, false);
        } else {
            target = topP * c.kernels().expSum(c.values(), 0, c.size(), max, scale);
        }
        int n = c.size();
        if (n <= minKeep) {
            return;
        }
        if (c.isSorted() || n <= sortCutoff) {
            c.sortDescending();
            int kept = walkSorted(c, 0, n, 0.0, max, scale, target);
            c.setSparse(Math.max(kept, minKeep), true);
            return;
        }
        int kept = keepByBuckets(c, n, max, scale, target, sortCutoff, minKeep);
        if (kept < minKeep) {
            c.setSparse(n, false);
            Selection.keepBest(c, minKeep);
        } else {
            c.setSparse(kept, false);
        }
    }

    /**
     * A logit below which no token can be in the nucleus, so a dense row is cut to the tokens at or
     * above it before any sorting or bucketing. With weights relative to the best token (weight 1)
     * and {@code W} their total, tokens more than {@code D = ln(2V / ((1 - topP) W))} nats below the
     * best weigh at most {@code V e^-D = (1 - topP) W / 2} together; the rest therefore hold at least
     * {@code (1 + topP) W / 2 > topP W}, and the nucleus, a prefix of the descending order, ends
     * before reaching the excluded tokens. The factor 2 is a margin far beyond double rounding.
     * {@code D > 0} since {@code W <= V}; with the bound {@code W >= 1} instead of W ({@code total}
     * = 1) it is the looser {@code ln(2V / (1 - topP))}: at T 1 and top-p 0.95 on N(0, 3) logits
     * (W about 9) W cuts 2.2 nats more. Returns the smallest such float, or {@code -Float.MAX_VALUE}
     * (keep every finite token) when the bound is useless.
     */
    static float prefilter(float max, float temperature, double topP, int vocabSize, double total) {
        return threshold(max, temperature, StrictMath.log(2.0 * vocabSize / ((1.0 - topP) * Math.max(1.0, total))));
    }

    /**
     * A guess at a tighter prefilter, {@value #GUESS_NATS} nats above {@link #prefilter}'s (or the
     * prefilter itself when that leaves less than {@value #GUESS_NATS} nats): the bound assumes
     * every other token sits at the threshold, real rows (and N(0, 3) logits: boundary 8.0 nats
     * below the best at T 1 / top-p 0.9, bound 11.7) leave it 2.5-4 nats below the nucleus. The
     * guess only saves work: the caller checks that its survivors hold the target mass. At T 1 it
     * keeps 11 % of the row instead of 30 %.
     */
    static float guess(float max, float temperature, double topP, int vocabSize, double total) {
        double d = StrictMath.log(2.0 * vocabSize / ((1.0 - topP) * Math.max(1.0, total))) - GUESS_NATS;
        return d < GUESS_NATS ? -Float.MAX_VALUE : threshold(max, temperature, d);
    }

    /** The smallest float at or below {@code max - d * temperature}, or -Float.MAX_VALUE. */
    private static float threshold(float max, float temperature, double d) {
        double threshold = max - d * temperature;
        if (!(threshold > -Float.MAX_VALUE)) {
            return -Float.MAX_VALUE;
        }
        float f = (float) threshold;
        return f > threshold ? Math.nextDown(f) : f;
    }

    /**
     * Walks sorted positions {@code [from, to)} adding weights to {@code massBefore}; returns the
     * position after the token whose cumulative mass first reaches {@code target}, or {@code to}.
     */
    static int walkSorted(Candidates c, int from, int to, double massBefore, float max, float scale, double target) {
        float[] values = c.values();
        double mass = massBefore;
        for (int i = from; i < to; i++) {
            mass += FastExp.weight(values[i], max, scale);
            if (mass >= target) {
                return i + 1;
            }
        }
        return to;
    }

    /**
     * Moves the nucleus to positions {@code [0, kept)} and returns kept. Positions
     * {@code [0, keptEnd)} hold tokens known to be kept, {@code [keptEnd, regionEnd)} the boundary
     * region still being refined, the rest tokens known to be dropped.
     */
    private static int keepByBuckets(Candidates c, int n, float max, float scale, double target, int sortCutoff,
            int minKeep) {
        float[] values = c.values();
        double[] mass = c.scratch().massHistogram();
        int buckets = mass.length;
        // Each token's weight (one SIMD pass) and, per level, its bucket: computed once, then the
        // histogram and the partition only read them.
        float[] weights = c.scratch().tokenWeights();
        c.kernels().weights(values, 0, n, max, scale, weights);
        long[] bucketOf = c.scratch().sortKeys();
        double low = 0.0;
        double perBucket = buckets / FIRST_RANGE;
        // The first level over all n candidates (tens of thousands after the prefilter at T 1) in
        // two passes and no stored buckets: the histogram, then one branch-free partition that
        // recomputes each bucket. The same buckets, order and sums as a level of the loop below.
        java.util.Arrays.fill(mass, 0.0);
        for (int i = 0; i < n; i++) {
            mass[bucket(distance(values[i], max, scale), low, perBucket, buckets)] += weights[i];
        }
        int first = buckets - 1;
        double firstBefore = 0.0;
        for (int b = 0; b < buckets; b++) {
            if (firstBefore + mass[b] >= target) {
                first = b;
                break;
            }
            firstBefore += mass[b];
        }
        int[] ids = c.ids();
        int[] tmpIds = c.nextIds();
        float[] tmpValues = c.nextValues();
        int kept = 0;
        int inBoundary = 0;
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            float v = values[i];
            int id = ids[i];
            int b = bucket(distance(v, max, scale), low, perBucket, buckets);
            // Every token is written to all three streams and counted in one: the kept ones in
            // place (kept <= i), the boundary bucket's aside from the front, the dropped ones aside
            // from the back (only read again when fewer than minKeep survive). The two aside
            // streams meet only on the last token, which both then write alike.
            // The counts advance by sign bits, not by conditionals, which C2 compiles to branches
            // that mispredict on every seventh token (b and first are in [0, buckets)).
            ids[kept] = id;
            values[kept] = v;
            int below = (b - first) >>> 31;
            int above = (first - b) >>> 31;
            kept += below;
            tmpIds[inBoundary] = id;
            tmpValues[inBoundary] = v;
            inBoundary += 1 - below - above;
            tmpIds[n - 1 - dropped] = id;
            tmpValues[n - 1 - dropped] = v;
            dropped += above;
        }
        double dMin = Double.POSITIVE_INFINITY;
        double dMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < inBoundary; i++) {
            double d = distance(tmpValues[i], max, scale);
            dMin = Math.min(dMin, d);
            dMax = Math.max(dMax, d);
        }
        System.arraycopy(tmpIds, 0, ids, kept, inBoundary);
        System.arraycopy(tmpValues, 0, values, kept, inBoundary);
        int keptEnd = kept;
        int regionEnd = kept + inBoundary;
        int droppedFrom = regionEnd;
        double keptMass = firstBefore;
        if (regionEnd - keptEnd > sortCutoff && (keptEnd > 0 || regionEnd < n)) {
            c.kernels().weights(values, keptEnd, regionEnd, max, scale, weights);
            low = dMin;
            perBucket = buckets / (dMax - dMin);
        }
        while ((keptEnd > 0 || regionEnd < n) && regionEnd - keptEnd > sortCutoff && perBucket < Double.POSITIVE_INFINITY) {
            java.util.Arrays.fill(mass, 0.0);
            for (int i = keptEnd; i < regionEnd; i++) {
                int b = bucket(distance(values[i], max, scale), low, perBucket, buckets);
                bucketOf[i] = b;
                mass[b] += weights[i];
            }
            int boundary = buckets - 1;
            double before = keptMass;
            for (int b = 0; b < buckets; b++) {
                if (before + mass[b] >= target) {
                    boundary = b;
                    break;
                }
                before += mass[b];
            }
            // Stable three-way partition of the region: [below boundary | boundary | above boundary].
            // Stable, so a region of ties stays in ascending id order and needs no sort at the end.
            int below = 0;
            int at = 0;
            for (int i = keptEnd; i < regionEnd; i++) {
                long b = bucketOf[i];
                below += b < boundary ? 1 : 0;
                at += b == boundary ? 1 : 0;
            }
            int nextBelow = keptEnd;
            int nextAt = keptEnd + below;
            int nextAbove = keptEnd + below + at;
            dMin = Double.POSITIVE_INFINITY;
            dMax = Double.NEGATIVE_INFINITY;
            for (int i = keptEnd; i < regionEnd; i++) {
                long b = bucketOf[i];
                int to;
                if (b < boundary) {
                    to = nextBelow++;
                } else if (b > boundary) {
                    to = nextAbove++;
                } else {
                    to = nextAt++;
                    double d = distance(values[i], max, scale);
                    dMin = Math.min(dMin, d);
                    dMax = Math.max(dMax, d);
                }
                tmpIds[to] = ids[i];
                tmpValues[to] = values[i];
            }
            System.arraycopy(tmpIds, keptEnd, ids, keptEnd, regionEnd - keptEnd);
            System.arraycopy(tmpValues, keptEnd, values, keptEnd, regionEnd - keptEnd);
            int lt = keptEnd + below;
            int gt = lt + at;
            boolean shrank = lt > keptEnd || gt < regionEnd;
            keptMass = before;
            keptEnd = lt;
            regionEnd = gt;
            if (!shrank) {
                break; // the region is one unsplittable bucket (ties, or infinite distances)
            }
            // The next level's weights follow the partition: recompute them for the (smaller) region.
            c.kernels().weights(values, keptEnd, regionEnd, max, scale, weights);
            low = dMin;
            perBucket = buckets / (dMax - dMin);
        }
        Selection.sortRange(c, keptEnd, regionEnd);
        int nucleus = walkSorted(c, keptEnd, regionEnd, keptMass, max, scale, target);
        if (nucleus < minKeep) {
            // The caller falls back to the minKeep best of all n: put the first level's dropped
            // tokens back after the region, in their order (the later levels kept theirs in place).
            for (int i = droppedFrom, from = n - 1; i < n; i++, from--) {
                ids[i] = tmpIds[from];
                values[i] = tmpValues[from];
            }
        }
        return nucleus;
    }

    /** {@code (x_max - x) / T} in double: how many nats less likely than the best token. */
    static double distance(float value, float max, float scale) {
        return ((double) max - value) * scale;
    }

    /** By multiplying with the inverse width: a division per token cost more than the rest of a level. */
    private static int bucket(double d, double low, double perBucket, int buckets) {
        double b = (d - low) * perBucket;
        return b >= buckets ? buckets - 1 : Math.max(0, (int) b);
    }
}
