package org.mdsens.sensitivity.linalg;

/**
 * Preconditioned conjugate gradient for symmetric positive definite {@code A + ridge·I}, on flat arrays (no
 * allocation per iteration; operators implementing {@link ArrayOperator} are applied without Hipparchus vectors).
 *
 * <p>The recurrence is the one of Hipparchus {@code ConjugateGradient} with its positive-definiteness check on
 * (Barrett et al., Algorithm 3): per iteration z = M⁻¹r, ρ = rᵀz, p = z + (ρ/ρ_prev)p, q = Ap, α = ρ/pᵀq,
 * x += αp, r −= αq; an inner run stops when the recurrence residual ‖r‖ reaches its target.
 *
 * <p>Statuses: {@link SolveStatus#CONVERGED}, {@link SolveStatus#MAX_ITERATIONS}, {@link SolveStatus#INDEFINITE}
 * (pᵀAp ≤ 0, or rᵀM⁻¹r ≤ 0 for a preconditioner that is not positive definite: use {@link MinresSolver}),
 * {@link SolveStatus#NON_FINITE}, and {@link SolveStatus#BREAKDOWN} when the true residual stagnates above the
 * tolerance. The last iterate is kept. The recurrence residual decides when an inner run stops; the explicit
 * residual decides convergence, and a run whose explicit residual is still too large is restarted from its iterate
 * (iterative refinement, at most a few times).
 *
 * <p>The operator must be symmetric; this is not checked. With a Jacobi diagonal, {@code d_i + ridge > 0} is
 * required; a {@link Preconditioner} must be symmetric positive definite (on the range the operator works in).
 * Immutable and thread-safe. Reference: Hestenes &amp; Stiefel (1952); Barrett et al., <i>Templates for the
 * Solution of Linear Systems</i> (1994).
 */
public final class ConjugateGradientSolver extends KrylovSolverBase {

    /** @param config tolerance, iteration cap, ridge and optional Jacobi diagonal */
    public ConjugateGradientSolver(SolverConfig config) {
        super(config);
    }

    /** @return a solver with {@link SolverConfig#defaults()} */
    public static ConjugateGradientSolver withDefaults() { return new ConjugateGradientSolver(SolverConfig.defaults()); }

    @Override public String name() { return "CG"; }

    @Override public ConjugateGradientSolver withConfig(SolverConfig newConfig) { return new ConjugateGradientSolver(newConfig); }

    @Override boolean needsPositivePreconditioner() { return true; }

    @Override Inner inner(SystemOperator op, double[] r, double residualNorm, double target, int budget, Run run) {
        final int n = r.length;
        final double[] x = run.correction;
        final double[] res = r.clone();
        final double[] z = new double[n];
        final double[] p = new double[n];
        final double[] q = new double[n];
        final boolean preconditioned = op.preconditioned();
        double rhoPrevious = 0;
        for (int it = 1; it <= budget; it++) {
            double[] zz = res;
            if (preconditioned) {
                op.precondition(res, z);
                zz = z;
            }
            double rho = Vectors.dot(res, zz);
            if (Double.isNaN(rho)) {
                run.iterations = it;
                return Inner.NON_FINITE;
            }
            if (!(rho > 0)) {
                run.iterations = it;
                return Inner.INDEFINITE;
            }
            if (it == 1) {
                System.arraycopy(zz, 0, p, 0, n);
            } else {
                double beta = rho / rhoPrevious;
                for (int i = 0; i < n; i++) {
                    p[i] = zz[i] + beta * p[i];
                }
            }
            op.apply(p, q);
            double pq = Vectors.dot(p, q);
            run.iterations = it;
            if (Double.isNaN(pq)) {
                return Inner.NON_FINITE;
            }
            if (!(pq > 0)) {
                return Inner.INDEFINITE;
            }
            double alpha = rho / pq;
            double rr = 0, rr1 = 0;   // two partial sums: half the dependency chain
            int i = 0;
            for (; i + 1 < n; i += 2) {
                x[i] += alpha * p[i];
                x[i + 1] += alpha * p[i + 1];
                double ri = res[i] - alpha * q[i];
                double rj = res[i + 1] - alpha * q[i + 1];
                res[i] = ri;
                res[i + 1] = rj;
                rr += ri * ri;
                rr1 += rj * rj;
            }
            for (; i < n; i++) {
                x[i] += alpha * p[i];
                double ri = res[i] - alpha * q[i];
                res[i] = ri;
                rr += ri * ri;
            }
            rr += rr1;
            rhoPrevious = rho;
            double rNorm = Math.sqrt(rr);
            if (!Double.isFinite(rNorm)) {
                return Inner.NON_FINITE;
            }
            if (rNorm <= target) {
                return Inner.TARGET_REACHED;
            }
        }
        return Inner.BUDGET_EXHAUSTED;
    }
}
