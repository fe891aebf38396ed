package org.sampling4j.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species of the Panama twin, kept apart so that no Vector API class initializes before
 * {@link KernelsProvider} has checked that the module is present.
 */
final class PanamaConstants {
    /** Widest float vectors: max, compare, count, compact. */
    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Widest double vectors: the exponential and its sums. */
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Float vectors with as many lanes as {@link #DOUBLES}, converted to them with F2D. */
    static final VectorSpecies<Float> FLOATS_FOR_DOUBLES =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));

    private PanamaConstants() {
    }
}
