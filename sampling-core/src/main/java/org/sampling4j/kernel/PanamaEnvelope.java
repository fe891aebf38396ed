package org.sampling4j.kernel;

import static org.sampling4j.kernel.PanamaConstants.FLOATS;
import static org.sampling4j.kernel.PanamaConstants.FLOAT_SWAP_1;
import static org.sampling4j.kernel.PanamaConstants.FLOAT_SWAP_2;
import static org.sampling4j.kernel.PanamaConstants.FLOAT_SWAP_4;
import static org.sampling4j.kernel.PanamaConstants.FLOAT_SWAP_8;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The Vector API twin of {@link ScalarEnvelope}: the same bits on 16, 8 and 4 float lanes.
 *
 * <p>The 16 canonical float accumulators live in one 16-lane register, two 8-lane ones or four
 * 4-lane ones that rotate each iteration, so element {@code 16 b + j} always lands in accumulator
 * j; which branch runs depends only on the static final lane count, which C2 folds. The tree ends
 * inside the register with lane-exchanging adds ({@code FLOAT_SWAP_*}) after which every lane
 * holds the sum, read out by a MAX over equal lanes (see {@code PanamaConstants.SWAP_1} for why not
 * {@code lane(0)}).
 *
 * <p>The restriction to tokens ranked before a bound is a blend with zero computed inside the
 * loop, not a {@code VectorMask} merged across the {@code masked} branch: JDK 17's C2 boxes such a
 * mask phi (12-24 KB per call in a first version, found with JFR's allocation samples).
 */
final class PanamaEnvelope {
    private static final int F = FLOATS.length();
    private static final int MAGIC_BITS = Float.floatToRawIntBits(FastExp.ROUNDING_MAGIC);

    private PanamaEnvelope() {
    }

    static double blocks(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            float[] blockSums) {
        boolean masked = !(bound == Float.NEGATIVE_INFINITY && boundId == Integer.MAX_VALUE);
        double total = 0;
        int b = 0;
        for (int start = from; start < to; start += ReductionOrder.BLOCK, b++) {
            int end = Math.min(to, start + ReductionOrder.BLOCK);
            int bodyEnd = start + (end - start) / ReductionOrder.LANES * ReductionOrder.LANES;
            float sum = body(x, start, bodyEnd, shift, scale, bound, boundId, masked, null);
            float tail = 0;
            for (int i = bodyEnd; i < end; i++) {
                tail += ScalarEnvelope.e(x, i, shift, scale, bound, boundId);
            }
            blockSums[b] = sum + tail;
            total += blockSums[b];
        }
        return total;
    }

    static void weights(float[] x, int from, int to, float shift, float scale, float bound, int boundId, float[] out) {
        boolean masked = !(bound == Float.NEGATIVE_INFINITY && boundId == Integer.MAX_VALUE);
        int bodyEnd = from + (to - from) / ReductionOrder.LANES * ReductionOrder.LANES;
        body(x, from, bodyEnd, shift, scale, bound, boundId, masked, out);
        for (int i = bodyEnd; i < to; i++) {
            out[i - from] = ScalarEnvelope.e(x, i, shift, scale, bound, boundId);
        }
    }

    /**
     * The canonical float sum over {@code [from, to)}, a multiple of 16 long; with {@code out}, each
     * lane's envelope is also written to {@code out[i - from]} (one block's weights for a proposal).
     *
     * <p>One loop for both passes, with {@link Envelope#at} and the restriction written out in it
     * rather than called: a helper returning a vector that C2 does not inline boxes it, and C2 did
     * not always inline one here (PrintInlining showed "callee is too large" for a 132-byte helper
     * at a call site it judged cold, and "callee uses too much stack" for the mask helper), which
     * {@code ExtendedChainTest}'s allocation check caught as 272 bytes per iteration.
     */
    private static float body(float[] x, int from, int to, float shift, float scale, float bound, int boundId,
            boolean masked, float[] out) {
        FloatVector zero = FloatVector.zero(FLOATS);
        FloatVector a0 = zero;
        FloatVector a1 = zero;
        FloatVector a2 = zero;
        FloatVector a3 = zero;
        FloatVector magic = FloatVector.broadcast(FLOATS, FastExp.ROUNDING_MAGIC);
        for (int i = from; i < to; i += F) {
            FloatVector v = FloatVector.fromArray(FLOATS, x, i);
            FloatVector t = v.sub(shift).mul(scale);
            // Envelope.at, lane-wise: same operations, same order, same roundings.
            FloatVector y = t.fma(FloatVector.broadcast(FLOATS, FastExp.LOG2E), magic);
            FloatVector r = magic.sub(y).fma(FloatVector.broadcast(FLOATS, Envelope.LN2), t);
            FloatVector p = FloatVector.broadcast(FLOATS, Envelope.C2).fma(r, FloatVector.broadcast(FLOATS, Envelope.C1))
                    .fma(r, FloatVector.broadcast(FLOATS, Envelope.C0));
            FloatVector pow = ((IntVector) y.reinterpretAsInts())
                    .add(Float.MAX_EXPONENT - MAGIC_BITS)
                    .lanewise(VectorOperators.LSHL, 23)
                    .reinterpretAsFloats();
            FloatVector e = zero.blend(p.mul(pow), t.compare(VectorOperators.GE, Envelope.FLOOR));
            if (masked) {
                // Ranked before (bound, boundId): above it, or equal to it at a lower index.
                e = zero.blend(e, v.compare(VectorOperators.GT, bound)
                        .or(v.compare(VectorOperators.EQ, bound).and(FLOATS.indexInRange(i, boundId))));
            }
            if (out != null) {
                e.intoArray(out, i - from);
            }
            if (F == 16) {
                a0 = a0.add(e);
            } else if (F == 8) {
                FloatVector s = a0.add(e);
                a0 = a1;
                a1 = s;
            } else {
                FloatVector s = a0.add(e);
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = s;
            }
        }
        FloatVector t;
        if (F == 16) {
            t = a0.add(a0.rearrange(FLOAT_SWAP_8)); // a[j] += a[j + 8]
        } else if (F == 8) {
            t = a0.add(a1); // a0, a1 hold accumulators 0-7 and 8-15
        } else {
            t = a0.add(a2).add(a1.add(a3)); // 0-3, 4-7, 8-11, 12-15: a[j] += a[j + 8], then a[j + 4]
        }
        t = F >= 8 ? t.add(t.rearrange(FLOAT_SWAP_4)) : t;
        t = t.add(t.rearrange(FLOAT_SWAP_2));
        return t.add(t.rearrange(FLOAT_SWAP_1)).reduceLanes(VectorOperators.MAX);
    }
}
