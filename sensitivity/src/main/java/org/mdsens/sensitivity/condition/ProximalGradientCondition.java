package org.mdsens.sensitivity.condition;

import java.util.Objects;

/**
 * The proximal-gradient fixed point of f(x, θ) + λ‖x‖₁ (lasso-type problems):
 * F(x, θ) = S_{ηλ}(x − η∇ₓf(x, θ)) − x, with the soft-thresholding S_t(z)_i = sign(z_i)·max(|z_i| − t, 0).
 *
 * <p>The penalty λ ≥ 0 is either a constant or one of the parameters, λ = θ[k] (then f receives the same θ and may
 * ignore θ[k]). Products use the Jacobian of S at z = x − η∇ₓf: D = diag(d), d_i = 1 where |z_i| &gt; t = ηλ (non-zero
 * coordinates), 0 otherwise; and ∂S/∂t = −sign(z)∘d. With H = ∇²ₓf and M = ∂_θ∇ₓf:
 * ∂ₓF = D(I − ηH) − I, ∂ₓFᵀ = (I − ηH)D − I, ∂_θF·u = −ηDMu − η u_k sign(z)∘d, and
 * ∂_θFᵀw = −ηMᵀDw − η e_k Σ_i sign(z_i) d_i w_i (the last terms only when λ = θ[k]). Zero coordinates of the
 * solution get zero sensitivity (the support is locally constant under strict complementarity).
 * Blondel et al. (2022), §2.2 and the lasso example.
 *
 * <p>The support is cached for the last point. Thread-safe if the objective is.
 */
public final class ProximalGradientCondition implements OptimalityCondition {

    /** Cached at one point: d (support) and sign(z) on the support. */
    private record Support(boolean[] d, double[] sign) {
    }

    private final Objective objective;
    private final double stepSize;
    private final double fixedLambda;
    private final int lambdaIndex;
    private final PointCache<Support> support = new PointCache<>();

    private ProximalGradientCondition(Objective objective, double stepSize, double fixedLambda, int lambdaIndex) {
        this.objective = Objects.requireNonNull(objective, "objective");
        if (!(stepSize > 0 && Double.isFinite(stepSize))) {
            throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.fixedLambda = fixedLambda;
        this.lambdaIndex = lambdaIndex;
    }

    /**
     * @param objective f (smooth part)
     * @param stepSize  η &gt; 0
     * @param lambda    fixed penalty λ ≥ 0
     */
    public static ProximalGradientCondition withFixedPenalty(Objective objective, double stepSize, double lambda) {
        if (!(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        return new ProximalGradientCondition(objective, stepSize, lambda, -1);
    }

    /**
     * @param objective   f (smooth part), receiving the full θ
     * @param stepSize    η &gt; 0
     * @param lambdaIndex k, with λ = θ[k] ≥ 0; 0 ≤ k &lt; p
     */
    public static ProximalGradientCondition withPenaltyParameter(Objective objective, double stepSize, int lambdaIndex) {
        if (lambdaIndex < 0 || lambdaIndex >= objective.parameterCount()) {
            throw new IllegalArgumentException("lambdaIndex must be in [0, " + objective.parameterCount() + "), got " + lambdaIndex);
        }
        return new ProximalGradientCondition(objective, stepSize, Double.NaN, lambdaIndex);
    }

    /** @return η */
    public double stepSize() { return stepSize; }

    /** @return λ at θ (validated ≥ 0) */
    public double lambda(double[] theta) {
        double lambda = lambdaIndex < 0 ? fixedLambda : theta[lambdaIndex];
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        return lambda;
    }

    /** The proximal operator of ηλ‖·‖₁ in place: z ← S_{ηλ}(z). */
    public void proximal(double[] z, double[] theta) {
        double t = stepSize * lambda(theta);
        for (int i = 0; i < z.length; i++) {
            z[i] = softThreshold(z[i], t);
        }
    }

    private static double softThreshold(double z, double t) {
        return z > t ? z - t : z < -t ? z + t : 0.0;
    }

    private Support support(double[] x, double[] theta) {
        return support.get(x, theta, (xc, tc) -> {
            int n = xc.length;
            double t = stepSize * lambda(tc);
            double[] g = new double[n];
            objective.gradient(xc, tc, g);
            boolean[] d = new boolean[n];
            double[] sign = new double[n];
            for (int i = 0; i < n; i++) {
                double z = xc[i] - stepSize * g[i];
                d[i] = Math.abs(z) > t;
                sign[i] = d[i] ? Math.signum(z) : 0.0;
            }
            return new Support(d, sign);
        });
    }

    @Override public int dimension() { return objective.dimension(); }

    @Override public int parameterCount() { return objective.parameterCount(); }

    @Override public void residual(double[] x, double[] theta, double[] out) {
        double t = stepSize * lambda(theta);
        objective.gradient(x, theta, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = softThreshold(x[i] - stepSize * out[i], t) - x[i];
        }
    }

    @Override public void jvpX(double[] x, double[] theta, double[] v, double[] out) {
        boolean[] d = support(x, theta).d;
        objective.hessianVectorProduct(x, theta, v, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = d[i] ? -stepSize * out[i] : -v[i];
        }
    }

    @Override public void vjpX(double[] x, double[] theta, double[] w, double[] out) {
        boolean[] d = support(x, theta).d;
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
        Support s = support(x, theta);
        objective.mixedProduct(x, theta, u, out);
        double uLambda = lambdaIndex < 0 ? 0.0 : u[lambdaIndex];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.d[i] ? -stepSize * (out[i] + uLambda * s.sign[i]) : 0.0;
        }
    }

    @Override public void vjpTheta(double[] x, double[] theta, double[] w, double[] out) {
        Support s = support(x, theta);
        double[] dw = new double[w.length];
        double signDot = 0;
        for (int i = 0; i < w.length; i++) {
            dw[i] = s.d[i] ? w[i] : 0.0;
            signDot += s.sign[i] * dw[i];
        }
        objective.mixedProductTranspose(x, theta, dw, out);
        for (int j = 0; j < out.length; j++) {
            out[j] *= -stepSize;
        }
        if (lambdaIndex >= 0) {
            out[lambdaIndex] -= stepSize * signDot;
        }
    }

    @Override public boolean symmetric() { return false; }

    @Override public String toString() {
        return "ProximalGradientCondition[n=" + dimension() + ", p=" + parameterCount() + ", eta=" + stepSize
                + (lambdaIndex < 0 ? ", lambda=" + fixedLambda : ", lambda=theta[" + lambdaIndex + "]") + "]";
    }
}
