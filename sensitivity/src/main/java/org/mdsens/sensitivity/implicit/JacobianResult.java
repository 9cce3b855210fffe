package org.mdsens.sensitivity.implicit;

import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * The Jacobian dx⋆/dθ (n × p), one JVP per parameter: column j is the tangent for dθ = e_j, with its own
 * {@link SolveReport}. Immutable: arrays are copied in and out.
 *
 * @param columns p columns of length n
 * @param reports one report per column
 * @param report  the summary ({@link SolveReport#summarize})
 */
public record JacobianResult(double[][] columns, List<SolveReport> reports, SolveReport report) {

    public JacobianResult {
        double[][] c = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            c[j] = columns[j].clone();
        }
        columns = c;
        reports = List.copyOf(reports);
        if (reports.size() != columns.length) {
            throw new IllegalArgumentException("reports size must be " + columns.length + ", got " + reports.size());
        }
    }

    /** @return p, the number of parameters (columns) */
    public int parameterCount() { return columns.length; }

    /** @return dx*_i/dθ_j */
    public double get(int i, int j) { return columns[j][i]; }

    /** @return a copy of column j, dx⋆/dθ_j (length n) */
    public double[] column(int j) { return columns[j].clone(); }

    @Override public double[][] columns() {
        double[][] c = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            c[j] = columns[j].clone();
        }
        return c;
    }

    /** @return the Jacobian as a new n × p row-major array ({@code n} = 0 rows if p = 0) */
    public double[][] toArray() {
        int n = columns.length == 0 ? 0 : columns[0].length;
        double[][] a = new double[n][columns.length];
        for (int j = 0; j < columns.length; j++) {
            for (int i = 0; i < n; i++) {
                a[i][j] = columns[j][i];
            }
        }
        return a;
    }

    /** @return the Jacobian as a Hipparchus matrix (n × p, p ≥ 1) */
    public RealMatrix toMatrix() { return new Array2DRowRealMatrix(toArray(), false); }

    /** @return {@code true} if every column's solve converged */
    public boolean converged() { return report.converged(); }

    @Override public String toString() {
        return "JacobianResult[" + (columns.length == 0 ? 0 : columns[0].length) + " x " + columns.length + ", " + report + "]";
    }
}
