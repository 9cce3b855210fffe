package org.mdsens.sensitivity.md;

import java.util.Arrays;

import org.mdsens.sensitivity.implicit.SolveReport;

/**
 * The equilibrium sensitivity dx*&#47;dθ of every particle to one parameter, in the gauge of its
 * {@link EquilibriumSensitivity} (zero mean over the backbone, no rigid rotation in open boxes,
 * rattlers 0), with the energy derivatives at the minimum.
 *
 * @param name     the parameter ({@code diameter[B]}, {@code sigma[A,B]}, ...)
 * @param status   what the numbers are worth; NaN entries unless {@link SensitivityStatus#hasNumbers()}
 * @param dx       dx*&#47;dθ, xyz-interleaved, length d·N, input order (copied in and out)
 * @param norm     Euclidean norm of {@code dx} over all coordinates
 * @param dEnergy  dE*&#47;dθ = ∂θE(x*) (envelope theorem, no solve)
 * @param d2Energy d²E*&#47;dθ² = ∂²θE − bᵀH⁺b = ∂²θE + bᵀ(dx*&#47;dθ), b = ∂θ∇ₓE
 * @param report   the Krylov solve of H u = −b: status, solver, iterations, residuals, ‖F(x̂)‖, λ̂ and the
 *                 error estimate of {@code dx} (see {@link EquilibriumSensitivity}: first order, not a bound)
 */
public record ParameterSensitivity(String name, SensitivityStatus status, double[] dx, double norm, double dEnergy,
                                   double d2Energy, SolveReport report) {

    public ParameterSensitivity {
        if (name == null || status == null || dx == null || report == null) {
            throw new IllegalArgumentException("name, status, dx and report must not be null");
        }
        dx = dx.clone();
    }

    /** A copy of dx*&#47;dθ (xyz-interleaved, length d·N, input order). */
    @Override public double[] dx() { return dx.clone(); }

    /** Component {@code axis} of dx*_i/dθ for particle {@code particle}, in dimension {@code dimension}. */
    public double dx(int particle, int axis, int dimension) { return dx[dimension * particle + axis]; }

    /** Number of coordinates d·N. */
    public int length() { return dx.length; }

    /** The error estimate of the solve (NaN without λ̂). */
    public double errorEstimate() { return report.errorEstimate(); }

    @Override public boolean equals(Object o) {
        return o instanceof ParameterSensitivity p && name.equals(p.name) && status == p.status
                && Arrays.equals(dx, p.dx) && Double.compare(norm, p.norm) == 0
                && Double.compare(dEnergy, p.dEnergy) == 0 && Double.compare(d2Energy, p.d2Energy) == 0
                && report.equals(p.report);
    }

    @Override public int hashCode() { return 31 * name.hashCode() + Arrays.hashCode(dx); }

    @Override public String toString() {
        return String.format("ParameterSensitivity[%s: %s, |dx/dθ| = %.6g (± %.2e), dE/dθ = %.10g, d²E/dθ² = %.10g; "
                + "%s %s, %d iterations, relative residual %.2e]", name, status, norm, report.errorEstimate(), dEnergy,
                d2Energy, report.solverName(), report.status(), report.iterations(), report.relativeResidual());
    }
}
