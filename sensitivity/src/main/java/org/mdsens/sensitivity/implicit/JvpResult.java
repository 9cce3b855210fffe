package org.mdsens.sensitivity.implicit;

import java.util.Objects;

/**
 * A Jacobian-vector product of the implicit solution map: tangent = (dx⋆/dθ)·dθ, length n, solving
 * ∂ₓF·u = −∂_θF·dθ. Immutable: the tangent is copied in and out.
 *
 * @param tangent dx* for the parameter direction dθ (length n; projected onto the range of the projector, if any)
 * @param report  how the solve went and the error estimate
 */
public record JvpResult(double[] tangent, SolveReport report) {

    public JvpResult {
        tangent = tangent.clone();
        Objects.requireNonNull(report, "report");
    }

    @Override public double[] tangent() { return tangent.clone(); }

    /** @return tangent component i, without copying */
    public double tangent(int i) { return tangent[i]; }

    /** @return {@code true} if the solve converged */
    public boolean converged() { return report.converged(); }

    @Override public String toString() { return "JvpResult[n=" + tangent.length + ", " + report + "]"; }
}
