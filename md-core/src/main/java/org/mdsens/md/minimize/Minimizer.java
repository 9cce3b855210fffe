package org.mdsens.md.minimize;

/**
 * Minimizes the energy of a {@link PotentialSurface} in place. Stops when the largest
 * per-particle force norm is ≤ the tolerance ({@link Status#CONVERGED}), or says why not.
 * A minimizer holds workspaces: one instance per thread.
 */
public interface Minimizer {

    MinimizationResult minimize(PotentialSurface surface, MinimizationListener listener);

    default MinimizationResult minimize(PotentialSurface surface) {
        return minimize(surface, MinimizationListener.NONE);
    }
}
