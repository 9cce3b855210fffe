/**
 * Matrix-free linear algebra on Hipparchus {@link org.hipparchus.linear.RealLinearOperator}: Krylov solvers,
 * preconditioners and eigenvalue estimators, for the linear systems of implicit differentiation.
 *
 * <p>What to use when:
 * <ul>
 *   <li>{@link org.mdsens.sensitivity.linalg.ConjugateGradientSolver}: symmetric positive definite (the Hessian
 *       at a strict minimum, deflated of its zero modes). Cheapest; reports
 *       {@link org.mdsens.sensitivity.linalg.SolveStatus#INDEFINITE} if it meets negative curvature.</li>
 *   <li>{@link org.mdsens.sensitivity.linalg.MinresSolver}: symmetric but indefinite or singular (saddle points,
 *       undeflated zero modes with a consistent right-hand side).</li>
 *   <li>{@link org.mdsens.sensitivity.linalg.GmresSolver}: nonsymmetric (projected- and proximal-gradient fixed
 *       points, general root conditions).</li>
 *   <li>{@link org.mdsens.sensitivity.linalg.LanczosEigenSolver}: the smallest (non-deflated) eigenvalue, e.g.
 *       λ̂ in the error estimate (ε_F + ε_Krylov)/λ̂, or to check that a minimum is stable; exact on small
 *       problems, memory k·n for k steps.</li>
 *   <li>{@link org.mdsens.sensitivity.linalg.LobpcgEigenSolver}: the same for large ill-conditioned operators with
 *       a preconditioner (a few vectors of memory).</li>
 *   <li>Preconditioners ({@link org.mdsens.sensitivity.linalg.Preconditioner}, given to
 *       {@code LinearSolver.solve(a, b, x0, m)}): {@link org.mdsens.sensitivity.linalg.DiagonalPreconditioner},
 *       {@link org.mdsens.sensitivity.linalg.BlockJacobiPreconditioner},
 *       {@link org.mdsens.sensitivity.linalg.IncompleteCholeskyPreconditioner} (block IC(0), the workhorse for
 *       sparse Hessians) and {@link org.mdsens.sensitivity.linalg.TwoLevelPreconditioner} (IC(0) plus a coarse
 *       solve), built from a {@link org.mdsens.sensitivity.linalg.SymmetricBlockMatrix}; operators that implement
 *       {@link org.mdsens.sensitivity.linalg.ArrayOperator} are applied without allocation.</li>
 * </ul>
 * All solvers share a {@link org.mdsens.sensitivity.linalg.SolverConfig} (relative tolerance, iteration cap,
 * ridge shift, Jacobi diagonal), return a {@link org.mdsens.sensitivity.linalg.SolveResult} whose
 * {@link org.mdsens.sensitivity.linalg.SolveStatus} is decided on the explicitly recomputed residual, and never
 * throw for numerical outcomes. A {@link org.mdsens.sensitivity.linalg.Projector} (e.g.
 * {@link org.mdsens.sensitivity.linalg.NullSpaceProjector#translations}) deflates known null spaces.
 *
 * <p>Wrap products on flat arrays with {@link org.mdsens.sensitivity.linalg.MatrixFreeOperator}, and a dense Hipparchus
 * {@code RealMatrix} (tests, small systems) with {@link org.mdsens.sensitivity.linalg.MatrixFreeOperator#dense}.
 */
package org.mdsens.sensitivity.linalg;
