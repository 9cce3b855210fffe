package org.mdsens.sensitivity.condition;

import org.hipparchus.CalculusFieldElement;

/**
 * A residual F(x, θ) written once over any Hipparchus {@link CalculusFieldElement}, so that evaluating it on
 * {@link org.hipparchus.util.Binary64} gives values and on {@link org.hipparchus.analysis.differentiation.Gradient}
 * gives exact directional derivatives (forward-mode AD). Wrap it with {@link FieldCondition#of}.
 *
 * <p>The implementation must use only field operations on the elements (no {@code getReal()} branches that change
 * the derivative, except at measure-zero kinks), must not keep references to the arrays, and must be safe to call
 * from several threads if the condition is.
 */
public interface FieldResidual {

    /** @return n, the length of x and F */
    int dimension();

    /** @return p, the length of θ */
    int parameterCount();

    /**
     * out = F(x, θ).
     *
     * @param x     length n
     * @param theta length p
     * @param out   length n, to fill (all entries must be set)
     */
    <T extends CalculusFieldElement<T>> void residual(T[] x, T[] theta, T[] out);

    /** @return {@code true} if ∂ₓF is symmetric (then no dense Jacobian is ever needed for ∂ₓFᵀ); default {@code false} */
    default boolean symmetric() { return false; }
}
