package org.mdsens.sensitivity.linalg;

import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealLinearOperator;
import org.hipparchus.linear.RealVector;

/**
 * The shifted operator {@code A + ridge·I} on flat arrays, with the preconditioner (the Jacobi diagonal of the
 * config, or a {@link Preconditioner} given to the solve) and an application counter. Uses
 * {@link ArrayOperator#apply} without allocation when the operator offers it. One per solve call; not thread-safe.
 */
final class SystemOperator implements RealLinearOperator {

    private final RealLinearOperator a;
    private final int n;
    private final double ridge;
    private final double[] inverseDiagonal;
    private final Preconditioner preconditioner;
    private final ArrayOperator flat;
    private double[] aliasWork;
    private int applications;

    SystemOperator(RealLinearOperator a, SolverConfig config) {
        this(a, config, null);
    }

    SystemOperator(RealLinearOperator a, SolverConfig config, Preconditioner preconditionerOrNull) {
        this.a = a;
        this.flat = a instanceof ArrayOperator f ? f : null;
        this.preconditioner = preconditionerOrNull;
        this.n = a.getRowDimension();
        this.ridge = config.ridge();
        double[] d = config.diagonalRef();
        if (d == null) {
            inverseDiagonal = null;
        } else {
            inverseDiagonal = new double[n];
            for (int i = 0; i < n; i++) {
                inverseDiagonal[i] = 1.0 / (d[i] + ridge);
            }
        }
    }

    int applications() { return applications; }

    boolean preconditioned() { return inverseDiagonal != null || preconditioner != null; }

    /** out = (A + ridge·I)·in; an all-zero input gives zero without applying A. {@code in} and {@code out} must differ. */
    void apply(double[] in, double[] out) {
        if (Vectors.isZero(in)) {
            java.util.Arrays.fill(out, 0.0);
            return;
        }
        applications++;
        if (flat != null) {
            flat.apply(in, out);
            if (ridge != 0) {
                for (int i = 0; i < n; i++) {
                    out[i] += ridge * in[i];
                }
            }
            return;
        }
        RealVector y = a.operate(new ArrayRealVector(in, false));
        if (y.getDimension() != n) {
            throw new IllegalArgumentException("operator result length must be " + n + ", got " + y.getDimension());
        }
        if (y instanceof ArrayRealVector arv) {
            System.arraycopy(arv.getDataRef(), 0, out, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = y.getEntry(i);
            }
        }
        if (ridge != 0) {
            for (int i = 0; i < n; i++) {
                out[i] += ridge * in[i];
            }
        }
    }

    /** out = M⁻¹·in (a copy when there is no preconditioner); in and out may alias. */
    void precondition(double[] in, double[] out) {
        if (preconditioner != null) {
            if (in == out) {
                if (aliasWork == null) {
                    aliasWork = new double[n];
                }
                System.arraycopy(in, 0, aliasWork, 0, n);
                preconditioner.apply(aliasWork, out);
            } else {
                preconditioner.apply(in, out);
            }
        } else if (inverseDiagonal == null) {
            if (in != out) {
                System.arraycopy(in, 0, out, 0, n);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = in[i] * inverseDiagonal[i];
            }
        }
    }

    /** r = b − (A + ridge·I)·x, using {@code work} as scratch; returns ‖r‖. */
    double residual(double[] b, double[] x, double[] r, double[] work) {
        apply(x, work);
        for (int i = 0; i < n; i++) {
            r[i] = b[i] - work[i];
        }
        return Vectors.norm(r);
    }

    @Override public int getRowDimension() { return n; }

    @Override public int getColumnDimension() { return n; }

    @Override public RealVector operate(RealVector x) {
        double[] in = x instanceof ArrayRealVector arv ? arv.getDataRef() : x.toArray();
        double[] out = new double[n];
        apply(in, out);
        return new ArrayRealVector(out, false);
    }
}
