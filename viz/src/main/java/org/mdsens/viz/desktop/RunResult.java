package org.mdsens.viz.desktop;

import java.util.List;

import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityResult;

/**
 * What a desktop run produced. Positions are xyz-interleaved, length d·N, input order (copied in
 * and out).
 *
 * @param plan         what was asked
 * @param minimization the minimizer's result, or null when the plan did not minimize
 * @param polish       the Newton polish report, or null when none was made
 * @param sensitivity  gauge, zero modes, rattlers and the parameters computed before the end (or a
 *                     cancel), or null when none was computed
 * @param positions    the final positions
 * @param energy       the energy at the final positions
 * @param maxForce     the largest per-particle force norm at the final positions
 * @param kernel       the force kernel used
 * @param cancelled    whether Cancel stopped the run early
 * @param seconds      wall time of the whole run
 */
public record RunResult(RunPlan plan, MinimizationResult minimization, PolishReport polish,
                        SensitivityResult sensitivity, double[] positions, double energy, double maxForce,
                        String kernel, boolean cancelled, double seconds) {

    public RunResult {
        if (plan == null || positions == null || kernel == null) {
            throw new IllegalArgumentException("plan, positions and kernel must not be null");
        }
        positions = positions.clone();
    }

    @Override public double[] positions() { return positions.clone(); }

    /** The computed parameter sensitivities (empty when none). */
    public List<ParameterSensitivity> parameters() {
        return sensitivity == null ? List.of() : sensitivity.parameters();
    }
}
