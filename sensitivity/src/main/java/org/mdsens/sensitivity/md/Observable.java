package org.mdsens.sensitivity.md;

import org.mdsens.md.model.EnergyEvaluator;

/**
 * A scalar observable L(x, θ) of a particle configuration, differentiable in the positions and the
 * energy model's parameters, whose equilibrium sensitivity dL(x*(θ), θ)/dθ =
 * ∂θL − λᵀ ∂θ∇ₓE with H λ = ∇ₓL is computed by
 * {@link EquilibriumSensitivity#vjp(Observable, java.util.List)} with one linear solve for any number
 * of parameters.
 *
 * <p>Implement this interface for a user-defined observable (three methods; see
 * {@link Observables} for ready-made ones). Every method is evaluated at the evaluator's current
 * positions and model; arrays are xyz-interleaved, length d·N, in the system's particle order;
 * parameter indices follow {@link org.mdsens.md.model.EnergyModel#parameterNames()}.
 * Implementations must not move the particles or change the model, and should be immutable (they
 * may then be shared between threads, each thread with its own evaluator).
 *
 * <p>Gauge: the position gradient is projected onto the range of the Hessian before the solve (its
 * components along rigid translations, rotations in open boxes, and rattler coordinates are
 * dropped), so an observable that is not invariant under those motions (one particle's position) is
 * reported in the gauge of the result: zero mean displacement of the backbone, no rigid rotation,
 * rattlers fixed.
 */
public interface Observable {

    /**
     * The name used in reports and as the base of column names ({@code energy}, {@code pressure},
     * {@code position[17].x}, ...).
     */
    String name();

    /** L at the evaluator's current positions. */
    double value(EnergyEvaluator evaluator);

    /** Overwrites {@code out} (length d·N) with ∇ₓL at the current positions. */
    void gradient(EnergyEvaluator evaluator, double[] out);

    /** The explicit partial derivative ∂L/∂θ_k at fixed positions. */
    double parameterDerivative(EnergyEvaluator evaluator, int k);
}
