package org.mdsens.sensitivity.linalg;

/**
 * The point-Jacobi preconditioner M = diag(A): z_i = r_i / a_ii. Needs a_ii &gt; 0 for every i (conjugate gradient
 * and MINRES need M positive definite). Immutable and thread-safe.
 */
public final class DiagonalPreconditioner implements Preconditioner {

    private final double[] inverse;

    /**
     * @param diagonal a_ii, all finite and &gt; 0 (copied)
     */
    public DiagonalPreconditioner(double[] diagonal) {
        inverse = new double[diagonal.length];
        for (int i = 0; i < diagonal.length; i++) {
            if (!(diagonal[i] > 0) || !Double.isFinite(diagonal[i])) {
                throw new IllegalArgumentException("diagonal[" + i + "] must be finite and > 0, got " + diagonal[i]);
            }
            inverse[i] = 1.0 / diagonal[i];
        }
    }

    /**
     * The diagonal of a block matrix; a non-positive entry is replaced by the mean of the positive ones (a
     * preconditioner only needs to be positive definite, not exact).
     */
    public static DiagonalPreconditioner of(SymmetricBlockMatrix a) {
        int b = a.blockSize(), n = a.order();
        double[] blocks = a.diagonalRef();
        double[] d = new double[n];
        double sum = 0;
        int positive = 0;
        for (int q = 0; q < n; q++) {
            int i = q / b, c = q % b;
            d[q] = blocks[b * b * i + c * b + c];
            if (d[q] > 0) {
                sum += d[q];
                positive++;
            }
        }
        double fill = positive > 0 ? sum / positive : 1.0;
        for (int q = 0; q < n; q++) if (!(d[q] > 0)) d[q] = fill;
        return new DiagonalPreconditioner(d);
    }

    @Override public void apply(double[] r, double[] z) {
        final double[] inv = inverse;
        for (int i = 0; i < inv.length; i++) z[i] = r[i] * inv[i];
    }

    @Override public String name() { return "Jacobi"; }
}
