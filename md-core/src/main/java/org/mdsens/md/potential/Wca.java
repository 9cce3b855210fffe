package org.mdsens.md.potential;

import java.util.List;

/**
 * The Weeks–Chandler–Andersen repulsion: Lennard-Jones cut at its minimum r_c,ab = 2^{1/6}σ_ab
 * and shifted up by ε_ab, φ(r) = 4ε[(σ/r)¹² − (σ/r)⁶] + ε for r &lt; r_c, else 0 (so φ(r_c) =
 * φ'(r_c) = 0; φ'' jumps at r_c). LAMMPS {@code lj/cut} with cutoff 2^{1/6}σ and
 * {@code pair_modify shift yes}.
 *
 * <p>Parameters and Lorentz–Berthelot mixing as {@link LennardJones}: {@code sigma[X]},
 * {@code epsilon[X]} per species, then {@code sigma[X,Y]}, {@code epsilon[X,Y]} per pair.
 *
 * <p>The cutoff is part of the function and moves with σ_ab. Parameter derivatives are the
 * derivatives of the inner formula for r &lt; r_c and 0 beyond; because φ and φ' vanish at r_c
 * this is the exact derivative of the piecewise φ and φ' (no boundary term). ∂φ''/∂σ omits the
 * δ-function from the moving jump of φ'' at r_c, which never matters for pairs not sitting
 * exactly at r_c. The exact ∂²φ/∂σ² likewise uses the inner formula (the shift +ε does not depend
 * on σ, whereas a fixed-cutoff shift would).
 *
 * <p>Immutable and thread-safe. Reference: Weeks, Chandler &amp; Andersen, J. Chem. Phys. 54, 5237 (1971).
 */
public final class Wca extends LorentzBerthelotPotential {

    private Wca(SpeciesTable species, ParameterNames names, double[] theta, boolean[] explicit) {
        super(species, names, derive(species, names, theta, explicit), explicit, functions(species, names, theta));
        validateAll();
    }

    private static PairFunction[] functions(SpeciesTable species, ParameterNames names, double[] theta) {
        PairFunction[] f = new PairFunction[species.pairCount()];
        for (int p = 0; p < f.length; p++) {
            f[p] = new LennardJonesFunction(theta[names.offset(PAIR_SIGMA) + p], theta[names.offset(PAIR_EPSILON) + p],
                    Double.NaN, LennardJonesFunction.Mode.WCA, Double.NaN);
        }
        return f;
    }

    /** A builder with every species σ = ε = 1 until set. */
    public static Builder builder(List<String> species) { return new Builder(species); }

    @Override public PotentialKind kind() { return PotentialKind.WCA; }

    /** The cutoff 2^{1/6}σ_ab of species indices (a, b). */
    public double cutoff(int a, int b) { return pair(a, b).cutoff(); }

    @Override Wca with(double[] theta, boolean[] explicit) { return new Wca(species, names, theta, explicit); }

    /** Fluent, single-use builder of a {@link Wca}; not thread-safe. */
    public static final class Builder {
        private final ParameterDraft draft;

        private Builder(List<String> speciesNames) {
            draft = draft(speciesNames);
        }

        /** σ of a species (mixed arithmetically into pairs). */
        public Builder sigma(String s, double sigma) {
            draft.species(SIGMA, s, sigma);
            return this;
        }

        /** ε of a species (mixed geometrically into pairs). */
        public Builder epsilon(String s, double epsilon) {
            draft.species(EPSILON, s, epsilon);
            return this;
        }

        /** Explicit σ of a pair. */
        public Builder pairSigma(String a, String b, double sigma) {
            draft.explicitPair(PAIR_SIGMA, a, b, sigma);
            return this;
        }

        /** Explicit ε of a pair. */
        public Builder pairEpsilon(String a, String b, double epsilon) {
            draft.explicitPair(PAIR_EPSILON, a, b, epsilon);
            return this;
        }

        /** Validates and builds. */
        public Wca build() { return new Wca(draft.species, draft.names, draft.theta(), draft.explicit()); }
    }
}
