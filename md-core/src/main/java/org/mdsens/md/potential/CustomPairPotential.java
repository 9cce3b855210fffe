package org.mdsens.md.potential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user pair potential from a {@link FieldPairFormula}: φ_ab(r) = f(r; p_ab) for r &lt; r_c,ab
 * (optionally minus f(r_c,ab; p_ab)), else 0, with φ', φ'' and every parameter derivative
 * (∂φ/∂θ, ∂φ'/∂θ, ∂φ''/∂θ, ∂²φ/∂θ²) by Hipparchus forward-mode AD.
 *
 * <p>Parameters: for each formula parameter name n (in formula order), {@code n[X,Y]} for every
 * pair X ≤ Y in species order; explicit pairs, no mixing; values must be finite (the formula
 * owns any other constraint). Cutoffs are absolute, required, and fixed under differentiation.
 *
 * <p>Immutable and thread-safe if the formula is. Slower than the built-ins: each evaluation
 * allocates AD objects; use a built-in where one fits.
 */
public final class CustomPairPotential extends ExplicitPairPotential {

    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final FieldPairFormula formula;

    private CustomPairPotential(SpeciesTable species, ParameterNames names, FieldPairFormula formula, double[] theta,
                                double[] cutoffs, boolean shift) {
        super(species, names, theta, functions(species, formula, theta, cutoffs, shift), cutoffs, shift);
        this.formula = formula;
        validateAll();
    }

    private static ParameterNames layout(SpeciesTable species, FieldPairFormula formula) {
        List<ParameterNames.Family> families = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String n : formula.parameterNames()) {
            if (n == null || !PARAMETER.matcher(n).matches()) {
                throw new IllegalArgumentException("formula parameter name must match [A-Za-z_][A-Za-z0-9_]*, got '" + n + "'");
            }
            if (!seen.add(n)) throw new IllegalArgumentException("formula parameter names must be unique, got '" + n + "' twice");
            families.add(new ParameterNames.Family(n, 2));
        }
        return new ParameterNames(species, families);
    }

    private static PairFunction[] functions(SpeciesTable species, FieldPairFormula formula, double[] theta,
                                            double[] cutoffs, boolean shift) {
        int m = formula.parameterNames().size();
        int pairs = species.pairCount();
        PairFunction[] f = new PairFunction[pairs];
        for (int p = 0; p < pairs; p++) {
            double[] values = new double[m];
            for (int j = 0; j < m; j++) values[j] = theta[j * pairs + p];
            f[p] = new CustomPairFunction(formula, values, cutoffs[p], shift);
        }
        return f;
    }

    /** A builder; every pair needs values ({@link Builder#all} or {@link Builder#pair}) and a cutoff. */
    public static Builder builder(List<String> species, FieldPairFormula formula) {
        return new Builder(species, formula);
    }

    @Override public PotentialKind kind() { return PotentialKind.CUSTOM; }

    /** The formula. */
    public FieldPairFormula formula() { return formula; }

    @Override void validate(int k, double value) { requireFinite(names.name(k), value); }

    @Override CustomPairPotential with(double[] theta, boolean[] explicit) {
        return new CustomPairPotential(species, names, formula, theta, cutoffs, shift);
    }

    /** Fluent, single-use builder of a {@link CustomPairPotential}; not thread-safe. */
    public static final class Builder {
        private final FieldPairFormula formula;
        private final ParameterDraft draft;
        private final int m;
        private boolean shift;

        private Builder(List<String> speciesNames, FieldPairFormula formula) {
            if (formula == null) throw new IllegalArgumentException("formula must not be null");
            SpeciesTable species = new SpeciesTable(speciesNames);
            this.formula = formula;
            this.draft = new ParameterDraft(species, layout(species, formula));
            this.m = formula.parameterNames().size();
        }

        /** The same parameter values (formula order) for every pair; later {@link #pair} calls override. */
        public Builder all(double... values) {
            draft.everyPairValues(checked(values));
            return this;
        }

        /** Parameter values (formula order) of one pair. */
        public Builder pair(String a, String b, double... values) {
            draft.pairValues(draft.species.pairIndex(a, b), checked(values));
            return this;
        }

        private double[] checked(double[] values) {
            if (values == null || values.length != m) {
                throw new IllegalArgumentException("number of values must be " + m + " " + formula.parameterNames()
                        + ", got " + (values == null ? "null" : String.valueOf(values.length)));
            }
            return values;
        }

        /** Absolute cutoff for every pair. */
        public Builder cutoff(double rc) {
            draft.cutoff(rc);
            return this;
        }

        /** Absolute cutoff of one pair, overriding {@link #cutoff}. */
        public Builder pairCutoff(String a, String b, double rc) {
            draft.pairCutoff(a, b, rc);
            return this;
        }

        /** Subtract f(r_c). */
        public Builder shift(boolean shift) {
            this.shift = shift;
            return this;
        }

        /** Validates and builds. */
        public CustomPairPotential build() {
            double[] rc = draft.requiredCutoffs("parameters");
            return new CustomPairPotential(draft.species, draft.names, formula, draft.theta(), rc, shift);
        }
    }
}
