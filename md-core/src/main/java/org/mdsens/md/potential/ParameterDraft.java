package org.mdsens.md.potential;

import java.util.Arrays;

/**
 * The mutable state a potential builder fills (package-private): the parameter vector θ in
 * {@link ParameterNames} order, which per-pair values were set explicitly (they then override the
 * mixing rule), which species pairs were given values, and absolute cutoffs (one for every pair,
 * overridden per pair). Species and pairs are addressed by name and reported by name when
 * unknown. Arrays handed out are copies. Single-use, not thread-safe.
 */
final class ParameterDraft {

    final SpeciesTable species;
    final ParameterNames names;
    private final double[] theta;
    private final boolean[] explicit;
    private final boolean[] pairGiven;
    private final double[] pairCutoff;
    private double cutoff = Double.NaN;

    ParameterDraft(SpeciesTable species, ParameterNames names) {
        this.species = species;
        this.names = names;
        this.theta = new double[names.size()];
        this.explicit = new boolean[names.size()];
        this.pairGiven = new boolean[species.pairCount()];
        this.pairCutoff = new double[species.pairCount()];
        Arrays.fill(pairCutoff, Double.NaN);
    }

    /** Sets the global parameter of {@code family}. */
    void global(int family, double value) {
        theta[names.offset(family)] = value;
    }

    /** Sets the per-species parameter of {@code family} for species {@code s}. */
    void species(int family, String s, double value) {
        theta[names.offset(family) + species.species(s)] = value;
    }

    /** Sets the per-species parameter of {@code family} for every species. */
    void everySpecies(int family, double value) {
        Arrays.fill(theta, names.offset(family), names.offset(family) + species.size(), value);
    }

    /** Sets the per-pair parameter of {@code family} for pair (a, b) and marks it explicit. */
    void explicitPair(int family, String a, String b, double value) {
        int k = names.offset(family) + species.pairIndex(a, b);
        theta[k] = value;
        explicit[k] = true;
    }

    /** Gives pair {@code pair} one value per family, in family order (explicit-pair potentials). */
    void pairValues(int pair, double... values) {
        for (int j = 0; j < values.length; j++) theta[names.offset(j) + pair] = values[j];
        pairGiven[pair] = true;
    }

    /** {@link #pairValues} for every pair. */
    void everyPairValues(double... values) {
        for (int p = 0; p < pairGiven.length; p++) pairValues(p, values);
    }

    /** The absolute cutoff of every pair without its own. */
    void cutoff(double rc) {
        cutoff = rc;
    }

    /** The absolute cutoff of pair (a, b), overriding {@link #cutoff(double)}. */
    void pairCutoff(String a, String b, double rc) {
        pairCutoff[species.pairIndex(a, b)] = rc;
    }

    /** The cutoff set for pair index {@code pair} alone, or NaN. */
    double ownCutoff(int pair) {
        return pairCutoff[pair];
    }

    /** θ as set so far (a copy). */
    double[] theta() {
        return theta.clone();
    }

    /** The explicit flags (a copy). */
    boolean[] explicit() {
        return explicit.clone();
    }

    /**
     * For potentials with explicit pairs and required cutoffs: checks, pair by pair, that every
     * pair was given values ("{@code what} of pair A,B must be set ...", skipped when there are
     * no parameters) and a cutoff &gt; 0 (its own, else the common one); returns the cutoffs by
     * pair index.
     */
    double[] requiredCutoffs(String what) {
        double[] rc = new double[pairGiven.length];
        for (int p = 0; p < rc.length; p++) {
            if (names.size() > 0 && !pairGiven[p]) {
                throw new IllegalArgumentException(what + " of pair " + species.pairLabel(p)
                        + " must be set (all(...) or pair(...)), got none");
            }
            rc[p] = Double.isNaN(pairCutoff[p]) ? cutoff : pairCutoff[p];
            if (Double.isNaN(rc[p])) {
                throw new IllegalArgumentException("cutoff of pair " + species.pairLabel(p)
                        + " must be set (cutoff(rc) or pairCutoff(...)), got none");
            }
            AbstractPairPotential.requirePositive("cutoff of pair " + species.pairLabel(p), rc[p]);
        }
        return rc;
    }
}
