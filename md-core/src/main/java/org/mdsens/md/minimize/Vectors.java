package org.mdsens.md.minimize;

/**
 * Flat-array helpers shared by the minimizers (package-private). Arrays are xyz-interleaved,
 * length d·N; no allocation.
 */
final class Vectors {

    /** Unit round-off of IEEE double (2⁻⁵²). */
    static final double EPS = 0x1.0p-52;

    private Vectors() { }

    /**
     * Largest per-particle Euclidean norm max_i |a_i| over the d components of each particle, or
     * NaN if any component is NaN or infinite. Squared norms that overflow although every
     * component is finite are recomputed with scaling, so only truly non-finite input gives NaN.
     */
    static double maxParticleNorm(double[] a, int n, int d) {
        double max2 = 0.0;
        boolean nan = false;
        for (int i = 0, k = 0; i < n; i++) {
            double s = 0.0;
            for (int c = 0; c < d; c++, k++) {
                double v = a[k];
                s += v * v;
            }
            if (s > max2) max2 = s;
            else if (!(s <= max2)) nan = true;
        }
        if (nan) return Double.NaN;
        if (max2 < Double.POSITIVE_INFINITY) return Math.sqrt(max2);
        return maxParticleNormScaled(a, n, d);
    }

    /** Slow path of {@link #maxParticleNorm}: an infinite squared norm; NaN unless all finite. */
    private static double maxParticleNormScaled(double[] a, int n, int d) {
        double max = 0.0;
        for (int i = 0, k = 0; i < n; i++) {
            double norm = 0.0;
            for (int c = 0; c < d; c++, k++) {
                if (!Double.isFinite(a[k])) return Double.NaN;
                norm = Math.hypot(norm, a[k]);
            }
            max = Math.max(max, norm);
        }
        return max;
    }

    /** max_k |a_k| over all coordinates. */
    static double maxAbs(double[] a, int len) {
        double m = 0.0;
        for (int k = 0; k < len; k++) {
            double v = Math.abs(a[k]);
            if (v > m) m = v;
        }
        return m;
    }

    /** Plain dot product Σ a_k b_k. */
    static double dot(double[] a, double[] b, int len) {
        double s = 0.0;
        for (int k = 0; k < len; k++) s += a[k] * b[k];
        return s;
    }

    /**
     * Compensated dot product (Ogita, Rump &amp; Oishi, SIAM J. Sci. Comput. 26 (2005), Alg. Dot2):
     * as accurate as if computed in twice the working precision, then rounded.
     */
    static double dotCompensated(double[] a, double[] b, int len) {
        double s = 0.0;
        double c = 0.0;
        for (int k = 0; k < len; k++) {
            double p = a[k] * b[k];
            double pe = Math.fma(a[k], b[k], -p);
            double t = s + p;
            double z = t - s;
            c += pe + ((s - (t - z)) + (p - z));
            s = t;
        }
        return s + c;
    }

    /**
     * The factor that scales a step whose largest per-particle move is {@code move} so that no
     * particle moves further than {@code maxStep}: maxStep/move when the move is longer, else
     * exactly 1.
     */
    static double stepCap(double move, double maxStep) {
        return move > maxStep ? maxStep / move : 1.0;
    }

    /** True when the step s·p is negligible against positions x: s·max|p| ≤ ε·max|x| (or 0). */
    static boolean stepUnderflows(double step, double maxAbsDirection, double maxAbsPosition) {
        double move = step * maxAbsDirection;
        return !(move > EPS * maxAbsPosition) || move < Double.MIN_NORMAL;
    }
}
