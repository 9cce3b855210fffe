package org.mdsens.md.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Harmonic bonds E = Σ_b k_T (r_b − r0_T)², LAMMPS {@code bond_style harmonic} convention (k
 * includes the ½). Bond types T carry the parameters {@code bond_k[T]} and {@code bond_r0[T]}.
 * Particle indices are 0-based, in input order. Immutable.
 */
public final class HarmonicBonds {

    private final int[] first;
    private final int[] second;
    private final int[] type;
    private final List<String> typeNames;
    private final double[] k;
    private final double[] r0;

    /**
     * @param first     first particle of each bond
     * @param second    second particle of each bond (≠ first)
     * @param type      bond type index of each bond
     * @param typeNames name per bond type ({@code [A-Za-z0-9]+})
     * @param k         stiffness per type (≥ 0)
     * @param r0        rest length per type (≥ 0)
     */
    public HarmonicBonds(int[] first, int[] second, int[] type, List<String> typeNames, double[] k, double[] r0) {
        if (first.length != second.length || first.length != type.length) {
            throw new IllegalArgumentException("bond arrays must have equal lengths, got " + first.length + ", "
                    + second.length + ", " + type.length);
        }
        if (k.length != typeNames.size() || r0.length != typeNames.size()) {
            throw new IllegalArgumentException("one k and one r0 per bond type is required");
        }
        for (int b = 0; b < first.length; b++) {
            if (first[b] == second[b] || first[b] < 0 || second[b] < 0) {
                throw new IllegalArgumentException("bond " + b + " must join two distinct particles, got "
                        + first[b] + " and " + second[b]);
            }
            if (type[b] < 0 || type[b] >= typeNames.size()) {
                throw new IllegalArgumentException("bond " + b + " type index must be in [0, " + typeNames.size()
                        + "), got " + type[b]);
            }
        }
        for (int t = 0; t < k.length; t++) {
            if (!(k[t] >= 0) || !(r0[t] >= 0) || !Double.isFinite(k[t]) || !Double.isFinite(r0[t])) {
                throw new IllegalArgumentException("bond type " + typeNames.get(t)
                        + " must have finite k >= 0 and r0 >= 0, got k=" + k[t] + ", r0=" + r0[t]);
            }
        }
        this.first = first.clone();
        this.second = second.clone();
        this.type = type.clone();
        this.typeNames = List.copyOf(typeNames);
        this.k = k.clone();
        this.r0 = r0.clone();
    }

    /** No bonds. */
    public static HarmonicBonds none() {
        return new HarmonicBonds(new int[0], new int[0], new int[0], List.of(), new double[0], new double[0]);
    }

    public int size() { return first.length; }
    public int first(int bond) { return first[bond]; }
    public int second(int bond) { return second[bond]; }
    public int type(int bond) { return type[bond]; }
    public List<String> typeNames() { return typeNames; }
    public double stiffness(int t) { return k[t]; }
    public double restLength(int t) { return r0[t]; }

    /** Largest particle index referenced, or -1. */
    public int maxParticleIndex() {
        int m = -1;
        for (int b = 0; b < first.length; b++) m = Math.max(m, Math.max(first[b], second[b]));
        return m;
    }

    /** {@code bond_k[T]} for every type, then {@code bond_r0[T]} for every type. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (String t : typeNames) names.add("bond_k[" + t + "]");
        for (String t : typeNames) names.add("bond_r0[" + t + "]");
        return names;
    }

    public double[] parameterValues() {
        double[] v = Arrays.copyOf(k, 2 * k.length);
        System.arraycopy(r0, 0, v, k.length, r0.length);
        return v;
    }

    /** A copy with parameter {@code index} (in {@link #parameterNames()} order) set to {@code value}. */
    public HarmonicBonds withParameter(int index, double value) {
        double[] nk = k.clone();
        double[] nr = r0.clone();
        if (index < k.length) nk[index] = value; else nr[index - k.length] = value;
        return new HarmonicBonds(first, second, type, typeNames, nk, nr);
    }
}
