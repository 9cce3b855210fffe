/**
 * Optimality conditions F(x, θ) = 0 with the Jacobian products implicit differentiation needs
 * (Blondel et al., NeurIPS 2022): ∂ₓF·v, ∂ₓFᵀ·w, ∂_θF·u, ∂_θFᵀ·w.
 *
 * <p>What to use when:
 * <ul>
 *   <li>{@link org.mdsens.sensitivity.condition.StationarityCondition}: x* minimizes a smooth
 *       {@link org.mdsens.sensitivity.condition.Objective} without constraints (F = ∇ₓf; symmetric: CG or MINRES).
 *       The energy minima of particle systems are this case.</li>
 *   <li>{@link org.mdsens.sensitivity.condition.FixedPointCondition}: x* = T(x*, θ) for an iteration map.</li>
 *   <li>{@link org.mdsens.sensitivity.condition.ProjectedGradientCondition}: box constraints.</li>
 *   <li>{@link org.mdsens.sensitivity.condition.ProximalGradientCondition}: an L1 penalty (lasso), the penalty
 *       possibly a parameter.</li>
 *   <li>{@link org.mdsens.sensitivity.condition.FieldCondition}: any residual written once over
 *       {@code CalculusFieldElement}; products by forward-mode AD (transposes densely, small n).</li>
 *   <li>{@link org.mdsens.sensitivity.condition.FiniteDifferenceCondition}: a residual only; products by central
 *       differences (prototyping, test oracles).</li>
 * </ul>
 * The conditions know nothing about the solver that found x*; {@code org.mdsens.sensitivity.implicit} turns them
 * into JVPs, VJPs and Jacobians. This package depends on Hipparchus only, not on md-core.
 */
package org.mdsens.sensitivity.condition;
