package org.mdsens.md.build;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Random configurations in a periodic square (2D) or cubic (3D) box, by random sequential addition
 * with a minimum distance.
 *
 * <p>Box: side L = V^(1/d) with V = N/ρ ({@link #atDensity}) or V = Σ_i v(D_{s_i})/φ
 * ({@link #atPackingFraction}), v(D) = πD²/4 in 2D and πD³/6 in 3D, so Σ_i v(D_{s_i})/L^d = φ up to
 * round-off. Species: {@link Composition#counts} and a seeded shuffle. Positions: each particle in turn
 * gets uniform trial positions in [0, L)^d until one is at least {@code minDistance} (minimum image)
 * from every particle placed so far; neighbours are found through a cell grid, so the cost is O(N) per
 * sweep. Without the rejection a uniform start is useless for stiff potentials (a Lennard-Jones gas
 * at density 1.2 starts with energies near 1e14). After {@value #MAX_TRIALS_PER_PARTICLE} failed
 * trials for one particle it gives up with an {@link IllegalArgumentException} saying minDistance is
 * too large; random sequential addition jams near minDistance ≈ 0.83·ρ^(−1/2) in 2D and
 * ≈ 0.90·ρ^(−1/3) in 3D (jamming coverage 0.547 and 0.383), and slows down well before that.
 *
 * <p>All randomness comes from one {@link RandomSource#XO_RO_SHI_RO_128_PP} generator seeded with
 * {@code seed} (species shuffle first, then positions): the same arguments give the same bits. Masses
 * are 1. Stateless and thread-safe.
 */
public final class RandomPacking {

    /** Consecutive rejected trials for one particle before giving up. */
    public static final int MAX_TRIALS_PER_PARTICLE = 100_000;

    private RandomPacking() { }

    /**
     * A random packing at packing fraction φ.
     *
     * @param dimension       2 or 3
     * @param count           number of particles N (≥ 1)
     * @param speciesNames    species names in index order
     * @param composition     fraction per species (sums to 1), or null for equal fractions
     * @param diameters       diameter per species (&gt; 0), for the particle volumes
     * @param packingFraction φ = Σ v(D)/V, &gt; 0
     * @param minDistance     smallest allowed distance between particles (≥ 0)
     * @param seed            random seed
     */
    public static ParticleSystem atPackingFraction(int dimension, int count, List<String> speciesNames,
                                                   double[] composition, double[] diameters, double packingFraction,
                                                   double minDistance, long seed) {
        checkCommon(dimension, count, speciesNames, minDistance);
        if (diameters == null || diameters.length != speciesNames.size()) {
            throw new IllegalArgumentException("diameters must have one entry per species (" + speciesNames.size()
                    + "), got " + (diameters == null ? "null" : Arrays.toString(diameters)));
        }
        for (double dd : diameters) {
            if (!(dd > 0) || !Double.isFinite(dd)) {
                throw new IllegalArgumentException("diameters must be positive and finite, got " + Arrays.toString(diameters));
            }
        }
        if (!(packingFraction > 0) || !Double.isFinite(packingFraction)) {
            throw new IllegalArgumentException("packing fraction must be positive and finite, got " + packingFraction);
        }
        int[] counts = Composition.counts(count, composition, speciesNames.size());
        double solid = 0;
        for (int s = 0; s < counts.length; s++) solid += counts[s] * particleVolume(dimension, diameters[s]);
        double volume = solid / packingFraction;
        return place(dimension, counts, speciesNames, side(dimension, volume), minDistance, seed,
                "packing fraction " + packingFraction);
    }

    /**
     * A random configuration at number density ρ = N/V.
     *
     * @param numberDensity particles per unit volume (area in 2D), &gt; 0
     * @see #atPackingFraction for the other parameters
     */
    public static ParticleSystem atDensity(int dimension, int count, List<String> speciesNames, double[] composition,
                                           double numberDensity, double minDistance, long seed) {
        checkCommon(dimension, count, speciesNames, minDistance);
        if (!(numberDensity > 0) || !Double.isFinite(numberDensity)) {
            throw new IllegalArgumentException("number density must be positive and finite, got " + numberDensity);
        }
        int[] counts = Composition.counts(count, composition, speciesNames.size());
        return place(dimension, counts, speciesNames, side(dimension, count / numberDensity), minDistance, seed,
                "number density " + numberDensity);
    }

    /** Volume (area in 2D) of a sphere (disk) of diameter D: πD³/6 (πD²/4). */
    public static double particleVolume(int dimension, double diameter) {
        return dimension == 2 ? Math.PI * diameter * diameter / 4 : Math.PI * diameter * diameter * diameter / 6;
    }

    private static double side(int dimension, double volume) {
        return dimension == 2 ? Math.sqrt(volume) : Math.cbrt(volume);
    }

    private static void checkCommon(int dimension, int count, List<String> speciesNames, double minDistance) {
        if (dimension != 2 && dimension != 3) throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
        if (count < 1) throw new IllegalArgumentException("particle count must be >= 1, got " + count);
        Composition.checkNames(speciesNames);
        if (!(minDistance >= 0) || !Double.isFinite(minDistance)) {
            throw new IllegalArgumentException("minDistance must be finite and >= 0, got " + minDistance);
        }
    }

    private static ParticleSystem place(int d, int[] counts, List<String> speciesNames, double length,
                                        double minDistance, long seed, String densityText) {
        int n = 0;
        for (int c : counts) n += c;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] species = Composition.assign(counts, rng);
        double[] x = new double[d * n];
        double md2 = minDistance * minDistance;

        // cell grid: m cells per axis, cell side >= minDistance, at most ~N cells in all
        int m = 0;
        if (minDistance > 0) {
            long byDistance = (long) Math.floor(length / minDistance);
            long byCount = Math.max(3, (long) Math.ceil(Math.pow(n, 1.0 / d)));
            m = (int) Math.min(byDistance, byCount);
        }
        boolean grid = m >= 3;
        int cellCount = grid ? (d == 2 ? m * m : m * m * m) : 0;
        int[] head = new int[cellCount];
        Arrays.fill(head, -1);
        int[] next = new int[n];
        double inv = 1.0 / length;
        double[] trial = new double[d];

        for (int i = 0; i < n; i++) {
            int trials = 0;
            while (true) {
                for (int a = 0; a < d; a++) {
                    double t = rng.nextDouble() * length;
                    trial[a] = t < length ? t : 0.0; // u·L can round up to L
                }
                if (minDistance == 0 || free(trial, x, i, d, length, inv, md2, grid, m, head, next)) break;
                if (++trials >= MAX_TRIALS_PER_PARTICLE) {
                    double spacing = d == 2 ? Math.sqrt(length * length / n) : Math.cbrt(length * length * length / n);
                    double jam = (d == 2 ? 0.83 : 0.90) * spacing;
                    throw new IllegalArgumentException("minDistance must be well below the random-sequential-addition "
                            + "jamming distance ~" + (float) jam + " for " + densityText + " (N = " + n + ", d = " + d
                            + ", box side " + (float) length + "): placed only " + i + " of " + n + " particles after "
                            + MAX_TRIALS_PER_PARTICLE + " trials, got minDistance " + minDistance);
                }
            }
            System.arraycopy(trial, 0, x, d * i, d);
            if (grid) {
                int c = cellOf(trial, d, m, inv);
                next[i] = head[c];
                head[c] = i;
            }
        }
        return new ParticleSystem(Box.Periodic.cube(d, length), x, species, speciesNames);
    }

    private static int cellOf(double[] p, int d, int m, double inv) {
        int c = 0;
        for (int a = d - 1; a >= 0; a--) {
            int k = (int) (p[a] * inv * m);
            if (k >= m) k = m - 1;
            c = c * m + k;
        }
        return c;
    }

    /** True if {@code p} is at least minDistance from every placed particle (indices below {@code placed}). */
    private static boolean free(double[] p, double[] x, int placed, int d, double length, double inv, double md2,
                                boolean grid, int m, int[] head, int[] next) {
        if (!grid) {
            for (int j = 0; j < placed; j++) {
                if (tooClose(p, x, j, d, length, inv, md2)) return false;
            }
            return true;
        }
        int cx = Math.min(m - 1, (int) (p[0] * inv * m));
        int cy = Math.min(m - 1, (int) (p[1] * inv * m));
        int cz = d == 3 ? Math.min(m - 1, (int) (p[2] * inv * m)) : 0;
        int zRange = d == 3 ? 1 : 0;
        for (int dz = -zRange; dz <= zRange; dz++) {
            int z = d == 3 ? Math.floorMod(cz + dz, m) : 0;
            for (int dy = -1; dy <= 1; dy++) {
                int y = Math.floorMod(cy + dy, m);
                for (int dx = -1; dx <= 1; dx++) {
                    int xx = Math.floorMod(cx + dx, m);
                    int c = (z * m + y) * m + xx;
                    for (int j = head[c]; j >= 0; j = next[j]) {
                        if (tooClose(p, x, j, d, length, inv, md2)) return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean tooClose(double[] p, double[] x, int j, int d, double length, double inv, double md2) {
        double r2 = 0;
        for (int a = 0; a < d; a++) {
            double dx = Box.minimumImage(p[a] - x[d * j + a], length, inv);
            r2 += dx * dx;
        }
        return r2 < md2;
    }
}
