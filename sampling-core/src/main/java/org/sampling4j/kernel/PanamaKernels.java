package org.sampling4j.kernel;

import static org.sampling4j.kernel.PanamaConstants.DOUBLES;
import static org.sampling4j.kernel.PanamaConstants.FLOATS;
import static org.sampling4j.kernel.PanamaConstants.INTS;
import static org.sampling4j.kernel.PanamaConstants.LANE_BITS;
import static org.sampling4j.kernel.PanamaConstants.SWAP_1;
import static org.sampling4j.kernel.PanamaConstants.SWAP_2;
import static org.sampling4j.kernel.PanamaConstants.SWAP_4;
import static org.sampling4j.kernel.PanamaConstants.UPPER_HALF;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The Vector API ({@code jdk.incubator.vector}) twin of {@link ScalarKernels}, bit for bit.
 *
 * <p>Each public method decides whether the range is long enough, runs a private {@code ...Body}
 * with the vector loop ({@code loopBound}-style bounds, several accumulators, no
 * {@code reduceLanes} inside loops), then a scalar tail. Max needs no canonical order (it is exact
 * and commutative, {@code Math.max} semantics per lane); sums follow {@link ReductionOrder} with
 * the 16 logical accumulators held in 8-, 4- or 2-lane double registers, and every exponential is
 * {@link FastExp}'s polynomial evaluated lane-wise with the same fma sequence, written out in
 * each exp loop (EXP_LANES, before {@code finiteMoments}). Loaded only by
 * {@link KernelsProvider}, reflectively, when the module is present.
 *
 * <p><b>LAST_ADD</b> (the 4-float shape, 2-lane double registers): the tree's last step
 * {@code a[0] + a[1]} is one IEEE addition, which is commutative, so {@code max + min} of the two
 * lanes is that sum to the bit (signed zeros and NaN included), read out by two reductions that
 * have one answer each. Not {@code rearrange(SWAP_1)} as on the wider shapes: C2 on x86 boxes a
 * 2-lane double rearrange (96 bytes a call, JDK 17 and 25 at {@code -XX:MaxVectorSize=16}); and
 * written out at each site rather than as a helper, which C2 left out-of-line after the loop and so
 * boxed its vector argument (48 bytes a call). Likewise no 2-lane double compare anywhere (C2 boxes
 * those masks on every iteration): exclusions are made in float before the widening.
 *
 * <p><b>POSITIVE_BITS</b>: the exp loops must notice an exponent {@code t > 0} (which
 * the lane-wise exp does not handle) and keep the largest of the raw bits of every t as ints.
 * A float is above +0 exactly when its bits, read as a signed int, are above 0 (a NaN with the
 * sign bit clear is too, and goes to the scalar twin, which gives the same NaN sum). One
 * {@code vpmaxsd}, where a float {@code max} with {@link Math#max} semantics (NaN and signed
 * zeros) is five AVX2 instructions per vector on the hot path.
 */
final class PanamaKernels implements Kernels {
    private static final int F = FLOATS.length();
    /** Whether {@code VectorMask.toLong} compiles to a mask move (JDK 19 on); on 17 it loops over a boolean array. */
    private static final boolean MASK_TO_LONG_INTRINSIC = Runtime.version().feature() >= 19;
    private static final int MAGIC_BITS = Float.floatToRawIntBits(FastExp.ROUNDING_MAGIC);

    PanamaKernels() {
        if (F != 4 && F != 8 && F != 16) {
            throw new IllegalStateException("float vectors of " + F + " lanes; the canonical sum needs 4, 8 or 16");
        }
    }

    @Override
    public String name() {
        return "panama";
    }

    @Override
    public float copyMax(float[] src, int srcOffset, float[] dst, int n) {
        FloatVector m0 = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
        FloatVector m1 = m0;
        int i = 0;
        for (; i + 2 * F <= n; i += 2 * F) {
            FloatVector a = FloatVector.fromArray(FLOATS, src, srcOffset + i);
            FloatVector b = FloatVector.fromArray(FLOATS, src, srcOffset + i + F);
            a.intoArray(dst, i);
            b.intoArray(dst, i + F);
            m0 = m0.max(a);
            m1 = m1.max(b);
        }
        float m = m0.max(m1).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            float v = src[srcOffset + i];
            dst[i] = v;
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * Lane k of vector i keeps token {@code i + k} when bit {@code (i + k) % 32} of its word is set:
     * the word shifted to the vector's first bit, broadcast, ANDed with {@code 1 << k} per lane and
     * compared with zero. Pure lane-wise integer work, so AVX2 needs no mask-register emulation
     * ({@code VectorMask.fromLong} would).
     */
    private static VectorMask<Float> kept(int[] mask, int i) {
        int bits = mask[i >>> 5] >>> (i & 31);
        return IntVector.broadcast(INTS, bits).and(LANE_BITS).compare(VectorOperators.NE, 0).cast(FLOATS);
    }

    @Override
    public float copyMasked(float[] src, int srcOffset, float[] dst, int n, int[] mask) {
        FloatVector none = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
        FloatVector kept = none;
        FloatVector all = none;
        int i = 0;
        for (; i + F <= n; i += F) {
            FloatVector v = FloatVector.fromArray(FLOATS, src, srcOffset + i);
            all = all.max(v);
            FloatVector w = none.blend(v, kept(mask, i));
            w.intoArray(dst, i);
            kept = kept.max(w);
        }
        float k = kept.reduceLanes(VectorOperators.MAX);
        float a = all.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            float v = src[srcOffset + i];
            a = Math.max(a, v);
            if ((mask[i >>> 5] >>> (i & 31) & 1) != 0) {
                dst[i] = v;
                k = Math.max(k, v);
            } else {
                dst[i] = Float.NEGATIVE_INFINITY;
            }
        }
        return Float.isNaN(a) || a == Float.POSITIVE_INFINITY ? a : k;
    }

    @Override
    public int maskedArgmax(float[] x, int n, int[] mask) {
        FloatVector none = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
        FloatVector best = none;
        FloatVector all = none;
        int i = 0;
        boolean any = false;
        for (; i + F <= n; i += F) {
            VectorMask<Float> k = kept(mask, i);
            FloatVector v = FloatVector.fromArray(FLOATS, x, i);
            any |= k.anyTrue();
            all = all.max(v);
            best = best.max(none.blend(v, k));
        }
        float m = best.reduceLanes(VectorOperators.MAX);
        float a = all.reduceLanes(VectorOperators.MAX);
        for (int j = i; j < n; j++) {
            a = Math.max(a, x[j]);
            if ((mask[j >>> 5] >>> (j & 31) & 1) != 0) {
                any = true;
                m = Math.max(m, x[j]);
            }
        }
        if (Float.isNaN(a) || a == Float.POSITIVE_INFINITY) {
            return -2;
        }
        if (!any) {
            return -1;
        }
        // Second pass: the first kept lane equal to the maximum (all kept may be -Inf).
        for (i = 0; i + F <= n; i += F) {
            VectorMask<Float> hit = FloatVector.fromArray(FLOATS, x, i).eq(m).and(kept(mask, i));
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            if ((mask[i >>> 5] >>> (i & 31) & 1) != 0 && x[i] == m) {
                return i;
            }
        }
        throw new AssertionError("a kept maximum must be found");
    }

    @Override
    public float max(float[] x, int from, int to) {
        FloatVector m0 = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
        FloatVector m1 = m0;
        FloatVector m2 = m0;
        FloatVector m3 = m0;
        int i = from;
        for (; i + 4 * F <= to; i += 4 * F) {
            m0 = m0.max(FloatVector.fromArray(FLOATS, x, i));
            m1 = m1.max(FloatVector.fromArray(FLOATS, x, i + F));
            m2 = m2.max(FloatVector.fromArray(FLOATS, x, i + 2 * F));
            m3 = m3.max(FloatVector.fromArray(FLOATS, x, i + 3 * F));
        }
        for (; i + F <= to; i += F) {
            m0 = m0.max(FloatVector.fromArray(FLOATS, x, i));
        }
        float m = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; i < to; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    @Override
    public int argmax(float[] x, int from, int to) {
        int i = indexOf(x, from, to, max(x, from, to));
        return i < 0 ? from : i;
    }

    /**
     * Blocks of four vectors: four compares with the best value so far, ANDed, and one branch, taken
     * when some lane is not at most it: a larger value, or a NaN (which compares false). Only then
     * is the block's lane-wise max taken and reduced to a scalar and remembered. (A lane-wise max
     * per vector, as the max pass spends, cost twice as much in the AVX2 shape and three times in
     * the 128-bit one, where {@code max}'s NaN and signed-zero rules take a blend sequence; a
     * compare is one instruction in every shape. The same lanes fail either test.) Random rows
     * raise the best O(log V) times, so the branch is almost never taken; the first index of the best is then found in the remembered block alone, the
     * first block that held it (no earlier block holds a value equal to it: each was below a
     * best that was itself below it). No index vector, no mask conversion, no 2-lane compare.
     */
    @Override
    public int argmaxChecked(float[] x, int from, int to) {
        // The best is a scalar compared by broadcast, never a vector updated in the branch: C2 boxed
        // such a vector at every taken branch (a few hundred bytes a row).
        float bestValue = Float.NEGATIVE_INFINITY;
        int block = -1;
        int blockLength = 0;
        int i = from;
        for (; i + 4 * F <= to; i += 4 * F) {
            if (!atMost(x, i, bestValue)) {
                FloatVector m = FloatVector.fromArray(FLOATS, x, i).max(FloatVector.fromArray(FLOATS, x, i + F))
                        .max(FloatVector.fromArray(FLOATS, x, i + 2 * F).max(FloatVector.fromArray(FLOATS, x, i + 3 * F)));
                bestValue = m.reduceLanes(VectorOperators.MAX);
                if (!(bestValue < Float.POSITIVE_INFINITY)) {
                    return -1;
                }
                block = i;
                blockLength = 4 * F;
            }
        }
        for (; i + F <= to; i += F) {
            FloatVector m = FloatVector.fromArray(FLOATS, x, i);
            if (!m.compare(VectorOperators.LE, bestValue).allTrue()) {
                bestValue = m.reduceLanes(VectorOperators.MAX);
                if (!(bestValue < Float.POSITIVE_INFINITY)) {
                    return -1;
                }
                block = i;
                blockLength = F;
            }
        }
        int at = -1;
        for (; i < to; i++) {
            float v = x[i];
            if (!(v <= bestValue)) {
                if (!(v < Float.POSITIVE_INFINITY)) {
                    return -1;
                }
                bestValue = v;
                at = i;
            }
        }
        if (at >= 0) {
            return at;
        }
        return block < 0 ? from : indexOf(x, block, block + blockLength, bestValue);
    }

    @Override
    public int indexOf(float[] x, int from, int to, float value) {
        int i = from;
        // Four vectors per test: one branch per 4F values, as the max pass has (hits are rare).
        for (; i + 4 * F <= to; i += 4 * F) {
            VectorMask<Float> h0 = FloatVector.fromArray(FLOATS, x, i).eq(value);
            VectorMask<Float> h1 = FloatVector.fromArray(FLOATS, x, i + F).eq(value);
            VectorMask<Float> h2 = FloatVector.fromArray(FLOATS, x, i + 2 * F).eq(value);
            VectorMask<Float> h3 = FloatVector.fromArray(FLOATS, x, i + 3 * F).eq(value);
            if (h0.or(h1).or(h2.or(h3)).anyTrue()) {
                break; // the vector loop below finds the first of the four
            }
        }
        for (; i + F <= to; i += F) {
            VectorMask<Float> hit = FloatVector.fromArray(FLOATS, x, i).eq(value);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < to; i++) {
            if (x[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int nextAbove(float[] x, int from, int to, float threshold) {
        int i = from;
        for (; i + 4 * F <= to; i += 4 * F) {
            VectorMask<Float> h0 = FloatVector.fromArray(FLOATS, x, i).compare(VectorOperators.GT, threshold);
            VectorMask<Float> h1 = FloatVector.fromArray(FLOATS, x, i + F).compare(VectorOperators.GT, threshold);
            VectorMask<Float> h2 = FloatVector.fromArray(FLOATS, x, i + 2 * F).compare(VectorOperators.GT, threshold);
            VectorMask<Float> h3 = FloatVector.fromArray(FLOATS, x, i + 3 * F).compare(VectorOperators.GT, threshold);
            if (h0.or(h1).or(h2.or(h3)).anyTrue()) {
                break;
            }
        }
        for (; i + F <= to; i += F) {
            VectorMask<Float> hit = FloatVector.fromArray(FLOATS, x, i).compare(VectorOperators.GT, threshold);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < to; i++) {
            if (x[i] > threshold) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the four vectors at {@code i} are all at most {@code bound}: false for a NaN lane. */
    private static boolean atMost(float[] x, int i, float bound) {
        return FloatVector.fromArray(FLOATS, x, i).compare(VectorOperators.LE, bound)
                .and(FloatVector.fromArray(FLOATS, x, i + F).compare(VectorOperators.LE, bound))
                .and(FloatVector.fromArray(FLOATS, x, i + 2 * F).compare(VectorOperators.LE, bound)
                        .and(FloatVector.fromArray(FLOATS, x, i + 3 * F).compare(VectorOperators.LE, bound)))
                .allTrue();
    }

    /**
     * Blocks of four vectors tested as {@link #argmaxChecked} tests them ({@link #atMost}: four
     * compares, NaN fails), one branch per block, taken when some lane is not at most the
     * threshold; the vector loop then finds the first such lane, inside those four vectors. A scalar walk there instead cost top-k 50 about 40% more on a random row
     * of 128,256 (a few hundred hits, each walking half a block). No mask is merged across
     * branches and no vector leaves the loop.
     */
    @Override
    public int nextNotAtMost(float[] x, int from, int to, float threshold) {
        int i = from;
        for (; i + 4 * F <= to; i += 4 * F) {
            if (!atMost(x, i, threshold)) {
                break;
            }
        }
        for (; i + F <= to; i += F) {
            VectorMask<Float> atMost = FloatVector.fromArray(FLOATS, x, i).compare(VectorOperators.LE, threshold);
            if (!atMost.allTrue()) {
                return i + atMost.not().firstTrue();
            }
        }
        for (; i < to; i++) {
            if (!(x[i] <= threshold)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int countAtLeast(float[] x, int from, int to, float threshold) {
        int count = 0;
        int i = from;
        for (; i + F <= to; i += F) {
            count += FloatVector.fromArray(FLOATS, x, i).compare(VectorOperators.GE, threshold).trueCount();
        }
        for (; i < to; i++) {
            count += x[i] >= threshold ? 1 : 0;
        }
        return count;
    }

    @Override
    public int copyDividedCountFinite(float[] src, float[] dst, int n, float divisor) {
        int count = 0;
        int i = 0;
        if (divisor == 1f) { // x / 1 is x for every float (a NaN stays a NaN): no division
            for (; i + F <= n; i += F) {
                FloatVector v = FloatVector.fromArray(FLOATS, src, i);
                v.intoArray(dst, i);
                count += v.compare(VectorOperators.GE, -Float.MAX_VALUE).trueCount();
            }
        } else {
            for (; i + F <= n; i += F) {
                FloatVector v = FloatVector.fromArray(FLOATS, src, i);
                v.div(divisor).intoArray(dst, i);
                count += v.compare(VectorOperators.GE, -Float.MAX_VALUE).trueCount();
            }
        }
        for (; i < n; i++) {
            float v = src[i];
            dst[i] = v / divisor;
            count += v >= -Float.MAX_VALUE ? 1 : 0;
        }
        return count;
    }

    @Override
    public int compactAtLeast(float[] x, int n, float threshold, int[] ids, float[] values) {
        int size = 0;
        int i = 0;
        // Survivors are rare (min-p keeps tens of a 128k row): one branch per four vectors, and
        // the per-vector work only inside a block that has a hit. There, each vector's hits become
        // the bits of an int (hitBits), visited by numberOfTrailingZeros. At top-p's densities
        // (8 % of a 128k row) 190 -> 62 us on JDK 17 against the firstTrue chain this replaced
        // (which JDK 17 does not intrinsify), 39 -> 38 us on JDK 25; branch-free writes of four
        // entries per vector were slower on JDK 25 (50 us) and no faster on 17.
        for (; i + 4 * F <= n; i += 4 * F) {
            VectorMask<Float> h0 = FloatVector.fromArray(FLOATS, x, i).compare(VectorOperators.GE, threshold);
            VectorMask<Float> h1 = FloatVector.fromArray(FLOATS, x, i + F).compare(VectorOperators.GE, threshold);
            VectorMask<Float> h2 = FloatVector.fromArray(FLOATS, x, i + 2 * F).compare(VectorOperators.GE, threshold);
            VectorMask<Float> h3 = FloatVector.fromArray(FLOATS, x, i + 3 * F).compare(VectorOperators.GE, threshold);
            if (h0.or(h1).or(h2.or(h3)).anyTrue()) {
                for (int at = i; at < i + 4 * F; at += F) {
                    size = compactVector(x, at, threshold, ids, values, size);
                }
            }
        }
        for (; i + F <= n; i += F) {
            size = compactVector(x, i, threshold, ids, values, size);
        }
        return compactLanes(x, i, n - i, threshold, ids, values, size);
    }

    /**
     * The hits of the vector at {@code at} appended at {@code size}, found one by one in the bits of
     * {@link #hitBits} (lowest first, so in index order). In place ({@code values == x}) each write
     * lands at {@code size <= at + lane}, on a value already read.
     */
    private static int compactVector(float[] x, int at, float threshold, int[] ids, float[] values, int size) {
        for (int bits = hitBits(x, at, threshold); bits != 0; bits &= bits - 1) {
            int lane = Integer.numberOfTrailingZeros(bits);
            ids[size] = at + lane;
            values[size] = x[at + lane];
            size++;
        }
        return size;
    }

    /**
     * Bit k set when lane k of the vector at {@code at} is at least the threshold: the mask cast to
     * int lanes, {@code 1 << k} blended in, ORed across. Lane-wise work and one reduction, where
     * {@code VectorMask.toLong} is a Java loop over a boolean array on JDK 17.
     */
    private static int hitBits(float[] x, int at, float threshold) {
        VectorMask<Float> hit = FloatVector.fromArray(FLOATS, x, at).compare(VectorOperators.GE, threshold);
        if (MASK_TO_LONG_INTRINSIC) {
            return (int) hit.toLong();
        }
        return IntVector.zero(INTS).blend(LANE_BITS, hit.cast(INTS)).reduceLanes(VectorOperators.OR);
    }

    private static int compactLanes(float[] x, int from, int count, float threshold, int[] ids, float[] values, int size) {
        for (int at = from, end = from + count; at < end; at++) {
            float v = x[at];
            ids[size] = at;
            values[size] = v;
            size += v >= threshold ? 1 : 0;
        }
        return size;
    }

    @Override
    public double expSum(float[] x, int from, int to, float shift, float scale) {
        return sum(x, from, to, shift, scale, Float.NEGATIVE_INFINITY, Integer.MAX_VALUE, false);
    }

    @Override
    public double expSumBefore(float[] x, int from, int to, float shift, float scale, float bound, int boundId) {
        return sum(x, from, to, shift, scale, bound, boundId, true);
    }

    @Override
    public double expSumWeighted(float[] x, int from, int to, float shift, float scale, double[] weighted) {
        int blocksEnd = from + (to - from) / ReductionOrder.LANES * ReductionOrder.LANES;
        double blocks = expSumWeightedBody(x, from, blocksEnd, shift, scale, weighted);
        if (Double.isNaN(blocks)) {
            return ScalarKernels.INSTANCE.expSumWeighted(x, from, to, shift, scale, weighted);
        }
        double tail = 0;
        double tailProducts = 0;
        for (int i = blocksEnd; i < to; i++) {
            tail += FastExp.weight(x[i], shift, scale);
            tailProducts += ScalarKernels.product(x[i], shift, scale);
        }
        weighted[0] += tailProducts;
        return blocks + tail;
    }

    private static double sum(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            boolean masked) {
        int blocksEnd = from + (to - from) / ReductionOrder.LANES * ReductionOrder.LANES;
        double blocks = expSumBody(x, from, blocksEnd, shift, scale, bound, boundId, masked);
        if (Double.isNaN(blocks)) {
            return masked ? ScalarKernels.INSTANCE.expSumBefore(x, from, to, shift, scale, bound, boundId)
                    : ScalarKernels.INSTANCE.expSum(x, from, to, shift, scale);
        }
        double tail = 0;
        for (int i = blocksEnd; i < to; i++) {
            float v = x[i];
            if (!masked || v > bound || v == bound && i < boundId) {
                tail += FastExp.weight(v, shift, scale);
            }
        }
        return blocks + tail;
    }

    /**
     * The 16 canonical accumulators of {@code [from, to)} (a multiple of 16 long) in 16 / D double
     * registers, combined by ReductionOrder's tree; NaN when some exponent is above 0 (a shift
     * below some value), which the caller then leaves to the scalar twin. With {@code masked},
     * lanes not ranked before {@code (bound, boundId)} add 0.
     *
     * <p>Each iteration evaluates the lane-wise exp (EXP_LANES) on F floats and adds the weights'
     * two F2D halves to two double registers. With 16-lane floats that is accumulators 0..7 and 8..15; with 8-lane
     * floats the register pairs alternate between iterations, and with 4-lane floats (128-bit
     * vectors, NEON's width) eight 2-lane registers rotate by two each iteration, so element
     * {@code 16 b + j} always lands in accumulator j. Which branch runs depends only on the static
     * final F, so C2 folds the other two away.
     */
    private static double expSumBody(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            boolean masked) {
        DoubleVector a0 = DoubleVector.zero(DOUBLES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        DoubleVector a5 = a0;
        DoubleVector a6 = a0;
        DoubleVector a7 = a0;
        IntVector highest = IntVector.broadcast(INTS, Integer.MIN_VALUE);
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int i = from; i < to; i += F) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, i);
            FloatVector t = v.sub(shift).mul(scale);
            highest = highest.max((IntVector) t.reinterpretAsInts()); // see POSITIVE_BITS
            FloatVector w;
            // FastExp.exp, lane-wise, written out here (see EXP_LANES): same operations, same order, same roundings
            FloatVector eMagic = FloatVector.broadcast(FLOATS, FastExp.ROUNDING_MAGIC);
            FloatVector eOne = FloatVector.broadcast(FLOATS, FastExp.TWO_POW_MINUS_32);
            FloatVector eY = t.fma(FloatVector.broadcast(FLOATS, FastExp.LOG2E), eMagic);
            FloatVector eNegK = eMagic.sub(eY);
            FloatVector eR = eNegK.fma(FloatVector.broadcast(FLOATS, FastExp.LN2_HI), t);
            eR = eNegK.fma(FloatVector.broadcast(FLOATS, FastExp.LN2_LO), eR);
            FloatVector eP = FloatVector.broadcast(FLOATS, FastExp.C7 * FastExp.TWO_POW_MINUS_32)
                    .fma(eR, FloatVector.broadcast(FLOATS, FastExp.C6 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C5 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C4 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C3 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C2 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, eOne);
            eP = eP.fma(eR, eOne); // 2^-32 p
            FloatVector ePow = ((IntVector) eY.reinterpretAsInts()).add(32 + Float.MAX_EXPONENT - MAGIC_BITS)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            w = eP.mul(ePow).blend(FloatVector.zero(FLOATS), t.compare(VectorOperators.LE, FastExp.UNDERFLOW));
            if (masked) {
                // Ranked before (bound, boundId): above it, or equal to it at a lower index.
                VectorMask<Float> before = v.compare(VectorOperators.GT, bound)
                        .or(v.compare(VectorOperators.EQ, bound).and(FLOATS.indexInRange(i, boundId)));
                w = w.blend(zero, before.not());
            }
            DoubleVector low = (DoubleVector) w.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector high = (DoubleVector) w.rearrange(UPPER_HALF).convertShape(VectorOperators.F2D, DOUBLES, 0);
            if (F == 16) {
                a0 = a0.add(low);
                a1 = a1.add(high);
            } else if (F == 8) {
                DoubleVector s0 = a0.add(low);
                DoubleVector s1 = a1.add(high);
                a0 = a2;
                a1 = a3;
                a2 = s0;
                a3 = s1;
            } else {
                DoubleVector s0 = a0.add(low);
                DoubleVector s1 = a1.add(high);
                a0 = a2;
                a1 = a3;
                a2 = a4;
                a3 = a5;
                a4 = a6;
                a5 = a7;
                a6 = s0;
                a7 = s1;
            }
        }
        if (highest.reduceLanes(VectorOperators.MAX) > 0) { // some exponent above 0 (or a NaN)
            return Double.NaN;
        }
        DoubleVector t;
        if (F == 16) {
            t = a0.add(a1); // a[j] += a[j + 8]
        } else if (F == 8) {
            // a0..a3 hold accumulators 0-3, 4-7, 8-11, 12-15: a[j] += a[j + 8], then a[j + 4].
            t = a0.add(a2).add(a1.add(a3));
        } else {
            // a0..a7 hold accumulators 0-1, 2-3, .., 14-15: a[j] += a[j + 8], a[j + 4], a[j + 2].
            t = a0.add(a4).add(a2.add(a6)).add(a1.add(a5).add(a3.add(a7)));
        }
        if (F == 4) {
            return t.reduceLanes(VectorOperators.MAX) + t.reduceLanes(VectorOperators.MIN); // see LAST_ADD
        }
        // The rest of the tree inside the register, so that no lane() call is needed (see SWAP_1).
        t = F == 16 ? t.add(t.rearrange(SWAP_4)) : t;
        t = t.add(t.rearrange(SWAP_2));
        return t.add(t.rearrange(SWAP_1)).reduceLanes(VectorOperators.MAX);
    }

    /**
     * {@link #expSumBody} (unmasked) with a second set of accumulators for the products
     * {@code w * t} in double, into {@code weighted[0]}. A separate method rather than a flag on
     * expSumBody: the extra live vectors there made C2 box vectors on the plain exp-sum path.
     */
    private static double expSumWeightedBody(float[] x, int from, int to, float shift, float scale, double[] weighted) {
        DoubleVector a0 = DoubleVector.zero(DOUBLES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        DoubleVector a5 = a0;
        DoubleVector a6 = a0;
        DoubleVector a7 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        DoubleVector b2 = a0;
        DoubleVector b3 = a0;
        DoubleVector b4 = a0;
        DoubleVector b5 = a0;
        DoubleVector b6 = a0;
        DoubleVector b7 = a0;
        FloatVector fZero = FloatVector.zero(FLOATS);
        IntVector highest = IntVector.broadcast(INTS, Integer.MIN_VALUE);
        for (int i = from; i < to; i += F) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, i);
            FloatVector t = v.sub(shift).mul(scale);
            highest = highest.max((IntVector) t.reinterpretAsInts()); // see POSITIVE_BITS
            FloatVector w;
            // FastExp.exp, lane-wise, written out here (see EXP_LANES): same operations, same order, same roundings
            FloatVector eMagic = FloatVector.broadcast(FLOATS, FastExp.ROUNDING_MAGIC);
            FloatVector eOne = FloatVector.broadcast(FLOATS, FastExp.TWO_POW_MINUS_32);
            FloatVector eY = t.fma(FloatVector.broadcast(FLOATS, FastExp.LOG2E), eMagic);
            FloatVector eNegK = eMagic.sub(eY);
            FloatVector eR = eNegK.fma(FloatVector.broadcast(FLOATS, FastExp.LN2_HI), t);
            eR = eNegK.fma(FloatVector.broadcast(FLOATS, FastExp.LN2_LO), eR);
            FloatVector eP = FloatVector.broadcast(FLOATS, FastExp.C7 * FastExp.TWO_POW_MINUS_32)
                    .fma(eR, FloatVector.broadcast(FLOATS, FastExp.C6 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C5 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C4 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C3 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C2 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, eOne);
            eP = eP.fma(eR, eOne); // 2^-32 p
            FloatVector ePow = ((IntVector) eY.reinterpretAsInts()).add(32 + Float.MAX_EXPONENT - MAGIC_BITS)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            w = eP.mul(ePow).blend(FloatVector.zero(FLOATS), t.compare(VectorOperators.LE, FastExp.UNDERFLOW));
            DoubleVector low = (DoubleVector) w.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector high = (DoubleVector) w.rearrange(UPPER_HALF).convertShape(VectorOperators.F2D, DOUBLES, 0);
            {
                // w * t in double; a zero weight adds +0 (its t may be -Inf): t is set to +0 there
                // first, in float, so the product is 0 * 0 = +0, as a blend after the product would
                // give. Float lanes, not a double compare: C2 on x86 boxes 2-lane double masks.
                FloatVector tKept = t.blend(fZero, w.compare(VectorOperators.EQ, 0f));
                DoubleVector tLow = (DoubleVector) tKept.convertShape(VectorOperators.F2D, DOUBLES, 0);
                DoubleVector tHigh = (DoubleVector) tKept.rearrange(UPPER_HALF).convertShape(VectorOperators.F2D, DOUBLES, 0);
                DoubleVector pLow = low.mul(tLow);
                DoubleVector pHigh = high.mul(tHigh);
                if (F == 16) {
                    b0 = b0.add(pLow);
                    b1 = b1.add(pHigh);
                } else if (F == 8) {
                    DoubleVector q0 = b0.add(pLow);
                    DoubleVector q1 = b1.add(pHigh);
                    b0 = b2;
                    b1 = b3;
                    b2 = q0;
                    b3 = q1;
                } else {
                    DoubleVector q0 = b0.add(pLow);
                    DoubleVector q1 = b1.add(pHigh);
                    b0 = b2;
                    b1 = b3;
                    b2 = b4;
                    b3 = b5;
                    b4 = b6;
                    b5 = b7;
                    b6 = q0;
                    b7 = q1;
                }
            }
            if (F == 16) {
                a0 = a0.add(low);
                a1 = a1.add(high);
            } else if (F == 8) {
                DoubleVector s0 = a0.add(low);
                DoubleVector s1 = a1.add(high);
                a0 = a2;
                a1 = a3;
                a2 = s0;
                a3 = s1;
            } else {
                DoubleVector s0 = a0.add(low);
                DoubleVector s1 = a1.add(high);
                a0 = a2;
                a1 = a3;
                a2 = a4;
                a3 = a5;
                a4 = a6;
                a5 = a7;
                a6 = s0;
                a7 = s1;
            }
        }
        if (highest.reduceLanes(VectorOperators.MAX) > 0) { // some exponent above 0 (or a NaN)
            return Double.NaN;
        }
        DoubleVector bt;
        if (F == 16) {
            bt = b0.add(b1); // a[j] += a[j + 8]
        } else if (F == 8) {
            // b0..b3 hold accumulators 0-3, 4-7, 8-11, 12-15: a[j] += a[j + 8], then a[j + 4].
            bt = b0.add(b2).add(b1.add(b3));
        } else {
            // b0..b7 hold accumulators 0-1, 2-3, .., 14-15: a[j] += a[j + 8], a[j + 4], a[j + 2].
            bt = b0.add(b4).add(b2.add(b6)).add(b1.add(b5).add(b3.add(b7)));
        }
        if (F == 4) {
            weighted[0] = bt.reduceLanes(VectorOperators.MAX) + bt.reduceLanes(VectorOperators.MIN); // see LAST_ADD
        } else {
            // The rest of the tree inside the register, so that no lane() call is needed (see SWAP_1).
            bt = F == 16 ? bt.add(bt.rearrange(SWAP_4)) : bt;
            bt = bt.add(bt.rearrange(SWAP_2));
            weighted[0] = bt.add(bt.rearrange(SWAP_1)).reduceLanes(VectorOperators.MAX);
        }
        DoubleVector t;
        if (F == 16) {
            t = a0.add(a1); // a[j] += a[j + 8]
        } else if (F == 8) {
            // a0..a3 hold accumulators 0-3, 4-7, 8-11, 12-15: a[j] += a[j + 8], then a[j + 4].
            t = a0.add(a2).add(a1.add(a3));
        } else {
            // a0..a7 hold accumulators 0-1, 2-3, .., 14-15: a[j] += a[j + 8], a[j + 4], a[j + 2].
            t = a0.add(a4).add(a2.add(a6)).add(a1.add(a5).add(a3.add(a7)));
        }
        if (F == 4) {
            return t.reduceLanes(VectorOperators.MAX) + t.reduceLanes(VectorOperators.MIN); // see LAST_ADD
        }
        // The rest of the tree inside the register, so that no lane() call is needed (see SWAP_1).
        t = F == 16 ? t.add(t.rearrange(SWAP_4)) : t;
        t = t.add(t.rearrange(SWAP_2));
        return t.add(t.rearrange(SWAP_1)).reduceLanes(VectorOperators.MAX);
    }

    /*
     * <b>EXP_LANES</b>: {@link FastExp#exp} on every lane, written out the same in the three exp
     * loops ({@code expSumBody}, {@code expSumWeightedBody}, {@code weights}). Same bits as the
     * scalar function; lanes at or below {@link FastExp#UNDERFLOW} give 0.
     *
     * <p>Only for exponents at or below 0 (callers send anything above 0 to the scalar twin): then
     * {@code k <= 0}, FastExp's branch {@code p * 2^(k+32) * 2^-32} is the one taken, and there is
     * no overflow check.
     *
     * <p><b>SCALED_HORNER</b>: FastExp's operations in the same order, except that the factor
     * {@code 2^-32} is carried by the Horner steps instead of a last multiply: every coefficient
     * and both 1s are multiplied by {@code 2^-32} (exact: powers of two), so each fma's exact
     * value is {@code 2^-32} times the scalar one, and rounding commutes with that scaling while
     * the result stays normal. Here every partial sum is at least {@code 1.3e-3 * 2^-32} (the
     * terms decrease and {@code |r| <= 0.35}), far above the smallest normal float, so the
     * polynomial ends at exactly {@code 2^-32 p}. Then {@code (2^-32 p) * 2^(k+32)} rounds the
     * exact {@code p 2^k} once, as the scalar {@code (p * 2^(k+32)) * 2^-32} does (its first
     * product is exact: {@code p >= 0.7}, {@code k >= -150}). One multiply and one constant fewer
     * on the hot path; {@code KernelsDifferentialTest} sweeps every float exponent in
     * {@code [-104, 0]} where results are subnormal, and a dense grid elsewhere.
     *
     * <p>Written out in each of the three loops, not called: a call that C2 does not inline boxes
     * its vectors, and whether it inlines depends on the profile. With a long C2 queue (two busy
     * cores) the callers ran as tier-2 code, which counts no calls, so the sites looked cold and
     * C2 refused to inline an expLanes helper it had already compiled at medium size ("already
     * compiled into a medium method"): 53 KB boxed per step of typical-p and eta in the 256-bit
     * shape on an AMD EPYC (Zen 4), in one JVM of three, for the life of the JVM. The broadcasts
     * are loop-invariant, but with 16 AVX2 registers C2 reloads most of them at each use (one load
     * each, not an ALU operation).
     */

    @Override
    public void finiteMoments(float[] x, int from, int to, double[] out) {
        int blocksEnd = from + (to - from) / ReductionOrder.LANES * ReductionOrder.LANES;
        int count = countAtLeast(x, from, to, -Float.MAX_VALUE);
        double sum = momentBody(x, from, blocksEnd, Double.NaN);
        for (int i = blocksEnd; i < to; i++) {
            sum += ScalarKernels.finite(x[i]);
        }
        out[0] = count;
        out[1] = sum;
        if (count == 0) {
            out[2] = 0;
            return;
        }
        double mean = sum / count;
        double squares = momentBody(x, from, blocksEnd, mean);
        for (int i = blocksEnd; i < to; i++) {
            squares += ScalarKernels.deviation(x[i], mean);
        }
        out[2] = squares;
    }

    /**
     * The canonical 16-accumulator sum over {@code [from, to)} (a multiple of 16 long) of the finite
     * values widened to double when {@code mean} is NaN, else of their squared deviations
     * {@code (x - mean)^2} in double; {@code -Inf} values add +0. Accumulators as in
     * {@link #expSumBody}.
     */
    private static double momentBody(float[] x, int from, int to, double mean) {
        boolean squares = !Double.isNaN(mean);
        DoubleVector a0 = DoubleVector.zero(DOUBLES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        DoubleVector a5 = a0;
        DoubleVector a6 = a0;
        DoubleVector a7 = a0;
        FloatVector fZero = FloatVector.zero(FLOATS);
        FloatVector fOne = FloatVector.broadcast(FLOATS, 1f);
        for (int i = from; i < to; i += F) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, i);
            // -Inf lanes become +0 in float, so a plain sum adds +0 there as the scalar twin does;
            // a float compare, because C2 on x86 boxes 2-lane double masks (the 4-float shape).
            VectorMask<Float> gone = v.compare(VectorOperators.EQ, Float.NEGATIVE_INFINITY);
            FloatVector finite = v.blend(fZero, gone);
            DoubleVector low = (DoubleVector) finite.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector high = (DoubleVector) finite.rearrange(UPPER_HALF).convertShape(VectorOperators.F2D, DOUBLES, 0);
            if (squares) {
                // (0 - mean)^2 is finite (|mean| < 2^128), so times a kept factor of 0.0 it is +0,
                // and times 1.0 every other square is itself: the blend to +0, without a double mask.
                FloatVector keep = fOne.blend(fZero, gone);
                low = low.sub(mean);
                low = low.mul(low).mul((DoubleVector) keep.convertShape(VectorOperators.F2D, DOUBLES, 0));
                high = high.sub(mean);
                FloatVector keepHigh = keep.rearrange(UPPER_HALF);
                high = high.mul(high).mul((DoubleVector) keepHigh.convertShape(VectorOperators.F2D, DOUBLES, 0));
            }
            if (F == 16) {
                a0 = a0.add(low);
                a1 = a1.add(high);
            } else if (F == 8) {
                DoubleVector s0 = a0.add(low);
                DoubleVector s1 = a1.add(high);
                a0 = a2;
                a1 = a3;
                a2 = s0;
                a3 = s1;
            } else {
                DoubleVector s0 = a0.add(low);
                DoubleVector s1 = a1.add(high);
                a0 = a2;
                a1 = a3;
                a2 = a4;
                a3 = a5;
                a4 = a6;
                a5 = a7;
                a6 = s0;
                a7 = s1;
            }
        }
        DoubleVector t;
        if (F == 16) {
            t = a0.add(a1); // a[j] += a[j + 8]
        } else if (F == 8) {
            // a0..a3 hold accumulators 0-3, 4-7, 8-11, 12-15: a[j] += a[j + 8], then a[j + 4].
            t = a0.add(a2).add(a1.add(a3));
        } else {
            // a0..a7 hold accumulators 0-1, 2-3, .., 14-15: a[j] += a[j + 8], a[j + 4], a[j + 2].
            t = a0.add(a4).add(a2.add(a6)).add(a1.add(a5).add(a3.add(a7)));
        }
        if (F == 4) {
            return t.reduceLanes(VectorOperators.MAX) + t.reduceLanes(VectorOperators.MIN); // see LAST_ADD
        }
        // The rest of the tree inside the register, so that no lane() call is needed (see SWAP_1).
        t = F == 16 ? t.add(t.rearrange(SWAP_4)) : t;
        t = t.add(t.rearrange(SWAP_2));
        return t.add(t.rearrange(SWAP_1)).reduceLanes(VectorOperators.MAX);
    }

    /** The lane-wise exp (EXP_LANES) into {@code out}; a vector with an exponent above 0 goes to the scalar twin. */
    @Override
    public void weights(float[] x, int from, int to, float shift, float scale, float[] out) {
        int end = from + (to - from) / F * F;
        int i = from;
        for (; i < end; i += F) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, i);
            FloatVector t = v.sub(shift).mul(scale);
            VectorMask<Float> positive = t.compare(VectorOperators.GT, 0f);
            if (positive.anyTrue()) { // an exponent above 0 (a shift below some value): scalar
                for (int j = i; j < i + F; j++) {
                    out[j] = FastExp.weight(x[j], shift, scale);
                }
                continue;
            }
            FloatVector w;
            // FastExp.exp, lane-wise, written out here (see EXP_LANES): same operations, same order, same roundings
            FloatVector eMagic = FloatVector.broadcast(FLOATS, FastExp.ROUNDING_MAGIC);
            FloatVector eOne = FloatVector.broadcast(FLOATS, FastExp.TWO_POW_MINUS_32);
            FloatVector eY = t.fma(FloatVector.broadcast(FLOATS, FastExp.LOG2E), eMagic);
            FloatVector eNegK = eMagic.sub(eY);
            FloatVector eR = eNegK.fma(FloatVector.broadcast(FLOATS, FastExp.LN2_HI), t);
            eR = eNegK.fma(FloatVector.broadcast(FLOATS, FastExp.LN2_LO), eR);
            FloatVector eP = FloatVector.broadcast(FLOATS, FastExp.C7 * FastExp.TWO_POW_MINUS_32)
                    .fma(eR, FloatVector.broadcast(FLOATS, FastExp.C6 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C5 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C4 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C3 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, FloatVector.broadcast(FLOATS, FastExp.C2 * FastExp.TWO_POW_MINUS_32));
            eP = eP.fma(eR, eOne);
            eP = eP.fma(eR, eOne); // 2^-32 p
            FloatVector ePow = ((IntVector) eY.reinterpretAsInts()).add(32 + Float.MAX_EXPONENT - MAGIC_BITS)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            w = eP.mul(ePow).blend(FloatVector.zero(FLOATS), t.compare(VectorOperators.LE, FastExp.UNDERFLOW));
            w.intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = FastExp.weight(x[i], shift, scale);
        }
    }

    @Override
    public void guidanceMix(float[] x, int n, float scale, float xNorm, float[] u, int uFrom, float uNorm) {
        int end = n / F * F;
        FloatVector removed = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (; i < end; i += F) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, i);
            FloatVector w = FloatVector.fromArray(FLOATS, u, uFrom + i);
            FloatVector b = w.sub(uNorm);
            FloatVector mixed = v.sub(xNorm).sub(b).mul(scale).add(b);
            VectorMask<Float> gone = v.compare(VectorOperators.EQ, Float.NEGATIVE_INFINITY)
                    .or(w.compare(VectorOperators.EQ, Float.NEGATIVE_INFINITY));
            mixed.blend(removed, gone).intoArray(x, i);
        }
        for (; i < n; i++) {
            x[i] = ScalarKernels.mixed(x[i], u[uFrom + i], scale, xNorm, uNorm);
        }
    }

    // --- adaptive-p's reshaping (a self-contained block): the scalar twin's operations lane-wise ---

    @Override
    public void adaptivePLogits(float[] x, int n, float[] weights, float weightScale, float center, float inverseWidth,
            float peak, float sharpness) {
        int end = n / F * F;
        int i = 0;
        for (; i < end; i += F) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, i);
            VectorMask<Float> kept = v.compare(VectorOperators.NE, Float.NEGATIVE_INFINITY);
            FloatVector d = FloatVector.fromArray(FLOATS, weights, i).mul(weightScale).sub(center).mul(inverseWidth)
                    .abs();
            FloatVector logit = FloatVector.broadcast(FLOATS, peak).sub(d.mul(sharpness).mul(d).div(d.add(1f)));
            v.blend(logit, kept).intoArray(x, i);
        }
        for (; i < n; i++) {
            if (x[i] != Float.NEGATIVE_INFINITY) {
                x[i] = ScalarKernels.adaptivePLogit(weights[i], weightScale, center, inverseWidth, peak, sharpness);
            }
        }
    }

    @Override
    public double envelopeBlocks(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            float[] blockSums) {
        return PanamaEnvelope.blocks(x, from, to, shift, scale, bound, boundId, blockSums);
    }

    @Override
    public void envelopeWeights(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            float[] out) {
        PanamaEnvelope.weights(x, from, to, shift, scale, bound, boundId, out);
    }
}
