package org.mdsens.sensitivity.condition;

import java.util.Objects;

/**
 * The fixed-point condition F(x, θ) = T(x, θ) − x of a {@link FixedPointMap}: ∂ₓF = ∂ₓT − I, ∂_θF = ∂_θT.
 *
 * <p>For a contraction, ∂ₓF is invertible. If ∂ₓT is symmetric so is ∂ₓF, but then it is typically negative
 * definite (I − ∂ₓT is positive definite), which conjugate gradient reports as
 * {@link org.mdsens.sensitivity.linalg.SolveStatus#INDEFINITE}; MINRES handles it. Stateless: thread-safe if the map is.
 */
public final class FixedPointCondition implements OptimalityCondition {

    private final FixedPointMap map;

    /** @param map T with its Jacobian products */
    public FixedPointCondition(FixedPointMap map) {
        this.map = Objects.requireNonNull(map, "map");
    }

    @Override public int dimension() { return map.dimension(); }

    @Override public int parameterCount() { return map.parameterCount(); }

    @Override public void residual(double[] x, double[] theta, double[] out) {
        map.apply(x, theta, out);
        for (int i = 0; i < out.length; i++) {
            out[i] -= x[i];
        }
    }

    @Override public void jvpX(double[] x, double[] theta, double[] v, double[] out) {
        map.jvpX(x, theta, v, out);
        for (int i = 0; i < out.length; i++) {
            out[i] -= v[i];
        }
    }

    @Override public void vjpX(double[] x, double[] theta, double[] w, double[] out) {
        map.vjpX(x, theta, w, out);
        for (int i = 0; i < out.length; i++) {
            out[i] -= w[i];
        }
    }

    @Override public void jvpTheta(double[] x, double[] theta, double[] u, double[] out) {
        map.jvpTheta(x, theta, u, out);
    }

    @Override public void vjpTheta(double[] x, double[] theta, double[] w, double[] out) {
        map.vjpTheta(x, theta, w, out);
    }

    @Override public boolean symmetric() { return map.symmetric(); }

    @Override public String toString() { return "FixedPointCondition[n=" + dimension() + ", p=" + parameterCount() + "]"; }
}
