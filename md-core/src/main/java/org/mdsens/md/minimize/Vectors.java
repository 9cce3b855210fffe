package org.mdsens.md.minimize;

/**
 * Flat-array helpers shared by the minimizers (package-private). Arrays are xyz-interleaved,
 * length d·N; no allocation. Dot products and the fused two-loop passes go to {@link #OPS}.
 */
final class Vectors {

    /** Unit round-off of IEEE double (2⁻⁵²). */
    static final double EPS = 0x1.0p-52;

    /** System property that, set to {@code false}, keeps the scalar {@link VectorOps} (benchmarks, tests). */
    static final String VECTOR_PROPERTY = "mdsens.minimize.vector";

    /**
     * Oldest JDK feature release on which the Vector API implementation is used. On JDK 17 its C2
     * leaves some of these loops unintrinsified (the fused update-and-dot passes measured 80×
     * slower than scalar, depending on compilation order) and the plain dot slower than scalar;
     * JDK 25 runs them two to three times faster than scalar. Releases in between are untested.
     */
    static final int VECTOR_MIN_FEATURE = 25;

    /**
     * The long-vector arithmetic: the Vector API implementation when {@code jdk.incubator.vector}
     * is in the boot layer on JDK ≥ {@value #VECTOR_MIN_FEATURE} (and not switched off by
     * {@value #VECTOR_PROPERTY}{@code =false}), else the scalar reference; both give the same bits.
     * Read once, so the JIT folds the dispatch.
     */
    static final VectorOps OPS = loadOps();

    private Vectors() { }

    /** Whether {@link #loadOps} tries the Vector API implementation on this JVM. */
    static boolean vectorOpsWanted() {
        return !"false".equalsIgnoreCase(System.getProperty(VECTOR_PROPERTY))
                && Runtime.version().feature() >= VECTOR_MIN_FEATURE
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static VectorOps loadOps() {
        if (!vectorOpsWanted()) return ScalarVectorOps.INSTANCE;
        try {
            Class<?> c = Class.forName("org.mdsens.md.kernel.vector.SimdVectorOps", true, Vectors.class.getClassLoader());
            return (VectorOps) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return ScalarVectorOps.INSTANCE;
        }
    }

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

    /** Σ a_k b_k (the fixed eight-stream order of {@link VectorOps}). */
    static double dot(double[] a, double[] b, int len) {
        return OPS.dot(a, b, len);
    }

    /** dst ← src, then returns z·dst; one pass. */
    static double copyDot(double[] src, double[] dst, double[] z, int len) {
        return OPS.copyDot(src, dst, z, len);
    }

    /** q ← q − a·y, then returns z·q; one pass, element for element the bits of the separate loops. */
    static double subtractDot(double[] q, double a, double[] y, double[] z, int len) {
        return OPS.subtractDot(q, a, y, z, len);
    }

    /** q ← (q − a·y)·g, then returns z·q; one pass. */
    static double subtractScaleDot(double[] q, double a, double[] y, double g, double[] z, int len) {
        return OPS.subtractScaleDot(q, a, y, g, z, len);
    }

    /** q ← q + c·s, then returns z·q; one pass. */
    static double addDot(double[] q, double c, double[] s, double[] z, int len) {
        return OPS.addDot(q, c, s, z, len);
    }

    /**
     * Compensated dot product (Ogita, Rump &amp; Oishi, SIAM J. Sci. Comput. 26 (2005), Alg. Dot2,
     * in the streams of {@link VectorOps}): as accurate as if computed in twice the working
     * precision, then rounded.
     */
    static double dotCompensated(double[] a, double[] b, int len) {
        return OPS.dotCompensated(a, b, len);
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
