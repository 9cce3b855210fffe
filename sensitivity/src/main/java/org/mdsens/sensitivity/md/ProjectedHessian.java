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
     * input projection is skipped: H P v = H v; and for the same reason H v has zero sum over the particles in each
     * axis up to round-off (every K_e (v_i − v_j) enters once with each sign), so the output projection, which would
     * only remove that round-off, is skipped too (callers that need range(P) exactly, such as the final solution,
     * project themselves).
     */
    @Override public void apply(double[] v, double[] out) {
        if (sparse != null && modes.isMeanProjection()) {
            sparse.multiply(v, out);
        } else {
            System.arraycopy(v, 0, in, 0, n);
            modes.project(in);
            product(in, out);
            modes.project(out);
        }
        applications++;
    }

    /** out = H v without projection. */
    void applyUnprojected(double[] v, double[] out) {
        product(v, out);
        applications++;
    }

    private void product(double[] v, double[] out) {
        if (sparse != null) {
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
