package org.mdsens.sensitivity.md;

import org.mdsens.sensitivity.linalg.EigenSolverKind;
import org.mdsens.sensitivity.linalg.LanczosConfig;
import org.mdsens.sensitivity.linalg.PreconditionerKind;
import org.mdsens.sensitivity.linalg.SolverKind;

/**
 * Settings of {@link EquilibriumSensitivity}.
 *
 * @param solver                     Krylov method for H u = −b and H λ = ∇ₓL: {@link SolverKind#CG} (default;
 *                                   reports negative curvature) or {@link SolverKind#MINRES} (symmetric
 *                                   indefinite); GMRES is accepted but wasteful
 * @param relativeTolerance          Krylov relative residual ‖P(H u + b)‖/‖P b‖, in (0, 1); default 1e-10,
 *                                   matched to minimizations at max force 1e-10
 * @param maxIterations              Krylov iteration cap, or 0 for max(1000, 4·d·n)
 * @param contactThreshold           overlap above which a soft-sphere pair is a contact, for rattler
 *                                   detection (length units, &gt; 0), or 0 for the default rule of
 *                                   {@link Rattlers} (pair force above {@code forceTolerance})
 * @param estimateSmallestEigenvalue whether to run Lanczos for λ̂, the smallest non-zero Hessian
 *                                   eigenvalue (error estimates, and the NOT_A_MINIMUM / SINGULAR checks)
 * @param estimateErrors             whether to compute the first-order error estimates (one loose solve per
 *                                   system and one per sensitivity; see {@link EquilibriumSensitivity});
 *                                   without, the cheaper proxy (‖F(x̂)‖ + ‖r‖)/λ̂ is reported
 * @param lanczosSeed                seed of the random start of the eigenvalue estimate (Lanczos or LOBPCG)
 * @param lanczosSteps               Lanczos steps (≥ 1; memory is steps·d·n doubles)
 * @param forceTolerance             the largest per-particle force norm the minimum was found at (&gt; 0);
 *                                   a larger residual force gives {@link SensitivityStatus#NOT_CONVERGED_MINIMUM}
 * @param hessian                    how the Hessian is applied: {@link HessianKind#ASSEMBLED} (default; a sparse
 *                                   matrix built once at x̂) or {@link HessianKind#MATRIX_FREE}
 * @param preconditioner             preconditioner of the Krylov solves and of LOBPCG, built from the assembled
 *                                   Hessian (assembled for it even when products are matrix-free):
 *                                   {@link PreconditionerKind#TWO_LEVEL} (default: IC(1) plus a coarse solve on the
 *                                   rigid motions of spatial aggregates of particles), INCOMPLETE_CHOLESKY,
 *                                   BLOCK_JACOBI, JACOBI or NONE; IC(0) falls back to block-Jacobi if it cannot be
 *                                   factored. Measured on the 2D paper packing at N = 16384 (CG to 1e-8): none 1339
 *                                   iterations, Jacobi 1202, block-Jacobi 1091, IC(0) 328, two-level 159 (129 with its
 *                                   default IC(1) smoother)
 * @param eigenSolver                estimator of λ̂: {@link EigenSolverKind#LOBPCG} (default; preconditioned, used
 *                                   from {@link EquilibriumSensitivity#LOBPCG_MIN_DIMENSION} coordinates up, Lanczos
 *                                   below) or {@link EigenSolverKind#LANCZOS} ({@code lanczosSteps} steps)
 */
public record SensitivityConfig(SolverKind solver, double relativeTolerance, int maxIterations, double contactThreshold,
                                boolean estimateSmallestEigenvalue, boolean estimateErrors, long lanczosSeed, int lanczosSteps,
                                double forceTolerance, HessianKind hessian, PreconditionerKind preconditioner,
                                EigenSolverKind eigenSolver) {

    /** Default Krylov relative tolerance. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-10;
    /** Default force tolerance (DESIGN.md §4: sensitivity jobs minimize to max force 1e-10). */
    public static final double DEFAULT_FORCE_TOLERANCE = 1e-10;
    /** Default Lanczos steps. */
    public static final int DEFAULT_LANCZOS_STEPS = 300;

    public SensitivityConfig {
        if (solver == null) throw new IllegalArgumentException("solver must not be null");
        if (hessian == null) throw new IllegalArgumentException("hessian kind must not be null");
        if (preconditioner == null) throw new IllegalArgumentException("preconditioner kind must not be null");
        if (eigenSolver == null) throw new IllegalArgumentException("eigen solver kind must not be null");
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in (0, 1), got " + relativeTolerance);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("max iterations must be >= 0 (0 for automatic), got " + maxIterations);
        }
        if (!(contactThreshold >= 0) || !Double.isFinite(contactThreshold)) {
            throw new IllegalArgumentException("contact threshold must be >= 0 and finite (0 for automatic), got "
                    + contactThreshold);
        }
        if (lanczosSteps < 1) throw new IllegalArgumentException("lanczos steps must be >= 1, got " + lanczosSteps);
        if (!(forceTolerance > 0) || !Double.isFinite(forceTolerance)) {
            throw new IllegalArgumentException("force tolerance must be > 0 and finite, got " + forceTolerance);
        }
    }

    /**
     * CG, 1e-10, automatic iteration cap and contact rule, eigenvalue estimate on (LOBPCG, Lanczos with 300 steps
     * on small systems) with its default seed, error estimates on, force tolerance 1e-10, assembled Hessian,
     * two-level preconditioner.
     */
    public static SensitivityConfig defaults() {
        return new SensitivityConfig(SolverKind.CG, DEFAULT_RELATIVE_TOLERANCE, 0, 0.0, true, true,
                LanczosConfig.DEFAULT_SEED, DEFAULT_LANCZOS_STEPS, DEFAULT_FORCE_TOLERANCE, HessianKind.ASSEMBLED,
                PreconditionerKind.TWO_LEVEL, EigenSolverKind.LOBPCG);
    }

    /**
     * The settings before assembled Hessians and preconditioners: matrix-free products, no preconditioner,
     * Lanczos for λ̂ (otherwise {@link #defaults()}).
     */
    public static SensitivityConfig matrixFree() {
        return defaults().withHessian(HessianKind.MATRIX_FREE).withPreconditioner(PreconditionerKind.NONE)
                .withEigenSolver(EigenSolverKind.LANCZOS);
    }

    public SensitivityConfig withHessian(HessianKind h) {
        return new SensitivityConfig(solver, relativeTolerance, maxIterations, contactThreshold,
                estimateSmallestEigenvalue, estimateErrors, lanczosSeed, lanczosSteps, forceTolerance, h,
                preconditioner, eigenSolver);
    }

    public SensitivityConfig withPreconditioner(PreconditionerKind p) {
        return new SensitivityConfig(solver, relativeTolerance, maxIterations, contactThreshold,
                estimateSmallestEigenvalue, estimateErrors, lanczosSeed, lanczosSteps, forceTolerance, hessian,
                p, eigenSolver);
    }

    public SensitivityConfig withEigenSolver(EigenSolverKind e) {
        return new SensitivityConfig(solver, relativeTolerance, maxIterations, contactThreshold,
                estimateSmallestEigenvalue, estimateErrors, lanczosSeed, lanczosSteps, forceTolerance, hessian,
                preconditioner, e);
    }

    public SensitivityConfig withSolver(SolverKind s) {
        return new SensitivityConfig(s, relativeTolerance, maxIterations, contactThreshold,
                estimateSmallestEigenvalue, estimateErrors, lanczosSeed, lanczosSteps,
                forceTolerance, hessian, preconditioner, eigenSolver);
    }

    public SensitivityConfig withRelativeTolerance(double t) {
        return new SensitivityConfig(solver, t, maxIterations, contactThreshold,
                estimateSmallestEigenvalue, estimateErrors, lanczosSeed, lanczosSteps,
                forceTolerance, hessian, preconditioner, eigenSolver);
    }

    public SensitivityConfig withMaxIterations(int m) {
        return new SensitivityConfig(solver, relativeTolerance, m, contactThreshold,
                estimateSmallestEigenvalue, estimateErrors, lanczosSeed, lanczosSteps,
                forceTolerance, hessian, preconditioner, eigenSolver);
    }

    public SensitivityConfig withContactThreshold(double c) {
        return new SensitivityConfig(solver, relativeTolerance, maxIterations, c,
                estimateSmallestEigenvalue, estimateErrors, lanczosSeed, lanczosSteps,
                forceTolerance, hessian, preconditioner, eigenSolver);
    }

    public SensitivityConfig withEigenvalueEstimate(boolean on) {
        return new SensitivityConfig(solver, relativeTolerance, maxIterations, contactThreshold, on,
                estimateErrors, lanczosSeed, lanczosSteps,
                forceTolerance, hessian, preconditioner, eigenSolver);
    }

    public SensitivityConfig withErrorEstimates(boolean on) {
        return new SensitivityConfig(solver, relativeTolerance, maxIterations, contactThreshold,
                estimateSmallestEigenvalue, on, lanczosSeed, lanczosSteps,
                forceTolerance, hessian, preconditioner, eigenSolver);
    }

    public SensitivityConfig withLanczosSeed(long seed) {
        return new SensitivityConfig(solver, relativeTolerance, maxIterations, contactThreshold,
                estimateSmallestEigenvalue, estimateErrors, seed, lanczosSteps,
                forceTolerance, hessian, preconditioner, eigenSolver);
    }

    public SensitivityConfig withLanczosSteps(int steps) {
        return new SensitivityConfig(solver, relativeTolerance, maxIterations, contactThreshold,
                estimateSmallestEigenvalue, estimateErrors, lanczosSeed, steps,
                forceTolerance, hessian, preconditioner, eigenSolver);
    }

    public SensitivityConfig withForceTolerance(double f) {
        return new SensitivityConfig(solver, relativeTolerance, maxIterations, contactThreshold,
                estimateSmallestEigenvalue, estimateErrors, lanczosSeed, lanczosSteps,
                f, hessian, preconditioner, eigenSolver);
    }
}
