package org.mdsens.sensitivity.linalg;

/**
 * Restarted GMRES(m) for general (nonsymmetric) {@code A + ridge·I} (Saad &amp; Schultz, SIAM J. Sci. Stat. Comput.
 * 7, 856–869, 1986), with an optional right Jacobi preconditioner.
 *
 * <p>Arnoldi by modified Gram–Schmidt with a second (re)orthogonalization pass whenever the first pass cancels
 * more than 1 − 1/√2 of the vector's norm ("twice is enough", Kahan–Parlett); the Hessenberg least-squares problem is
 * kept in QR form by Givens rotations, so the residual norm of every step is known without extra products. Right
 * preconditioning ({@code A M⁻¹ y = r, x = M⁻¹ y}) keeps that residual the true Euclidean residual. After each cycle
 * of at most m steps the residual is recomputed explicitly and the method restarts from the iterate.
 *
 * <p>Statuses: {@link SolveStatus#CONVERGED}, {@link SolveStatus#MAX_ITERATIONS}, {@link SolveStatus#NON_FINITE},
 * {@link SolveStatus#BREAKDOWN} (a whole cycle without residual reduction, i.e. GMRES(m) stagnation, or an invariant
 * Krylov subspace on an inconsistent singular system). Near such a subspace the last triangular pivot R(j, j) is
 * round-off: a step with R(j, j) ≤ 1e-13·max R(i, i) is never used, and when the last pivot of a cycle is below
 * 1e-4·max R(i, i) the iterate with and without that step are compared by their true residuals (two extra products)
 * and the better one kept; dropping it reports BREAKDOWN, so the iterate stays the least-squares solution of the
 * previous steps. Immutable and thread-safe; O((m + 3)·n) memory per call.
 */
public final class GmresSolver extends KrylovSolverBase {

    /** Default restart length m. */
    public static final int DEFAULT_RESTART = 30;

    private static final double BREAKDOWN_RATIO = 1e-14;
    private static final double SINGULAR_PIVOT_RATIO = 1e-13;
    private static final double SUSPICIOUS_PIVOT_RATIO = 1e-4;
    private static final double REORTHOGONALIZE_RATIO = 1.0 / Math.sqrt(2.0);

    private final int restart;

    /**
     * @param config  tolerance, iteration cap, ridge and optional Jacobi diagonal
     * @param restart restart length m ≥ 1 (Krylov vectors kept per cycle)
     */
    public GmresSolver(SolverConfig config, int restart) {
        super(config);
        if (restart < 1) {
            throw new IllegalArgumentException("restart must be >= 1, got " + restart);
        }
        this.restart = restart;
    }

    /** @param config settings; restart {@value #DEFAULT_RESTART} */
    public GmresSolver(SolverConfig config) {
        this(config, DEFAULT_RESTART);
    }

    /** @return a solver with {@link SolverConfig#defaults()} and restart {@value #DEFAULT_RESTART} */
    public static GmresSolver withDefaults() { return new GmresSolver(SolverConfig.defaults()); }

    /** @return the restart length m */
    public int restart() { return restart; }

    @Override public String name() { return "GMRES(" + restart + ")"; }

    @Override public GmresSolver withConfig(SolverConfig newConfig) { return new GmresSolver(newConfig, restart); }

    @Override boolean needsPositivePreconditioner() { return false; }

    @Override Inner inner(SystemOperator op, double[] r, double residualNorm, double target, int budget, Run run) {
        int n = r.length;
        int m = Math.min(restart, Math.min(budget, n));
        double[][] v = new double[m + 1][];
        double[][] h = new double[m][m + 1]; // h[j][i] = H(i, j), column-major Hessenberg
        double[] cs = new double[m];
        double[] sn = new double[m];
        double[] g = new double[m + 1];
        double[] z = new double[n];

        v[0] = r.clone();
        Vectors.scale(1.0 / residualNorm, v[0]);
        g[0] = residualNorm;
        int k = 0;
        double maxPivot = 0;
        Inner outcome = Inner.CYCLE_END;
        for (int j = 0; j < m; j++) {
            double[] w = new double[n];
            op.precondition(v[j], z);
            op.apply(z, w);
            double before = Vectors.norm(w);
            double[] hj = h[j];
            for (int i = 0; i <= j; i++) {
                double c = Vectors.dot(v[i], w);
                hj[i] = c;
                Vectors.axpy(-c, v[i], w);
            }
            double after = Vectors.norm(w);
            if (after < REORTHOGONALIZE_RATIO * before) {
                for (int i = 0; i <= j; i++) {
                    double c = Vectors.dot(v[i], w);
                    hj[i] += c;
                    Vectors.axpy(-c, v[i], w);
                }
                after = Vectors.norm(w);
            }
            hj[j + 1] = after;
            // apply the previous rotations to the new column, then a new rotation zeroing H(j+1, j)
            for (int i = 0; i < j; i++) {
                double a = hj[i];
                double b = hj[i + 1];
                hj[i] = cs[i] * a + sn[i] * b;
                hj[i + 1] = -sn[i] * a + cs[i] * b;
            }
            double rho = Math.hypot(hj[j], hj[j + 1]);
            if (!(rho > SINGULAR_PIVOT_RATIO * maxPivot)) {
                // R(j, j) ≈ 0: the Krylov space is (nearly) invariant and A is singular on it (an inconsistent
                // singular system); using this step would divide by round-off, so stop before it
                run.iterations++;
                outcome = Double.isNaN(rho) ? Inner.NON_FINITE : Inner.BREAKDOWN;
                break;
            }
            maxPivot = Math.max(maxPivot, rho);
            cs[j] = hj[j] / rho;
            sn[j] = hj[j + 1] / rho;
            hj[j] = rho;
            hj[j + 1] = 0;
            g[j + 1] = -sn[j] * g[j];
            g[j] = cs[j] * g[j];
            run.iterations++;
            k = j + 1;

            if (!Double.isFinite(g[j + 1]) || !Double.isFinite(rho) || !Double.isFinite(after)) {
                return Inner.NON_FINITE;
            }
            if (Math.abs(g[j + 1]) <= target) {
                outcome = Inner.TARGET_REACHED;
                break;
            }
            if (after <= BREAKDOWN_RATIO * before || after == 0) {
                outcome = Inner.BREAKDOWN; // invariant Krylov subspace ("lucky" only if the system is consistent)
                break;
            }
            if (run.iterations >= budget) {
                outcome = Inner.BUDGET_EXHAUSTED;
                break;
            }
            Vectors.scale(1.0 / after, w);
            v[j + 1] = w;
        }
        combine(op, v, h, g, k, run.correction);
        if (k > 1 && Math.abs(h[k - 1][k - 1]) < SUSPICIOUS_PIVOT_RATIO * maxPivot) {
            // a small last pivot: near an invariant subspace on which A may be singular (an inconsistent system),
            // where that step divides by round-off. Keep whichever of k and k − 1 steps has the smaller true residual.
            double[] shorter = new double[n];
            combine(op, v, h, g, k - 1, shorter);
            if (correctionResidual(op, r, shorter) < correctionResidual(op, r, run.correction)) {
                System.arraycopy(shorter, 0, run.correction, 0, n);
                outcome = Inner.BREAKDOWN;
            }
        }
        return outcome;
    }

    /** e = M⁻¹ V_k y with R_k y = g_k (back substitution on the first k columns). */
    private static void combine(SystemOperator op, double[][] v, double[][] h, double[] g, int k, double[] e) {
        double[] y = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = g[i];
            for (int c = i + 1; c < k; c++) {
                s -= h[c][i] * y[c];
            }
            y[i] = s / h[i][i];
        }
        double[] update = new double[e.length];
        for (int i = 0; i < k; i++) {
            Vectors.axpy(y[i], v[i], update);
        }
        op.precondition(update, e);
    }

    /** ‖r − A e‖ */
    private static double correctionResidual(SystemOperator op, double[] r, double[] e) {
        double[] ae = new double[r.length];
        op.apply(e, ae);
        for (int i = 0; i < r.length; i++) {
            ae[i] = r[i] - ae[i];
        }
        return Vectors.norm(ae);
    }
}
