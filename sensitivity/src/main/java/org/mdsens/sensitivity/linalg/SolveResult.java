package org.mdsens.sensitivity.linalg;

/**
 * The outcome of {@link LinearSolver#solve}: always the last iterate, with a status saying what it is worth.
 *
 * <p>The residuals are recomputed explicitly from the returned {@code x}: {@code r = b − (A + ridge·I)·x}.
 * For {@code b = 0} the solution is {@code x = 0}, {@link SolveStatus#CONVERGED}, residuals 0.
 * Immutable: {@code x} is copied in and out.
 *
 * @param x                    the solution estimate (length n)
 * @param status               how the solve ended
 * @param iterations           Krylov iterations performed (over all restarts and refinements)
 * @param operatorApplications applications of the operator A, including explicit residual evaluations
 *                             (products with an all-zero vector are skipped and not counted)
 * @param relativeResidual     ‖b − (A + ridge·I)x‖ / ‖b‖ (0 when b = 0; NaN when non-finite)
 * @param residualNorm         ‖b − (A + ridge·I)x‖ (Euclidean)
 */
public record SolveResult(double[] x, SolveStatus status, int iterations, int operatorApplications,
                          double relativeResidual, double residualNorm) {

    public SolveResult {
        x = x.clone();
        if (status == null) {
            throw new IllegalArgumentException("status must be non-null, got null");
        }
    }

    /** @return a copy of the solution */
    @Override public double[] x() { return x.clone(); }

    /** @return the i-th solution component, without copying */
    public double x(int i) { return x[i]; }

    /** @return the dimension n */
    public int dimension() { return x.length; }

    /** @return {@code true} if the status is {@link SolveStatus#CONVERGED} */
    public boolean converged() { return status.converged(); }

    @Override public String toString() {
        return String.format("SolveResult[%s, n=%d, iterations=%d, operatorApplications=%d, relativeResidual=%.3e]",
                status, x.length, iterations, operatorApplications, relativeResidual);
    }
}
