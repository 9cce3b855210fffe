package org.mdsens.md.potential;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Shared machinery of the pair potentials in this package: species table, parameter names and
 * values (per-pair values stored whether explicit or derived by mixing), one precomputed
 * {@link PairFunction} per species pair, and the chain rule from named parameters θ_k to each
 * pair's effective parameters.
 *
 * <p>Immutable and thread-safe; parameter-derivative functions are built lazily, once per
 * parameter, and published safely.
 */
abstract class AbstractPairPotential implements PairPotential {

    final SpeciesTable species;
    final ParameterNames names;
    final double[] theta;
    final boolean[] explicit;
    private final PairFunction[] pairs;        // by pair index
    private final RadialFunction[] table;      // n·n, by (a, b)
    private final double maxCutoff;
    private final AtomicReferenceArray<RadialFunction[]> derivatives;

    /**
     * @param theta    every parameter in name order, pair values already derived; not copied
     * @param explicit per parameter, true for a per-pair value set explicitly; not copied
     * @param pairs    per pair index
     */
    AbstractPairPotential(SpeciesTable species, ParameterNames names, double[] theta, boolean[] explicit,
                          PairFunction[] pairs) {
        this.species = species;
        this.names = names;
        this.theta = theta;
        this.explicit = explicit;
        this.pairs = pairs;
        int n = species.size();
        this.table = new RadialFunction[n * n];
        double max = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) table[a * n + b] = pairs[species.pairIndex(a, b)];
        }
        for (PairFunction f : pairs) max = Math.max(max, f.cutoff());
        this.maxCutoff = max;
        this.derivatives = new AtomicReferenceArray<>(names.size());
    }

    /** Throws {@link IllegalArgumentException} "name must be ..., got value" when θ_k is invalid. */
    abstract void validate(int k, double value);

    /** ∂p_j/∂θ_k for pair {@code pair}; may throw when the derivative is unbounded. */
    abstract double mixing(int k, int pair, int j);

    /** ∂²p_j/∂θ_k² for pair {@code pair} (0 for linear mixing). */
    double mixingSecond(int k, int pair, int j) { return 0; }

    /** A potential of the same family and options from new values (pair values to be re-derived). */
    abstract PairPotential with(double[] theta, boolean[] explicit);

    /** Checks every value; used by constructors. */
    final void validateAll() {
        for (int k = 0; k < theta.length; k++) validate(k, theta[k]);
    }

    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException(name + " must be finite, got " + value);
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    @Override public final List<String> speciesNames() { return species.names(); }

    @Override public final RadialFunction pair(int a, int b) {
        int n = species.size();
        if (a < 0 || b < 0 || a >= n || b >= n) {
            throw new IndexOutOfBoundsException("species indices must be in [0, " + n + "), got (" + a + ", " + b + ")");
        }
        return table[a * n + b];
    }

    @Override public final double maxCutoff() { return maxCutoff; }

    @Override public final List<String> parameterNames() { return names.names(); }

    @Override public final double[] parameterValues() { return theta.clone(); }

    @Override public final int parameterIndex(String name) { return names.indexOf(name); }

    @Override public final double parameter(String name) { return theta[names.indexOf(name)]; }

    /**
     * Whether a per-pair parameter is set explicitly (true) or derived by the mixing rule (false);
     * always false for global and per-species parameters.
     */
    public final boolean isExplicit(String name) { return explicit[names.indexOf(name)]; }

    @Override public final PairPotential withParameter(String name, double value) {
        int k = names.indexOf(name);
        validate(k, value);
        double[] t = theta.clone();
        boolean[] e = explicit.clone();
        t[k] = value;
        if (names.arity(k) == 2) e[k] = true;
        return with(t, e);
    }

    private void checkParameter(int k) {
        if (k < 0 || k >= theta.length) {
            throw new IndexOutOfBoundsException("parameter index must be in [0, " + theta.length + "), got " + k);
        }
    }

    @Override public final RadialFunction parameterDerivative(int k, int a, int b) {
        checkParameter(k);
        int p = species.pairIndex(a, b);
        RadialFunction[] row = derivatives.get(k);
        if (row == null) {
            row = new RadialFunction[pairs.length];
            for (int q = 0; q < pairs.length; q++) row[q] = buildDerivative(k, q, false);
            derivatives.compareAndSet(k, null, row);
            row = derivatives.get(k);
        }
        RadialFunction f = row[p];
        // null marks a pair whose derivative is unbounded: rebuild it to throw the explanation
        return f != null ? f : buildDerivative(k, p, true);
    }

    private RadialFunction buildDerivative(int k, int p, boolean rethrow) {
        PairFunction f = pairs[p];
        double[] c = new double[f.parameterCount()];
        boolean any = false;
        try {
            for (int j = 0; j < c.length; j++) {
                c[j] = mixing(k, p, j);
                any |= c[j] != 0;
            }
        } catch (IllegalArgumentException e) {
            if (rethrow) throw e;
            return null;
        }
        return any ? new PairDerivative(f, c) : RadialFunction.ZERO;
    }

    /**
     * Exact ∂²φ/∂θ_k² through the mixing chain rule, Σ_ij c_i c_j ∂²φ/∂p_i∂p_j + Σ_j (∂²p_j/∂θ_k²)
     * ∂φ/∂p_j with c_j = ∂p_j/∂θ_k; falls back to the interface's central difference when a pair
     * function has no exact second partial.
     */
    @Override public double parameterSecondDerivative(int k, int a, int b, double r) {
        checkParameter(k);
        int p = species.pairIndex(a, b);
        PairFunction f = pairs[p];
        if (r >= f.cutoff()) return 0;
        int m = f.parameterCount();
        double[] c = new double[m];
        for (int j = 0; j < m; j++) c[j] = mixing(k, p, j);
        double s = 0;
        for (int i = 0; i < m; i++) {
            if (c[i] == 0) continue;
            for (int j = 0; j < m; j++) {
                if (c[j] == 0) continue;
                double d2 = f.parameterSecondPartial(i, j, r);
                if (Double.isNaN(d2)) return PairPotential.super.parameterSecondDerivative(k, a, b, r);
                s += c[i] * c[j] * d2;
            }
        }
        for (int j = 0; j < m; j++) {
            double s2 = mixingSecond(k, p, j);
            if (s2 != 0) s += s2 * f.parameterPartial(j, 0, r);
        }
        return s;
    }

    @Override public String toString() {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < theta.length; k++) parts.add(names.name(k) + "=" + theta[k] + (explicit[k] ? "*" : ""));
        return getClass().getSimpleName() + "[species " + species.names() + ", " + String.join(", ", parts)
                + ", maxCutoff " + maxCutoff + "]";
    }
}
