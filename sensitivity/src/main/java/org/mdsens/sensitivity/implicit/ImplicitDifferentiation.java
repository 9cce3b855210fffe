package org.mdsens.sensitivity.implicit;

import java.util.Objects;

import org.mdsens.sensitivity.condition.OptimalityCondition;
import org.mdsens.sensitivity.linalg.ConjugateGradientSolver;
import org.mdsens.sensitivity.linalg.GmresSolver;
import org.mdsens.sensitivity.linalg.LinearSolver;
import org.mdsens.sensitivity.linalg.MinresSolver;
import org.mdsens.sensitivity.linalg.Projector;
import org.mdsens.sensitivity.linalg.SolverConfig;

/**
 * Implicit differentiation of a root x*(θ) of an {@link OptimalityCondition} F(x, θ) = 0 (Blondel et al.,
 * "Efficient and Modular Implicit Differentiation", NeurIPS 2022). With A = ∂ₓF and B = ∂_θF at (x*, θ), the
 * implicit function theorem gives dx⋆/dθ = −A⁻¹B, so:
 * <ul>
 *   <li>{@link #jvp}: (dx⋆/dθ)·dθ = u with A u = −B dθ; one solve per parameter direction;</li>
 *   <li>{@link #vjp}: (dx⋆/dθ)ᵀ w = −Bᵀλ with Aᵀλ = w; one solve per scalar objective, whatever p is;</li>
 *   <li>{@link #jacobian}: p JVPs, column j for dθ = e_j.</li>
 * </ul>
 * The condition never knows which algorithm found x*, and the solver never knows the condition: only products with
 * A, Aᵀ, B, Bᵀ are used.
 *
 * <p>Solvers: by default CG for symmetric conditions (falling back to MINRES with the same settings if CG reports
 * {@link org.mdsens.sensitivity.linalg.SolveStatus#INDEFINITE}) and GMRES otherwise, all with one
 * {@link SolverConfig}. An optional null-space {@link Projector} P (rigid translations, rattlers) is applied to the
 * right-hand sides, to the operator (P A P) and to the solutions, which are then the minimum-norm solutions orthogonal
 * to the null space; P must describe the null space of both A and Aᵀ (true for symmetric A).
 *
 * <p>Every result carries a {@link SolveReport} with an error estimate (‖F(x̂)‖ + ‖r_Krylov‖)/λ̂, an estimate not a
 * bound, λ̂ from {@link EigenvalueEstimation} (default: Lanczos for symmetric conditions). Use {@link #at} to
 * linearize once and take several products at one point (λ̂ and ‖F(x̂)‖ are computed once).
 *
 * <p>Immutable and thread-safe (each call builds its own {@link Linearization}); the condition must tolerate
 * concurrent use if calls are concurrent.
 */
public final class ImplicitDifferentiation {

    private final LinearSolver symmetricSolver;
    private final LinearSolver generalSolver;
    private final Projector projector;
    private final EigenvalueEstimation eigenvalueEstimation;

    private ImplicitDifferentiation(Builder b) {
        this.symmetricSolver = b.symmetricSolver != null ? b.symmetricSolver : new ConjugateGradientSolver(b.config);
        this.generalSolver = b.generalSolver != null ? b.generalSolver : new GmresSolver(b.config);
        this.projector = b.projector;
        this.eigenvalueEstimation = b.eigenvalueEstimation;
    }

    /** @return CG/GMRES with {@link SolverConfig#defaults()}, no projector, Lanczos λ̂ for symmetric conditions */
    public static ImplicitDifferentiation withDefaults() { return builder().build(); }

    /** @return a builder starting from the defaults */
    public static Builder builder() { return new Builder(); }

    /** @return the solver used for symmetric conditions */
    public LinearSolver symmetricSolver() { return symmetricSolver; }

    /** @return the solver used for nonsymmetric conditions */
    public LinearSolver generalSolver() { return generalSolver; }

    /** @return the null-space projector, or {@code null} */
    public Projector projector() { return projector; }

    /** @return how λ̂ is obtained */
    public EigenvalueEstimation eigenvalueEstimation() { return eigenvalueEstimation; }

    /** The solver to use after {@code symmetricSolver} met negative curvature, or {@code null}. */
    LinearSolver indefiniteFallback() {
        return symmetricSolver instanceof ConjugateGradientSolver ? new MinresSolver(symmetricSolver.config()) : null;
    }

    /**
     * Linearizes the condition at (x*, θ): evaluates ‖F(x*, θ)‖ now and λ̂ on first use.
     *
     * @param condition F
     * @param xStar     the (approximate) root, length n; copied
     * @param theta     the parameters, length p; copied
     * @return a linearization for several products at this point
     * @throws IllegalArgumentException if lengths do not match or values are not finite
     */
    public Linearization at(OptimalityCondition condition, double[] xStar, double[] theta) {
        return new Linearization(this, condition, xStar, theta);
    }

    /** @return (dx⋆/dθ)·dθ; see {@link Linearization#jvp} */
    public JvpResult jvp(OptimalityCondition condition, double[] xStar, double[] theta, double[] dTheta) {
        return at(condition, xStar, theta).jvp(dTheta);
    }

    /** @return (dx⋆/dθ)ᵀ·w; see {@link Linearization#vjp} */
    public VjpResult vjp(OptimalityCondition condition, double[] xStar, double[] theta, double[] w) {
        return at(condition, xStar, theta).vjp(w);
    }

    /** @return dx⋆/dθ, n × p; see {@link Linearization#jacobian} */
    public JacobianResult jacobian(OptimalityCondition condition, double[] xStar, double[] theta) {
        return at(condition, xStar, theta).jacobian();
    }

    @Override public String toString() {
        return "ImplicitDifferentiation[symmetric=" + symmetricSolver + ", general=" + generalSolver
                + ", projector=" + (projector == null ? "none" : projector) + ", λ̂=" + eigenvalueEstimation + "]";
    }

    /** Settings; every option has a default. Not thread-safe. */
    public static final class Builder {
        private SolverConfig config = SolverConfig.defaults();
        private LinearSolver symmetricSolver;
        private LinearSolver generalSolver;
        private Projector projector;
        private EigenvalueEstimation eigenvalueEstimation = EigenvalueEstimation.lanczos();

        private Builder() {
        }

        /** Settings of the default solvers (CG, its MINRES fallback, GMRES); explicit solvers keep their own. */
        public Builder solverConfig(SolverConfig solverConfig) {
            this.config = Objects.requireNonNull(solverConfig, "solverConfig");
            return this;
        }

        /** Solver for symmetric conditions (default CG; a CG solver falls back to MINRES on INDEFINITE). */
        public Builder symmetricSolver(LinearSolver solver) {
            this.symmetricSolver = Objects.requireNonNull(solver, "solver");
            return this;
        }

        /** Solver for nonsymmetric conditions (default GMRES(30)); must not assume symmetry. */
        public Builder generalSolver(LinearSolver solver) {
            this.generalSolver = Objects.requireNonNull(solver, "solver");
            return this;
        }

        /** One solver for every condition (its symmetry requirements are the caller's responsibility). */
        public Builder solver(LinearSolver solver) {
            return symmetricSolver(solver).generalSolver(solver);
        }

        /** Null-space projector applied to right-hand sides, operator and solutions; {@code null} for none. */
        public Builder projector(Projector nullSpaceProjector) {
            this.projector = nullSpaceProjector;
            return this;
        }

        /** Where λ̂ for the error estimate comes from (default {@link EigenvalueEstimation#lanczos()}). */
        public Builder eigenvalueEstimation(EigenvalueEstimation estimation) {
            this.eigenvalueEstimation = Objects.requireNonNull(estimation, "estimation");
            return this;
        }

        public ImplicitDifferentiation build() { return new ImplicitDifferentiation(this); }
    }
}
