package org.mdsens.md.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mdsens.md.system.ParticleSystem;

/**
 * One snapshot of a LAMMPS text dump.
 *
 * @param timestep the {@code ITEM: TIMESTEP} value (0 if the frame has none)
 * @param system   particles sorted by atom id, species index = type − 1, unit masses
 * @param atomIds  LAMMPS atom id of each particle, ascending (a copy is returned)
 * @param columns  every other numeric per-atom column by name (e.g. {@code fx}, {@code vx}), one value
 *                 per particle in {@code system} order (copies are returned)
 */
public record LammpsDumpFrame(long timestep, ParticleSystem system, long[] atomIds, Map<String, double[]> columns) {

    public LammpsDumpFrame {
        atomIds = atomIds.clone();
        columns = copy(columns);
    }

    @Override public long[] atomIds() { return atomIds.clone(); }

    @Override public Map<String, double[]> columns() { return copy(columns); }

    /** A copy of one extra column, or null if the dump has no column of that name. */
    public double[] column(String name) {
        double[] v = columns.get(name);
        return v == null ? null : v.clone();
    }

    private static Map<String, double[]> copy(Map<String, double[]> in) {
        Map<String, double[]> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v.clone()));
        return Collections.unmodifiableMap(out);
    }
}
