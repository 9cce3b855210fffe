package org.mdsens.sensitivity.md;

import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealLinearOperator;
import org.hipparchus.linear.RealVector;
import org.mdsens.md.model.EnergyEvaluator;

/**
 * The operator P H P on ℝ^{d·n}: the Hessian of the evaluator's energy at its current positions,
 * sandwiched between the projector P onto the complement of the zero modes, so that Krylov
 * iterates started in range(P) stay there and the minimum-norm (gauge) solution is found.
 * Matrix-free through {@link EnergyEvaluator#hessianProduct}. Counts its applications.
 * Mutable (workspaces), one per thread.
 */
final class ProjectedHessian implements RealLinearOperator {

    private final EnergyEvaluator evaluator;
    private final ZeroModes modes;
    private final int n;
    private final double[] in;
    private long applications;

    ProjectedHessian(EnergyEvaluator evaluator, ZeroModes modes) {
        this.evaluator = evaluator;
        this.modes = modes;
        this.n = evaluator.positions().length;
        if (modes.dimension() * modes.particles() != n) {
            throw new IllegalArgumentException("zero modes must have length " + n + ", got "
                    + modes.dimension() * modes.particles());
        }
        this.in = new double[n];
    }

    @Override public int getRowDimension() { return n; }

    @Override public int getColumnDimension() { return n; }

    @Override public RealVector operate(RealVector x) {
        double[] out = new double[n];
        apply(x instanceof ArrayRealVector a ? a.getDataRef() : x.toArray(), out);
        return new ArrayRealVector(out, false);
    }

    @Override public boolean isTransposable() { return true; }

    @Override public RealVector operateTranspose(RealVector x) { return operate(x); }

    /** out = P H P v ({@code v} is not modified; {@code out} must differ from it). */
    void apply(double[] v, double[] out) {
        System.arraycopy(v, 0, in, 0, n);
        modes.project(in);
        evaluator.hessianProduct(in, out);
        modes.project(out);
        applications++;
    }

    /** out = H v without projection. */
    void applyUnprojected(double[] v, double[] out) {
        evaluator.hessianProduct(v, out);
        applications++;
    }

    long applications() { return applications; }

    ZeroModes modes() { return modes; }

    EnergyEvaluator evaluator() { return evaluator; }
}
