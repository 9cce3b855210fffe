package org.mdsens.md.model;

import java.util.ArrayList;
import java.util.List;

import org.mdsens.md.potential.PairPotential;

/**
 * The total energy E(x; θ) = Σ_{i<j} φ_{s_i s_j}(r_ij; θ) + Σ_bonds k_T (r − r0_T)², with a
 * named parameter vector θ: the pair potential's parameters, then the bonds'.
 * Immutable; {@link #withParameter} returns a new model.
 */
public final class EnergyModel {

    private final PairPotential pair;
    private final HarmonicBonds bonds;

    public EnergyModel(PairPotential pair, HarmonicBonds bonds) {
        if (pair == null) throw new IllegalArgumentException("pair potential must not be null");
        this.pair = pair;
        this.bonds = bonds == null ? HarmonicBonds.none() : bonds;
    }

    public EnergyModel(PairPotential pair) { this(pair, HarmonicBonds.none()); }

    public PairPotential pair() { return pair; }
    public HarmonicBonds bonds() { return bonds; }

    /** Pair parameters, then {@code bond_k[T]}..., {@code bond_r0[T]}.... */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(pair.parameterNames());
        names.addAll(bonds.parameterNames());
        return names;
    }

    public double[] parameterValues() {
        double[] p = pair.parameterValues();
        double[] b = bonds.parameterValues();
        double[] all = new double[p.length + b.length];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(b, 0, all, p.length, b.length);
        return all;
    }

    /** Number of pair-potential parameters (they come first in the vector). */
    public int pairParameterCount() { return pair.parameterNames().size(); }

    /**
     * Index of a named parameter; throws {@link IllegalArgumentException}
     * "unknown parameter 'x'; valid: ..." when absent.
     */
    public int parameterIndex(String name) {
        int nb = bonds.parameterNames().indexOf(name);
        if (nb >= 0) return pairParameterCount() + nb;
        try {
            return pair.parameterIndex(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown parameter '" + name + "'; valid parameters are "
                    + String.join(", ", parameterNames()));
        }
    }

    public double parameter(String name) { return parameterValues()[parameterIndex(name)]; }

    public EnergyModel withParameter(String name, double value) {
        int k = parameterIndex(name);
        if (k < pairParameterCount()) return new EnergyModel(pair.withParameter(name, value), bonds);
        return new EnergyModel(pair, bonds.withParameter(k - pairParameterCount(), value));
    }

    @Override public String toString() {
        return "EnergyModel[" + pair.kind().label() + ", species " + pair.speciesNames() + ", bonds " + bonds.size() + "]";
    }
}
