package org.mdsens.sensitivity.linalg;

/**
 * An orthogonal projector applied in place, {@code v ← P·v}; used to deflate a known null space (rigid
 * translations of a periodic packing, rattlers) from Krylov solves and eigenvalue iterations.
 *
 * <p>Implementations must be linear, idempotent and symmetric (an orthogonal projection), and must not allocate
 * per call if they are used inside solvers on large systems. Called from one thread at a time per solve.
 *
 * @see NullSpaceProjector
 */
@FunctionalInterface
public interface Projector {

    /** @param v vector to project in place (length n) */
    void project(double[] v);
}
