package org.mdsens.sensitivity.linalg;

import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealLinearOperator;
import org.hipparchus.linear.RealVector;

/**
 * A square {@link RealLinearOperator} that also applies itself to flat arrays without allocating; the solvers of
 * this package use {@link #apply} when the operator offers it (the Hipparchus {@link #operate} allocates a result
 * vector per call). The default {@link #operate} delegates to {@link #apply}. Thread-safety is the implementation's.
 */
public interface ArrayOperator extends RealLinearOperator {

    /**
     * out = A·v.
     *
     * @param v   input, length n (not modified)
     * @param out output, length n, overwritten; never the same array as {@code v}
     */
    void apply(double[] v, double[] out);

    @Override default int getColumnDimension() { return getRowDimension(); }

    @Override default RealVector operate(RealVector x) {
        int n = getRowDimension();
        if (x.getDimension() != n) {
            throw new IllegalArgumentException("vector length must be " + n + ", got " + x.getDimension());
        }
        double[] out = new double[n];
        apply(x instanceof ArrayRealVector a ? a.getDataRef() : x.toArray(), out);
        return new ArrayRealVector(out, false);
    }
}
