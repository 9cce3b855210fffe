package org.mdsens.sensitivity.linalg;

/** Small dense-vector kernels on flat arrays; no allocation. */
final class Vectors {

    private Vectors() {
    }

    /** Σ a_i b_i, with four partial sums (for instruction-level parallelism; deterministic). */
    static double dot(double[] a, double[] b) {
        return BlockVectors.dot(a, b, 0, a.length);
    }

    /** Euclidean norm, scaled to avoid overflow and underflow. */
    static double norm(double[] a) {
        double scale = 0;
        for (double v : a) {
            double av = Math.abs(v);
            if (av > scale || Double.isNaN(av)) {
                scale = av;
            }
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        double inv = 1.0 / scale;
        for (double v : a) {
            double t = v * inv;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    /** y += alpha·x */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    static boolean isZero(double[] x) {
        for (double v : x) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
