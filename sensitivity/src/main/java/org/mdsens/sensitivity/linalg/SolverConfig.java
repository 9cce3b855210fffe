package org.mdsens.sensitivity.linalg;

import java.util.Arrays;

/**
 * Settings shared by every {@link LinearSolver}.
 *
 * <p>The system actually solved is {@code (A + ridge·I) x = b}. The optional Jacobi preconditioner is given
 * as the diagonal {@code d} of {@code A} (without the ridge); solvers precondition with
 * {@code M = diag(d + ridge)}, i.e. they apply {@code z_i = r_i / (d_i + ridge)}. Conjugate gradient and MINRES
 * need {@code d_i + ridge > 0} for every i (a symmetric positive definite preconditioner); GMRES only needs it
 * non-zero (it preconditions on the right, so its residual stays the true residual).
 *
 * <p>Immutable: the diagonal is copied in and out. {@code equals} compares the diagonal by content.
 *
 * @param relativeTolerance stop when ‖b − (A + ridge·I)x‖ ≤ relativeTolerance·‖b‖ (explicit residual);
 *                          must be in (0, 1)
 * @param maxIterations     cap on Krylov iterations (one operator application each, plus a few for explicit
 *                          residuals); must be ≥ 1
 * @param ridge             shift added to the diagonal, ≥ 0 (Tikhonov regularization; biases the solution)
 * @param jacobiDiagonal    diagonal of A for a Jacobi preconditioner, or {@code null} for none; finite, non-zero
 *                          entries
 */
public record SolverConfig(double relativeTolerance, int maxIterations, double ridge, double[] jacobiDiagonal) {

    /** Default relative tolerance, matched to minimizations converged to max force ~1e-10. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-10;
    /** Default iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;

    public SolverConfig {
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relativeTolerance must be in (0, 1), got " + relativeTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(ridge >= 0 && Double.isFinite(ridge))) {
            throw new IllegalArgumentException("ridge must be finite and >= 0, got " + ridge);
        }
        if (jacobiDiagonal != null) {
            jacobiDiagonal = jacobiDiagonal.clone();
            for (int i = 0; i < jacobiDiagonal.length; i++) {
                double d = jacobiDiagonal[i];
                if (!Double.isFinite(d) || d + ridge == 0) {
                    throw new IllegalArgumentException(
                            "jacobiDiagonal[" + i + "] + ridge must be finite and non-zero, got " + (d + ridge));
                }
            }
        }
    }

    /** @return tolerance {@value #DEFAULT_RELATIVE_TOLERANCE}, {@value #DEFAULT_MAX_ITERATIONS} iterations, no ridge, no preconditioner */
    public static SolverConfig defaults() {
        return new SolverConfig(DEFAULT_RELATIVE_TOLERANCE, DEFAULT_MAX_ITERATIONS, 0.0, null);
    }

    /** @return a copy of the preconditioner diagonal, or {@code null} */
    @Override public double[] jacobiDiagonal() { return jacobiDiagonal == null ? null : jacobiDiagonal.clone(); }

    /** @return {@code true} if a Jacobi preconditioner is configured */
    public boolean preconditioned() { return jacobiDiagonal != null; }

    public SolverConfig withRelativeTolerance(double tolerance) {
        return new SolverConfig(tolerance, maxIterations, ridge, jacobiDiagonal);
    }

    public SolverConfig withMaxIterations(int iterations) {
        return new SolverConfig(relativeTolerance, iterations, ridge, jacobiDiagonal);
    }

    public SolverConfig withRidge(double shift) {
        return new SolverConfig(relativeTolerance, maxIterations, shift, jacobiDiagonal);
    }

    /** @param diagonal diagonal of A (without ridge), or {@code null} to remove the preconditioner */
    public SolverConfig withJacobiDiagonal(double[] diagonal) {
        return new SolverConfig(relativeTolerance, maxIterations, ridge, diagonal);
    }

    /** Package-private read of the diagonal without a copy (never mutated). */
    double[] diagonalRef() { return jacobiDiagonal; }

    @Override public boolean equals(Object o) {
        return o instanceof SolverConfig c && Double.compare(c.relativeTolerance, relativeTolerance) == 0
                && c.maxIterations == maxIterations && Double.compare(c.ridge, ridge) == 0
                && Arrays.equals(c.jacobiDiagonal, jacobiDiagonal);
    }

    @Override public int hashCode() {
        return ((Double.hashCode(relativeTolerance) * 31 + maxIterations) * 31 + Double.hashCode(ridge)) * 31
                + Arrays.hashCode(jacobiDiagonal);
    }

    @Override public String toString() {
        return String.format("SolverConfig[relativeTolerance=%.3g, maxIterations=%d, ridge=%.3g, jacobi=%s]",
                relativeTolerance, maxIterations, ridge,
                jacobiDiagonal == null ? "none" : "diagonal[" + jacobiDiagonal.length + "]");
    }
}
