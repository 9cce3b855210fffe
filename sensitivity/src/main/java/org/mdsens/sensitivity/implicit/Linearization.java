package org.mdsens.sensitivity.implicit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mdsens.sensitivity.condition.OptimalityCondition;
import org.mdsens.sensitivity.linalg.EigenEstimate;
import org.mdsens.sensitivity.linalg.LanczosEigenSolver;
import org.mdsens.sensitivity.linalg.LinearSolver;
import org.mdsens.sensitivity.linalg.MatrixFreeOperator;
import org.mdsens.sensitivity.linalg.Projector;
import org.mdsens.sensitivity.linalg.SolveResult;
import org.mdsens.sensitivity.linalg.SolveStatus;

/**
 * An {@link OptimalityCondition} linearized at one point (x̂, θ), for several implicit products there: JVPs,
 * VJPs and the Jacobian share ‖F(x̂)‖ (evaluated at construction) and λ̂ (estimated on first use). Obtained from
 * {@link ImplicitDifferentiation#at}.
 *
 * <p>Not thread-safe: λ̂ is computed lazily; use one per thread (products themselves allocate their own work).
 */
public final class Linearization {

    private final ImplicitDifferentiation settings;
    private final OptimalityCondition condition;
    private final double[] x;
    private final double[] theta;
    private final int n;
    private final int p;
    private final double conditionResidualNorm;
    private final MatrixFreeOperator forward;
    private final MatrixFreeOperator transpose;
    private double eigenvalue = Double.NaN;
    private boolean eigenvalueDone;

    Linearization(ImplicitDifferentiation settings, OptimalityCondition condition, double[] xStar, double[] theta) {
        this.settings = settings;
        this.condition = Objects.requireNonNull(condition, "condition");
        this.n = condition.dimension();
        this.p = condition.parameterCount();
        requireFinite("xStar", xStar, n);
        requireFinite("theta", theta, p);
        this.x = xStar.clone();
        this.theta = theta.clone();
        double[] f = new double[n];
        condition.residual(x, this.theta, f);
        this.conditionResidualNorm = norm(f);
        Projector proj = settings.projector();
        this.forward = new MatrixFreeOperator(n, (v, out) -> projected(v, out, proj, true), null);
        this.transpose = condition.symmetric() ? forward
                : new MatrixFreeOperator(n, (v, out) -> projected(v, out, proj, false), null);
    }

    private static void requireFinite(String what, double[] a, int length) {
        Objects.requireNonNull(a, what);
        if (a.length != length) {
            throw new IllegalArgumentException(what + " length must be " + length + ", got " + a.length);
        }
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] must be finite, got " + a[i]);
            }
        }
    }

    /** out = P·A·P·v (or with Aᵀ); without a projector, A·v. */
    private void projected(double[] v, double[] out, Projector proj, boolean forwardProduct) {
        double[] in = v;
        if (proj != null) {
            in = v.clone();
            proj.project(in);
        }
        if (forwardProduct) {
            condition.jvpX(x, theta, in, out);
        } else {
            condition.vjpX(x, theta, in, out);
        }
        if (proj != null) {
            proj.project(out);
        }
    }

    /** @return the condition */
    public OptimalityCondition condition() { return condition; }

    /** @return a copy of x̂ */
    public double[] xStar() { return x.clone(); }

    /** @return a copy of θ */
    public double[] theta() { return theta.clone(); }

    /** @return ‖F(x̂, θ)‖ */
    public double conditionResidualNorm() { return conditionResidualNorm; }

    /**
     * @return λ̂ per the {@link EigenvalueEstimation} setting (computed on first call): the smallest Ritz value
     *         magnitude of P·∂ₓF·P for a symmetric condition, √λ_min(P·∂ₓFᵀ∂ₓF·P) for a nonsymmetric one when
     *         the scope allows; NaN if not estimated or if the Lanczos run was non-finite
     */
    public double eigenvalueEstimate() {
        if (!eigenvalueDone) {
            eigenvalue = estimateEigenvalue();
            eigenvalueDone = true;
        }
        return eigenvalue;
    }

    private double estimateEigenvalue() {
        EigenvalueEstimation e = settings.eigenvalueEstimation();
        if (e instanceof EigenvalueEstimation.Given g) {
            return g.smallestMagnitude();
        }
        if (!(e instanceof EigenvalueEstimation.Lanczos l)) {
            return Double.NaN;
        }
        LanczosEigenSolver lanczos = new LanczosEigenSolver(l.config());
        if (condition.symmetric()) {
            EigenEstimate est = lanczos.smallest(forward, settings.projector());
            return est.status() == SolveStatus.NON_FINITE ? Double.NaN : est.smallestMagnitude();
        }
        if (l.scope() != EigenvalueEstimation.Scope.ALL) {
            return Double.NaN;
        }
        Projector proj = settings.projector();
        MatrixFreeOperator normal = MatrixFreeOperator.symmetric(n, (v, out) -> {
            double[] av = new double[n];
            projected(v, av, proj, true);
            projected(av, out, proj, false);
        });
        EigenEstimate est = lanczos.smallest(normal, settings.projector());
        if (est.status() == SolveStatus.NON_FINITE) {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0.0, est.eigenvalue()));
    }

    /**
     * The implicit JVP: solves ∂ₓF·u = −∂_θF·dθ (with the projector, on its range).
     *
     * @param dTheta parameter direction, length p
     * @return dx* = (dx⋆/dθ)·dθ with its report
     */
    public JvpResult jvp(double[] dTheta) {
        requireFinite("dTheta", dTheta, p);
        double[] rhs = new double[n];
        condition.jvpTheta(x, theta, dTheta, rhs);
        for (int i = 0; i < n; i++) {
            rhs[i] = -rhs[i];
        }
        Solved s = solve(forward, rhs);
        return new JvpResult(s.solution, s.report);
    }

    /**
     * The implicit VJP: solves ∂ₓFᵀλ = w (w projected first) and returns −∂_θFᵀλ.
     *
     * @param w cotangent on x*, e.g. ∇ₓL for a loss L, length n
     * @return the cotangent on θ (add ∂_θL for dL/dθ), the adjoint λ and the report
     */
    public VjpResult vjp(double[] w) {
        requireFinite("w", w, n);
        Solved s = solve(transpose, w.clone());
        double[] cot = new double[p];
        if (p > 0) {
            condition.vjpTheta(x, theta, s.solution, cot);
        }
        for (int j = 0; j < p; j++) {
            cot[j] = -cot[j];
        }
        return new VjpResult(cot, s.solution, s.report);
    }

    /** @return dx⋆/dθ by p JVPs (column j for dθ = e_j) */
    public JacobianResult jacobian() {
        double[][] columns = new double[p][];
        List<SolveReport> reports = new ArrayList<>(p);
        double[] e = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = 1.0;
            JvpResult r = jvp(e);
            e[j] = 0.0;
            columns[j] = r.tangent();
            reports.add(r.report());
        }
        return new JacobianResult(columns, reports,
                SolveReport.summarize(reports, conditionResidualNorm, p == 0 ? Double.NaN : eigenvalueEstimate()));
    }

    private record Solved(double[] solution, SolveReport report) {
    }

    /** Projects rhs (in place), solves with the configured solver (CG → MINRES on INDEFINITE), projects the solution. */
    private Solved solve(MatrixFreeOperator a, double[] rhs) {
        Projector proj = settings.projector();
        if (proj != null) {
            proj.project(rhs);
        }
        LinearSolver solver = condition.symmetric() ? settings.symmetricSolver() : settings.generalSolver();
        SolveResult r = solver.solve(a, rhs, null);
        String name = solver.name();
        int iterations = r.iterations();
        int applications = r.operatorApplications();
        if (r.status() == SolveStatus.INDEFINITE && condition.symmetric()) {
            LinearSolver fallback = settings.indefiniteFallback();
            if (fallback != null) {
                r = fallback.solve(a, rhs, null);
                name = name + "→" + fallback.name();
                iterations += r.iterations();
                applications += r.operatorApplications();
            }
        }
        double[] u = r.x();
        if (proj != null) {
            proj.project(u);
        }
        double lambda = eigenvalueEstimate();
        double ridge = solver.config().ridge();
        double error = Double.NaN;
        if (!Double.isNaN(lambda)) {
            double numerator = conditionResidualNorm + r.residualNorm() + ridge * norm(u);
            error = lambda > 0 ? numerator / lambda : Double.POSITIVE_INFINITY;
        }
        return new Solved(u, new SolveReport(r.status(), name, iterations, applications, r.relativeResidual(),
                r.residualNorm(), conditionResidualNorm, lambda, error));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }

    @Override public String toString() {
        return "Linearization[" + condition + ", ‖F(x̂)‖=" + conditionResidualNorm + "]";
    }
}
