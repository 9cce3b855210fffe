package org.mdsens.sensitivity.linalg;

/** The eigenvalue estimators of this package, for configurations. */
public enum EigenSolverKind {
    /** {@link LanczosEigenSolver}: full reorthogonalization, no preconditioner; exact on small problems. */
    LANCZOS,
    /** {@link LobpcgEigenSolver}: block preconditioned, a few vectors of memory; for large ill-conditioned problems. */
    LOBPCG
}
