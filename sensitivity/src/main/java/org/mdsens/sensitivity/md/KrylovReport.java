package org.mdsens.sensitivity.md;

import org.mdsens.sensitivity.linalg.SolveStatus;

/**
 * One Krylov solve behind a sensitivity: what was solved, how well, and how far off the answer may be.
 *
 * @param solver           the solver name ({@code CG}, {@code MINRES}, or {@code none} when no solve was
 *                         needed or possible)
 * @param status           how the solve ended ({@link SolveStatus#CONVERGED} when no solve was needed)
 * @param iterations       Krylov iterations
 * @param relativeResidual ‖P(H u − rhs)‖/‖rhs‖ (0 when rhs = 0; NaN when no solve was made)
 * @param residualNorm     ‖P(H u − rhs)‖
 * @param errorEstimate    (‖F(x̂)‖ + ‖r_Krylov‖)/λ̂ (Blondel et al. 2022, Theorem 1): an estimate of the error
 *                         caused by the inexact minimum and the inexact solve, not a bound; NaN without λ̂
 */
public record KrylovReport(String solver, SolveStatus status, int iterations, double relativeResidual,
                           double residualNorm, double errorEstimate) {

    public KrylovReport {
        if (solver == null || status == null) throw new IllegalArgumentException("solver and status must not be null");
    }

    /** No solve was needed (zero right-hand side). */
    static KrylovReport trivial(double errorEstimate) {
        return new KrylovReport("none", SolveStatus.CONVERGED, 0, 0.0, 0.0, errorEstimate);
    }

    /** No solve was made (the system status forbids one). */
    static KrylovReport skipped() {
        return new KrylovReport("none", SolveStatus.CONVERGED, 0, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The same report with another error estimate. */
    public KrylovReport withErrorEstimate(double estimate) {
        return new KrylovReport(solver, status, iterations, relativeResidual, residualNorm, estimate);
    }

    @Override public String toString() {
        return String.format("%s %s, %d iterations, relative residual %.3e, error estimate %.3e", solver, status,
                iterations, relativeResidual, errorEstimate);
    }
}
