package org.mdsens.sensitivity.md;

import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.sensitivity.linalg.ConjugateGradientSolver;
import org.mdsens.sensitivity.linalg.SolveResult;
import org.mdsens.sensitivity.linalg.SolveStatus;
import org.mdsens.sensitivity.linalg.SolverConfig;

/**
 * Newton–Krylov polish of a minimum found by FIRE or L-BFGS, to round-off (DESIGN.md §4).
 *
 * <p>Each step solves P H P s = P F (F = −∇E, H = ∇²E the exact matrix-free Hessian, P the
 * projector off the rigid modes of the whole system: translations, and rotations in open boxes)
 * by conjugate gradient to a relative residual of {@value #KRYLOV_TOLERANCE}, then takes
 * x ← x + α s with α = 1, ½, ¼, ... (at most {@value #MAX_HALVINGS} halvings), accepting the first α
 * that reduces the Euclidean force norm ‖F‖₂. Near a non-degenerate minimum this converges
 * quadratically; it stops when the largest per-particle force norm is ≤ the tolerance, when no
 * step reduces ‖F‖ or a full step reduces it by less than {@value #FLOOR_REDUCTION} (the round-off
 * floor, about ε_machine·|E|/length), when CG meets negative curvature (not a minimum: the positions
 * are then left where the previous step put them) or after {@code maxSteps} steps.
 *
 * <p>The projector P is built over the non-rattlers ({@link Rattlers}, contact potentials only,
 * contacts counted at the polish tolerance) and leaves rattler coordinates alone: a rattler's
 * Hessian rows are zero (no contact) or one harmonic contact, so the Newton step leaves it or
 * resolves its contact, and round-off in the mean of H v is never spread onto its null directions
 * (which CG would amplify without bound). A step moves no particle by more than
 * {@value #MAX_DISPLACEMENT} times the largest pair cutoff.
 * Moves the evaluator's positions in place. Stateless and thread-safe (one evaluator per thread).
 */
public final class NewtonPolish {

    /** Relative residual of each inner CG solve. */
    public static final double KRYLOV_TOLERANCE = 1e-10;

    /** Largest number of step halvings in the backtracking safeguard. */
    public static final int MAX_HALVINGS = 12;

    /**
     * A full step (α = 1) that reduces ‖F‖₂ by less than this factor means the round-off floor is
     * reached (Newton would reduce it quadratically): the polish stops there.
     */
    public static final double FLOOR_REDUCTION = 0.5;

    /** The largest particle displacement of one step, as a fraction of the largest pair cutoff. */
    public static final double MAX_DISPLACEMENT = 0.1;

    private NewtonPolish() { }

    /** Rattler mask (contact potentials only), with contacts defined at the polish tolerance. */
    private static boolean[] rattlers(EnergyEvaluator evaluator, double tolerance) {
        if (!Rattlers.appliesTo(evaluator.model())) return null;
        Rattlers r = Rattlers.detect(evaluator, Math.max(tolerance, Double.MIN_NORMAL), 0.0);
        if (r.count() == 0) return null;
        boolean[] mask = new boolean[evaluator.size()];
        for (int i : r.indices()) mask[i] = true;
        return mask;
    }

    /**
     * Polishes the evaluator's positions in place.
     *
     * @param evaluator the system at an approximate minimum (positions are moved)
     * @param maxSteps  the most Newton steps to take (≥ 0)
     * @param tolerance stop when the largest per-particle force norm is ≤ this (≥ 0)
     * @return what happened, with the forces before and after
     */
    public static PolishReport polish(EnergyEvaluator evaluator, int maxSteps, double tolerance) {
        if (maxSteps < 0) throw new IllegalArgumentException("max steps must be >= 0, got " + maxSteps);
        if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        double[] x = evaluator.positions();
        int n = x.length;
        int d = evaluator.dimension();
        double[] force = new double[n];
        double[] trialForce = new double[n];
        double[] start = new double[n];
        double energy = evaluator.computeForces(force);
        double initialEnergy = energy;
        double maxForce = maxForce(force, d);
        double initialMaxForce = maxForce;
        double forceNorm = ZeroModes.norm(force);
        SolverConfig config = SolverConfig.defaults().withRelativeTolerance(KRYLOV_TOLERANCE)
                .withMaxIterations(Math.max(1000, 4 * n));
        ConjugateGradientSolver cg = new ConjugateGradientSolver(config);
        double maxDisplacement = MAX_DISPLACEMENT * evaluator.model().pair().maxCutoff();
        int steps = 0;
        long krylov = 0;
        PolishReport.Outcome outcome = PolishReport.Outcome.MAX_STEPS;
        while (true) {
            if (!Double.isFinite(energy) || !Double.isFinite(forceNorm)) {
                outcome = PolishReport.Outcome.NON_FINITE;
                break;
            }
            if (maxForce <= tolerance) {
                outcome = PolishReport.Outcome.CONVERGED;
                break;
            }
            if (steps >= maxSteps) break;
            ZeroModes modes = ZeroModes.rigid(evaluator.system().box(), x, rattlers(evaluator, tolerance));
            double[] rhs = modes.project(force.clone());
            SolveResult result = cg.solve(new ProjectedHessian(evaluator, modes), rhs, null);
            krylov += result.iterations();
            if (result.status() == SolveStatus.INDEFINITE) {
                outcome = PolishReport.Outcome.INDEFINITE;
                break;
            }
            if (result.status() == SolveStatus.NON_FINITE) {
                outcome = PolishReport.Outcome.NON_FINITE;
                break;
            }
            double[] step = modes.project(result.x());
            double longest = maxForce(step, d);
            if (!(longest <= maxDisplacement)) {
                if (!Double.isFinite(longest)) {
                    outcome = PolishReport.Outcome.NON_FINITE;
                    break;
                }
                ZeroModes.scale(maxDisplacement / longest, step);
            }
            System.arraycopy(x, 0, start, 0, n);
            double previousNorm = forceNorm;
            boolean accepted = false;
            double alpha = 1;
            for (int h = 0; h <= MAX_HALVINGS; h++, alpha *= 0.5) {
                for (int q = 0; q < n; q++) x[q] = start[q] + alpha * step[q];
                double e = evaluator.computeForces(trialForce);
                double norm = ZeroModes.norm(trialForce);
                if (Double.isFinite(e) && norm < forceNorm) {
                    accepted = true;
                    energy = e;
                    forceNorm = norm;
                    System.arraycopy(trialForce, 0, force, 0, n);
                    break;
                }
            }
            if (!accepted) {
                System.arraycopy(start, 0, x, 0, n);
                energy = evaluator.computeForces(force);
                forceNorm = ZeroModes.norm(force);
                maxForce = maxForce(force, d);
                outcome = maxForce <= tolerance ? PolishReport.Outcome.CONVERGED : PolishReport.Outcome.STAGNATED;
                break;
            }
            steps++;
            maxForce = maxForce(force, d);
            if (alpha == 1 && forceNorm > FLOOR_REDUCTION * previousNorm) {
                // a full Newton step that no longer converges quadratically: the round-off floor
                outcome = maxForce <= tolerance ? PolishReport.Outcome.CONVERGED : PolishReport.Outcome.STAGNATED;
                break;
            }
        }
        return new PolishReport(outcome, steps, krylov, initialMaxForce, maxForce, initialEnergy, energy);
    }

    /** The largest per-particle force norm of an xyz-interleaved force array. */
    static double maxForce(double[] force, int d) {
        double m = 0;
        for (int i = 0; i < force.length; i += d) {
            double s = 0;
            for (int a = 0; a < d; a++) s += force[i + a] * force[i + a];
            m = Math.max(m, s);
        }
        return Math.sqrt(m);
    }
}
