package org.sampling4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species of the Panama twin, kept apart so that no Vector API class initializes before
 * {@link KernelsProvider} has checked that the module is present.
 */
final class PanamaConstants {
    /** Widest float vectors: max, compare, count, compact. */
    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /**
     * Double vectors of the same width: half as many lanes, for sums of float weights (each half
     * widened by F2D part 0, the upper one after {@link #UPPER_HALF}).
     */
    static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, FLOATS.vectorShape());

    /**
     * Lane j from lane {@code j + F/2} (mod F) of a {@link #FLOATS} vector: moves the upper half of
     * the float lanes down, so that the F2D conversion of part 0 widens it. Why not
     * {@code convertShape(F2D, DOUBLES, 1)}: the Vector API implements a part above 0 as a
     * {@code slice} (an iota shuffle, a compare, a mask cast, a rearrange and a blend with zero,
     * as {@code -XX:+PrintInlining} shows on JDK 17 and 25) before converting, where this is one
     * constant permute ({@code vpermps} on AVX2). The widening is exact, so the bits are the same.
     */
    static final VectorShuffle<Float> UPPER_HALF =
            VectorShuffle.fromOp(FLOATS, j -> (j + FLOATS.length() / 2) % FLOATS.length());

    /** Int vectors with as many lanes as {@link #FLOATS}: token-mask bits, lane-wise. */
    static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());
    /** {@code 1 << k} in lane k: a lane's bit in a 32-token mask word shifted to the vector's start. */
    static final IntVector LANE_BITS = IntVector.fromArray(INTS, laneBits(), 0);

    /**
     * Lane j from lane {@code j ^ 1}, {@code j ^ 2}, {@code j ^ 4} of a {@link #DOUBLES} vector: the butterfly
     * that ends {@link ReductionOrder}'s tree inside a register. With the accumulators' partial sums
     * in lanes 0..L-1, {@code v.add(v.rearrange(SWAP_h))} for h = L/2 down to 1 gives lane j
     * {@code a[j] + a[j + h]} for j below h (the tree's step) and the same sum, by commutativity, in
     * lane {@code j + h}; so every lane ends with the whole sum, and {@code reduceLanes(MAX)} over
     * equal lanes returns it exactly, whatever its order. Why not {@code lane(i)}: on JDK 17 it calls
     * {@code laneHelper}, which is not force-inlined; C2 compiles a kernel with a hot loop after
     * few calls, so that cold call site is below {@code MinInliningThreshold} (250 calls on JDK
     * 17, 0 from JDK 18) and is not inlined, and the vector is boxed: 64 bytes a call, as
     * {@code -XX:+PrintInlining} and {@code -XX:-UseTLAB} JFR allocation events show. Entries that
     * would leave the vector (h at least L) wrap to the lane itself and are never used.
     */
    static final VectorShuffle<Double> SWAP_1 = swap(1);
    /** See {@link #SWAP_1}. */
    static final VectorShuffle<Double> SWAP_2 = swap(2);
    /** See {@link #SWAP_1}. */
    static final VectorShuffle<Double> SWAP_4 = swap(4);

    /**
     * Lane j from lane {@code j ^ h} (mod the lane count) of a {@link #FLOATS} vector: the same
     * butterfly as {@link #SWAP_1} for the envelope's float accumulators. With fewer than
     * {@code 2h} lanes an entry wraps to the lane itself and is never used.
     */
    static final VectorShuffle<Float> FLOAT_SWAP_1 = floatSwap(1);
    /** See {@link #FLOAT_SWAP_1}. */
    static final VectorShuffle<Float> FLOAT_SWAP_2 = floatSwap(2);
    /** See {@link #FLOAT_SWAP_1}. */
    static final VectorShuffle<Float> FLOAT_SWAP_4 = floatSwap(4);
    /** See {@link #FLOAT_SWAP_1}. */
    static final VectorShuffle<Float> FLOAT_SWAP_8 = floatSwap(8);

    private static VectorShuffle<Float> floatSwap(int h) {
        int lanes = FLOATS.length();
        return VectorShuffle.fromOp(FLOATS, j -> (j ^ h) % lanes);
    }

    private static VectorShuffle<Double> swap(int h) {
        int lanes = DOUBLES.length();
        return VectorShuffle.fromOp(DOUBLES, j -> (j ^ h) % lanes);
    }

    private static int[] laneBits() {
        int[] bits = new int[INTS.length()];
        for (int k = 0; k < bits.length; k++) {
            bits[k] = 1 << k;
        }
        return bits;
    }

    private PanamaConstants() {
    }
}
