package org.mdsens.sensitivity.linalg;

import java.util.Objects;

import org.hipparchus.linear.RealLinearOperator;

/**
 * The part every Krylov solver shares: validation, the {@code b = 0} case, the explicit residual, and an outer
 * loop that restarts the method from the current iterate (iterative refinement for CG and MINRES, the restart
 * cycle for GMRES) until the <em>explicit</em> residual meets the tolerance, the budget is spent, or no progress
 * is made.
 */
abstract class KrylovSolverBase implements LinearSolver {

    /** Refinement restarts allowed after the recurrence claimed convergence but the explicit residual did not. */
    private static final int MAX_REFINEMENTS = 5;

    /** What one inner run reports to the outer loop. */
    enum Inner { TARGET_REACHED, CYCLE_END, BUDGET_EXHAUSTED, BREAKDOWN, INDEFINITE, NON_FINITE }

    /** Scratch for one inner run: the correction and the number of iterations it used. */
    static final class Run {
        final double[] correction;
        int iterations;

        Run(int n) { correction = new double[n]; }
    }

    protected final SolverConfig config;

    KrylovSolverBase(SolverConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override public final SolverConfig config() { return config; }

    /** @return {@code true} if the method needs {@code d_i + ridge > 0} (a positive definite preconditioner) */
    abstract boolean needsPositivePreconditioner();

    /**
     * One inner run on {@code A e = r} from {@code e = 0}, stopping when its own residual estimate drops to
     * {@code target} (absolute, Euclidean) or after {@code budget} iterations.
     */
    abstract Inner inner(SystemOperator op, double[] r, double residualNorm, double target, int budget, Run run);

    @Override public final SolveResult solve(RealLinearOperator a, double[] b, double[] x0OrNull) {
        return solve(a, b, x0OrNull, null);
    }

    @Override public final SolveResult solve(RealLinearOperator a, double[] b, double[] x0OrNull,
                                             Preconditioner preconditionerOrNull) {
        Objects.requireNonNull(a, "operator");
        Objects.requireNonNull(b, "b");
        int n = a.getRowDimension();
        if (a.getColumnDimension() != n) {
            throw new IllegalArgumentException("operator must be square, got " + n + " x " + a.getColumnDimension());
        }
        if (b.length != n) {
            throw new IllegalArgumentException("b length must be " + n + ", got " + b.length);
        }
        if (x0OrNull != null) {
            if (x0OrNull.length != n) {
                throw new IllegalArgumentException("x0 length must be " + n + ", got " + x0OrNull.length);
            }
            if (!Vectors.allFinite(x0OrNull)) {
                throw new IllegalArgumentException("x0 must be finite, got a NaN or infinite entry");
            }
        }
        double[] d = config.diagonalRef();
        if (d != null && preconditionerOrNull != null) {
            throw new IllegalArgumentException("a preconditioner must not be given together with a Jacobi diagonal "
                    + "in the config, got both");
        }
        if (d != null) {
            if (d.length != n) {
                throw new IllegalArgumentException("jacobiDiagonal length must be " + n + ", got " + d.length);
            }
            if (needsPositivePreconditioner()) {
                for (int i = 0; i < n; i++) {
                    if (!(d[i] + config.ridge() > 0)) {
                        throw new IllegalArgumentException(name() + " needs jacobiDiagonal[" + i
                                + "] + ridge > 0 (positive definite preconditioner), got " + (d[i] + config.ridge()));
                    }
                }
            }
        }

        double bNorm = Vectors.norm(b);
        if (!Double.isFinite(bNorm)) {
            double[] x = x0OrNull == null ? new double[n] : x0OrNull.clone();
            return new SolveResult(x, SolveStatus.NON_FINITE, 0, 0, Double.NaN, Double.NaN);
        }
        if (bNorm == 0) {
            return new SolveResult(new double[n], SolveStatus.CONVERGED, 0, 0, 0.0, 0.0);
        }

        SystemOperator op = new SystemOperator(a, config, preconditionerOrNull);
        double[] x = x0OrNull == null ? new double[n] : x0OrNull.clone();
        double[] r = new double[n];
        double[] work = new double[n];
        double rNorm = op.residual(b, x, r, work);
        double target = config.relativeTolerance() * bNorm;
        int maxIterations = config.maxIterations();
        int iterations = 0;
        int refinements = 0;
        Run run = new Run(n);
        SolveStatus status;
        while (true) {
            if (!Double.isFinite(rNorm)) {
                status = SolveStatus.NON_FINITE;
                break;
            }
            if (rNorm <= target) {
                status = SolveStatus.CONVERGED;
                break;
            }
            if (iterations >= maxIterations) {
                status = SolveStatus.MAX_ITERATIONS;
                break;
            }
            java.util.Arrays.fill(run.correction, 0.0);
            run.iterations = 0;
            Inner outcome = inner(op, r, rNorm, target, maxIterations - iterations, run);
            iterations += run.iterations;
            if (Vectors.allFinite(run.correction)) {
                Vectors.axpy(1.0, run.correction, x);
            } else if (outcome != Inner.NON_FINITE) {
                outcome = Inner.NON_FINITE;
            }
            double previous = rNorm;
            rNorm = op.residual(b, x, r, work);
            if (Double.isFinite(rNorm) && rNorm <= target) {
                status = SolveStatus.CONVERGED;
                break;
            }
            if (outcome == Inner.NON_FINITE || !Double.isFinite(rNorm)) {
                status = SolveStatus.NON_FINITE;
                break;
            }
            if (outcome == Inner.INDEFINITE) {
                status = SolveStatus.INDEFINITE;
                break;
            }
            if (outcome == Inner.BREAKDOWN) {
                status = SolveStatus.BREAKDOWN;
                break;
            }
            if (run.iterations == 0) {
                status = SolveStatus.BREAKDOWN; // no step was possible: never loop without progress
                break;
            }
            if (outcome == Inner.TARGET_REACHED) {
                // the recurrence claimed convergence but the explicit residual disagrees: refine, unless stagnating
                refinements++;
                if (refinements > MAX_REFINEMENTS || rNorm >= previous) {
                    status = SolveStatus.BREAKDOWN;
                    break;
                }
            } else if (outcome == Inner.CYCLE_END && rNorm >= previous) {
                status = SolveStatus.BREAKDOWN; // a full restart cycle without progress: GMRES(m) stagnation
                break;
            }
        }
        return new SolveResult(x, status, iterations, op.applications(), rNorm / bNorm, rNorm);
    }

    @Override public String toString() { return name() + "[" + config + "]"; }
}
