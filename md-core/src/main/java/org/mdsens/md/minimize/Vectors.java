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
        double max2 = d == 3 ? maxSquaredNorm3(a, n) : d == 2 ? maxSquaredNorm2(a, n) : maxSquaredNorm(a, n, d);
        if (max2 < Double.POSITIVE_INFINITY) return Math.sqrt(max2);
        if (Double.isNaN(max2)) return Double.NaN;
        return maxParticleNormScaled(a, n, d);
    }

    /**
     * max_i Σ_c a_{ic}², the squares added in component order; NaN when any squared norm is NaN.
     * The d = 3 and d = 2 loops are written out (four times faster than the loop over c at
     * N = 8000): the same bits.
     */
    private static double maxSquaredNorm3(double[] a, int n) {
        double max2 = 0.0;
        boolean nan = false;
        for (int i = 0, k = 0; i < n; i++, k += 3) {
            double x = a[k], y = a[k + 1], z = a[k + 2];
            double s = x * x + y * y + z * z;
            if (s > max2) max2 = s;
            else if (!(s <= max2)) nan = true;
        }
        return nan ? Double.NaN : max2;
    }

    private static double maxSquaredNorm2(double[] a, int n) {
        double max2 = 0.0;
        boolean nan = false;
        for (int i = 0, k = 0; i < n; i++, k += 2) {
            double x = a[k], y = a[k + 1];
            double s = x * x + y * y;
            if (s > max2) max2 = s;
            else if (!(s <= max2)) nan = true;
        }
        return nan ? Double.NaN : max2;
    }

    private static double maxSquaredNorm(double[] a, int n, int d) {
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
        return nan ? Double.NaN : max2;
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

    /**
     * Dot product Σ a_k b_k in four interleaved partial sums (k mod 4), added pairwise at the end:
     * four independent addition chains instead of one, so the loop runs at memory speed rather than
     * at the latency of one addition per element (about twice as fast at d·N = 24000); the result
     * differs from the sequential sum by round-off only (the error bound is the same or smaller).
     */
    static double dot(double[] a, double[] b, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int k = 0;
        for (; k <= len - 4; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < len; k++) s0 += a[k] * b[k];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code out} ← (v·f, v·v, f·f), each summed as {@link #dot} (four interleaved partial sums,
     * added pairwise); one pass.
     */
    static void dots(double[] v, double[] f, int len, double[] out) {
        double vf0 = 0.0, vf1 = 0.0, vv0 = 0.0, vv1 = 0.0, ff0 = 0.0, ff1 = 0.0;
        double vf2 = 0.0, vf3 = 0.0, vv2 = 0.0, vv3 = 0.0, ff2 = 0.0, ff3 = 0.0;
        int k = 0;
        for (; k <= len - 4; k += 4) {
            double v0 = v[k], v1 = v[k + 1], v2 = v[k + 2], v3 = v[k + 3];
            double f0 = f[k], f1 = f[k + 1], f2 = f[k + 2], f3 = f[k + 3];
            vf0 += v0 * f0;
            vf1 += v1 * f1;
            vf2 += v2 * f2;
            vf3 += v3 * f3;
            vv0 += v0 * v0;
            vv1 += v1 * v1;
            vv2 += v2 * v2;
            vv3 += v3 * v3;
            ff0 += f0 * f0;
            ff1 += f1 * f1;
            ff2 += f2 * f2;
            ff3 += f3 * f3;
        }
        for (; k < len; k++) {
            vf0 += v[k] * f[k];
            vv0 += v[k] * v[k];
            ff0 += f[k] * f[k];
        }
        out[0] = (vf0 + vf1) + (vf2 + vf3);
        out[1] = (vv0 + vv1) + (vv2 + vv3);
        out[2] = (ff0 + ff1) + (ff2 + ff3);
    }

    /** Copies {@code src} into {@code dst} and returns z·dst (as {@link #dot}); one pass. */
    static double copyDot(double[] src, double[] dst, double[] z, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int k = 0;
        for (; k <= len - 4; k += 4) {
            double q0 = src[k], q1 = src[k + 1], q2 = src[k + 2], q3 = src[k + 3];
            dst[k] = q0;
            dst[k + 1] = q1;
            dst[k + 2] = q2;
            dst[k + 3] = q3;
            s0 += z[k] * q0;
            s1 += z[k + 1] * q1;
            s2 += z[k + 2] * q2;
            s3 += z[k + 3] * q3;
        }
        for (; k < len; k++) {
            double q = src[k];
            dst[k] = q;
            s0 += z[k] * q;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * q ← q − a·y, then returns z·q (as {@link #dot}); one pass. Element for element the same
     * bits as the update followed by a separate dot product.
     */
    static double subtractDot(double[] q, double a, double[] y, double[] z, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int k = 0;
        for (; k <= len - 4; k += 4) {
            double q0 = q[k] - a * y[k];
            double q1 = q[k + 1] - a * y[k + 1];
            double q2 = q[k + 2] - a * y[k + 2];
            double q3 = q[k + 3] - a * y[k + 3];
            q[k] = q0;
            q[k + 1] = q1;
            q[k + 2] = q2;
            q[k + 3] = q3;
            s0 += z[k] * q0;
            s1 += z[k + 1] * q1;
            s2 += z[k + 2] * q2;
            s3 += z[k + 3] * q3;
        }
        for (; k < len; k++) {
            double qk = q[k] - a * y[k];
            q[k] = qk;
            s0 += z[k] * qk;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * q ← (q − a·y)·g, then returns z·q (as {@link #dot}); one pass, the same bits element for
     * element as the three separate loops.
     */
    static double subtractScaleDot(double[] q, double a, double[] y, double g, double[] z, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int k = 0;
        for (; k <= len - 4; k += 4) {
            double q0 = (q[k] - a * y[k]) * g;
            double q1 = (q[k + 1] - a * y[k + 1]) * g;
            double q2 = (q[k + 2] - a * y[k + 2]) * g;
            double q3 = (q[k + 3] - a * y[k + 3]) * g;
            q[k] = q0;
            q[k + 1] = q1;
            q[k + 2] = q2;
            q[k + 3] = q3;
            s0 += z[k] * q0;
            s1 += z[k + 1] * q1;
            s2 += z[k + 2] * q2;
            s3 += z[k + 3] * q3;
        }
        for (; k < len; k++) {
            double qk = (q[k] - a * y[k]) * g;
            q[k] = qk;
            s0 += z[k] * qk;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** q ← q + c·s, then returns z·q (as {@link #dot}); one pass. */
    static double addDot(double[] q, double c, double[] s, double[] z, int len) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int k = 0;
        for (; k <= len - 4; k += 4) {
            double q0 = q[k] + c * s[k];
            double q1 = q[k + 1] + c * s[k + 1];
            double q2 = q[k + 2] + c * s[k + 2];
            double q3 = q[k + 3] + c * s[k + 3];
            q[k] = q0;
            q[k + 1] = q1;
            q[k + 2] = q2;
            q[k + 3] = q3;
            s0 += z[k] * q0;
            s1 += z[k + 1] * q1;
            s2 += z[k + 2] * q2;
            s3 += z[k + 3] * q3;
        }
        for (; k < len; k++) {
            double qk = q[k] + c * s[k];
            q[k] = qk;
            s0 += z[k] * qk;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Compensated dot product (Ogita, Rump &amp; Oishi, SIAM J. Sci. Comput. 26 (2005), Alg. Dot2):
     * as accurate as if computed in twice the working precision, then rounded. Two interleaved
     * streams (even and odd k), each an error-free Dot2 accumulation, joined by one more TwoSum:
     * the same error bound as the sequential Dot2, with two independent dependency chains.
     */
    static double dotCompensated(double[] a, double[] b, int len) {
        double s0 = 0.0, c0 = 0.0, s1 = 0.0, c1 = 0.0;
        int k = 0;
        for (; k <= len - 2; k += 2) {
            double p0 = a[k] * b[k];
            double e0 = Math.fma(a[k], b[k], -p0);
            double t0 = s0 + p0;
            double z0 = t0 - s0;
            c0 += e0 + ((s0 - (t0 - z0)) + (p0 - z0));
            s0 = t0;
            double p1 = a[k + 1] * b[k + 1];
            double e1 = Math.fma(a[k + 1], b[k + 1], -p1);
            double t1 = s1 + p1;
            double z1 = t1 - s1;
            c1 += e1 + ((s1 - (t1 - z1)) + (p1 - z1));
            s1 = t1;
        }
        for (; k < len; k++) {
            double p0 = a[k] * b[k];
            double e0 = Math.fma(a[k], b[k], -p0);
            double t0 = s0 + p0;
            double z0 = t0 - s0;
            c0 += e0 + ((s0 - (t0 - z0)) + (p0 - z0));
            s0 = t0;
        }
        double t = s0 + s1;
        double z = t - s0;
        double c = c0 + c1 + ((s0 - (t - z)) + (s1 - z));
        return t + c;
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
