package org.mdsens.sensitivity.linalg;

import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.ConjugateGradient;
import org.hipparchus.linear.IterativeLinearSolverEvent;
import org.hipparchus.linear.JacobiPreconditioner;
import org.hipparchus.util.IterationEvent;
import org.hipparchus.util.IterationListener;

/**
 * Preconditioned conjugate gradient for symmetric positive definite {@code A + ridge·I}, wrapping Hipparchus
 * {@link ConjugateGradient} (with its positive-definiteness check on).
 *
 * <p>Statuses: {@link SolveStatus#CONVERGED}, {@link SolveStatus#MAX_ITERATIONS}, {@link SolveStatus#INDEFINITE}
 * (Hipparchus found pᵀAp ≤ 0: use {@link MinresSolver}), {@link SolveStatus#NON_FINITE}, and
 * {@link SolveStatus#BREAKDOWN} when the true residual stagnates above the tolerance. Hipparchus exceptions are
 * caught into these statuses; the last iterate is kept. The Hipparchus recurrence residual decides when an inner
 * run stops; the explicit residual decides convergence, and a run whose explicit residual is still too large is
 * restarted from its iterate (iterative refinement, at most a few times).
 *
 * <p>The operator must be symmetric; this is not checked. With a preconditioner, {@code d_i + ridge > 0} is
 * required. Immutable and thread-safe. Reference: Hestenes &amp; Stiefel (1952); Barrett et al., <i>Templates for
 * the Solution of Linear Systems</i> (1994).
 */
public final class ConjugateGradientSolver extends KrylovSolverBase {

    /** Thrown from the iteration listener to stop Hipparchus on a non-finite residual. */
    private static final class NonFiniteAbort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NonFiniteAbort() { super(null, null, false, false); }
    }

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
        int n = r.length;
        // Hipparchus counts its initialization as one iteration
        ConjugateGradient cg = new ConjugateGradient(budget + 1, target / residualNorm, true);
        int[] performed = new int[1];
        cg.getIterationManager().addIterationListener(new IterationListener() {
            @Override public void initializationPerformed(IterationEvent e) { }

            @Override public void iterationStarted(IterationEvent e) { }

            @Override public void iterationPerformed(IterationEvent e) {
                performed[0]++;
                if (e instanceof IterativeLinearSolverEvent ev && !Double.isFinite(ev.getNormOfResidual())) {
                    throw new NonFiniteAbort();
                }
            }

            @Override public void terminationPerformed(IterationEvent e) { }
        });
        JacobiPreconditioner m = null;
        if (op.preconditioned()) {
            double[] d = config.diagonalRef();
            double[] diag = new double[n];
            for (int i = 0; i < n; i++) {
                diag[i] = d[i] + config.ridge();
            }
            m = new JacobiPreconditioner(diag, false);
        }
        ArrayRealVector e = new ArrayRealVector(run.correction, false);
        Inner outcome;
        try {
            cg.solveInPlace(op, m, new ArrayRealVector(r, false), e);
            outcome = Inner.TARGET_REACHED;
        } catch (NonFiniteAbort ex) {
            outcome = Inner.NON_FINITE;
        } catch (MathIllegalStateException ex) {
            if (ex.getSpecifier() != LocalizedCoreFormats.MAX_COUNT_EXCEEDED) {
                throw ex;
            }
            outcome = Inner.BUDGET_EXHAUSTED;
        } catch (MathIllegalArgumentException ex) {
            if (ex.getSpecifier() != LocalizedCoreFormats.NON_POSITIVE_DEFINITE_OPERATOR) {
                throw ex;
            }
            outcome = Inner.INDEFINITE;
        }
        run.iterations = performed[0];
        if (outcome == Inner.BUDGET_EXHAUSTED) {
            run.iterations = Math.max(run.iterations, budget);
        } else if (outcome == Inner.INDEFINITE) {
            run.iterations++; // the iteration that detected it
        }
        return outcome;
    }
}
