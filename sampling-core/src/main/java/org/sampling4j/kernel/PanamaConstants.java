package org.sampling4j.kernel;

import jdk.incubator.vector.FloatVector;
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

    private PanamaConstants() {
    }
}
