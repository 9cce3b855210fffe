package org.mdsens.md.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector species of this JVM: {@link DoubleVector#SPECIES_PREFERRED}, held in a
 * {@code static final} field so that C2 folds it, and never mixed with another width (DESIGN.md
 * §7). Its lane count is the cluster width of the {@link org.mdsens.md.neighbor.ClusterList}.
 */
final class Lanes {

    /** The preferred double species of the CPU and JVM. */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Lanes per vector (8 with AVX-512, 4 with AVX2). */
    static final int WIDTH = SPECIES.length();

    /** Bits per vector. */
    static final int BITS = SPECIES.vectorBitSize();

    private Lanes() { }
}
