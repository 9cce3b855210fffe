/**
 * Equilibrium sensitivities of particle systems: how a minimized configuration x*(θ) moves when a
 * parameter θ of the {@link org.mdsens.md.model.EnergyModel} changes, by implicit differentiation of
 * the stationarity condition ∇ₓE(x*, θ) = 0 (Blondel et al., "Efficient and Modular Implicit
 * Differentiation", NeurIPS 2022).
 *
 * <p>What to use when:
 * <ul>
 *   <li>{@link org.mdsens.sensitivity.md.EquilibriumSensitivity}: the entry point. Built once per
 *       minimized system; {@code jvp} gives dx*&#47;dθ for one parameter (one Krylov solve),
 *       {@code jacobian} for several, {@code vjp} gives dL/dθ of a scalar
 *       {@link org.mdsens.sensitivity.md.Observable} for any number of parameters (one solve).</li>
 *   <li>{@link org.mdsens.sensitivity.md.Observables}: ready-made observables (energy, pressure, mean
 *       contact distance, positions).</li>
 *   <li>{@link org.mdsens.sensitivity.md.NewtonPolish}: a few Newton–Krylov steps that take a
 *       FIRE/L-BFGS minimum to round-off before differentiating.</li>
 *   <li>{@link org.mdsens.sensitivity.md.EnergyStationarityCondition}: the same condition ∇ₓE = 0 as a
 *       generic {@link org.mdsens.sensitivity.condition.OptimalityCondition}, for the solver-agnostic
 *       {@link org.mdsens.sensitivity.implicit.ImplicitDifferentiation} (no gauge, rattlers or statuses of
 *       its own).</li>
 *   <li>{@link org.mdsens.sensitivity.md.ZeroModes} and {@link org.mdsens.sensitivity.md.Rattlers}:
 *       the null space (rigid translations, rotations in open boxes) and rattler detection for contact
 *       potentials, which fix the gauge of every result.</li>
 *   <li>{@link org.mdsens.sensitivity.md.SensitivityConfig}: the solver, tolerances and the cost knobs: the
 *       Hessian assembled once ({@link org.mdsens.sensitivity.md.HessianKind#ASSEMBLED}, default) or applied
 *       matrix-free, the preconditioner (two-level by default: incomplete Cholesky plus a coarse solve on the
 *       rigid motions of spatial aggregates) and the λ̂ estimator (LOBPCG by default).</li>
 * </ul>
 *
 * <p>Results never carry silent numbers: every {@link org.mdsens.sensitivity.md.ParameterSensitivity}
 * and {@link org.mdsens.sensitivity.md.ObservableSensitivity} has a
 * {@link org.mdsens.sensitivity.md.SensitivityStatus}, the solver report
 * ({@link org.mdsens.sensitivity.implicit.SolveReport}) and an error estimate: the first-order error
 * due to the inexact minimum and the inexact solve (Theorem 1 of Blondel et al., with its constant
 * evaluated along the Newton correction), which is an estimate, not a bound.
 */
package org.mdsens.sensitivity.md;
