package org.mdsens.sensitivity.implicit;

import java.util.Objects;

/**
 * A vector-Jacobian product of the implicit solution map: cotangent = (dx⋆/dθ)ᵀ·w = −∂_θFᵀλ with ∂ₓFᵀλ = w.
 * For a loss L(x, θ) with w = ∇ₓL at x*, the total derivative is dL/dθ = ∂_θL + cotangent. Immutable.
 *
 * @param cotangent the cotangent on θ (length p)
 * @param adjoint   λ, the solution of ∂ₓFᵀλ = w (length n; projected, if a projector is set)
 * @param report    how the solve went and the error estimate (for λ)
 */
public record VjpResult(double[] cotangent, double[] adjoint, SolveReport report) {

    public VjpResult {
        cotangent = cotangent.clone();
        adjoint = adjoint.clone();
        Objects.requireNonNull(report, "report");
    }

    @Override public double[] cotangent() { return cotangent.clone(); }

    @Override public double[] adjoint() { return adjoint.clone(); }

    /** @return cotangent component j, without copying */
    public double cotangent(int j) { return cotangent[j]; }

    /** @return {@code true} if the solve converged */
    public boolean converged() { return report.converged(); }

    @Override public String toString() {
        return "VjpResult[cotangent=" + java.util.Arrays.toString(cotangent) + ", " + report + "]";
    }
}
