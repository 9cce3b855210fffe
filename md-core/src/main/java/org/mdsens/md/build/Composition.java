package org.mdsens.md.build;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Species counts from composition fractions, and their seeded random assignment to particles.
 *
 * <p>Counts: n_s = round(f_s·N) for every species but the last, each capped so the running total does
 * not exceed N; the last species takes the remainder. Fractions must be ≥ 0 and sum to 1 within 1e-6
 * (they are divided by their sum). Stateless and thread-safe.
 */
public final class Composition {

    private Composition() { }

    /**
     * @param total     number of particles N (≥ 0)
     * @param fractions per-species fractions, or null for equal fractions
     * @param species   number of species (≥ 1; the length of {@code fractions} when given)
     * @return particles per species, summing to N
     */
    public static int[] counts(int total, double[] fractions, int species) {
        double[] f = fractions(fractions, species);
        if (total < 0) throw new IllegalArgumentException("particle count must be >= 0, got " + total);
        int[] c = new int[species];
        int assigned = 0;
        for (int s = 0; s < species - 1; s++) {
            c[s] = (int) Math.min(Math.round(f[s] * total), total - assigned);
            assigned += c[s];
        }
        c[species - 1] = total - assigned;
        return c;
    }

    /** Validated, normalised fractions (equal when {@code fractions} is null). */
    static double[] fractions(double[] fractions, int species) {
        if (species < 1) throw new IllegalArgumentException("species count must be >= 1, got " + species);
        if (fractions == null) {
            double[] f = new double[species];
            Arrays.fill(f, 1.0 / species);
            return f;
        }
        if (fractions.length != species) {
            throw new IllegalArgumentException("composition must have one fraction per species (" + species
                    + "), got " + fractions.length);
        }
        double sum = 0;
        for (double x : fractions) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("composition fractions must be finite and >= 0, got "
                        + Arrays.toString(fractions));
            }
            sum += x;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("composition fractions must sum to 1, got " + Arrays.toString(fractions)
                    + " (sum " + sum + ")");
        }
        double[] f = fractions.clone();
        for (int s = 0; s < f.length; s++) f[s] /= sum;
        return f;
    }

    /**
     * Species per particle: {@code counts[0]} zeros, then {@code counts[1]} ones, ..., shuffled by
     * Fisher–Yates with {@code rng}.
     */
    static int[] assign(int[] counts, UniformRandomProvider rng) {
        int n = 0;
        for (int c : counts) n += c;
        int[] species = new int[n];
        int k = 0;
        for (int s = 0; s < counts.length; s++) {
            for (int j = 0; j < counts[s]; j++) species[k++] = s;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = species[i];
            species[i] = species[j];
            species[j] = t;
        }
        return species;
    }

    static void checkNames(List<String> speciesNames) {
        if (speciesNames == null || speciesNames.isEmpty()) {
            throw new IllegalArgumentException("species names must list at least one species, got " + speciesNames);
        }
    }
}
