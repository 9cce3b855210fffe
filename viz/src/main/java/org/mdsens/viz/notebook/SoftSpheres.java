package org.mdsens.viz.notebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.mdsens.md.build.RandomPacking;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.system.ParticleSystem;

/**
 * A random soft-sphere packing to be minimized: N particles of one or more species in a periodic square
 * (2D) or cube (3D), at a packing fraction φ, with the soft-sphere potential
 * φ_ab(r) = (ε/α)(1 − r/σ_ab)^α, σ_ab = (D_a + D_b)/2 (JAX-MD convention; α = 2 is harmonic).
 *
 * <pre>{@code
 * Minimum m = Mdsens.softSpheres2D(128).diameters(1.0, 1.4).packingFraction(0.9).seed(7).minimize();
 * }</pre>
 *
 * <p>Defaults: one species per diameter named A, B, C, ... (diameter 1 when none are given), equal
 * fractions, φ = 0.9, α = 2, ε = 1, seed 0. Positions come from {@link RandomPacking#atPackingFraction}
 * (uniform, seeded, no minimum distance: the minimizer resolves the overlaps), so the same settings give
 * the same bits. The box side follows from φ and the diameters: L^d = Σ_i v(D_i)/φ.
 *
 * <p>Immutable: every setter returns a new description; thread-safe.
 */
public final class SoftSpheres {

    private final int dimension;
    private final int count;
    private final double[] diameters;
    private final List<String> species;
    private final double[] composition;
    private final double packingFraction;
    private final double alpha;
    private final double epsilon;
    private final long seed;

    private SoftSpheres(int dimension, int count, double[] diameters, List<String> species, double[] composition,
                        double packingFraction, double alpha, double epsilon, long seed) {
        if (dimension != 2 && dimension != 3) throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
        if (count < 1) throw new IllegalArgumentException("particle count must be >= 1, got " + count);
        if (diameters.length == 0) throw new IllegalArgumentException("diameters must not be empty");
        for (double d : diameters) {
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("diameters must be positive and finite, got " + Arrays.toString(diameters));
            }
        }
        if (species.size() != diameters.length) {
            throw new IllegalArgumentException("species names must have one entry per diameter (" + diameters.length
                    + "), got " + species);
        }
        if (composition != null && composition.length != diameters.length) {
            throw new IllegalArgumentException("composition must have one fraction per species (" + diameters.length
                    + "), got " + Arrays.toString(composition));
        }
        if (!(packingFraction > 0) || !Double.isFinite(packingFraction)) {
            throw new IllegalArgumentException("packing fraction must be positive and finite, got " + packingFraction);
        }
        this.dimension = dimension;
        this.count = count;
        this.diameters = diameters;
        this.species = List.copyOf(species);
        this.composition = composition;
        this.packingFraction = packingFraction;
        this.alpha = alpha;
        this.epsilon = epsilon;
        this.seed = seed;
    }

    static SoftSpheres of(int dimension, int count) {
        return new SoftSpheres(dimension, count, new double[] {1.0}, List.of("A"), null, 0.9, 2.0, 1.0, 0);
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int s = 0; s < n; s++) names.add(s < 26 ? String.valueOf((char) ('A' + s)) : "S" + s);
        return names;
    }

    /** One diameter per species; resets the species names to A, B, ... when their number changes. */
    public SoftSpheres diameters(double... d) {
        double[] copy = d == null ? new double[0] : d.clone();
        List<String> names = copy.length == species.size() ? species : defaultNames(copy.length);
        double[] comp = composition != null && composition.length == copy.length ? composition : null;
        return new SoftSpheres(dimension, count, copy, names, comp, packingFraction, alpha, epsilon, seed);
    }

    /** Species names (letters and digits), one per diameter. */
    public SoftSpheres species(String... names) {
        return new SoftSpheres(dimension, count, diameters, Arrays.asList(names.clone()), composition, packingFraction,
                alpha, epsilon, seed);
    }

    /** Fraction of particles per species (summing to 1); equal fractions by default. */
    public SoftSpheres composition(double... fractions) {
        return new SoftSpheres(dimension, count, diameters, species, fractions == null ? null : fractions.clone(),
                packingFraction, alpha, epsilon, seed);
    }

    /** Packing fraction φ = Σ v(D_i)/V (area fraction in 2D). */
    public SoftSpheres packingFraction(double phi) {
        return new SoftSpheres(dimension, count, diameters, species, composition, phi, alpha, epsilon, seed);
    }

    /** Exponent α &gt; 1 (α ≥ 2 for sensitivities; 2 is harmonic, 2.5 Hertzian). */
    public SoftSpheres alpha(double a) {
        return new SoftSpheres(dimension, count, diameters, species, composition, packingFraction, a, epsilon, seed);
    }

    /** Energy scale ε ≥ 0. */
    public SoftSpheres epsilon(double e) {
        return new SoftSpheres(dimension, count, diameters, species, composition, packingFraction, alpha, e, seed);
    }

    /** Random seed of the positions and the species assignment. */
    public SoftSpheres seed(long s) {
        return new SoftSpheres(dimension, count, diameters, species, composition, packingFraction, alpha, epsilon, s);
    }

    /** The potential. */
    public EnergyModel model() {
        SoftSphere.Builder b = SoftSphere.builder(species).alpha(alpha).epsilon(epsilon);
        for (int s = 0; s < diameters.length; s++) b.diameter(species.get(s), diameters[s]);
        return new EnergyModel(b.build());
    }

    /** The random starting configuration (a new system each call). */
    public ParticleSystem system() {
        return RandomPacking.atPackingFraction(dimension, count, species, composition, diameters, packingFraction, 0.0,
                seed);
    }

    /** The configuration and potential, with the default minimizer settings (see {@link Setup}). */
    public Setup setup() {
        return Setup.of(system(), model(), String.format(Locale.ROOT, "random %dD soft spheres, phi=%s, seed %d",
                dimension, Table.format(packingFraction), seed));
    }

    /** {@code setup().minimize()}: FIRE 2.0 to a largest force of 1e-10. */
    public Minimum minimize() { return setup().minimize(); }

    /** A picture of the (unminimized) starting configuration. */
    public Figure picture() { return setup().picture(); }

    public int dimension() { return dimension; }
    public int count() { return count; }
    public double[] diameters() { return diameters.clone(); }
    public List<String> species() { return species; }
    public double packingFraction() { return packingFraction; }
    public double alpha() { return alpha; }
    public double epsilon() { return epsilon; }
    public long seed() { return seed; }

    @Override public String toString() {
        StringBuilder b = new StringBuilder("SoftSpheres[").append(dimension).append("D, N=").append(count);
        for (int s = 0; s < diameters.length; s++) {
            b.append(s == 0 ? ", " : " ").append(species.get(s)).append(": D=").append(Table.format(diameters[s]));
            if (composition != null) b.append(" x").append(Table.format(composition[s]));
        }
        return b.append(", phi=").append(Table.format(packingFraction)).append(", alpha=").append(Table.format(alpha))
                .append(", epsilon=").append(Table.format(epsilon)).append(", seed ").append(seed).append(']').toString();
    }
}
