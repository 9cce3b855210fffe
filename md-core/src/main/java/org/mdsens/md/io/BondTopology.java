package org.mdsens.md.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mdsens.md.model.HarmonicBonds;

/**
 * Bond connectivity without coefficients, as a LAMMPS data file carries it: bond b joins particles
 * {@code first[b]} and {@code second[b]} (0-based indices into the system, in its order) and has type
 * {@code type[b]} (0-based; LAMMPS bond type t is index t − 1). The caller supplies the coefficients
 * through {@link #toHarmonicBonds(double[], double[])}. Immutable (arrays copied in and out).
 *
 * @param first     first particle of each bond
 * @param second    second particle of each bond (≠ first)
 * @param type      bond type index of each bond, in [0, typeCount)
 * @param typeCount number of bond types (≥ 0; may exceed the types used)
 */
public record BondTopology(int[] first, int[] second, int[] type, int typeCount) {

    public BondTopology {
        if (first.length != second.length || first.length != type.length) {
            throw new IllegalArgumentException("bond arrays must have equal lengths, got " + first.length + ", "
                    + second.length + ", " + type.length);
        }
        if (typeCount < 0) throw new IllegalArgumentException("bond type count must be >= 0, got " + typeCount);
        for (int b = 0; b < first.length; b++) {
            if (first[b] < 0 || second[b] < 0 || first[b] == second[b]) {
                throw new IllegalArgumentException("bond " + b + " must join two distinct particles, got "
                        + first[b] + " and " + second[b]);
            }
            if (type[b] < 0 || type[b] >= typeCount) {
                throw new IllegalArgumentException("bond " + b + " type must be in [0, " + typeCount + "), got " + type[b]);
            }
        }
        first = first.clone();
        second = second.clone();
        type = type.clone();
    }

    /** No bonds and no bond types. */
    public static BondTopology none() {
        return new BondTopology(new int[0], new int[0], new int[0], 0);
    }

    @Override public int[] first() { return first.clone(); }
    @Override public int[] second() { return second.clone(); }
    @Override public int[] type() { return type.clone(); }

    /** Number of bonds. */
    public int size() { return first.length; }

    /** The LAMMPS-style type names {@code "1", "2", ...}, one per type. */
    public List<String> defaultTypeNames() {
        List<String> names = new ArrayList<>(typeCount);
        for (int t = 1; t <= typeCount; t++) names.add(Integer.toString(t));
        return names;
    }

    /** Harmonic bonds with type names {@code "1", "2", ...} and the given per-type k and r0. */
    public HarmonicBonds toHarmonicBonds(double[] k, double[] r0) {
        return toHarmonicBonds(defaultTypeNames(), k, r0);
    }

    /** Harmonic bonds with the given type names and per-type stiffness k and rest length r0. */
    public HarmonicBonds toHarmonicBonds(List<String> typeNames, double[] k, double[] r0) {
        if (typeNames.size() != typeCount) {
            throw new IllegalArgumentException("bond type names must number " + typeCount + ", got " + typeNames.size());
        }
        return new HarmonicBonds(first, second, type, typeNames, k, r0);
    }

    @Override public boolean equals(Object o) {
        return o instanceof BondTopology t && t.typeCount == typeCount && Arrays.equals(t.first, first)
                && Arrays.equals(t.second, second) && Arrays.equals(t.type, type);
    }

    @Override public int hashCode() {
        return Arrays.hashCode(first) * 31 + Arrays.hashCode(second) * 7 + Arrays.hashCode(type) + typeCount;
    }

    @Override public String toString() { return "BondTopology[bonds=" + size() + ", types=" + typeCount + "]"; }
}
