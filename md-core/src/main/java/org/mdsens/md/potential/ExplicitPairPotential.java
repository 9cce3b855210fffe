package org.mdsens.md.potential;

import java.util.Arrays;

/**
 * Shared part of the potentials whose parameters are all per pair, with no mixing rule
 * ({@link Morse}, {@link CustomPairPotential}): every pair value is explicit, θ_k enters only its
 * own pair, and the cutoffs are absolute, given at build and fixed under
 * {@link #withParameter} and differentiation, with an optional shift by −φ(r_c) (whose
 * θ-derivative is included). Immutable and thread-safe.
 */
abstract class ExplicitPairPotential extends AbstractPairPotential {

    final double[] cutoffs;     // per pair index, absolute
    final boolean shift;

    ExplicitPairPotential(SpeciesTable species, ParameterNames names, double[] theta, PairFunction[] pairs,
                          double[] cutoffs, boolean shift) {
        super(species, names, theta, allExplicit(theta.length), pairs);
        this.cutoffs = cutoffs;
        this.shift = shift;
    }

    private static boolean[] allExplicit(int n) {
        boolean[] e = new boolean[n];
        Arrays.fill(e, true);
        return e;
    }

    /** The absolute cutoff of species indices (a, b). */
    public final double cutoff(int a, int b) { return cutoffs[species.pairIndex(a, b)]; }

    /** Whether φ(r_c) is subtracted. */
    public final boolean isShifted() { return shift; }

    @Override final double mixing(int k, int pair, int j) {
        return names.local(k) == pair && names.family(k) == j ? 1 : 0;
    }
}
