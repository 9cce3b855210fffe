package org.mdsens.app.output;

import org.mdsens.viz.export.Figures;

/**
 * The one place that turns parameter and observable names into file and column names
 * (DESIGN.md §5): every run of non-alphanumeric characters becomes one {@code _} and a trailing
 * {@code _} is dropped ({@code diameter[B]} → {@code diameter_B}, {@code sigma[A,B]} → {@code sigma_A_B},
 * {@code position[17]} → {@code position_17}, {@code position[17].x} → {@code position_17_x}). The rule is
 * {@link Figures#fileName(String)}, shared with the plot file names, so {@code final.xyz} columns,
 * {@code sensitivity_<name>.png} and sweep columns always agree. Stateless; thread-safe.
 */
public final class OutputNames {

    private OutputNames() { }

    /** The mangled form of a parameter or observable name (idempotent). */
    public static String mangle(String name) {
        return Figures.fileName(name);
    }

    /** The {@code final.xyz} column of a parameter's sensitivity: {@code dpos_d_<mangled>}. */
    public static String positionColumn(String parameter) {
        return "dpos_d_" + mangle(parameter);
    }

    /** The base name of a parameter's sensitivity figure: {@code sensitivity_<mangled>}. */
    public static String sensitivityFigure(String parameter) {
        return "sensitivity_" + mangle(parameter);
    }

    /** The column of an observable's derivative: {@code d_<observable>_d_<parameter>}, both mangled. */
    public static String derivativeColumn(String observable, String parameter) {
        return "d_" + mangle(observable) + "_d_" + mangle(parameter);
    }
}
