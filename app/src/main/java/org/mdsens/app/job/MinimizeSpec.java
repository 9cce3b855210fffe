package org.mdsens.app.job;

import org.mdsens.md.minimize.MinimizerKind;

/**
 * {@code [minimize]}.
 *
 * @param algorithm      FIRE 2.0 (default), classic FIRE, L-BFGS or gradient descent
 * @param forceTolerance stop when the largest per-particle force norm is ≤ this (default 1e-10)
 * @param maxIterations  iteration cap (default 200000)
 * @param timestep       FIRE initial step; null: the potential's default (soft sphere 0.05, others 0.005)
 * @param maxStep        largest move of one particle in one step (default 0.1)
 * @param newtonPolish   finish with Newton–Krylov steps to round-off (default false; see the run's SensitivityStage)
 */
public record MinimizeSpec(MinimizerKind algorithm, double forceTolerance, int maxIterations, Double timestep,
                           double maxStep, boolean newtonPolish) {

    public MinimizeSpec {
        if (algorithm == null) throw new IllegalArgumentException("algorithm must not be null");
    }
}
