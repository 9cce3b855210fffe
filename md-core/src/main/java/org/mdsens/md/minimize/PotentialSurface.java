package org.mdsens.md.minimize;

/**
 * What a minimizer moves over: positions it may change in place, and the energy and forces at
 * them. Positions and forces are xyz-interleaved, length d·N. One instance per thread.
 */
public interface PotentialSurface {

    /** Spatial dimension d (the per-particle force norm is over d components). */
    int dimension();

    /** Number of particles N. */
    int size();

    /** The live position array (length d·N); minimizers update it in place. */
    double[] positions();

    /**
     * Evaluates at the current positions: overwrites {@code forces} with −∇E (fixed particles
     * get 0) and returns E.
     */
    double computeForces(double[] forces);
}
