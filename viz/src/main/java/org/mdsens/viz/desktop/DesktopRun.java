package org.mdsens.viz.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.minimize.Status;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.NewtonPolish;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityConfig;
import org.mdsens.sensitivity.md.SensitivityResult;
import org.mdsens.sensitivity.md.SensitivityStatus;

/**
 * The work behind the desktop app's Run button, free of Swing so it can be tested headless: minimize
 * a copy of the starting system with the job's minimizer ({@link Minimizers}), optionally polish it
 * with {@link NewtonPolish}, then compute dx*&#47;dθ for each of the job's sensitivity parameters
 * with {@link EquilibriumSensitivity} (one Krylov solve per parameter, reported as each finishes).
 *
 * <p>Sensitivities use {@link SensitivityConfig#defaults()} with the minimizer's force tolerance,
 * so a minimum that did not reach it is flagged {@link SensitivityStatus#NOT_CONVERGED_MINIMUM}
 * (DESIGN.md §4). Cancel ({@link RunListener#cancelRequested()}) stops the minimizer at its next
 * iteration and the sensitivities between parameters; the result then says {@code cancelled} and
 * holds what was done. Expected numerical outcomes are statuses in the result, never exceptions.
 *
 * <p>Stateless; call from one background thread per run. The starting system is not modified.
 */
public final class DesktopRun {

    /** Newton steps of the optional polish. */
    public static final int POLISH_STEPS = 20;

    private DesktopRun() { }

    /**
     * Runs a plan.
     *
     * @param job      the job (model, minimizer, parameters)
     * @param start    the starting configuration (copied; typically the job's system or the last result)
     * @param plan     what to do
     * @param listener progress and cancel
     */
    public static RunResult execute(DesktopJob job, ParticleSystem start, RunPlan plan, RunListener listener) {
        long t0 = System.nanoTime();
        ParticleSystem system = start.copy();
        EnergyEvaluator evaluator = new EnergyEvaluator(system, job.model(),
                Kernels.select(KernelChoice.AUTO, Kernels.availableThreads()),
                EnergyEvaluator.defaultSkin(system, job.model()));
        double tolerance = job.minimizer().forceTolerance();
        boolean cancelled = false;
        MinimizationResult minimization = null;
        PolishReport polish = null;
        SensitivityResult sensitivity = null;

        if (plan.minimizes()) {
            listener.onPhase(RunListener.Phase.MINIMIZING);
            minimization = Minimizers.create(job.minimizer()).minimize(evaluator, listener);
            cancelled = minimization.status() == Status.CANCELLED;
            listener.onMessage(String.format(Locale.ROOT, "%s %s after %d iterations: E = %.12g, max force %.3e (%.2f s)",
                    job.minimizer().algorithm().label(), minimization.status(), minimization.iterations(),
                    minimization.energy(), minimization.maxForce(), minimization.seconds()));
            if (job.newtonPolish() && !cancelled && minimization.status() != Status.NON_FINITE) {
                listener.onPhase(RunListener.Phase.POLISHING);
                polish = NewtonPolish.polish(evaluator, POLISH_STEPS, tolerance);
                listener.onMessage(String.format(Locale.ROOT, "Newton polish %s after %d steps: max force %.3e -> %.3e",
                        polish.outcome(), polish.steps(), polish.initialMaxForce(), polish.finalMaxForce()));
            }
        }

        if (plan.computesSensitivity() && !cancelled) {
            if (job.parameters().isEmpty()) {
                listener.onMessage("no sensitivity parameters selected: nothing to differentiate");
            } else if (!allFinite(system.positions())) {
                listener.onMessage("positions are not finite: no sensitivities");
            } else if (listener.cancelRequested()) {
                cancelled = true;
            } else {
                listener.onPhase(RunListener.Phase.PREPARING_SENSITIVITY);
                EquilibriumSensitivity es = new EquilibriumSensitivity(evaluator,
                        SensitivityConfig.defaults().withForceTolerance(tolerance));
                SensitivityStatus systemStatus = es.status();
                int[] rattlers = es.rattlers();
                listener.onMessage(String.format(Locale.ROOT,
                        "sensitivity: gauge %s, %d zero modes, %d rattlers, smallest eigenvalue %.4g, status %s",
                        es.gauge(), es.zeroModeCount(), rattlers.length, es.smallestEigenvalue(), systemStatus.label()));
                listener.onPhase(RunListener.Phase.SENSITIVITY);
                List<String> done = new ArrayList<>();
                List<String> names = job.parameters();
                for (int k = 0; k < names.size(); k++) {
                    if (listener.cancelRequested()) {
                        cancelled = true;
                        break;
                    }
                    ParameterSensitivity p = es.jvp(names.get(k));
                    done.add(names.get(k));
                    listener.onMessage(String.format(Locale.ROOT,
                            "d x*/d %s: %s, |dx/dθ| = %.6g, dE/dθ = %.10g, %s", p.name(), p.status().label(), p.norm(),
                            p.dEnergy(), p.report()));
                    listener.onParameter(p, k, names.size());
                }
                sensitivity = es.compute(done, List.of());
            }
        }

        double[] forces = new double[system.positions().length];
        double energy = evaluator.computeForces(forces);
        return new RunResult(plan, minimization, polish, sensitivity, system.positions(), energy,
                maxForce(forces, system.dimension()), evaluator.kernelName(), cancelled,
                (System.nanoTime() - t0) * 1e-9);
    }

    /** The largest per-particle Euclidean norm of a d-interleaved vector (NaN if any entry is NaN). */
    static double maxForce(double[] f, int d) {
        double m = 0;
        for (int i = 0; i < f.length; i += d) {
            double s = 0;
            for (int a = 0; a < d; a++) s += f[i + a] * f[i + a];
            if (Double.isNaN(s)) return Double.NaN;
            m = Math.max(m, s);
        }
        return Math.sqrt(m);
    }

    static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }
}
