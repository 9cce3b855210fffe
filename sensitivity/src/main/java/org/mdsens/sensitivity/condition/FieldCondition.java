package org.mdsens.sensitivity.condition;

import java.util.Objects;

import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.analysis.differentiation.GradientField;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.Binary64Field;
import org.hipparchus.util.MathArrays;

/**
 * An {@link OptimalityCondition} whose products come from forward-mode automatic differentiation of a
 * {@link FieldResidual} (Hipparchus {@link Gradient}).
 *
 * <p>{@link #jvpX} and {@link #jvpTheta} are exact directional derivatives, one AD pass each (a {@code Gradient} with
 * one free parameter carrying the direction). Transposed products have no forward-mode shortcut: {@link #vjpX} uses
 * {@link #jvpX} when the residual is symmetric, otherwise a dense ∂ₓF built with ⌈n/16⌉ AD passes of up to 16 free
 * parameters, cached for the last point; this is refused with an {@link UnsupportedOperationException} when n exceeds
 * the dense limit (default {@value #DEFAULT_DENSE_LIMIT}). {@link #vjpTheta} uses a dense ∂_θF (n × p, ⌈p/16⌉ passes,
 * cached). Each pass costs a few times one residual evaluation and allocates O(n + p) field elements.
 *
 * <p>Thread-safe if the residual is (the caches are lock-free snapshots).
 */
public final class FieldCondition implements OptimalityCondition {

    /** Default largest n for which a dense ∂ₓF is built for transposed products. */
    public static final int DEFAULT_DENSE_LIMIT = 2000;

    private static final int CHUNK = 16;

    private final FieldResidual residual;
    private final int n;
    private final int p;
    private final int denseLimit;
    private final PointCache<double[]> jacobianX = new PointCache<>();
    private final PointCache<double[]> jacobianTheta = new PointCache<>();

    private FieldCondition(FieldResidual residual, int denseLimit) {
        this.residual = Objects.requireNonNull(residual, "residual");
        this.n = residual.dimension();
        this.p = residual.parameterCount();
        if (n < 1 || p < 0) {
            throw new IllegalArgumentException("dimension must be >= 1 and parameterCount >= 0, got " + n + " and " + p);
        }
        if (denseLimit < 0) {
            throw new IllegalArgumentException("denseLimit must be >= 0, got " + denseLimit);
        }
        this.denseLimit = denseLimit;
    }

    /** @return the condition with the default dense limit {@value #DEFAULT_DENSE_LIMIT} */
    public static FieldCondition of(FieldResidual residual) { return new FieldCondition(residual, DEFAULT_DENSE_LIMIT); }

    /**
     * @param residual   F over a field
     * @param denseLimit largest n for which a dense ∂ₓF may be built (memory 8n² bytes)
     */
    public static FieldCondition of(FieldResidual residual, int denseLimit) { return new FieldCondition(residual, denseLimit); }

    @Override public int dimension() { return n; }

    @Override public int parameterCount() { return p; }

    @Override public boolean symmetric() { return residual.symmetric(); }

    @Override public void residual(double[] x, double[] theta, double[] out) {
        Binary64Field field = Binary64Field.getInstance();
        Binary64[] xf = MathArrays.buildArray(field, n);
        Binary64[] tf = MathArrays.buildArray(field, p);
        Binary64[] of = MathArrays.buildArray(field, n);
        for (int i = 0; i < n; i++) {
            xf[i] = new Binary64(x[i]);
        }
        for (int j = 0; j < p; j++) {
            tf[j] = new Binary64(theta[j]);
        }
        residual.residual(xf, tf, of);
        for (int i = 0; i < n; i++) {
            out[i] = of[i].getReal();
        }
    }

    @Override public void jvpX(double[] x, double[] theta, double[] v, double[] out) {
        directional(x, theta, v, null, out);
    }

    @Override public void jvpTheta(double[] x, double[] theta, double[] u, double[] out) {
        directional(x, theta, null, u, out);
    }

    @Override public void vjpX(double[] x, double[] theta, double[] w, double[] out) {
        if (residual.symmetric()) {
            jvpX(x, theta, w, out);
            return;
        }
        if (n > denseLimit) {
            throw new UnsupportedOperationException("FieldCondition.vjpX needs a dense Jacobian for a nonsymmetric "
                    + "residual: dimension must be <= " + denseLimit + ", got " + n
                    + " (declare symmetric() if it is, raise the dense limit, or write the transposed product by hand)");
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

    /** out = Jᵀ w for a row-major n × cols matrix J. */
    private void transposeTimes(double[] j, int cols, double[] w, double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
            int row = i * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += j[row + c] * wi;
            }
        }
    }

    /** One forward pass with a single free parameter: direction v on x or u on θ (the other is constant). */
    private void directional(double[] x, double[] theta, double[] v, double[] u, double[] out) {
        GradientField field = GradientField.getField(1);
        Gradient[] xg = MathArrays.buildArray(field, n);
        Gradient[] tg = MathArrays.buildArray(field, p);
        Gradient[] og = MathArrays.buildArray(field, n);
        for (int i = 0; i < n; i++) {
            xg[i] = new Gradient(x[i], v == null ? 0.0 : v[i]);
        }
        for (int j = 0; j < p; j++) {
            tg[j] = new Gradient(theta[j], u == null ? 0.0 : u[j]);
        }
        residual.residual(xg, tg, og);
        for (int i = 0; i < n; i++) {
            out[i] = og[i].getPartialDerivative(0);
        }
    }

    /** Dense row-major ∂ₓF (n × n) or ∂_θF (n × p), by chunks of up to 16 seeded columns. */
    private double[] dense(double[] x, double[] theta, boolean wrtX) {
        int cols = wrtX ? n : p;
        double[] jac = new double[n * cols];
        for (int start = 0; start < cols; start += CHUNK) {
            int k = Math.min(CHUNK, cols - start);
            GradientField field = GradientField.getField(k);
            Gradient[] xg = MathArrays.buildArray(field, n);
            Gradient[] tg = MathArrays.buildArray(field, p);
            Gradient[] og = MathArrays.buildArray(field, n);
            for (int i = 0; i < n; i++) {
                int c = i - start;
                xg[i] = wrtX && c >= 0 && c < k ? Gradient.variable(k, c, x[i]) : Gradient.constant(k, x[i]);
            }
            for (int j = 0; j < p; j++) {
                int c = j - start;
                tg[j] = !wrtX && c >= 0 && c < k ? Gradient.variable(k, c, theta[j]) : Gradient.constant(k, theta[j]);
            }
            residual.residual(xg, tg, og);
            for (int i = 0; i < n; i++) {
                double[] g = og[i].getGradient();
                System.arraycopy(g, 0, jac, i * cols + start, k);
            }
        }
        return jac;
    }

    @Override public String toString() {
        return "FieldCondition[n=" + n + ", p=" + p + ", symmetric=" + residual.symmetric() + "]";
    }
}
