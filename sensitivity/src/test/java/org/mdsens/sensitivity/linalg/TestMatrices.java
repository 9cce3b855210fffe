package org.mdsens.sensitivity.linalg;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/** Seeded dense test matrices and dense reference solutions. */
public final class TestMatrices {

    private TestMatrices() {
    }

    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    public static double[] randomVector(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return v;
    }

    public static RealMatrix randomMatrix(UniformRandomProvider rng, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = 2 * rng.nextDouble() - 1;
            }
        }
        return new Array2DRowRealMatrix(a, false);
    }

    /** A random orthogonal n × n matrix (Q of a QR decomposition). */
    public static RealMatrix randomOrthogonal(UniformRandomProvider rng, int n) {
        return new QRDecomposition(randomMatrix(rng, n, n)).getQ();
    }

    /** Q diag(eigenvalues) Qᵀ for a random orthogonal Q. */
    public static RealMatrix withSpectrum(UniformRandomProvider rng, double[] eigenvalues) {
        int n = eigenvalues.length;
        RealMatrix q = randomOrthogonal(rng, n);
        return q.multiply(MatrixUtils.createRealDiagonalMatrix(eigenvalues)).multiplyTransposed(q);
    }

    /** Eigenvalues log-spaced in [lo, hi]. */
    public static double[] logSpaced(int n, double lo, double hi) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = lo * Math.pow(hi / lo, n == 1 ? 0 : (double) i / (n - 1));
        }
        return e;
    }

    public static double[] luSolve(RealMatrix a, double[] b) {
        return new LUDecomposition(a).getSolver().solve(MatrixUtils.createRealVector(b)).toArray();
    }

    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** ‖a − b‖ / ‖b‖ */
    public static double relativeError(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s) / norm(b);
    }

    /** ‖b − A x‖ / ‖b‖ computed densely. */
    public static double relativeResidual(RealMatrix a, double[] x, double[] b) {
        double[] ax = a.operate(x);
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            s += (b[i] - ax[i]) * (b[i] - ax[i]);
        }
        return Math.sqrt(s) / norm(b);
    }
}
