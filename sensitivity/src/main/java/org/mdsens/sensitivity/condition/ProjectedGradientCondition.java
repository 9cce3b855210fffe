package org.mdsens.sensitivity.condition;

import java.util.Arrays;
import java.util.Objects;

/**
 * The projected-gradient fixed point for box constraints lo ≤ x ≤ hi:
 * F(x, θ) = P(x − η∇ₓf(x, θ)) − x, with P the clamp onto [lo, hi].
 *
 * <p>Products use the (generalized) Jacobian of the projection at z = x − η∇ₓf: D = diag(d), d_i = 1 where
 * lo_i &lt; z_i &lt; hi_i (free), 0 where z_i is at or beyond a bound (active). With H = ∇²ₓf and M = ∂_θ∇ₓf:
 * ∂ₓF = D(I − ηH) − I, ∂ₓFᵀ = (I − ηH)D − I, ∂_θF = −ηDM, ∂_θFᵀ = −ηMᵀD. Not symmetric in general. Under
 * strict complementarity the sensitivities of active coordinates are exactly zero. Blondel et al. (2022), §2.2.
 *
 * <p>The active set is cached for the last point (one gradient evaluation per new point). Thread-safe if the
 * objective is. Bounds may be infinite.
 */
public final class ProjectedGradientCondition implements OptimalityCondition {

    private final Objective objective;
    private final double stepSize;
    private final double[] lower;
    private final double[] upper;
    private final PointCache<boolean[]> freeSet = new PointCache<>();

    /**
     * @param objective f
     * @param stepSize  η &gt; 0 (any positive value gives the same fixed points; η ≈ 1/L keeps ∂ₓF well conditioned)
     * @param lower     lower bounds lo, length n (−∞ allowed; copied)
     * @param upper     upper bounds hi ≥ lo, length n (+∞ allowed; copied)
     */
    public ProjectedGradientCondition(Objective objective, double stepSize, double[] lower, double[] upper) {
        this.objective = Objects.requireNonNull(objective, "objective");
        int n = objective.dimension();
        if (!(stepSize > 0 && Double.isFinite(stepSize))) {
            throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
        }
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("bounds length must be " + n + ", got " + lower.length + " and " + upper.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("lower[" + i + "] must be <= upper[" + i + "], got " + lower[i] + " > " + upper[i]);
            }
        }
        this.stepSize = stepSize;
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /** @return the box [lo, hi]ⁿ with scalar bounds */
    public static ProjectedGradientCondition box(Objective objective, double stepSize, double lo, double hi) {
        double[] l = new double[objective.dimension()];
        double[] h = new double[objective.dimension()];
        Arrays.fill(l, lo);
        Arrays.fill(h, hi);
        return new ProjectedGradientCondition(objective, stepSize, l, h);
    }

    /** @return η */
    public double stepSize() { return stepSize; }

    /** Projects x onto the box in place. */
    public void project(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
    }

    /** @return a copy of the free-coordinate mask (d_i = 1) at (x, θ) */
    public boolean[] freeCoordinates(double[] x, double[] theta) { return free(x, theta).clone(); }

    private boolean[] free(double[] x, double[] theta) {
        return freeSet.get(x, theta, (xc, tc) -> {
            int n = xc.length;
            double[] g = new double[n];
            objective.gradient(xc, tc, g);
            boolean[] d = new boolean[n];
            for (int i = 0; i < n; i++) {
                double z = xc[i] - stepSize * g[i];
                d[i] = z > lower[i] && z < upper[i];
            }
            return d;
        });
    }

    @Override public int dimension() { return objective.dimension(); }

    @Override public int parameterCount() { return objective.parameterCount(); }

    @Override public void residual(double[] x, double[] theta, double[] out) {
        objective.gradient(x, theta, out);
        for (int i = 0; i < out.length; i++) {
            double z = x[i] - stepSize * out[i];
            out[i] = Math.min(upper[i], Math.max(lower[i], z)) - x[i];
        }
    }

    @Override public void jvpX(double[] x, double[] theta, double[] v, double[] out) {
        boolean[] d = free(x, theta);
        objective.hessianVectorProduct(x, theta, v, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = d[i] ? -stepSize * out[i] : -v[i];
        }
    }

    @Override public void vjpX(double[] x, double[] theta, double[] w, double[] out) {
        boolean[] d = free(x, theta);
        double[] dw = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            dw[i] = d[i] ? w[i] : 0.0;
        }
        objective.hessianVectorProduct(x, theta, dw, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = dw[i] - stepSize * out[i] - w[i];
        }
    }

    @Override public void jvpTheta(double[] x, double[] theta, double[] u, double[] out) {
        boolean[] d = free(x, theta);
        objective.mixedProduct(x, theta, u, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = d[i] ? -stepSize * out[i] : 0.0;
        }
    }

    @Override public void vjpTheta(double[] x, double[] theta, double[] w, double[] out) {
        boolean[] d = free(x, theta);
        double[] dw = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            dw[i] = d[i] ? w[i] : 0.0;
        }
        objective.mixedProductTranspose(x, theta, dw, out);
        for (int j = 0; j < out.length; j++) {
            out[j] *= -stepSize;
        }
    }

    @Override public boolean symmetric() { return false; }

    @Override public String toString() {
        return "ProjectedGradientCondition[n=" + dimension() + ", p=" + parameterCount() + ", eta=" + stepSize + "]";
    }
}
