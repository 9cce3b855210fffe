package org.mdsens.sensitivity.linalg;

/** Dense b × b block kernels (row-major, b small) for the block preconditioners; no allocation except where noted. */
final class SmallBlocks {

    private SmallBlocks() { }

    /**
     * Inverts the symmetric block {@code a[at ..]} into {@code inv[invAt ..]} through its Cholesky factor, which is
     * taken as failed when a pivot is not above {@code floor} times the corresponding diagonal entry of
     * {@code reference[refAt ..]} (the unmodified block). Returns false on failure ({@code inv} then undefined).
     *
     * @param work scratch of length ≥ b²
     */
    static boolean invertSpd(double[] a, int at, int b, double[] inv, int invAt, double[] reference, int refAt,
                             double floor, double[] work) {
        // Cholesky a = L Lᵀ into work (lower)
        for (int j = 0; j < b; j++) {
            double s = a[at + j * b + j];
            for (int k = 0; k < j; k++) s -= work[j * b + k] * work[j * b + k];
            double ref = Math.abs(reference[refAt + j * b + j]);
            if (!(s > floor * ref) || !(s > 0)) return false;
            double l = Math.sqrt(s);
            work[j * b + j] = l;
            for (int i = j + 1; i < b; i++) {
                double t = a[at + i * b + j];
                for (int k = 0; k < j; k++) t -= work[i * b + k] * work[j * b + k];
                work[i * b + j] = t / l;
            }
        }
        // inv = L⁻ᵀ L⁻¹, column by column: solve L y = e_c, Lᵀ x = y
        for (int c = 0; c < b; c++) {
            for (int i = 0; i < b; i++) {
                double t = i == c ? 1.0 : 0.0;
                for (int k = 0; k < i; k++) t -= work[i * b + k] * inv[invAt + k * b + c];
                inv[invAt + i * b + c] = t / work[i * b + i];
            }
            for (int i = b - 1; i >= 0; i--) {
                double t = inv[invAt + i * b + c];
                for (int k = i + 1; k < b; k++) t -= work[k * b + i] * inv[invAt + k * b + c];
                inv[invAt + i * b + c] = t / work[i * b + i];
            }
        }
        // symmetrize against round-off
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (inv[invAt + i * b + j] + inv[invAt + j * b + i]);
                inv[invAt + i * b + j] = m;
                inv[invAt + j * b + i] = m;
            }
        }
        return true;
    }

    /** y[yAt ..] = M x[xAt ..] for block {@code m[at ..]}. */
    static void multiply(double[] m, int at, int b, double[] x, int xAt, double[] y, int yAt) {
        for (int r = 0; r < b; r++) {
            double s = 0;
            for (int c = 0; c < b; c++) s += m[at + r * b + c] * x[xAt + c];
            y[yAt + r] = s;
        }
    }
}
