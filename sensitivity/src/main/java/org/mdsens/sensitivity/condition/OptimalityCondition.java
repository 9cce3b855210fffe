package org.mdsens.sensitivity.condition;

/**
 * A root condition F(x, θ) = 0 that characterizes a solution x*(θ), with the four Jacobian products that
 * implicit differentiation needs (Blondel et al., "Efficient and Modular Implicit Differentiation", NeurIPS 2022).
 *
 * <p>Dimensions: x has length n = {@link #dimension()}, θ has length p = {@link #parameterCount()}, F has length n.
 * With A = ∂ₓF(x, θ) (n × n) and B = ∂_θF(x, θ) (n × p):
 * <ul>
 *   <li>{@link #jvpX}: out = A·v (v, out length n)</li>
 *   <li>{@link #vjpX}: out = Aᵀ·w (w, out length n)</li>
 *   <li>{@link #jvpTheta}: out = B·u (u length p, out length n)</li>
 *   <li>{@link #vjpTheta}: out = Bᵀ·w (w length n, out length p)</li>
 * </ul>
 * Inputs are never modified; {@code out} is overwritten and never aliases an input. The condition never knows which
 * algorithm found x*. Products are evaluated at the point given; implementations may cache work tied to the last
 * point (compared by content), so they need not be cheap to call at a new point, but must be cheap to call
 * repeatedly at one point (a Krylov solve calls {@link #jvpX} or {@link #vjpX} once per iteration).
 *
 * <p>Thread-safety: stated by each implementation; the built-in ones are safe for concurrent use.
 *
 * @see StationarityCondition
 * @see FixedPointCondition
 * @see ProjectedGradientCondition
 * @see ProximalGradientCondition
 * @see FieldCondition
 * @see FiniteDifferenceCondition
 */
public interface OptimalityCondition {

    /** @return n, the length of x and of F */
    int dimension();

    /** @return p, the length of θ */
    int parameterCount();

    /** out = F(x, θ), length n. */
    void residual(double[] x, double[] theta, double[] out);

    /** out = ∂ₓF(x, θ)·v, length n. */
    void jvpX(double[] x, double[] theta, double[] v, double[] out);

    /** out = ∂ₓF(x, θ)ᵀ·w, length n. */
    void vjpX(double[] x, double[] theta, double[] w, double[] out);

    /** out = ∂_θF(x, θ)·u, u of length p, out of length n. */
    void jvpTheta(double[] x, double[] theta, double[] u, double[] out);

    /** out = ∂_θF(x, θ)ᵀ·w, w of length n, out of length p. */
    void vjpTheta(double[] x, double[] theta, double[] w, double[] out);

    /** @return {@code true} if ∂ₓF is symmetric (then {@link #vjpX} equals {@link #jvpX}, and CG or MINRES apply) */
    boolean symmetric();
}
