package org.mdsens.sensitivity.condition;

/**
 * A twice-differentiable objective f(x, θ) with the products that stationarity-type conditions need.
 *
 * <p>x has length n = {@link #dimension()}, θ length p = {@link #parameterCount()}. With H = ∇²ₓf (n × n, symmetric)
 * and M = ∂_θ∇ₓf (n × p, the mixed second derivatives):
 * <ul>
 *   <li>{@link #gradient}: out = ∇ₓf (length n)</li>
 *   <li>{@link #hessianVectorProduct}: out = H·v (length n)</li>
 *   <li>{@link #mixedProduct}: out = M·u (u length p, out length n)</li>
 *   <li>{@link #mixedProductTranspose}: out = Mᵀ·w (w length n, out length p)</li>
 * </ul>
 * Inputs are never modified; {@code out} never aliases an input. Thread-safety is the implementation's to state.
 */
public interface Objective {

    /** @return n */
    int dimension();

    /** @return p */
    int parameterCount();

    /** @return f(x, θ) */
    double value(double[] x, double[] theta);

    /** out = ∇ₓf(x, θ) */
    void gradient(double[] x, double[] theta, double[] out);

    /** out = ∇²ₓf(x, θ)·v */
    void hessianVectorProduct(double[] x, double[] theta, double[] v, double[] out);

    /** out = ∂_θ∇ₓf(x, θ)·u */
    void mixedProduct(double[] x, double[] theta, double[] u, double[] out);

    /** out = (∂_θ∇ₓf(x, θ))ᵀ·w, length p */
    void mixedProductTranspose(double[] x, double[] theta, double[] w, double[] out);
}
