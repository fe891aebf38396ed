package org.sampling4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species of the Panama twin, kept apart so that no Vector API class initializes before
 * {@link KernelsProvider} has checked that the module is present.
 */
final class PanamaConstants {
    /** Widest float vectors: max, compare, count, compact. */
    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Double vectors of the same width: half as many lanes, for sums of float weights (F2D parts 0, 1). */
    static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, FLOATS.vectorShape());

    /** Int vectors with as many lanes as {@link #FLOATS}: token-mask bits, lane-wise. */
    static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());
    /** {@code 1 << k} in lane k: a lane's bit in a 32-token mask word shifted to the vector's start. */
    static final IntVector LANE_BITS = IntVector.fromArray(INTS, laneBits(), 0);

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
