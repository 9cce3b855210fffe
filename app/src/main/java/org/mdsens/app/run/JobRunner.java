package org.mdsens.app.run;

import java.util.Arrays;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationListener;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.Status;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityResult;

/**
 * Runs a {@link BuiltJob}: selects the kernel family once, evaluates the model through an
 * {@link EnergyEvaluator} (neighbor-list skin from {@link EnergyEvaluator#defaultSkin}), minimizes in
 * place with the job's minimizer, Newton-polishes when the job asks for it, evaluates forces and
 * pressure at the end, and computes the sensitivities of the {@link SensitivityStage} at the final
 * positions. Expected numerical outcomes (not converged, non-finite, a failed sensitivity) are
 * statuses in the outcome, never an exception; a sensitivity at an unconverged minimum is still
 * computed (its status says so); at non-finite positions it is skipped, and the outcome says why.
 * Moves the job's particles; one call per BuiltJob at a time.
 */
public final class JobRunner {

    private JobRunner() { }

    /** {@link #run(BuiltJob, SensitivityStage, KernelChoice, int, MinimizationListener)} with the job's own stage. */
    public static RunOutcome run(BuiltJob job, KernelChoice kernel, int threads, MinimizationListener listener) {
        return run(job, SensitivityStage.of(job), kernel, threads, listener);
    }

    /**
     * @param job      the built job (its system is moved to the minimum)
     * @param stage    polish and sensitivities to do after the minimization
     * @param kernel   which kernel family to use
     * @param threads  threads the force kernels split each call over (≥ 1; results do not depend on it,
     *                 and the scalar reference kernels run on the calling thread whatever is asked)
     * @param listener progress callbacks of the minimizer
     */
    public static RunOutcome run(BuiltJob job, SensitivityStage stage, KernelChoice kernel, int threads,
                                 MinimizationListener listener) {
        ParticleSystem system = job.system();
        KernelProvider provider = Kernels.select(kernel, threads);
        EnergyEvaluator evaluator = new EnergyEvaluator(system, job.model(), provider,
                EnergyEvaluator.defaultSkin(system, job.model()));
        MinimizationResult result = Minimization.minimize(job.minimizer(), evaluator, listener);
        boolean finite = result.status() != Status.NON_FINITE && allFinite(system.positions());
        PolishReport polish = null;
        if (finite && stage.newtonPolish()) {
            polish = stage.polish(evaluator);
            finite = polish.outcome() != PolishReport.Outcome.NON_FINITE && allFinite(system.positions());
        }
        double[] forces = new double[system.positions().length];
        double pressure = Double.NaN;
        if (finite) {
            double e = evaluator.computeForces(forces);
            finite = Double.isFinite(e) && allFinite(forces);
            pressure = evaluator.lastVirial() / (system.dimension() * system.box().volume());
        }
        if (!finite) {
            Arrays.fill(forces, Double.NaN);
            pressure = Double.NaN;
        }
        SensitivityResult sensitivity = null;
        String skipped = null;
        double seconds = Double.NaN;
        if (stage.computes()) {
            if (finite) {
                long t0 = System.nanoTime();
                sensitivity = stage.compute(evaluator);
                seconds = (System.nanoTime() - t0) * 1e-9;
            } else {
                skipped = "not computed: the final energy, positions or forces are not finite (minimizer status "
                        + result.status() + ")";
            }
        }
        return new RunOutcome(result, forces, pressure, evaluator.kernelName(), threads, polish, sensitivity, seconds,
                skipped);
    }

    static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }
}
