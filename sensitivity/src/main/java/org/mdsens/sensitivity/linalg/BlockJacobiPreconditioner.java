package org.mdsens.sensitivity.linalg;

/**
 * The block-Jacobi preconditioner M = blockdiag(A_11, ..., A_nn) of a {@link SymmetricBlockMatrix}: z_i = A_ii⁻¹ r_i
 * (in particle Hessians, the d×d self-stiffness of each particle). A diagonal block that is not positive definite
 * (its Cholesky factor fails) is shifted, A_ii + τ·(tr A_ii / b)·I with τ = 1e-3, 1e-2, ... until it is, and counted
 * in {@link #shiftedBlocks()}; an all-zero block is replaced by the identity scaled by the mean diagonal.
 * Immutable and thread-safe.
 */
public final class BlockJacobiPreconditioner implements Preconditioner {

    private final int b;
    private final int n;
    private final double[] inverse;
    private final int shifted;

    /** @param a the matrix; only its diagonal blocks are read */
    public BlockJacobiPreconditioner(SymmetricBlockMatrix a) {
        this.b = a.blockSize();
        this.n = a.blockCount();
        int bb = b * b;
        double[] diag = a.diagonalRef();
        double[] inv = new double[bb * n];
        double[] work = new double[bb];
        double[] shiftedBlock = new double[bb];
        double meanTrace = 0;
        for (int i = 0; i < n; i++) for (int c = 0; c < b; c++) meanTrace += Math.abs(diag[bb * i + c * b + c]);
        meanTrace = n > 0 ? meanTrace / (n * b) : 1.0;
        if (!(meanTrace > 0)) meanTrace = 1.0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (SmallBlocks.invertSpd(diag, bb * i, b, inv, bb * i, diag, bb * i, 1e-14, work)) continue;
            count++;
            double trace = 0;
            for (int c = 0; c < b; c++) trace += Math.abs(diag[bb * i + c * b + c]);
            double unit = trace > 0 ? trace / b : meanTrace;
            boolean ok = false;
            for (double tau = 1e-3; !ok && tau < 1e9; tau *= 10) {
                System.arraycopy(diag, bb * i, shiftedBlock, 0, bb);
                for (int c = 0; c < b; c++) shiftedBlock[c * b + c] += tau * unit;
                ok = SmallBlocks.invertSpd(shiftedBlock, 0, b, inv, bb * i, shiftedBlock, 0, 1e-14, work);
            }
            if (!ok) throw new IllegalStateException("diagonal block " + i + " could not be made positive definite");
        }
        this.inverse = inv;
        this.shifted = count;
    }

    /** The inverse (shifted where needed) diagonal blocks, b² per block row, row-major; not a copy. */
    double[] inverseRef() { return inverse; }

    /** @return how many diagonal blocks had to be shifted to be positive definite */
    public int shiftedBlocks() { return shifted; }

    @Override public void apply(double[] r, double[] z) {
        final double[] m = inverse;
        if (b == 2) {
            for (int i = 0, o = 0; i < n; i++, o += 4) {
                double r0 = r[2 * i], r1 = r[2 * i + 1];
                z[2 * i] = m[o] * r0 + m[o + 1] * r1;
                z[2 * i + 1] = m[o + 2] * r0 + m[o + 3] * r1;
            }
        } else if (b == 3) {
            for (int i = 0, o = 0; i < n; i++, o += 9) {
                double r0 = r[3 * i], r1 = r[3 * i + 1], r2 = r[3 * i + 2];
                z[3 * i] = m[o] * r0 + m[o + 1] * r1 + m[o + 2] * r2;
                z[3 * i + 1] = m[o + 3] * r0 + m[o + 4] * r1 + m[o + 5] * r2;
                z[3 * i + 2] = m[o + 6] * r0 + m[o + 7] * r1 + m[o + 8] * r2;
            }
        } else {
            final int bb = b * b;
            for (int i = 0; i < n; i++) SmallBlocks.multiply(m, bb * i, b, r, b * i, z, b * i);
        }
    }

    @Override public String name() { return "block-Jacobi"; }
}
