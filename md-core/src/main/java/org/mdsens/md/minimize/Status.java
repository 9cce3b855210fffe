package org.mdsens.md.minimize;

/** How a minimization ended. Only {@link #CONVERGED} means the force tolerance was reached. */
public enum Status {
    /** Largest per-particle force norm ≤ tolerance. */
    CONVERGED,
    /** The iteration cap was reached first. */
    MAX_ITERATIONS,
    /** No progress possible at the working precision (energy and positions no longer change). */
    STAGNATED,
    /** L-BFGS: no step satisfying the line-search conditions was found. */
    LINE_SEARCH_FAILED,
    /** Energy or forces became NaN or infinite (a diverging or overlapping system). */
    NON_FINITE,
    /** Stopped by the caller (e.g. Cancel in the desktop app). */
    CANCELLED;

    public boolean converged() { return this == CONVERGED; }
}
