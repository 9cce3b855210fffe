package org.mdsens.app.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code [bonds]}: harmonic bonds E = k (r − r0)² (LAMMPS {@code bond_style harmonic}; k includes
 * the ½), listed in the job and/or read from a LAMMPS data file's Bonds section.
 *
 * @param bonds bonds listed in the job ({@code pairs = [[i, j, "type"], ...]}, 0-based)
 * @param types bond types by name, in file order
 */
public record BondsSpec(List<Bond> bonds, Map<String, BondType> types) {

    /** One bond between particles {@code first} and {@code second} (0-based, input order). */
    public record Bond(int first, int second, String type) { }

    /** A bond type's stiffness k (≥ 0) and rest length r0 (≥ 0). */
    public record BondType(String name, double k, double r0) { }

    public BondsSpec {
        bonds = List.copyOf(bonds);
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    /** No bonds. */
    public static BondsSpec none() {
        return new BondsSpec(List.of(), Map.of());
    }

    public boolean isEmpty() { return bonds.isEmpty() && types.isEmpty(); }
}
