package org.mdsens.sensitivity.implicit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.mdsens.sensitivity.condition.LeastSquaresObjective;
import org.mdsens.sensitivity.condition.Objective;

/** Seeded test problems with closed forms or accurate reference solvers. */
final class Problems {

    private Problems() {
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    static double[] random(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return v;
    }

    static RealMatrix randomMatrix(UniformRandomProvider rng, int rows, int cols) {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = random(rng, cols);
        }
        return new Array2DRowRealMatrix(a, false);
    }

    static LeastSquaresObjective leastSquares(long seed, int m, int n, int p) {
        UniformRandomProvider rng = rng(seed);
        return new LeastSquaresObjective(randomMatrix(rng, m, n), random(rng, m), p);
    }

    static double[] solve(RealMatrix a, double[] b) {
        return new LUDecomposition(a).getSolver().solve(MatrixUtils.createRealVector(b)).toArray();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** max|a − b| / max|b| */
    static double relativeError(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m / Math.max(1e-300, maxAbs(b));
    }

    static double largestEigenvalue(RealMatrix symmetric) {
        double[] e = new EigenDecompositionSymmetric(symmetric).getEigenvalues();
        double m = Double.NEGATIVE_INFINITY;
        for (double v : e) {
            m = Math.max(m, v);
        }
        return m;
    }

    static double smallestEigenvalue(RealMatrix symmetric) {
        double[] e = new EigenDecompositionSymmetric(symmetric).getEigenvalues();
        double m = Double.POSITIVE_INFINITY;
        for (double v : e) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** f(x, θ) = ½xᵀQx − (Cθ)ᵀx: ∇f = Qx − Cθ, H = Q, M = −C. */
    static final class Quadratic implements Objective {
        final RealMatrix q;
        final RealMatrix c;

        Quadratic(RealMatrix q, RealMatrix c) {
            this.q = q;
            this.c = c;
        }

        @Override public int dimension() { return q.getRowDimension(); }

        @Override public int parameterCount() { return c.getColumnDimension(); }

        @Override public double value(double[] x, double[] theta) {
            return 0.5 * dot(x, q.operate(x)) - dot(c.operate(theta), x);
        }

        @Override public void gradient(double[] x, double[] theta, double[] out) {
            double[] qx = q.operate(x);
            double[] ct = c.operate(theta);
            for (int i = 0; i < out.length; i++) {
                out[i] = qx[i] - ct[i];
            }
        }

        @Override public void hessianVectorProduct(double[] x, double[] theta, double[] v, double[] out) {
            System.arraycopy(q.operate(v), 0, out, 0, out.length);
        }

        @Override public void mixedProduct(double[] x, double[] theta, double[] u, double[] out) {
            double[] cu = c.operate(u);
            for (int i = 0; i < out.length; i++) {
                out[i] = -cu[i];
            }
        }

        @Override public void mixedProductTranspose(double[] x, double[] theta, double[] w, double[] out) {
            double[] ctw = c.preMultiply(w);
            for (int j = 0; j < out.length; j++) {
                out[j] = -ctw[j];
            }
        }
    }

    /**
     * An open 1D chain of springs, f = Σ_i ½k_i(x_{i+1} − x_i − θ_i)², i = 0 … n−2: translation-invariant (null space:
     * the uniform translation), minimum x_{i+1} − x_i = θ_i. ∇f_j = k_{j−1}(x_j − x_{j−1} − θ_{j−1}) − k_j(x_{j+1} − x_j − θ_j).
     */
    static final class Chain implements Objective {
        final double[] k;

        Chain(double[] k) { this.k = k.clone(); }

        @Override public int dimension() { return k.length + 1; }

        @Override public int parameterCount() { return k.length; }

        @Override public double value(double[] x, double[] theta) {
            double s = 0;
            for (int i = 0; i < k.length; i++) {
                double d = x[i + 1] - x[i] - theta[i];
                s += 0.5 * k[i] * d * d;
            }
            return s;
        }

        @Override public void gradient(double[] x, double[] theta, double[] out) {
            java.util.Arrays.fill(out, 0.0);
            for (int i = 0; i < k.length; i++) {
                double t = k[i] * (x[i + 1] - x[i] - theta[i]);
                out[i + 1] += t;
                out[i] -= t;
            }
        }

        @Override public void hessianVectorProduct(double[] x, double[] theta, double[] v, double[] out) {
            java.util.Arrays.fill(out, 0.0);
            for (int i = 0; i < k.length; i++) {
                double t = k[i] * (v[i + 1] - v[i]);
                out[i + 1] += t;
                out[i] -= t;
            }
        }

        @Override public void mixedProduct(double[] x, double[] theta, double[] u, double[] out) {
            java.util.Arrays.fill(out, 0.0);
            for (int i = 0; i < k.length; i++) {
                double t = -k[i] * u[i];
                out[i + 1] += t;
                out[i] -= t;
            }
        }

        @Override public void mixedProductTranspose(double[] x, double[] theta, double[] w, double[] out) {
            for (int i = 0; i < k.length; i++) {
                out[i] = -k[i] * (w[i + 1] - w[i]);
            }
        }
    }
}
