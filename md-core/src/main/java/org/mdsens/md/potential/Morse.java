package org.mdsens.md.potential;

import java.util.List;

/**
 * The Morse potential φ_ab(r) = ε_ab[(1 − e^{−a_ab(r − r0_ab)})² − 1] for r &lt; r_c,ab, else 0
 * (well depth ε at r = r₀, width 1/a; LAMMPS {@code pair_style morse} with D0 = ε, alpha = a),
 * optionally shifted by −φ(r_c) ({@code pair_modify shift yes}; the shift's θ-derivative is
 * included).
 *
 * <p>Parameters, in {@link #parameterNames()} order: {@code epsilon[X,Y]} for every pair (X ≤ Y in
 * species order), then {@code r0[X,Y]}, then {@code a[X,Y]}; explicit pairs, no mixing. Requires
 * ε ≥ 0, r₀ &gt; 0, a &gt; 0. Cutoffs are absolute and fixed under differentiation and
 * {@link #withParameter}; a cutoff must be given. Exact second parameter derivatives.
 *
 * <p>Immutable and thread-safe. Reference: P. M. Morse, Phys. Rev. 34, 57 (1929).
 */
public final class Morse extends ExplicitPairPotential {

    private static final int EPSILON = 0, R0 = 1, A = 2;

    private Morse(SpeciesTable species, ParameterNames names, double[] theta, double[] cutoffs, boolean shift) {
        super(species, names, theta, functions(species, names, theta, cutoffs, shift), cutoffs, shift);
        validateAll();
    }

    private static ParameterNames layout(SpeciesTable species) {
        return new ParameterNames(species, List.of(
                new ParameterNames.Family("epsilon", 2),
                new ParameterNames.Family("r0", 2),
                new ParameterNames.Family("a", 2)));
    }

    private static PairFunction[] functions(SpeciesTable species, ParameterNames names, double[] theta,
                                            double[] cutoffs, boolean shift) {
        PairFunction[] f = new PairFunction[species.pairCount()];
        for (int p = 0; p < f.length; p++) {
            f[p] = new MorseFunction(theta[names.offset(EPSILON) + p], theta[names.offset(R0) + p],
                    theta[names.offset(A) + p], cutoffs[p], shift);
        }
        return f;
    }

    /** A builder; every pair must be given values (by {@link Builder#all} or {@link Builder#pair}) and a cutoff. */
    public static Builder builder(List<String> species) { return new Builder(species); }

    @Override public PotentialKind kind() { return PotentialKind.MORSE; }

    @Override void validate(int k, double value) {
        String name = names.name(k);
        if (names.family(k) == EPSILON) requireNonNegative(name, value);
        else requirePositive(name, value);
    }

    @Override Morse with(double[] theta, boolean[] explicit) { return new Morse(species, names, theta, cutoffs, shift); }

    /** Fluent, single-use builder of a {@link Morse}; not thread-safe. */
    public static final class Builder {
        private final ParameterDraft draft;
        private boolean shift;

        private Builder(List<String> speciesNames) {
            SpeciesTable species = new SpeciesTable(speciesNames);
            draft = new ParameterDraft(species, layout(species));
        }

        /** The same ε, r₀, a for every pair (later {@link #pair} calls override). */
        public Builder all(double epsilon, double r0, double a) {
            draft.everyPairValues(epsilon, r0, a);
            return this;
        }

        /** ε, r₀, a of one pair. */
        public Builder pair(String s, String t, double epsilon, double r0, double a) {
            draft.pairValues(draft.species.pairIndex(s, t), epsilon, r0, a);
            return this;
        }

        /** Absolute cutoff for every pair. */
        public Builder cutoff(double rc) {
            draft.cutoff(rc);
            return this;
        }

        /** Absolute cutoff of one pair, overriding {@link #cutoff}. */
        public Builder pairCutoff(String s, String t, double rc) {
            draft.pairCutoff(s, t, rc);
            return this;
        }

        /** Subtract φ(r_c). */
        public Builder shift(boolean shift) {
            this.shift = shift;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming what is missing or invalid. */
        public Morse build() {
            double[] rc = draft.requiredCutoffs("Morse parameters");
            return new Morse(draft.species, draft.names, draft.theta(), rc, shift);
        }
    }
}
