package org.mdsens.md.minimize;

/**
 * Steepest descent with a backtracking (Armijo) step and step growth: x ← x + α F, F = −∇E.
 *
 * <p>Each iteration tries α = min(α_prev·{@value #GROWTH}, α_max), α_max = d_max / max_i|F_i|
 * (d_max = {@link MinimizerConfig#maxStep()}, per-particle norms, so no particle moves further
 * than d_max), and halves α until sufficient decrease holds; the first α is
 * {@link MinimizerConfig#timestep()}. Sufficient decrease is Armijo's
 * E(x + αF) ≤ E(x) − c₁α|F|², c₁ = 1e-4, while the energy change is resolved, and the
 * gradient-only quadratic-model test −F(x + αF)·F ≤ (1 − 2c₁)|F|² when the change is within the
 * round-off bound {@link LbfgsMinimizer#roundoffBound(double, int)} (the same rule as
 * {@link LbfgsMinimizer}); accepted steps therefore never raise the energy by more than that
 * bound.
 *
 * <p>Steepest descent converges linearly with rate ≈ 1 − 2/κ (κ the Hessian condition number):
 * fine for well-conditioned problems and as a reference, slow on ill-conditioned ones (a
 * Rosenbrock valley, a glass): prefer FIRE or L-BFGS there, or use a looser tolerance.
 *
 * <p>Statuses: {@link Status#CONVERGED}, {@link Status#MAX_ITERATIONS},
 * {@link Status#LINE_SEARCH_FAILED} after {@value #MAX_BACKTRACKS} halvings without sufficient
 * decrease, {@link Status#STAGNATED} when the step falls below round-off relative to the
 * positions (positions restored to the last accepted iterate in both cases) or when
 * {@value #STAGNATION_WINDOW} consecutive accepted iterations change the energy by no more than
 * the round-off bound without lowering the best max force,
 * {@link Status#NON_FINITE} (positions of the offending evaluation), {@link Status#CANCELLED}.
 * Positions and forces xyz-interleaved, length d·N. Mutable (workspaces per size): one
 * instance per thread.
 *
 * <p>Reference: J. Nocedal, S. J. Wright, Numerical Optimization, 2nd ed., Alg. 3.1 (2006).
 */
public final class GradientDescentMinimizer implements Minimizer {

    /** Armijo constant c₁. */
    public static final double C1 = 1e-4;
    /** Step growth factor after an accepted step. */
    public static final double GROWTH = 1.2;
    /** Step shrink factor on a rejected trial. */
    public static final double SHRINK = 0.5;
    /** Rejected trials allowed within one iteration. */
    public static final int MAX_BACKTRACKS = 60;
    /**
     * Consecutive accepted iterations with an unresolved energy change and no new lowest max
     * force after which the run is {@link Status#STAGNATED} (the force noise floor was reached).
     */
    public static final int STAGNATION_WINDOW = 1000;

    private final MinimizerConfig config;
    private double[] x0 = new double[0];
    private double[] f0 = new double[0];
    private double[] fTrial = new double[0];

    /** Gradient descent; {@code config.algorithm()} is not consulted. */
    public GradientDescentMinimizer(MinimizerConfig config) {
        if (config == null) throw new IllegalArgumentException("config must not be null");
        this.config = config;
    }

    public MinimizerConfig config() { return config; }

    @Override
    public MinimizationResult minimize(PotentialSurface surface, MinimizationListener listener) {
        Progress run = new Progress(surface, listener, config);
        final int n = surface.size();
        final int d = surface.dimension();
        final int len = n * d;
        if (x0.length != len) {
            x0 = new double[len];
            f0 = new double[len];
            fTrial = new double[len];
        }
        final double[] x = surface.positions();

        Status early = run.begin(f0);
        if (early != null) return run.finish(early);
        double e0 = run.energy;
        System.arraycopy(x, 0, x0, 0, len);

        double alpha = config.timestep();
        while (true) {
            Status stop = run.interruption();
            if (stop != null) return run.finish(stop);

            double dphi0 = -Vectors.dotCompensated(f0, f0, len);
            double bound = LineSearchConditions.roundoffBound(e0, n);
            double fAbsMax = Vectors.maxAbs(f0, len);
            double xAbsMax = Vectors.maxAbs(x0, len);
            double a = Math.min(alpha, config.maxStep() / run.maxForce);
            double e;
            int rejected = 0;
            while (true) {
                if (Vectors.stepUnderflows(a, fAbsMax, xAbsMax)) {
                    System.arraycopy(x0, 0, x, 0, len);
                    return run.finish(Status.STAGNATED);
                }
                for (int k = 0; k < len; k++) x[k] = x0[k] + a * f0[k];
                e = run.evaluate(fTrial);
                if (!run.finite(e)) return run.finish(Status.NON_FINITE, e, run.lastMaxForce);
                double dphi = -Vectors.dotCompensated(fTrial, f0, len);
                if (LineSearchConditions.sufficientDecrease(e0, dphi0, a, e, dphi, bound, C1)) break;
                if (++rejected > MAX_BACKTRACKS) {
                    System.arraycopy(x0, 0, x, 0, len);
                    return run.finish(Status.LINE_SEARCH_FAILED);
                }
                a *= SHRINK;
            }
            alpha = a * GROWTH;
            int stall = run.stalledSteps(e - e0, bound);
            System.arraycopy(x, 0, x0, 0, len);
            double[] t = f0;
            f0 = fTrial;
            fTrial = t;
            e0 = e;
            run.accept(e, run.lastMaxForce);
            if (run.converged()) return run.finish(Status.CONVERGED);
            if (stall >= STAGNATION_WINDOW) return run.finish(Status.STAGNATED);
        }
    }

    @Override public String toString() {
        return "GradientDescentMinimizer[" + config + "]";
    }
}
