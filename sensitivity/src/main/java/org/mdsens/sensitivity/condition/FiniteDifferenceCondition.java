package org.mdsens.sensitivity.condition;

import java.util.Objects;

/**
 * An {@link OptimalityCondition} from a residual function alone, with every product by central finite differences.
 * Meant for prototyping and as a test oracle, not for production sensitivities.
 *
 * <p>Directional products: ∂ₓF·v ≈ [F(x + hv, θ) − F(x − hv, θ)]/(2h) with h = ∛ε·max(1, ‖x‖)/‖v‖ (ε the double
 * machine epsilon, so h‖v‖ ≈ 6e-6·max(1, ‖x‖)); likewise ∂_θF·u with ‖θ‖ and ‖u‖. The truncation error is O(h²)
 * (a third-derivative term) and the round-off error O(ε‖F‖/h), balanced by this h at about ε^(2/3) ≈ 4e-11 relative
 * for well-scaled smooth F. A zero direction gives zero without evaluating F. Each product costs two residual
 * evaluations.
 *
 * <p>Transposed products need the dense Jacobian: ∂ₓF (n columns, 2n evaluations, step ∛ε·max(1, ‖x‖)) unless the
 * condition is declared symmetric, refused above the dense limit (default {@value #DEFAULT_DENSE_LIMIT}) with an
 * {@link UnsupportedOperationException}; ∂_θF (p columns, 2p evaluations). Both are cached for the last point.
 * Thread-safe if the residual function is.
 */
public final class FiniteDifferenceCondition implements OptimalityCondition {

    /** A residual-only function F(x, θ): out ← F (length n); inputs not modified. */
    @FunctionalInterface
    public interface ResidualFunction {
        void residual(double[] x, double[] theta, double[] out);
    }

    /** Default largest n for which a dense ∂ₓF is built. */
    public static final int DEFAULT_DENSE_LIMIT = 2000;

    private static final double CBRT_EPS = Math.cbrt(Math.ulp(1.0));

    private final int n;
    private final int p;
    private final ResidualFunction function;
    private final boolean symmetric;
    private final int denseLimit;
    private final PointCache<double[]> jacobianX = new PointCache<>();
    private final PointCache<double[]> jacobianTheta = new PointCache<>();

    private FiniteDifferenceCondition(int n, int p, ResidualFunction function, boolean symmetric, int denseLimit) {
        if (n < 1 || p < 0) {
            throw new IllegalArgumentException("dimension must be >= 1 and parameterCount >= 0, got " + n + " and " + p);
        }
        if (denseLimit < 0) {
            throw new IllegalArgumentException("denseLimit must be >= 0, got " + denseLimit);
        }
        this.n = n;
        this.p = p;
        this.function = Objects.requireNonNull(function, "function");
        this.symmetric = symmetric;
        this.denseLimit = denseLimit;
    }

    /** A general (nonsymmetric) condition with the default dense limit. */
    public static FiniteDifferenceCondition of(int dimension, int parameterCount, ResidualFunction function) {
        return new FiniteDifferenceCondition(dimension, parameterCount, function, false, DEFAULT_DENSE_LIMIT);
    }

    /** A general condition whose dense ∂ₓF may be built up to {@code denseLimit}. */
    public static FiniteDifferenceCondition of(int dimension, int parameterCount, ResidualFunction function, int denseLimit) {
        return new FiniteDifferenceCondition(dimension, parameterCount, function, false, denseLimit);
    }

    /** A condition with symmetric ∂ₓF (e.g. a gradient): ∂ₓFᵀw is computed as ∂ₓF·w, no dense Jacobian. */
    public static FiniteDifferenceCondition symmetric(int dimension, int parameterCount, ResidualFunction function) {
        return new FiniteDifferenceCondition(dimension, parameterCount, function, true, DEFAULT_DENSE_LIMIT);
    }

    @Override public int dimension() { return n; }

    @Override public int parameterCount() { return p; }

    @Override public boolean symmetric() { return symmetric; }

    @Override public void residual(double[] x, double[] theta, double[] out) { function.residual(x, theta, out); }

    @Override public void jvpX(double[] x, double[] theta, double[] v, double[] out) {
        double vNorm = norm(v);
        if (vNorm == 0) {
            java.util.Arrays.fill(out, 0.0);
            return;
        }
        double h = CBRT_EPS * Math.max(1.0, norm(x)) / vNorm;
        double[] plus = x.clone();
        double[] minus = x.clone();
        for (int i = 0; i < n; i++) {
            plus[i] += h * v[i];
            minus[i] -= h * v[i];
        }
        central(plus, theta, minus, theta, h, out);
    }

    @Override public void jvpTheta(double[] x, double[] theta, double[] u, double[] out) {
        double uNorm = norm(u);
        if (uNorm == 0) {
            java.util.Arrays.fill(out, 0.0);
            return;
        }
        double h = CBRT_EPS * Math.max(1.0, norm(theta)) / uNorm;
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        for (int j = 0; j < p; j++) {
            plus[j] += h * u[j];
            minus[j] -= h * u[j];
        }
        central(x, plus, x, minus, h, out);
    }

    @Override public void vjpX(double[] x, double[] theta, double[] w, double[] out) {
        if (symmetric) {
            jvpX(x, theta, w, out);
            return;
        }
        if (n > denseLimit) {
            throw new UnsupportedOperationException("FiniteDifferenceCondition.vjpX needs a dense Jacobian: dimension "
                    + "must be <= " + denseLimit + ", got " + n + " (declare the condition symmetric if it is)");
        }
        double[] j = jacobianX.get(x, theta, (xc, tc) -> dense(xc, tc, true));
        transposeTimes(j, n, w, out);
    }

    @Override public void vjpTheta(double[] x, double[] theta, double[] w, double[] out) {
        if (p == 0) {
            return;
        }
        double[] j = jacobianTheta.get(x, theta, (xc, tc) -> dense(xc, tc, false));
        transposeTimes(j, p, w, out);
    }

    private void central(double[] xp, double[] tp, double[] xm, double[] tm, double h, double[] out) {
        double[] fm = new double[n];
        function.residual(xp, tp, out);
        function.residual(xm, tm, fm);
        double inv = 0.5 / h;
        for (int i = 0; i < n; i++) {
            out[i] = (out[i] - fm[i]) * inv;
        }
    }

    private double[] dense(double[] x, double[] theta, boolean wrtX) {
        int cols = wrtX ? n : p;
        double[] jac = new double[n * cols];
        double[] e = new double[cols];
        double[] column = new double[n];
        for (int c = 0; c < cols; c++) {
            e[c] = 1.0;
            if (wrtX) {
                jvpX(x, theta, e, column);
            } else {
                jvpTheta(x, theta, e, column);
            }
            e[c] = 0.0;
            for (int i = 0; i < n; i++) {
                jac[i * cols + c] = column[i];
            }
        }
        return jac;
    }

    private void transposeTimes(double[] j, int cols, double[] w, double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int i = 0; i < n; i++) {
            int row = i * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += j[row + c] * w[i];
            }
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }

    @Override public String toString() {
        return "FiniteDifferenceCondition[n=" + n + ", p=" + p + ", symmetric=" + symmetric + "]";
    }
}
