package org.mdsens.sensitivity.linalg;

/**
 * The orthogonal projector onto the complement of span{u₁ … u_k}: {@code P v = v − Σ_i (q_iᵀv) q_i}, where the
 * q_i are an orthonormal basis of the given vectors (modified Gram–Schmidt applied twice; vectors that are
 * numerically dependent on the previous ones, relative norm below 1e-10 after orthogonalization, are dropped).
 *
 * <p>Typical use: the d rigid translations of a periodic system (d-interleaved layout: u_a[d·i + a] = 1).
 * Immutable and thread-safe; {@link #project} allocates nothing.
 */
public final class NullSpaceProjector implements Projector {

    private static final double DEPENDENCE_TOLERANCE = 1e-10;

    private final int dimension;
    private final double[][] basis;

    private NullSpaceProjector(int dimension, double[][] basis) {
        this.dimension = dimension;
        this.basis = basis;
    }

    /**
     * @param dimension n, the length of the vectors
     * @param vectors   spanning vectors of the null space (each length n, finite; copied)
     * @return the projector onto their orthogonal complement
     */
    public static NullSpaceProjector of(int dimension, double[]... vectors) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        double[][] q = new double[vectors.length][];
        int k = 0;
        for (int s = 0; s < vectors.length; s++) {
            double[] u = vectors[s];
            if (u.length != dimension) {
                throw new IllegalArgumentException("null-space vector " + s + " length must be " + dimension
                        + ", got " + u.length);
            }
            if (!Vectors.allFinite(u)) {
                throw new IllegalArgumentException("null-space vector " + s + " must be finite, got a NaN or infinity");
            }
            double[] w = u.clone();
            double original = Vectors.norm(w);
            if (original == 0) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < k; i++) {
                    Vectors.axpy(-Vectors.dot(q[i], w), q[i], w);
                }
            }
            double norm = Vectors.norm(w);
            if (norm <= DEPENDENCE_TOLERANCE * original) {
                continue;
            }
            Vectors.scale(1.0 / norm, w);
            q[k++] = w;
        }
        return new NullSpaceProjector(dimension, java.util.Arrays.copyOf(q, k));
    }

    /**
     * The d rigid translations in the d-interleaved layout (x₀ y₀ z₀ x₁ …).
     *
     * @param spatialDimension d ≥ 1
     * @param particles        N ≥ 1
     * @return the projector removing the mean displacement per axis
     */
    public static NullSpaceProjector translations(int spatialDimension, int particles) {
        if (spatialDimension < 1 || particles < 1) {
            throw new IllegalArgumentException("spatialDimension and particles must be >= 1, got "
                    + spatialDimension + " and " + particles);
        }
        int n = spatialDimension * particles;
        double[][] u = new double[spatialDimension][n];
        for (int a = 0; a < spatialDimension; a++) {
            for (int i = 0; i < particles; i++) {
                u[a][spatialDimension * i + a] = 1.0;
            }
        }
        return of(n, u);
    }

    @Override public void project(double[] v) {
        for (double[] q : basis) {
            Vectors.axpy(-Vectors.dot(q, v), q, v);
        }
    }

    /** @return n */
    public int dimension() { return dimension; }

    /** @return k, the number of independent null-space directions kept */
    public int nullity() { return basis.length; }

    /** @return a copy of the orthonormal basis, k × n */
    public double[][] basis() {
        double[][] copy = new double[basis.length][];
        for (int i = 0; i < basis.length; i++) {
            copy[i] = basis[i].clone();
        }
        return copy;
    }

    @Override public String toString() { return "NullSpaceProjector[n=" + dimension + ", nullity=" + basis.length + "]"; }
}
