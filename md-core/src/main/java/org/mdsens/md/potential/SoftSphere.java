package org.mdsens.md.potential;

import java.util.List;

/**
 * Soft-sphere repulsion in the JAX-MD convention:
 * φ_ab(r) = (ε_ab/α)(1 − r/σ_ab)^α for r &lt; σ_ab, else 0 (energy in units of ε, lengths in
 * units of the diameters). α = 2 is the harmonic contact, equal to LAMMPS
 * {@code pair_style harmonic/cut} with k = ε/(2σ²), r_c = σ; α = 5/2 is Hertzian.
 *
 * <p>Parameters, in {@link #parameterNames()} order: {@code diameter[X]} per species,
 * {@code epsilon} (global), {@code alpha}, then per pair (X ≤ Y in species order, X = Y included)
 * {@code sigma[X,Y]}, then {@code epsilon[X,Y]}. Mixing: σ_ab = (D_a + D_b)/2 and ε_ab =
 * {@code epsilon}, unless the pair value is set explicitly (by the builder or
 * {@link #withParameter}); a pair value set explicitly stays fixed when species values change.
 * Requires D &gt; 0, σ &gt; 0, ε ≥ 0 and α &gt; 1 (sensitivities need α ≥ 2: for α &lt; 2 φ''
 * diverges at contact).
 *
 * <p>The cutoff of pair (a, b) is σ_ab itself; it moves with σ under differentiation, which is
 * exact because φ and φ' vanish continuously at contact (α &gt; 1). Derivatives with respect to
 * {@code alpha} contain ln(1 − r/σ), finite inside the contact. Exact second parameter
 * derivatives are implemented for every parameter.
 *
 * <p>Immutable and thread-safe. Reference: Schoenholz &amp; Cubuk, JAX MD (NeurIPS 2020),
 * {@code energy.soft_sphere}.
 */
public final class SoftSphere extends AbstractPairPotential {

    private static final int DIAMETER = 0, EPSILON = 1, ALPHA = 2, PAIR_SIGMA = 3, PAIR_EPSILON = 4;

    private SoftSphere(SpeciesTable species, ParameterNames names, double[] theta, boolean[] explicit) {
        super(species, names, derive(species, names, theta, explicit), explicit, functions(species, names, theta));
        validateAll();
    }

    private static ParameterNames layout(SpeciesTable species) {
        return new ParameterNames(species, List.of(
                new ParameterNames.Family("diameter", 1),
                new ParameterNames.Family("epsilon", 0),
                new ParameterNames.Family("alpha", 0),
                new ParameterNames.Family("sigma", 2),
                new ParameterNames.Family("epsilon", 2)));
    }

    /** Fills non-explicit pair values from the mixing rule, in place; returns theta. */
    private static double[] derive(SpeciesTable species, ParameterNames names, double[] theta, boolean[] explicit) {
        int d = names.offset(DIAMETER), s = names.offset(PAIR_SIGMA), e = names.offset(PAIR_EPSILON);
        for (int p = 0; p < species.pairCount(); p++) {
            if (!explicit[s + p]) theta[s + p] = 0.5 * (theta[d + species.first(p)] + theta[d + species.second(p)]);
            if (!explicit[e + p]) theta[e + p] = theta[names.offset(EPSILON)];
        }
        return theta;
    }

    private static PairFunction[] functions(SpeciesTable species, ParameterNames names, double[] theta) {
        PairFunction[] f = new PairFunction[species.pairCount()];
        double alpha = theta[names.offset(ALPHA)];
        for (int p = 0; p < f.length; p++) {
            f[p] = new SoftSphereFunction(theta[names.offset(PAIR_SIGMA) + p], theta[names.offset(PAIR_EPSILON) + p], alpha);
        }
        return f;
    }

    /** A builder with every diameter 1, {@code epsilon} 1 and {@code alpha} 2 until set. */
    public static Builder builder(List<String> species) { return new Builder(species); }

    @Override public PotentialKind kind() { return PotentialKind.SOFT_SPHERE; }

    /** σ_ab of species indices (a, b): the contact distance and the cutoff of the pair. */
    public double sigma(int a, int b) { return theta[names.offset(PAIR_SIGMA) + species.pairIndex(a, b)]; }

    /** ε_ab of species indices (a, b). */
    public double epsilon(int a, int b) { return theta[names.offset(PAIR_EPSILON) + species.pairIndex(a, b)]; }

    /** D_a of species index a. */
    public double diameter(int a) {
        species.pairIndex(a, a);
        return theta[names.offset(DIAMETER) + a];
    }

    /** The exponent α. */
    public double alpha() { return theta[names.offset(ALPHA)]; }

    @Override void validate(int k, double value) {
        String name = names.name(k);
        switch (names.family(k)) {
            case DIAMETER, PAIR_SIGMA -> requirePositive(name, value);
            case EPSILON, PAIR_EPSILON -> requireNonNegative(name, value);
            default -> {
                if (!(value > 1) || !Double.isFinite(value)) {
                    throw new IllegalArgumentException(name + " must be > 1, got " + value);
                }
            }
        }
    }

    @Override double mixing(int k, int pair, int j) {
        int local = names.local(k);
        return switch (names.family(k)) {
            case DIAMETER -> {
                if (j != SoftSphereFunction.SIGMA || explicit[names.offset(PAIR_SIGMA) + pair]) yield 0;
                yield (species.first(pair) == local ? 0.5 : 0) + (species.second(pair) == local ? 0.5 : 0);
            }
            case EPSILON -> j == SoftSphereFunction.EPSILON && !explicit[names.offset(PAIR_EPSILON) + pair] ? 1 : 0;
            case ALPHA -> j == SoftSphereFunction.ALPHA ? 1 : 0;
            case PAIR_SIGMA -> j == SoftSphereFunction.SIGMA && local == pair ? 1 : 0;
            default -> j == SoftSphereFunction.EPSILON && local == pair ? 1 : 0;
        };
    }

    @Override SoftSphere with(double[] theta, boolean[] explicit) {
        return new SoftSphere(species, names, theta, explicit);
    }

    /** Fluent, single-use builder of a {@link SoftSphere}; not thread-safe. */
    public static final class Builder {
        private final ParameterDraft draft;

        private Builder(List<String> speciesNames) {
            SpeciesTable species = new SpeciesTable(speciesNames);
            draft = new ParameterDraft(species, layout(species));
            draft.everySpecies(DIAMETER, 1);
            draft.global(EPSILON, 1);
            draft.global(ALPHA, 2);
        }

        /** Diameter D of a species. */
        public Builder diameter(String s, double d) {
            draft.species(DIAMETER, s, d);
            return this;
        }

        /** Global ε (every pair not set explicitly). */
        public Builder epsilon(double e) {
            draft.global(EPSILON, e);
            return this;
        }

        /** Exponent α &gt; 1. */
        public Builder alpha(double a) {
            draft.global(ALPHA, a);
            return this;
        }

        /** Explicit σ of a pair, overriding the (D_a + D_b)/2 mixing. */
        public Builder pairSigma(String a, String b, double sigma) {
            draft.explicitPair(PAIR_SIGMA, a, b, sigma);
            return this;
        }

        /** Explicit ε of a pair, overriding the global {@code epsilon}. */
        public Builder pairEpsilon(String a, String b, double epsilon) {
            draft.explicitPair(PAIR_EPSILON, a, b, epsilon);
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming an invalid parameter. */
        public SoftSphere build() { return new SoftSphere(draft.species, draft.names, draft.theta(), draft.explicit()); }
    }
}
