package org.mdsens.sensitivity.md;

import java.util.Arrays;
import java.util.List;

/**
 * Everything {@link EquilibriumSensitivity#compute} found for one minimized system: the gauge and
 * null space the numbers refer to, the parameter and observable sensitivities (DESIGN.md §5,
 * {@code summary.json} → {@code sensitivity}).
 *
 * @param gauge              {@code zero-mean-backbone} (periodic) or {@code zero-mean-no-rotation} (open)
 * @param zeroModes          dimension of the null space projected out: rigid modes of the backbone
 *                           plus d per rattler
 * @param rattlers           rattler indices, ascending, 0-based in input order (copied in and out)
 * @param status             the most severe status over the system and every result
 * @param smallestEigenvalue λ̂, the smallest non-zero Hessian eigenvalue estimate (NaN if not estimated)
 * @param maxForce           the largest per-particle force norm at x̂
 * @param parameters         one entry per parameter, in the order requested
 * @param observables        one entry per observable, in the order requested
 */
public record SensitivityResult(String gauge, int zeroModes, int[] rattlers, SensitivityStatus status,
                                double smallestEigenvalue, double maxForce, List<ParameterSensitivity> parameters,
                                List<ObservableSensitivity> observables) {

    public SensitivityResult {
        if (gauge == null || status == null) throw new IllegalArgumentException("gauge and status must not be null");
        rattlers = rattlers.clone();
        parameters = List.copyOf(parameters);
        observables = List.copyOf(observables);
    }

    @Override public int[] rattlers() { return rattlers.clone(); }

    /** The result for a parameter by name; throws {@link IllegalArgumentException} when it was not requested. */
    public ParameterSensitivity parameter(String name) {
        for (ParameterSensitivity p : parameters) if (p.name().equals(name)) return p;
        throw new IllegalArgumentException("parameter must be one of the requested ones, got '" + name + "'");
    }

    /** The result for an observable by name; throws {@link IllegalArgumentException} when it was not requested. */
    public ObservableSensitivity observable(String name) {
        for (ObservableSensitivity o : observables) if (o.name().equals(name)) return o;
        throw new IllegalArgumentException("observable must be one of the requested ones, got '" + name + "'");
    }

    @Override public boolean equals(Object o) {
        return o instanceof SensitivityResult r && gauge.equals(r.gauge) && zeroModes == r.zeroModes
                && Arrays.equals(rattlers, r.rattlers) && status == r.status
                && Double.compare(smallestEigenvalue, r.smallestEigenvalue) == 0
                && Double.compare(maxForce, r.maxForce) == 0 && parameters.equals(r.parameters)
                && observables.equals(r.observables);
    }

    @Override public int hashCode() { return gauge.hashCode() * 31 + Arrays.hashCode(rattlers) + parameters.hashCode(); }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("SensitivityResult[%s, gauge %s, %d zero modes, %d rattlers%s, λ̂ = %.6g, max force %.3e]",
                status, gauge, zeroModes, rattlers.length,
                rattlers.length > 0 && rattlers.length <= 12 ? " " + Arrays.toString(rattlers) : "",
                smallestEigenvalue, maxForce));
        for (ParameterSensitivity p : parameters) sb.append("\n  ").append(p);
        for (ObservableSensitivity o : observables) sb.append("\n  ").append(o);
        return sb.toString();
    }
}
