package org.mdsens.sensitivity.md;

import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.SparseHessian;
import org.mdsens.sensitivity.linalg.ArrayOperator;

/**
 * The operator P H P on ℝ^{d·n}: the Hessian of the evaluator's energy at its current positions,
 * sandwiched between the projector P onto the complement of the zero modes, so that Krylov
 * iterates started in range(P) stay there and the minimum-norm (gauge) solution is found.
 * H v comes from the assembled {@link SparseHessian} when one is given (a snapshot at the positions it
 * was assembled at), else matrix-free from {@link EnergyEvaluator#hessianProduct} (at the evaluator's
 * current positions). Counts its applications. Mutable (workspaces), one per thread.
 */
final class ProjectedHessian implements ArrayOperator {

    private final EnergyEvaluator evaluator;
    private final SparseHessian sparse;
    private final ZeroModes modes;
    private final int n;
    private final double[] in;
    private final PaddedRows2 padded;
    private long applications;

    ProjectedHessian(EnergyEvaluator evaluator, ZeroModes modes) {
        this(evaluator, modes, null);
    }

    /**
     * @param evaluator the system (matrix-free products, and the dimension)
     * @param modes     the zero modes P projects off
     * @param sparse    the assembled Hessian of the evaluator at x̂, or null for matrix-free products
     */
    ProjectedHessian(EnergyEvaluator evaluator, ZeroModes modes, SparseHessian sparse) {
        this.evaluator = evaluator;
        this.sparse = sparse;
        this.modes = modes;
        this.n = evaluator.positions().length;
        if (modes.dimension() * modes.particles() != n) {
            throw new IllegalArgumentException("zero modes must have length " + n + ", got "
                    + modes.dimension() * modes.particles());
        }
        if (sparse != null && sparse.dimension() * sparse.size() != n) {
            throw new IllegalArgumentException("sparse Hessian must have order " + n + ", got "
                    + sparse.dimension() * sparse.size());
        }
        this.in = new double[n];
        this.padded = sparse != null && sparse.dimension() == 2 ? new PaddedRows2(sparse) : null;
    }

    /** Pair entries per row in the fixed-width part of {@link PaddedRows2}. */
    static final int PAD = 4;

    /**
     * The assembled 2D Hessian's pair rows in a fixed-width layout: the first {@value #PAD} pairs (j, K_e packed
     * xx, xy, yy) of each row i at {@code col[PAD·i ..]}, {@code k[3·PAD·i ..]} (unused slots: j = i, K = 0, which add
     * exactly zero), the rest in CSR overflow arrays. The product then has no data-dependent loop exit per row (a
     * mispredicted branch per row cost more than the padding's zero terms); it sums the same pair terms as
     * {@link SparseHessian#multiply} in the same order, so it equals it bit for bit, and it annihilates uniform
     * translations exactly.
     */
    static final class PaddedRows2 {
        final int n;
        final int[] col;
        final double[] k;
        final int[] overflowOffsets;
        final int[] overflowColumns;
        final double[] overflowK;

        PaddedRows2(SparseHessian h) {
            n = h.size();
            int[] off = h.offsets(), cols = h.columns();
            double[] st = h.stiffness();
            col = new int[PAD * n];
            k = new double[3 * PAD * n];
            overflowOffsets = new int[n + 1];
            for (int i = 0; i < n; i++) {
                overflowOffsets[i + 1] = overflowOffsets[i] + Math.max(0, off[i + 1] - off[i] - PAD);
                for (int t = 0; t < PAD; t++) col[PAD * i + t] = i;
            }
            overflowColumns = new int[overflowOffsets[n]];
            overflowK = new double[3 * overflowOffsets[n]];
            for (int i = 0; i < n; i++) {
                int t = 0;
                for (int e = off[i]; e < off[i + 1]; e++, t++) {
                    if (t < PAD) {
                        col[PAD * i + t] = cols[e];
                        System.arraycopy(st, 3 * e, k, 3 * (PAD * i + t), 3);
                    } else {
                        int at = overflowOffsets[i] + t - PAD;
                        overflowColumns[at] = cols[e];
                        System.arraycopy(st, 3 * e, overflowK, 3 * at, 3);
                    }
                }
            }
        }

        /** out = H v (overwritten). */
        void multiply(double[] v, double[] out) {
            java.util.Arrays.fill(out, 0.0);
            final int[] c = col, oo = overflowOffsets, oc = overflowColumns;
            final double[] kk = k, ok = overflowK;
            for (int i = 0; i < n; i++) {
                final double vx = v[2 * i], vy = v[2 * i + 1];
                double ax = 0, ay = 0;
                int base = PAD * i;
                for (int t = 0; t < PAD; t++) {
                    int bj = 2 * c[base + t];
                    int o = 3 * (base + t);
                    double dx = vx - v[bj], dy = vy - v[bj + 1];
                    double kxy = kk[o + 1];
                    double wx = kk[o] * dx + kxy * dy;
                    double wy = kxy * dx + kk[o + 2] * dy;
                    ax += wx;
                    ay += wy;
                    out[bj] -= wx;
                    out[bj + 1] -= wy;
                }
                for (int e = oo[i]; e < oo[i + 1]; e++) {
                    int bj = 2 * oc[e];
                    int o = 3 * e;
                    double dx = vx - v[bj], dy = vy - v[bj + 1];
                    double kxy = ok[o + 1];
                    double wx = ok[o] * dx + kxy * dy;
                    double wy = kxy * dx + ok[o + 2] * dy;
                    ax += wx;
                    ay += wy;
                    out[bj] -= wx;
                    out[bj + 1] -= wy;
                }
                out[2 * i] += ax;
                out[2 * i + 1] += ay;
            }
        }
    }

    @Override public int getRowDimension() { return n; }

    @Override public int getColumnDimension() { return n; }

    @Override public boolean isTransposable() { return true; }

    @Override public org.hipparchus.linear.RealVector operateTranspose(org.hipparchus.linear.RealVector x) {
        return operate(x);
    }

    /**
     * out = P H P v ({@code v} is not modified; {@code out} must differ from it). The assembled Hessian annihilates
     * uniform translations exactly (its product is a sum of K_e (v_i − v_j)), so when P removes only those the
     * input projection is skipped: H P v = H v.
     */
    @Override public void apply(double[] v, double[] out) {
        if (sparse != null && modes.isMeanProjection()) {
            if (padded != null) padded.multiply(v, out); else sparse.multiply(v, out);
        } else {
            System.arraycopy(v, 0, in, 0, n);
            modes.project(in);
            product(in, out);
        }
        modes.project(out);
        applications++;
    }

    /** out = H v without projection. */
    void applyUnprojected(double[] v, double[] out) {
        product(v, out);
        applications++;
    }

    private void product(double[] v, double[] out) {
        if (padded != null) {
            padded.multiply(v, out);
        } else if (sparse != null) {
            sparse.multiply(v, out);
        } else {
            evaluator.hessianProduct(v, out);
        }
    }

    long applications() { return applications; }

    ZeroModes modes() { return modes; }

    EnergyEvaluator evaluator() { return evaluator; }

    /** The assembled Hessian, or null when matrix-free. */
    SparseHessian sparse() { return sparse; }
}
