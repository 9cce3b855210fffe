package org.mdsens.md.potential;

/**
 * The radial function of one species pair, with its derivatives with respect to its own
 * effective pair parameters p_0, p_1, ... (for example σ_ab, ε_ab, α of the soft sphere).
 * Potentials map each named parameter θ_k onto these through their mixing rule.
 *
 * <p>Subclasses are final, immutable, and compute {@link #energy}, {@link #firstDerivative} and
 * {@link #secondDerivative} without allocation.
 */
abstract class PairFunction implements RadialFunction {

    /** Number of effective pair parameters. */
    abstract int parameterCount();

    /**
     * ∂/∂p_j of the order-th r-derivative: order 0 gives ∂φ/∂p_j, 1 gives ∂φ'/∂p_j, 2 gives
     * ∂φ''/∂p_j; 0 at and beyond the cutoff.
     */
    abstract double parameterPartial(int j, int order, double r);

    /** ∂²φ/∂p_i∂p_j at r (0 beyond the cutoff), or NaN when no exact value is implemented. */
    abstract double parameterSecondPartial(int i, int j, double r);
}
