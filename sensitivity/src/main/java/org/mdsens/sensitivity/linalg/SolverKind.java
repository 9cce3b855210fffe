package org.mdsens.sensitivity.linalg;

/** The built-in Krylov solvers, for configuration files and command lines. */
public enum SolverKind {
    /** {@link ConjugateGradientSolver}: symmetric positive definite. */
    CG,
    /** {@link MinresSolver}: symmetric, possibly indefinite or singular-consistent. */
    MINRES,
    /** {@link GmresSolver} with the default restart: general. */
    GMRES;

    /** @return a solver of this kind with the given settings */
    public LinearSolver create(SolverConfig config) {
        return switch (this) {
            case CG -> new ConjugateGradientSolver(config);
            case MINRES -> new MinresSolver(config);
            case GMRES -> new GmresSolver(config);
        };
    }
}
