package org.mdsens.sensitivity.linalg;

/**
 * How a linear solve or an eigenvalue iteration ended. Only {@link #CONVERGED} means the requested
 * tolerance was met, and it is always decided on the explicitly recomputed residual ‖b − A·x‖, never on
 * the Krylov recurrence alone.
 */
public enum SolveStatus {
    /** The explicit relative residual ‖b − A·x‖/‖b‖ is at or below the tolerance. */
    CONVERGED,
    /** The iteration cap was reached first; {@code x} is the last iterate. */
    MAX_ITERATIONS,
    /**
     * The method cannot make further progress: a Lanczos/Arnoldi breakdown on an inconsistent (singular)
     * system, a GMRES restart cycle that did not reduce the residual, or a true residual that stagnates
     * above the tolerance (a tolerance below the attainable accuracy, about ε·κ(A)).
     */
    BREAKDOWN,
    /** Conjugate gradient met a direction with pᵀAp ≤ 0: the operator is not positive definite. */
    INDEFINITE,
    /** The operator, the right-hand side or the iterate produced NaN or an infinity. */
    NON_FINITE;

    /** @return {@code true} only for {@link #CONVERGED} */
    public boolean converged() { return this == CONVERGED; }
}
