package org.mdsens.sensitivity.condition;

import org.hipparchus.linear.RealMatrix;

/**
 * Test objective f(x, θ) = ½‖X x − s·y‖² + ½μ‖x‖² with θ[0] = μ (ridge), θ[1] = s (data scale); further θ entries are
 * ignored (e.g. a lasso penalty handled by the proximal condition). X is m × n.
 * ∇f = XᵀX x − s Xᵀy + μx, H = XᵀX + μI, M = ∂_θ∇f = [x, −Xᵀy, 0…].
 */
public final class LeastSquaresObjective implements Objective {

    private final RealMatrix xMat;
    private final double[] y;
    private final double[] xty;
    private final int p;

    public LeastSquaresObjective(RealMatrix xMat, double[] y, int parameterCount) {
        if (parameterCount < 2) {
            throw new IllegalArgumentException("parameterCount must be >= 2, got " + parameterCount);
        }
        this.xMat = xMat;
        this.y = y.clone();
        this.xty = xMat.preMultiply(y);
        this.p = parameterCount;
    }

    public RealMatrix design() { return xMat.copy(); }

    public double[] xty() { return xty.clone(); }

    @Override public int dimension() { return xMat.getColumnDimension(); }

    @Override public int parameterCount() { return p; }

    @Override public double value(double[] x, double[] theta) {
        double[] r = xMat.operate(x);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            double d = r[i] - theta[1] * y[i];
            s += d * d;
        }
        double xx = 0;
        for (double v : x) {
            xx += v * v;
        }
        return 0.5 * s + 0.5 * theta[0] * xx;
    }

    @Override public void gradient(double[] x, double[] theta, double[] out) {
        double[] g = xMat.preMultiply(xMat.operate(x));
        for (int i = 0; i < out.length; i++) {
            out[i] = g[i] - theta[1] * xty[i] + theta[0] * x[i];
        }
    }

    @Override public void hessianVectorProduct(double[] x, double[] theta, double[] v, double[] out) {
        double[] g = xMat.preMultiply(xMat.operate(v));
        for (int i = 0; i < out.length; i++) {
            out[i] = g[i] + theta[0] * v[i];
        }
    }

    @Override public void mixedProduct(double[] x, double[] theta, double[] u, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] * u[0] - xty[i] * u[1];
        }
    }

    @Override public void mixedProductTranspose(double[] x, double[] theta, double[] w, double[] out) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < w.length; i++) {
            a += x[i] * w[i];
            b -= xty[i] * w[i];
        }
        java.util.Arrays.fill(out, 0.0);
        out[0] = a;
        out[1] = b;
    }
}
