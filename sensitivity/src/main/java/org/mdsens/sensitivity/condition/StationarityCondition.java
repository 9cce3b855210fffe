package org.mdsens.sensitivity.condition;

import java.util.Objects;

/**
 * Stationarity of an {@link Objective}: F(x, θ) = ∇ₓf(x, θ), so ∂ₓF = ∇²ₓf (symmetric) and ∂_θF = ∂_θ∇ₓf.
 *
 * <p>At an unconstrained minimum this is the condition of the implicit function theorem for energy minima
 * (DESIGN §4: H u = −b δθ). Stateless: thread-safe if the objective is.
 */
public final class StationarityCondition implements OptimalityCondition {

    private final Objective objective;

    /** @param objective f with its gradient, Hessian-vector and mixed products */
    public StationarityCondition(Objective objective) {
        this.objective = Objects.requireNonNull(objective, "objective");
    }

    /** @return the objective */
    public Objective objective() { return objective; }

    @Override public int dimension() { return objective.dimension(); }

    @Override public int parameterCount() { return objective.parameterCount(); }

    @Override public void residual(double[] x, double[] theta, double[] out) { objective.gradient(x, theta, out); }

    @Override public void jvpX(double[] x, double[] theta, double[] v, double[] out) {
        objective.hessianVectorProduct(x, theta, v, out);
    }

    @Override public void vjpX(double[] x, double[] theta, double[] w, double[] out) {
        objective.hessianVectorProduct(x, theta, w, out);
    }

    @Override public void jvpTheta(double[] x, double[] theta, double[] u, double[] out) {
        objective.mixedProduct(x, theta, u, out);
    }

    @Override public void vjpTheta(double[] x, double[] theta, double[] w, double[] out) {
        objective.mixedProductTranspose(x, theta, w, out);
    }

    @Override public boolean symmetric() { return true; }

    @Override public String toString() { return "StationarityCondition[n=" + dimension() + ", p=" + parameterCount() + "]"; }
}
