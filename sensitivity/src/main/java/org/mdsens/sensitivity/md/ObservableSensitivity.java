package org.mdsens.sensitivity.md;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mdsens.sensitivity.implicit.SolveReport;

/**
 * The equilibrium sensitivity of one scalar {@link Observable}: its value at x* and
 * dL(x*(θ), θ)/dθ for each requested parameter (one linear solve for all of them).
 *
 * @param name        the observable's name
 * @param status      what the derivatives are worth (NaN unless {@link SensitivityStatus#hasNumbers()})
 * @param value       L(x*)
 * @param derivatives    parameter name → dL/dθ, in the order requested (an unmodifiable copy)
 * @param errorEstimates parameter name → estimated error of dL/dθ (see {@link EquilibriumSensitivity}),
 *                       same order (an unmodifiable copy)
 * @param report         the Krylov solve of H λ = P∇ₓL; its error estimate is the largest of
 *                       {@code errorEstimates}
 */
public record ObservableSensitivity(String name, SensitivityStatus status, double value,
                                    Map<String, Double> derivatives, Map<String, Double> errorEstimates,
                                    SolveReport report) {

    public ObservableSensitivity {
        if (name == null || status == null || derivatives == null || errorEstimates == null || report == null) {
            throw new IllegalArgumentException("name, status, derivatives, error estimates and report must not be null");
        }
        if (!derivatives.keySet().equals(errorEstimates.keySet())) {
            throw new IllegalArgumentException("error estimates must have the derivatives' parameters "
                    + derivatives.keySet() + ", got " + errorEstimates.keySet());
        }
        derivatives = Collections.unmodifiableMap(new LinkedHashMap<>(derivatives));
        errorEstimates = Collections.unmodifiableMap(new LinkedHashMap<>(errorEstimates));
    }

    /** The estimated error of dL/dθ for a requested parameter. */
    public double errorEstimate(String parameter) {
        derivative(parameter);
        return errorEstimates.get(parameter);
    }

    /** dL/dθ for a parameter that was requested; throws {@link IllegalArgumentException} otherwise. */
    public double derivative(String parameter) {
        Double v = derivatives.get(parameter);
        if (v == null) {
            throw new IllegalArgumentException("parameter must be one of " + derivatives.keySet() + ", got '"
                    + parameter + "'");
        }
        return v;
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("ObservableSensitivity[").append(name).append(" = ").append(String.format("%.10g", value))
                .append(": ").append(status);
        for (Map.Entry<String, Double> e : derivatives.entrySet()) {
            sb.append(String.format(", d/d%s = %.10g (± %.2e)", e.getKey(), e.getValue(),
                    errorEstimates.get(e.getKey())));
        }
        return sb.append(String.format("; %s %s, %d iterations]", report.solverName(), report.status(),
                report.iterations())).toString();
    }
}
