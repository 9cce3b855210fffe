package org.mdsens.sensitivity.linalg;

/**
 * MINRES for symmetric, possibly indefinite {@code A + ridge·I} (Paige &amp; Saunders, SIAM J. Numer. Anal. 12,
 * 617–629, 1975), with an optional symmetric positive definite Jacobi preconditioner.
 *
 * <p>Each iteration is one Lanczos step plus a Givens rotation; the iterate minimizes the (preconditioned)
 * residual norm over the Krylov space, so the residual never grows. Without a preconditioner the recurrence
 * residual is the Euclidean residual; with one it is the M⁻¹-norm, rescaled to the Euclidean target. Either way the
 * explicit residual decides convergence, and a run whose explicit residual is still too large is restarted from its
 * iterate (at most a few times).
 *
 * <p>Statuses: {@link SolveStatus#CONVERGED}, {@link SolveStatus#MAX_ITERATIONS}, {@link SolveStatus#NON_FINITE},
 * {@link SolveStatus#BREAKDOWN} (the Lanczos process found an invariant subspace without solving the system; a
 * least-squares solution of an inconsistent singular system was reached, ‖A·r‖ ≤ 1e-8·‖A‖·‖r‖ (so a consistent system with κ(A) beyond ~1e8 may also stop here: use CG or GMRES for those); the condition
 * estimate exceeded 0.1/ε; or the residual stagnates). On a singular consistent system (right-hand side in
 * the range) MINRES converges. The operator must be symmetric (not checked); the preconditioner needs
 * {@code d_i + ridge > 0}. Immutable and thread-safe; O(7n) memory per call.
 */
public final class MinresSolver extends KrylovSolverBase {

    private static final double EPS = Math.ulp(1.0);
    /** ‖A·r‖/(‖A‖·‖r‖) below which the iterate is taken as a least-squares solution (inconsistent system). */
    private static final double LEAST_SQUARES_TOLERANCE = 1e-8;

    /** @param config tolerance, iteration cap, ridge and optional Jacobi diagonal */
    public MinresSolver(SolverConfig config) {
        super(config);
    }

    /** @return a solver with {@link SolverConfig#defaults()} */
    public static MinresSolver withDefaults() { return new MinresSolver(SolverConfig.defaults()); }

    @Override public String name() { return "MINRES"; }

    @Override public MinresSolver withConfig(SolverConfig newConfig) { return new MinresSolver(newConfig); }

    @Override boolean needsPositivePreconditioner() { return true; }

    @Override Inner inner(SystemOperator op, double[] r, double residualNorm, double target, int budget, Run run) {
        int n = r.length;
        double[] e = run.correction;
        double[] r1 = r.clone();
        double[] r2 = r.clone();
        double[] y = new double[n];
        double[] v = new double[n];
        double[] w = new double[n];
        double[] w1 = new double[n];
        double[] w2 = new double[n];
        op.precondition(r1, y);
        double beta1 = Vectors.dot(r1, y);
        if (Double.isNaN(beta1)) {
            return Inner.NON_FINITE;
        }
        if (!(beta1 > 0)) {
            return Inner.BREAKDOWN;
        }
        beta1 = Math.sqrt(beta1);
        double nativeTarget = target * (beta1 / residualNorm);

        double oldb = 0;
        double beta = beta1;
        double dbar = 0;
        double epsln = 0;
        double phibar = beta1;
        double cs = -1;
        double sn = 0;
        double tnorm2 = 0;
        double gmax = 0;
        double gmin = Double.MAX_VALUE;
        for (int itn = 1; itn <= budget; itn++) {
            // Lanczos step: v = y/β, y = A v − (β/β_old) r1 − (α/β) r2
            double s = 1.0 / beta;
            for (int i = 0; i < n; i++) {
                v[i] = s * y[i];
            }
            op.apply(v, y);
            if (itn >= 2) {
                Vectors.axpy(-beta / oldb, r1, y);
            }
            double alfa = Vectors.dot(v, y);
            Vectors.axpy(-alfa / beta, r2, y);
            double[] t = r1;
            r1 = r2;
            r2 = y;
            y = t;
            op.precondition(r2, y);
            oldb = beta;
            beta = Vectors.dot(r2, y);
            if (!(beta >= 0)) {
                run.iterations = itn;
                return Double.isNaN(beta) ? Inner.NON_FINITE : Inner.BREAKDOWN;
            }
            beta = Math.sqrt(beta);
            tnorm2 += alfa * alfa + oldb * oldb + beta * beta;

            // apply the previous rotation, then compute and apply the new one
            double oldeps = epsln;
            double delta = cs * dbar + sn * alfa;
            double gbar = sn * dbar - cs * alfa;
            epsln = sn * beta;
            dbar = -cs * beta;
            double root = Math.hypot(gbar, dbar); // ‖A r_{k−1}‖ / ‖r_{k−1}‖ for the previous iterate
            double gamma = Math.max(Math.hypot(gbar, beta), EPS);
            cs = gbar / gamma;
            sn = beta / gamma;
            double phi = cs * phibar;
            phibar = sn * phibar;

            // update the search direction and the iterate
            double denom = 1.0 / gamma;
            t = w1;
            w1 = w2;
            w2 = w;
            w = t;
            for (int i = 0; i < n; i++) {
                w[i] = (v[i] - oldeps * w1[i] - delta * w2[i]) * denom;
            }
            Vectors.axpy(phi, w, e);
            run.iterations = itn;
            gmax = Math.max(gmax, gamma);
            gmin = Math.min(gmin, gamma);

            if (!Double.isFinite(phibar) || !Double.isFinite(phi) || !Double.isFinite(alfa)) {
                return Inner.NON_FINITE;
            }
            if (phibar <= nativeTarget) {
                return Inner.TARGET_REACHED;
            }
            if (beta <= EPS * Math.sqrt(tnorm2)) {
                return Inner.BREAKDOWN; // invariant Krylov subspace: nothing more to gain
            }
            // Paige–Saunders tests for singular systems: a least-squares solution (‖Ar‖ ≈ 0 with r ≠ 0: the system
            // is inconsistent), or an estimated condition number beyond working precision (iterates would diverge)
            double aNorm = Math.sqrt(tnorm2);
            if (itn > 1 && root <= LEAST_SQUARES_TOLERANCE * aNorm) {
                return Inner.BREAKDOWN;
            }
            if (gmax / gmin >= 0.1 / EPS) {
                return Inner.BREAKDOWN;
            }
        }
        return Inner.BUDGET_EXHAUSTED;
    }
}
