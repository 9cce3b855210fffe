package org.mdsens.md.minimize;

/** Progress callbacks from a minimizer (called on the minimizing thread). */
public interface MinimizationListener {

    /** After each iteration: energy and largest per-particle force norm at the new positions. */
    void onIteration(int iteration, double energy, double maxForce);

    /** Polled every iteration; returning true stops with {@link Status#CANCELLED}. */
    default boolean cancelRequested() { return false; }

    MinimizationListener NONE = (i, e, f) -> { };
}
