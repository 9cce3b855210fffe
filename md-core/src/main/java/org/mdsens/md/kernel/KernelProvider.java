package org.mdsens.md.kernel;

import org.mdsens.md.potential.PairPotential;

/**
 * A family of force kernels (scalar reference, or Vector API), chosen once at start-up.
 * Thread-safe; {@link #pairKernel} returns a new kernel per call (one per thread).
 */
public interface KernelProvider {

    /** {@code scalar} or {@code vector-<bits>}; recorded in {@code summary.json}. */
    String name();

    /** A kernel bound to one pair potential. */
    ForceKernel pairKernel(PairPotential potential);
}
