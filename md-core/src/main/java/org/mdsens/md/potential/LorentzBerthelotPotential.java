package org.mdsens.md.potential;

import java.util.List;

/**
 * Parameters and Lorentz–Berthelot mixing shared by {@link LennardJones} and {@link Wca}:
 * {@code sigma[X]}, {@code epsilon[X]} per species, then {@code sigma[X,Y]}, {@code epsilon[X,Y]}
 * per pair, with σ_ab = (σ_a + σ_b)/2 and ε_ab = √(ε_a ε_b) (ε_aa = ε_a) unless set explicitly.
 *
 * <p>∂ε_ab/∂ε_a = ε_b/(2√(ε_a ε_b)) for a ≠ b: 0 when ε_b = 0, and unbounded when ε_a = 0 &lt; ε_b,
 * in which case {@link #parameterDerivative} throws an {@link IllegalArgumentException} that says so.
 */
abstract class LorentzBerthelotPotential extends AbstractPairPotential {

    static final int SIGMA = 0, EPSILON = 1, PAIR_SIGMA = 2, PAIR_EPSILON = 3;

    LorentzBerthelotPotential(SpeciesTable species, ParameterNames names, double[] theta, boolean[] explicit,
                              PairFunction[] pairs) {
        super(species, names, theta, explicit, pairs);
    }

    static ParameterNames layout(SpeciesTable species) {
        return new ParameterNames(species, List.of(
                new ParameterNames.Family("sigma", 1),
                new ParameterNames.Family("epsilon", 1),
                new ParameterNames.Family("sigma", 2),
                new ParameterNames.Family("epsilon", 2)));
    }

    /** A builder's draft with every species σ = ε = 1. */
    static ParameterDraft draft(List<String> speciesNames) {
        SpeciesTable species = new SpeciesTable(speciesNames);
        ParameterDraft draft = new ParameterDraft(species, layout(species));
        draft.everySpecies(SIGMA, 1);
        draft.everySpecies(EPSILON, 1);
        return draft;
    }

    /** Fills non-explicit pair values from the mixing rule, in place; returns theta. */
    static double[] derive(SpeciesTable species, ParameterNames names, double[] theta, boolean[] explicit) {
        int s = names.offset(SIGMA), e = names.offset(EPSILON);
        int ps = names.offset(PAIR_SIGMA), pe = names.offset(PAIR_EPSILON);
        for (int p = 0; p < species.pairCount(); p++) {
            int a = species.first(p), b = species.second(p);
            if (!explicit[ps + p]) theta[ps + p] = a == b ? theta[s + a] : 0.5 * (theta[s + a] + theta[s + b]);
            if (!explicit[pe + p]) theta[pe + p] = a == b ? theta[e + a] : Math.sqrt(theta[e + a] * theta[e + b]);
        }
        return theta;
    }

    /** σ_ab of species indices (a, b). */
    public final double sigma(int a, int b) { return theta[names.offset(PAIR_SIGMA) + species.pairIndex(a, b)]; }

    /** ε_ab of species indices (a, b). */
    public final double epsilon(int a, int b) { return theta[names.offset(PAIR_EPSILON) + species.pairIndex(a, b)]; }

    @Override final void validate(int k, double value) { validate(names, k, value); }

    /** σ &gt; 0 and ε ≥ 0, for a potential or a builder's draft. */
    static void validate(ParameterNames names, int k, double value) {
        String name = names.name(k);
        switch (names.family(k)) {
            case SIGMA, PAIR_SIGMA -> requirePositive(name, value);
            default -> requireNonNegative(name, value);
        }
    }

    @Override final double mixing(int k, int pair, int j) {
        int local = names.local(k);
        int a = species.first(pair), b = species.second(pair);
        switch (names.family(k)) {
            case SIGMA:
                if (j != LennardJonesFunction.SIGMA || explicit[names.offset(PAIR_SIGMA) + pair]) return 0;
                return (a == local ? 0.5 : 0) + (b == local ? 0.5 : 0);
            case EPSILON: {
                if (j != LennardJonesFunction.EPSILON || explicit[names.offset(PAIR_EPSILON) + pair]) return 0;
                if (a != local && b != local) return 0;
                if (a == b) return 1;
                double own = theta[names.offset(EPSILON) + local];
                double other = theta[names.offset(EPSILON) + (a == local ? b : a)];
                if (other == 0) return 0;
                if (own == 0) {
                    throw new IllegalArgumentException("d epsilon[" + species.pairLabel(pair) + "]/d "
                            + names.name(k) + " is unbounded at " + names.name(k)
                            + " = 0 (Lorentz-Berthelot epsilon_ab = sqrt(epsilon_a epsilon_b)); set epsilon["
                            + species.pairLabel(pair) + "] explicitly or use " + names.name(k) + " > 0");
                }
                return 0.5 * Math.sqrt(other / own);
            }
            case PAIR_SIGMA:
                return j == LennardJonesFunction.SIGMA && local == pair ? 1 : 0;
            default:
                return j == LennardJonesFunction.EPSILON && local == pair ? 1 : 0;
        }
    }

    @Override final double mixingSecond(int k, int pair, int j) {
        if (names.family(k) != EPSILON || j != LennardJonesFunction.EPSILON
                || explicit[names.offset(PAIR_EPSILON) + pair]) {
            return 0;
        }
        int local = names.local(k);
        int a = species.first(pair), b = species.second(pair);
        if (a == b || (a != local && b != local)) return 0;
        double own = theta[names.offset(EPSILON) + local];
        double other = theta[names.offset(EPSILON) + (a == local ? b : a)];
        if (other == 0) return 0;
        return -0.25 * Math.sqrt(other) / (own * Math.sqrt(own));
    }
}
