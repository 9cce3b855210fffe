package org.mdsens.sensitivity.md;

import org.mdsens.md.space.Box;

/**
 * The rigid-body null space of a translation- (and, in open boxes, rotation-) invariant energy, as an
 * orthonormal basis z_1..z_m of ℝ^{d·n}, and the orthogonal projector P = I − Σ_k z_k z_kᵀ onto its
 * complement (the range of the Hessian when no other zero modes exist).
 *
 * <p>Basis (DESIGN.md §4): d translations (every particle displaced along axis a, normalized by
 * 1/√n); for an {@link Box.Open} box also the rotation generators about the centroid c, ω × (x_i − c)
 * for ω = e_x, e_y, e_z in 3D and (−(y_i − c_y), x_i − c_x) in 2D, orthonormalized against the
 * translations and each other by modified Gram–Schmidt applied twice. A generator whose norm after
 * orthogonalization is below {@value #DEPENDENCE_TOLERANCE} times its norm before is dependent and
 * dropped (the rotation about the axis of a collinear configuration), so a collinear dimer has 2
 * rotations in 3D and 1 in 2D; a single particle has none.
 *
 * <p>A periodic box has translations only. Particles can be excluded (rattlers): the modes are then
 * those of the others and vanish on the excluded ones. Positions are xyz-interleaved, length d·n; the basis
 * refers to the positions given at construction. Immutable and thread-safe.
 */
public final class ZeroModes {

    /** Relative norm below which an orthogonalized rotation generator counts as dependent. */
    public static final double DEPENDENCE_TOLERANCE = 1e-6;

    private final int dimension;
    private final int particles;
    private final int translations;
    private final double[][] basis;
    /** True when the basis is exactly the d uniform translations over all particles: P subtracts the mean. */
    private final boolean meanOnly;

    private ZeroModes(int dimension, int particles, int translations, double[][] basis, boolean meanOnly) {
        this.dimension = dimension;
        this.particles = particles;
        this.translations = translations;
        this.basis = basis;
        this.meanOnly = meanOnly;
    }

    /**
     * The rigid modes of the particles at {@code positions} in {@code box}.
     *
     * @param box       the cell: periodic gives translations, open translations and rotations
     * @param positions xyz-interleaved positions, length d·n (read, not kept)
     */
    public static ZeroModes rigid(Box box, double[] positions) {
        return rigid(box, positions, null);
    }

    /**
     * The rigid modes of the particles not {@code excluded} (e.g. rattlers): every basis vector is
     * zero on excluded particles, so {@link #project} leaves their coordinates untouched, and the
     * centroid, translations and rotations are those of the included particles only.
     *
     * @param box       the cell: periodic gives translations, open translations and rotations
     * @param positions xyz-interleaved positions, length d·n (read, not kept)
     * @param excluded  per particle, true to leave it out; null for none
     */
    public static ZeroModes rigid(Box box, double[] positions, boolean[] excluded) {
        int d = box.dimension();
        if (positions.length % d != 0) {
            throw new IllegalArgumentException("positions length must be a multiple of " + d + ", got "
                    + positions.length);
        }
        int n = positions.length / d;
        if (excluded != null && excluded.length != n) {
            throw new IllegalArgumentException("excluded length must be " + n + ", got " + excluded.length);
        }
        int included = 0;
        for (int i = 0; i < n; i++) if (excluded == null || !excluded[i]) included++;
        if (included == 0) return new ZeroModes(d, n, 0, new double[0][], false);
        int maxModes = d + (box instanceof Box.Open ? (d == 2 ? 1 : 3) : 0);
        double[][] accepted = new double[maxModes][];
        int count = 0;
        double inv = 1.0 / Math.sqrt(included);
        for (int a = 0; a < d; a++) {
            double[] t = new double[d * n];
            for (int i = 0; i < n; i++) if (excluded == null || !excluded[i]) t[d * i + a] = inv;
            accepted[count++] = t;
        }
        int translations = count;
        if (box instanceof Box.Open) {
            double[] c = new double[d];
            for (int i = 0; i < n; i++) {
                if (excluded != null && excluded[i]) continue;
                for (int a = 0; a < d; a++) c[a] += positions[d * i + a];
            }
            for (int a = 0; a < d; a++) c[a] /= included;
            int rotations = d == 2 ? 1 : 3;
            for (int w = 0; w < rotations; w++) {
                double[] g = rotationGenerator(positions, c, d, n, w, excluded);
                double before = norm(g);
                if (before == 0) continue;
                for (int pass = 0; pass < 2; pass++) {
                    for (int k = 0; k < count; k++) axpy(-dot(accepted[k], g), accepted[k], g);
                }
                double after = norm(g);
                if (after <= DEPENDENCE_TOLERANCE * before) continue;
                scale(1.0 / after, g);
                accepted[count++] = g;
            }
        }
        double[][] basis = new double[count][];
        System.arraycopy(accepted, 0, basis, 0, count);
        return new ZeroModes(d, n, translations, basis, count == d && included == n);
    }

    /** No zero modes (P = I) for {@code n} particles in dimension d. */
    public static ZeroModes none(int dimension, int n) {
        return new ZeroModes(dimension, n, 0, new double[0][], false);
    }

    private static double[] rotationGenerator(double[] x, double[] c, int d, int n, int w, boolean[] excluded) {
        double[] g = new double[d * n];
        for (int i = 0; i < n; i++) {
            if (excluded != null && excluded[i]) continue;
            double rx = x[d * i] - c[0];
            double ry = x[d * i + 1] - c[1];
            if (d == 2) {
                g[2 * i] = -ry;
                g[2 * i + 1] = rx;
            } else {
                double rz = x[3 * i + 2] - c[2];
                switch (w) {
                    case 0 -> { g[3 * i + 1] = -rz; g[3 * i + 2] = ry; }   // e_x × r
                    case 1 -> { g[3 * i] = rz; g[3 * i + 2] = -rx; }       // e_y × r
                    default -> { g[3 * i] = -ry; g[3 * i + 1] = rx; }      // e_z × r
                }
            }
        }
        return g;
    }

    /** Spatial dimension d. */
    public int dimension() { return dimension; }

    /** Number of particles n the basis is built for (vectors have length d·n). */
    public int particles() { return particles; }

    /** Number of basis vectors m (translations + independent rotations). */
    public int count() { return basis.length; }

    /** True when the modes are exactly the d uniform translations of all particles (P subtracts the mean per axis). */
    boolean isMeanProjection() { return meanOnly; }

    /** Number of translation modes (d, or 0 for an empty system). */
    public int translationCount() { return translations; }

    /** Number of independent rotation modes (0 in a periodic box). */
    public int rotationCount() { return basis.length - translations; }

    /** A copy of basis vector k (orthonormal, length d·n). */
    public double[] mode(int k) { return basis[k].clone(); }

    /**
     * Applies P = I − Σ z_k z_kᵀ to {@code v} in place (twice-applied Gram–Schmidt for round-off) and returns it.
     * When the modes are the d uniform translations of all particles, this is the subtraction of the mean per
     * axis, done in one sweep per pass.
     */
    public double[] project(double[] v) {
        if (v.length != dimension * particles) {
            throw new IllegalArgumentException("vector length must be " + dimension * particles + ", got " + v.length);
        }
        if (meanOnly) {
            subtractMean(v);
            return v;
        }
        for (int pass = 0; pass < 2 && basis.length > 0; pass++) {
            for (double[] z : basis) axpy(-dot(z, v), z, v);
        }
        return v;
    }

    /** v ← v − mean per axis, twice (the second pass removes the round-off of the first). */
    private void subtractMean(double[] v) {
        final int d = dimension;
        final double inv = 1.0 / particles;
        if (d == 2) {
            subtractMean2(v, inv);
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            if (d == 3) {
                double sx = 0, sy = 0, sz = 0;
                for (int i = 0; i < v.length; i += 3) {
                    sx += v[i];
                    sy += v[i + 1];
                    sz += v[i + 2];
                }
                sx *= inv;
                sy *= inv;
                sz *= inv;
                for (int i = 0; i < v.length; i += 3) {
                    v[i] -= sx;
                    v[i + 1] -= sy;
                    v[i + 2] -= sz;
                }
            } else {
                for (int a = 0; a < d; a++) {
                    double s = 0;
                    for (int i = a; i < v.length; i += d) s += v[i];
                    s *= inv;
                    for (int i = a; i < v.length; i += d) v[i] -= s;
                }
            }
        }
    }

    /**
     * The 2D case of {@link #subtractMean} in three sweeps instead of four, with the same operations in the same order
     * (bit for bit the same result): the first subtraction also accumulates the second pass's sums. Two particles per
     * step: four independent sums instead of two dependency chains.
     */
    private static void subtractMean2(double[] v, double inv) {
        double sx = 0, sy = 0, tx = 0, ty = 0;
        int q = 0;
        for (; q + 3 < v.length; q += 4) {
            sx += v[q];
            sy += v[q + 1];
            tx += v[q + 2];
            ty += v[q + 3];
        }
        for (; q < v.length; q += 2) {
            sx += v[q];
            sy += v[q + 1];
        }
        double mx = (sx + tx) * inv, my = (sy + ty) * inv;
        sx = 0;
        sy = 0;
        tx = 0;
        ty = 0;
        q = 0;
        for (; q + 3 < v.length; q += 4) {
            double a = v[q] - mx, b = v[q + 1] - my, c = v[q + 2] - mx, e = v[q + 3] - my;
            v[q] = a;
            v[q + 1] = b;
            v[q + 2] = c;
            v[q + 3] = e;
            sx += a;
            sy += b;
            tx += c;
            ty += e;
        }
        for (; q < v.length; q += 2) {
            double a = v[q] - mx, b = v[q + 1] - my;
            v[q] = a;
            v[q + 1] = b;
            sx += a;
            sy += b;
        }
        mx = (sx + tx) * inv;
        my = (sy + ty) * inv;
        for (int i = 0; i < v.length; i += 2) {
            v[i] -= mx;
            v[i + 1] -= my;
        }
    }

    /** The largest |z_kᵀ v| / ‖v‖ over the basis (0 for v = 0): how far v is from the gauge. */
    public double leakage(double[] v) {
        double nv = norm(v);
        if (nv == 0) return 0;
        double m = 0;
        for (double[] z : basis) m = Math.max(m, Math.abs(dot(z, v)));
        return m / nv;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += alpha * x[i];
    }

    static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) x[i] *= alpha;
    }

    @Override public String toString() {
        return "ZeroModes[d=" + dimension + ", n=" + particles + ", translations=" + translations
                + ", rotations=" + rotationCount() + "]";
    }
}
