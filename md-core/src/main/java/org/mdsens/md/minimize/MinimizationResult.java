package org.mdsens.md.minimize;

/**
 * The outcome of a minimization; the positions are left in the {@link PotentialSurface}.
 *
 * @param status           how it ended
 * @param iterations       iterations taken
 * @param forceEvaluations energy/force evaluations
 * @param energy           final energy
 * @param maxForce         final largest per-particle force norm
 * @param seconds          wall time
 * @param energyTrace      energy after each recorded iteration (a copy is held)
 * @param maxForceTrace    max force after each recorded iteration (same length)
 * @param traceIterations  the iteration number of each trace entry (same length)
 */
public record MinimizationResult(Status status, int iterations, int forceEvaluations, double energy, double maxForce,
                                 double seconds, double[] energyTrace, double[] maxForceTrace, int[] traceIterations) {

    public MinimizationResult {
        energyTrace = energyTrace.clone();
        maxForceTrace = maxForceTrace.clone();
        traceIterations = traceIterations.clone();
        if (energyTrace.length != maxForceTrace.length || energyTrace.length != traceIterations.length) {
            throw new IllegalArgumentException("trace arrays must have equal lengths");
        }
    }

    public boolean converged() { return status.converged(); }

    @Override public double[] energyTrace() { return energyTrace.clone(); }
    @Override public double[] maxForceTrace() { return maxForceTrace.clone(); }
    @Override public int[] traceIterations() { return traceIterations.clone(); }

    @Override public String toString() {
        return String.format("MinimizationResult[%s, iterations=%d, forceEvaluations=%d, energy=%.12g, maxForce=%.3e, %.3f s]",
                status, iterations, forceEvaluations, energy, maxForce, seconds);
    }
}
