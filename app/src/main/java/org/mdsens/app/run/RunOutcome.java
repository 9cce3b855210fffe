package org.mdsens.app.run;

import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityResult;

/**
 * The result of running a job: the minimizer's result, the optional Newton polish, the forces at
 * the final positions (xyz-interleaved, length d·N, input order; all NaN when the state is not
 * finite), the pressure at T = 0 (NaN for open boxes or non-finite states), the kernel actually
 * used, and the sensitivities when the job asked for them.
 *
 * @param result             status, iterations, energy, max force, timing, trace of the minimizer
 * @param forces             −∇E at the final positions (after the polish, if any; a copy is held)
 * @param pressure           P = W/(d·V) at the final positions
 * @param kernel             the force kernel's name ({@code scalar}, {@code vector-512}, ...)
 * @param threads            worker threads requested
 * @param polish             what the Newton polish did, or null when the job did not ask for one
 * @param sensitivity        the sensitivities, or null when none were asked for or they could not be
 *                           computed ({@code sensitivitySkipped} says why)
 * @param sensitivitySeconds wall time of the sensitivity step (NaN when not run)
 * @param sensitivitySkipped why sensitivities were asked for but not computed, or null
 */
public record RunOutcome(MinimizationResult result, double[] forces, double pressure, String kernel, int threads,
                         PolishReport polish, SensitivityResult sensitivity, double sensitivitySeconds,
                         String sensitivitySkipped) {

    public RunOutcome {
        if (result == null || forces == null) throw new IllegalArgumentException("result and forces must not be null");
        forces = forces.clone();
    }

    /** A minimization-only outcome. */
    public RunOutcome(MinimizationResult result, double[] forces, double pressure, String kernel, int threads) {
        this(result, forces, pressure, kernel, threads, null, null, Double.NaN, null);
    }

    @Override public double[] forces() { return forces.clone(); }

    /**
     * True when the minimum reached the force tolerance: the minimizer converged, or the Newton
     * polish took it to the polish tolerance (which is below the job's).
     */
    public boolean converged() {
        return result.converged() || (polish != null && polish.converged());
    }

    /** The energy at the final positions (after the polish, if any). */
    public double finalEnergy() {
        return polish != null ? polish.finalEnergy() : result.energy();
    }

    /** The largest per-particle force norm at the final positions (after the polish, if any). */
    public double finalMaxForce() {
        return polish != null ? polish.finalMaxForce() : result.maxForce();
    }

    /** True when sensitivities were asked for (computed or skipped). */
    public boolean sensitivityRequested() {
        return sensitivity != null || sensitivitySkipped != null;
    }

    /** True when nothing asks for exit code 1: converged, and every sensitivity status (if any) is OK. */
    public boolean ok() {
        if (!converged()) return false;
        if (sensitivitySkipped != null) return false;
        return sensitivity == null || SensitivityStage.allOk(sensitivity);
    }
}
