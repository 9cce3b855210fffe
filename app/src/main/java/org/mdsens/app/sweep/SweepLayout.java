package org.mdsens.app.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mdsens.app.output.OutputNames;

/**
 * The columns of {@code results.csv} / {@code results.jsonl} (DESIGN.md §5), fixed by the varied
 * parameters, the differentiated parameters and the observables of a sweep:
 * <ol>
 *   <li>{@code point, chain, replica, seed}, one column per varied parameter (mangled name,
 *       {@code diameter[B]} → {@code diameter_B}), {@code status, energy, max_force, iterations};</li>
 *   <li>the energy at the minimum, per differentiated parameter p: {@code d_energy_d_<p>} (dE*&#47;dθ,
 *       envelope theorem) and {@code d2_energy_d_<p>} (d²E*&#47;dθ²);</li>
 *   <li>per observable o (besides energy): {@code <o>}, {@code d_<o>_d_<p>} for each p, their error
 *       estimates {@code err_d_<o>_d_<p>}, and the relative residual of its Krylov solve
 *       {@code <o>_solver_residual};</li>
 *   <li>per p: {@code dx_norm_<p>} (‖dx*&#47;dθ‖, Euclidean over all coordinates),
 *       {@code dx_residual_<p>} (relative residual of the JVP solve), {@code dx_error_<p>} (its error
 *       estimate);</li>
 *   <li>{@code sensitivity_status, smallest_eigenvalue, zero_modes, rattlers, force_evaluations},
 *       and the warm-start diagnostics {@code start} (cold, warm or cold-retry),
 *       {@code predicted_energy_change} (dE*&#47;dθ Δθ + ½ d²E*&#47;dθ² Δθ² from the previous point of
 *       the chain), {@code energy_change} (the re-minimized E* minus the previous point's) and
 *       {@code prediction} (ok, or poor when they disagree badly; empty for a chain's first point).</li>
 * </ol>
 * Immutable.
 *
 * @param varied      the varied parameters, sorted
 * @param parameters  the differentiated parameters: the job's {@code [sensitivity] parameters}, then
 *                    every varied parameter not listed there
 * @param observables the observables besides energy, expanded ({@code position[3]} →
 *                    {@code position[3].x}, {@code position[3].y})
 */
public record SweepLayout(List<String> varied, List<String> parameters, List<String> observables) {

    /** The type of a column's values. */
    public enum Type {
        /** An integer (a JSON number; empty / null when absent, e.g. the seed of a file system). */
        INTEGER,
        /** A float64, written with {@link Double#toString(double)} (round-trip exact; NaN in CSV, null in JSON). */
        REAL,
        /** Text. */
        TEXT
    }

    /**
     * A column.
     *
     * @param name the column name
     * @param type its values' type
     */
    public record Column(String name, Type type) { }

    public SweepLayout {
        varied = List.copyOf(varied);
        parameters = List.copyOf(parameters);
        observables = List.copyOf(observables);
        for (String v : varied) {
            if (!parameters.contains(v)) {
                throw new IllegalArgumentException("the differentiated parameters must include every varied one, "
                        + "missing " + v);
            }
        }
        Set<String> seen = new HashSet<>();
        for (Column c : columns(varied, parameters, observables)) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("column names must be distinct, got '" + c.name() + "' twice "
                        + "(after replacing non-alphanumerics by _)");
            }
        }
    }

    /** The column form of a name ({@link OutputNames#mangle}): {@code diameter[B]} → {@code diameter_B}. */
    public static String mangle(String name) {
        return OutputNames.mangle(name);
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns(varied, parameters, observables);
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        List<String> out = new ArrayList<>();
        for (Column c : columns()) out.add(c.name());
        return out;
    }

    /** The column of a varied or differentiated parameter's value. */
    public static String valueColumn(String parameter) { return mangle(parameter); }

    /** {@code d_<o>_d_<p>}. */
    public static String derivativeColumn(String observable, String parameter) {
        return OutputNames.derivativeColumn(observable, parameter);
    }

    private static List<Column> columns(List<String> varied, List<String> parameters, List<String> observables) {
        List<Column> c = new ArrayList<>();
        c.add(new Column("point", Type.INTEGER));
        c.add(new Column("chain", Type.INTEGER));
        c.add(new Column("replica", Type.INTEGER));
        c.add(new Column("seed", Type.INTEGER));
        for (String v : varied) c.add(new Column(mangle(v), Type.REAL));
        c.add(new Column("status", Type.TEXT));
        c.add(new Column("energy", Type.REAL));
        c.add(new Column("max_force", Type.REAL));
        c.add(new Column("iterations", Type.INTEGER));
        for (String p : parameters) c.add(new Column(derivativeColumn("energy", p), Type.REAL));
        for (String p : parameters) c.add(new Column("d2_energy_d_" + mangle(p), Type.REAL));
        for (String o : observables) {
            c.add(new Column(mangle(o), Type.REAL));
            for (String p : parameters) c.add(new Column(derivativeColumn(o, p), Type.REAL));
            for (String p : parameters) c.add(new Column("err_" + derivativeColumn(o, p), Type.REAL));
            c.add(new Column(mangle(o) + "_solver_residual", Type.REAL));
        }
        for (String p : parameters) {
            c.add(new Column("dx_norm_" + mangle(p), Type.REAL));
            c.add(new Column("dx_residual_" + mangle(p), Type.REAL));
            c.add(new Column("dx_error_" + mangle(p), Type.REAL));
        }
        c.add(new Column("sensitivity_status", Type.TEXT));
        c.add(new Column("smallest_eigenvalue", Type.REAL));
        c.add(new Column("zero_modes", Type.INTEGER));
        c.add(new Column("rattlers", Type.INTEGER));
        c.add(new Column("force_evaluations", Type.INTEGER));
        c.add(new Column("start", Type.TEXT));
        c.add(new Column("predicted_energy_change", Type.REAL));
        c.add(new Column("energy_change", Type.REAL));
        c.add(new Column("prediction", Type.TEXT));
        return c;
    }
}
