package org.mdsens.sensitivity.md;

/**
 * What {@link NewtonPolish#polish} did.
 *
 * @param outcome           how it ended
 * @param steps             accepted Newton steps
 * @param krylovIterations  Krylov iterations over all steps
 * @param initialMaxForce   largest per-particle force norm before polishing
 * @param finalMaxForce     largest per-particle force norm after polishing
 * @param initialEnergy     energy before
 * @param finalEnergy       energy after
 */
public record PolishReport(Outcome outcome, int steps, long krylovIterations, double initialMaxForce,
                           double finalMaxForce, double initialEnergy, double finalEnergy) {

    /** How a polish ended. Only {@link #CONVERGED} means the force tolerance was reached. */
    public enum Outcome {
        /** Largest per-particle force norm ≤ the tolerance. */
        CONVERGED,
        /** The step cap was reached first. */
        MAX_STEPS,
        /** No step along the Newton direction reduced ‖F‖ (round-off reached, or outside the Newton basin). */
        STAGNATED,
        /** CG met negative curvature: the configuration is not near a minimum; positions left unchanged by that step. */
        INDEFINITE,
        /** Non-finite forces or Hessian products. */
        NON_FINITE
    }

    public PolishReport {
        if (outcome == null) throw new IllegalArgumentException("outcome must not be null");
    }

    /** True when the force tolerance was reached. */
    public boolean converged() { return outcome == Outcome.CONVERGED; }

    @Override public String toString() {
        return String.format("PolishReport[%s, steps=%d, krylovIterations=%d, maxForce %.3e -> %.3e, energy %.15g -> %.15g]",
                outcome, steps, krylovIterations, initialMaxForce, finalMaxForce, initialEnergy, finalEnergy);
    }
}
