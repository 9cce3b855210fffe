package org.mdsens.app.sweep;

import java.util.List;

import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.Observable;
import org.mdsens.sensitivity.md.SensitivityConfig;
import org.mdsens.sensitivity.md.SensitivityResult;

/**
 * The sensitivity work of one point: at the minimized evaluator's positions, the JVPs of the
 * parameters and the VJPs of the observables. Implementations must not move the evaluator's
 * particles and must be deterministic; one call per thread at a time.
 */
@FunctionalInterface
interface SensitivityStep {

    /**
     * @param minimized   the system at its (approximate) minimum, with the point's model
     * @param parameters  the parameters to differentiate by
     * @param observables the observables besides energy
     */
    SensitivityResult compute(EnergyEvaluator minimized, List<String> parameters, List<Observable> observables);

    /** {@link EquilibriumSensitivity} with the given settings. */
    static SensitivityStep implicit(SensitivityConfig config) {
        return (evaluator, parameters, observables) ->
                new EquilibriumSensitivity(evaluator, config).compute(parameters, observables);
    }
}
