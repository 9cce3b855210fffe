package org.mdsens.sensitivity.implicit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.mdsens.sensitivity.linalg.SolveStatus;

/**
 * How the linear solve behind an implicit derivative went, and what the derivative is worth.
 *
 * <p>Error estimate, after Theorem 1 of Blondel et al. (2022): the error of an implicit derivative computed at an
 * approximate root x̂ is linear in the distance ‖x̂ − x*‖ ≲ ‖F(x̂)‖/λ̂, and the linear solve adds
 * ‖r_Krylov‖/λ̂, where λ̂ is the smallest non-zero eigenvalue magnitude of ∂ₓF (smallest singular value for a
 * nonsymmetric ∂ₓF). The report gives {@code errorEstimate = (‖F(x̂)‖ + ‖r_Krylov‖ + ridge·‖solution‖)/λ̂}
 * (the ridge term accounts for the bias of a ridge-shifted solve). It is an <em>estimate, not a bound</em>: the
 * theorem's constants (Lipschitz constants of the Jacobians, ‖∂_θF‖) are omitted, λ̂ is itself estimated, and the
 * two terms carry the units of x and of the solved vector. It is NaN when no λ̂ is available.
 *
 * <p>That proxy is what the generic {@code ImplicitDifferentiation} reports. Measured on MD minima it
 * underestimated the true error by up to 50× (it lacks the theorem's constant), so
 * {@code org.mdsens.sensitivity.md.EquilibriumSensitivity} replaces it, when its error estimates are on, by a
 * first-order estimate 2‖H⁺(ρ + D)‖ along the Newton correction (ρ the Krylov residual, D the change of
 * Hu + b along δ = H⁺F); see that class. Either way the value is an estimate, not a bound.
 *
 * @param status                 the linear solve's status; only {@link SolveStatus#CONVERGED} means the tolerance was met
 * @param solverName             e.g. "CG", "GMRES(30)", or "CG→MINRES" when CG met negative curvature and MINRES took over
 * @param iterations             Krylov iterations (all solvers tried)
 * @param operatorApplications   products with ∂ₓF or its transpose in the solve
 * @param relativeResidual       explicit ‖b − A·u‖/‖b‖ of the linear system
 * @param krylovResidualNorm     explicit ‖b − A·u‖ of the linear system
 * @param conditionResidualNorm  ‖F(x̂, θ)‖: how far the given point is from a root
 * @param eigenvalueEstimate     λ̂, the estimated smallest non-zero eigenvalue magnitude (or singular value) of ∂ₓF
 *                               on the range of the projector; NaN if not estimated
 * @param errorEstimate          the error estimate: the proxy above, or the first-order estimate of the MD
 *                               sensitivities; NaN without λ̂, +∞ if λ̂ = 0
 */
public record SolveReport(SolveStatus status, String solverName, int iterations, int operatorApplications,
                          double relativeResidual, double krylovResidualNorm, double conditionResidualNorm,
                          double eigenvalueEstimate, double errorEstimate) {

    public SolveReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(solverName, "solverName");
    }

    /** @return {@code true} if the linear solve converged */
    public boolean converged() { return status.converged(); }

    /**
     * The summary of several solves at one point (a Jacobian): the first non-converged status (else CONVERGED),
     * the distinct solver names, summed iterations and products, and the largest residuals and error estimate.
     */
    public static SolveReport summarize(List<SolveReport> reports, double conditionResidualNorm, double eigenvalueEstimate) {
        SolveStatus status = SolveStatus.CONVERGED;
        Set<String> names = new LinkedHashSet<>();
        int iterations = 0;
        int applications = 0;
        double relative = 0;
        double krylov = 0;
        double error = reports.isEmpty() ? Double.NaN : 0;
        for (SolveReport r : reports) {
            if (status.converged() && !r.converged()) {
                status = r.status;
            }
            names.add(r.solverName);
            iterations += r.iterations;
            applications += r.operatorApplications;
            relative = maxOrNaN(relative, r.relativeResidual);
            krylov = maxOrNaN(krylov, r.krylovResidualNorm);
            error = maxOrNaN(error, r.errorEstimate);
        }
        return new SolveReport(status, names.isEmpty() ? "none" : String.join("/", names), iterations, applications,
                relative, krylov, conditionResidualNorm, eigenvalueEstimate, error);
    }

    private static double maxOrNaN(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }

    @Override public String toString() {
        return String.format("SolveReport[%s by %s, iterations=%d, products=%d, relativeResidual=%.3e, ‖F(x̂)‖=%.3e, "
                        + "λ̂=%.4g, errorEstimate=%.3e (estimate, not a bound)]",
                status, solverName, iterations, operatorApplications, relativeResidual, conditionResidualNorm,
                eigenvalueEstimate, errorEstimate);
    }
}
