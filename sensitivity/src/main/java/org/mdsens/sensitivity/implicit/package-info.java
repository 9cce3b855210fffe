/**
 * Implicit differentiation of roots and fixed points (Blondel et al., "Efficient and Modular Implicit
 * Differentiation", NeurIPS 2022): given an {@link org.mdsens.sensitivity.condition.OptimalityCondition}
 * F(x, θ) = 0 and a solution x̂ ≈ x*(θ) found by any algorithm, compute dx⋆/dθ without differentiating through
 * that algorithm.
 *
 * <p>Entry point: {@link org.mdsens.sensitivity.implicit.ImplicitDifferentiation}. Use
 * {@link org.mdsens.sensitivity.implicit.ImplicitDifferentiation#jvp jvp} for a few parameter directions (one linear
 * solve each), {@link org.mdsens.sensitivity.implicit.ImplicitDifferentiation#vjp vjp} for the gradient of one scalar
 * objective with respect to many parameters (one adjoint solve), and
 * {@link org.mdsens.sensitivity.implicit.ImplicitDifferentiation#jacobian jacobian} for the full n × p matrix. For
 * several products at one point, linearize once with
 * {@link org.mdsens.sensitivity.implicit.ImplicitDifferentiation#at at}.
 *
 * <p>Every result carries a {@link org.mdsens.sensitivity.implicit.SolveReport}: the solver's status (never silent),
 * residuals, ‖F(x̂)‖ and the error estimate (‖F(x̂)‖ + ‖r_Krylov‖)/λ̂ of Theorem 1, an estimate and not a bound.
 * Results are immutable records.
 */
package org.mdsens.sensitivity.implicit;
