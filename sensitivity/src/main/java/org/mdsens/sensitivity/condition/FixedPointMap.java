package org.mdsens.sensitivity.condition;

/**
 * A parametric map T(x, θ) whose fixed points x = T(x, θ) are the solutions, with its Jacobian products
 * (same conventions as {@link OptimalityCondition}: {@code jvpX} = ∂ₓT·v, {@code vjpX} = ∂ₓTᵀ·w,
 * {@code jvpTheta} = ∂_θT·u, {@code vjpTheta} = ∂_θTᵀ·w).
 */
public interface FixedPointMap {

    /** @return n */
    int dimension();

    /** @return p */
    int parameterCount();

    /** out = T(x, θ) */
    void apply(double[] x, double[] theta, double[] out);

    /** out = ∂ₓT·v */
    void jvpX(double[] x, double[] theta, double[] v, double[] out);

    /** out = ∂ₓTᵀ·w */
    void vjpX(double[] x, double[] theta, double[] w, double[] out);

    /** out = ∂_θT·u (out length n) */
    void jvpTheta(double[] x, double[] theta, double[] u, double[] out);

    /** out = ∂_θTᵀ·w (out length p) */
    void vjpTheta(double[] x, double[] theta, double[] w, double[] out);

    /** @return {@code true} if ∂ₓT is symmetric; default {@code false} */
    default boolean symmetric() { return false; }
}
