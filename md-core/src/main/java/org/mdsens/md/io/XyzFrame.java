package org.mdsens.md.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mdsens.md.system.ParticleSystem;

/**
 * One frame of an extended-XYZ file.
 *
 * <p>The {@code species} and {@code pos} columns become {@link #system()}; every other per-atom column
 * is kept by name, flattened atom-major: {@code realColumns().get(name)[components(name)*i + c]} is
 * component c of atom i (atoms in file order). Comment-line keys other than {@code Lattice},
 * {@code Properties}, {@code pbc} and {@code Origin} are kept, unquoted, in {@link #info()} in file
 * order. Array and map accessors return copies; {@link #system()} is the frame's own (mutable)
 * system.
 *
 * @param system          the particles, box and species
 * @param properties      the {@code Properties=} declaration in file order (including species and pos)
 * @param realColumns     extra {@code R} columns by name
 * @param integerColumns  extra {@code I} columns by name
 * @param logicalColumns  extra {@code L} columns by name
 * @param stringColumns   extra {@code S} columns by name
 * @param info            other comment-line keys and their values
 */
public record XyzFrame(ParticleSystem system, List<XyzProperty> properties, Map<String, double[]> realColumns,
                       Map<String, long[]> integerColumns, Map<String, boolean[]> logicalColumns,
                       Map<String, String[]> stringColumns, Map<String, String> info) {

    public XyzFrame {
        if (system == null) throw new IllegalArgumentException("system must not be null");
        properties = List.copyOf(properties);
        realColumns = copyReal(realColumns);
        integerColumns = copyInt(integerColumns);
        logicalColumns = copyLogical(logicalColumns);
        stringColumns = copyString(stringColumns);
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    @Override public Map<String, double[]> realColumns() { return copyReal(realColumns); }
    @Override public Map<String, long[]> integerColumns() { return copyInt(integerColumns); }
    @Override public Map<String, boolean[]> logicalColumns() { return copyLogical(logicalColumns); }
    @Override public Map<String, String[]> stringColumns() { return copyString(stringColumns); }

    /** A copy of one real column (atom-major, length N·components), or null if there is none of that name. */
    public double[] realColumn(String name) {
        double[] v = realColumns.get(name);
        return v == null ? null : v.clone();
    }

    /** Number of components of a column, as declared in {@code Properties=}; 0 if there is no such column. */
    public int components(String name) {
        for (XyzProperty p : properties) {
            if (p.name().equals(name)) return p.components();
        }
        return 0;
    }

    private static <V> Map<String, V> unmodifiable(Map<String, V> m) {
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, double[]> copyReal(Map<String, double[]> in) {
        Map<String, double[]> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v.clone()));
        return unmodifiable(out);
    }

    private static Map<String, long[]> copyInt(Map<String, long[]> in) {
        Map<String, long[]> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v.clone()));
        return unmodifiable(out);
    }

    private static Map<String, boolean[]> copyLogical(Map<String, boolean[]> in) {
        Map<String, boolean[]> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v.clone()));
        return unmodifiable(out);
    }

    private static Map<String, String[]> copyString(Map<String, String[]> in) {
        Map<String, String[]> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v.clone()));
        return unmodifiable(out);
    }
}
