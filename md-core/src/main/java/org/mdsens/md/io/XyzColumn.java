package org.mdsens.md.io;

import java.util.Arrays;

/**
 * An extra real per-atom column to write into an extended-XYZ file, e.g. forces or sensitivities.
 *
 * <p>Layout: {@code values[components*i + c]} is component c of atom i, length N·components. For a 2D
 * system a 2-component column (a 2D vector) is written as {@code name:R:3} with a zero z component,
 * matching the positions; every other column is written with its own component count. Immutable
 * (the array is copied in and out).
 *
 * @param name       column name: non-empty, no colon or whitespace, not {@code species} or {@code pos}
 * @param components values per atom (≥ 1)
 * @param values     per-atom values, atom-major, length N·components
 */
public record XyzColumn(String name, int components, double[] values) {

    public XyzColumn {
        new XyzProperty(name, XyzProperty.Type.REAL, components); // validates the name and components
        if (name.equals("species") || name.equals("pos")) {
            throw new IllegalArgumentException("column name must not be 'species' or 'pos' (always written), got '"
                    + name + "'");
        }
        if (values == null || values.length % components != 0) {
            throw new IllegalArgumentException("column " + name + " length must be a multiple of " + components
                    + ", got " + (values == null ? "null" : values.length));
        }
        values = values.clone();
    }

    @Override public double[] values() { return values.clone(); }

    /** Number of atoms covered. */
    public int atomCount() { return values.length / components; }

    @Override public boolean equals(Object o) {
        return o instanceof XyzColumn c && c.name.equals(name) && c.components == components
                && Arrays.equals(c.values, values);
    }

    @Override public int hashCode() { return 31 * name.hashCode() + Arrays.hashCode(values); }

    @Override public String toString() { return "XyzColumn[" + name + ":R:" + components + ", N=" + atomCount() + "]"; }
}
