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

/**
 * Runs the minimization of a {@link BuiltJob}: selects the kernel family once, evaluates the
 * model through an {@link EnergyEvaluator} (neighbor-list skin from
 * {@link EnergyEvaluator#defaultSkin}), minimizes in place with the job's minimizer, and
 * evaluates forces and pressure at the end. Expected numerical outcomes (not converged,
 * non-finite) are a {@link Status} in the outcome, never an exception. Moves the job's particles;
 * one call per BuiltJob, one thread.
 */
public final class JobRunner {

    private JobRunner() { }

    /**
     * @param job      the built job (its system is moved to the minimum)
     * @param kernel   which kernel family to use
     * @param threads  worker threads (recorded; the kernels of this build are single-threaded)
     * @param listener progress callbacks
     */
    public static RunOutcome run(BuiltJob job, KernelChoice kernel, int threads, MinimizationListener listener) {
        ParticleSystem system = job.system();
        KernelProvider provider = Kernels.select(kernel);
        EnergyEvaluator evaluator = new EnergyEvaluator(system, job.model(), provider,
                EnergyEvaluator.defaultSkin(system, job.model()));
        MinimizationResult result = Minimization.minimize(job.minimizer(), evaluator, listener);
        double[] forces = new double[system.positions().length];
        double pressure = Double.NaN;
        if (result.status() != Status.NON_FINITE && allFinite(system.positions())) {
            evaluator.computeForces(forces);
            pressure = evaluator.lastVirial() / (system.dimension() * system.box().volume());
        } else {
            Arrays.fill(forces, Double.NaN);
        }
        return new RunOutcome(result, forces, pressure, evaluator.kernelName(), threads);
    }

    static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }
}
