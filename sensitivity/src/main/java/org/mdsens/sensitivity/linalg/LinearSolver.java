package org.mdsens.sensitivity.linalg;

import org.hipparchus.linear.RealLinearOperator;

/**
 * An iterative solver for {@code (A + ridge·I) x = b} on a matrix-free Hipparchus {@link RealLinearOperator}.
 *
 * <p>Contract shared by every implementation (checked by a parameterized contract test):
 * <ul>
 *   <li>{@code b = 0} gives {@code x = 0} with {@link SolveStatus#CONVERGED} and no operator application;</li>
 *   <li>the result is never silent: every non-convergence is a {@link SolveStatus}, and {@code CONVERGED} is decided
 *       on the explicitly recomputed residual;</li>
 *   <li>exceptions only for misuse: a non-square operator, mismatched lengths, a non-finite initial guess, or a
 *       preconditioner the method cannot use.</li>
 * </ul>
 * The settings (tolerance, iteration cap, ridge, Jacobi diagonal) come from the {@link SolverConfig} the solver was
 * built with. Implementations are immutable and thread-safe (all work arrays are per call); the operator itself must
 * be safe to call from the calling thread.
 *
 * @see ConjugateGradientSolver
 * @see MinresSolver
 * @see GmresSolver
 */
public interface LinearSolver {

    /**
     * Solves {@code (A + ridge·I) x = b}.
     *
     * @param a        square operator, n × n (symmetric for CG and MINRES)
     * @param b        right-hand side, length n (not modified)
     * @param x0OrNull initial guess, length n, or {@code null} for zero (not modified)
     * @return the solution with its status; never {@code null}
     * @throws IllegalArgumentException on misuse (dimensions, non-finite initial guess, unusable preconditioner)
     */
    SolveResult solve(RealLinearOperator a, double[] b, double[] x0OrNull);

    /**
     * Solves {@code (A + ridge·I) x = b} preconditioned by {@code M} (symmetric positive definite for CG and MINRES;
     * applied on the right by GMRES). The ridge is not added to M. With {@code null} this is
     * {@link #solve(RealLinearOperator, double[], double[])}.
     *
     * @param a                    square operator, n × n (symmetric for CG and MINRES)
     * @param b                    right-hand side, length n (not modified)
     * @param x0OrNull             initial guess, length n, or {@code null} for zero (not modified)
     * @param preconditionerOrNull M⁻¹, or {@code null}; must not be combined with a Jacobi diagonal in the config
     * @return the solution with its status; never {@code null}
     * @throws IllegalArgumentException on misuse, including a preconditioner given with a Jacobi diagonal
     */
    SolveResult solve(RealLinearOperator a, double[] b, double[] x0OrNull, Preconditioner preconditionerOrNull);

    /** @return the settings this solver uses */
    SolverConfig config();

    /** @return a short name for reports, e.g. {@code "CG"}, {@code "MINRES"}, {@code "GMRES(30)"} */
    String name();

    /** @return the same algorithm with other settings */
    LinearSolver withConfig(SolverConfig config);
}
