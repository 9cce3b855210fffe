package org.mdsens.md.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.mdsens.md.space.Box;

/**
 * A particle configuration: structure of arrays, in input order.
 *
 * <p>Positions are xyz-interleaved, length d·N ({@code positions()[d*i + a]} is axis a of particle
 * i). Species are indices into {@link #speciesNames()}; masses are per species. Mutable and not
 * thread-safe: one instance per thread, {@link #copy()} for another.
 */
public final class ParticleSystem {

    /** Species names are {@code [A-Za-z0-9]+} (DESIGN.md §5). */
    public static final Pattern SPECIES_NAME = Pattern.compile("[A-Za-z0-9]+");

    private final Box box;
    private final double[] positions;
    private final int[] species;
    private final List<String> speciesNames;
    private final double[] speciesMasses;

    /**
     * @param box           the cell (its dimension fixes d)
     * @param positions     xyz-interleaved positions, length d·N (copied)
     * @param species       species index per particle, length N (copied)
     * @param speciesNames  name per species index; each matches {@link #SPECIES_NAME}, no duplicates
     * @param speciesMasses mass per species index (copied), positive
     */
    public ParticleSystem(Box box, double[] positions, int[] species, List<String> speciesNames,
                          double[] speciesMasses) {
        if (box == null) throw new IllegalArgumentException("box must not be null");
        int d = box.dimension();
        if (positions.length % d != 0) {
            throw new IllegalArgumentException("positions length must be a multiple of the dimension "
                    + d + ", got " + positions.length);
        }
        int n = positions.length / d;
        if (species.length != n) {
            throw new IllegalArgumentException("species length must equal the particle count " + n
                    + ", got " + species.length);
        }
        if (speciesNames.isEmpty()) throw new IllegalArgumentException("at least one species is required");
        for (String s : speciesNames) {
            if (s == null || !SPECIES_NAME.matcher(s).matches()) {
                throw new IllegalArgumentException("species names must match [A-Za-z0-9]+, got '" + s + "'");
            }
        }
        if (speciesNames.stream().distinct().count() != speciesNames.size()) {
            throw new IllegalArgumentException("species names must be distinct, got " + speciesNames);
        }
        if (speciesMasses.length != speciesNames.size()) {
            throw new IllegalArgumentException("one mass per species is required: " + speciesNames.size()
                    + " species, got " + speciesMasses.length + " masses");
        }
        for (double m : speciesMasses) {
            if (!(m > 0) || !Double.isFinite(m)) {
                throw new IllegalArgumentException("masses must be positive and finite, got "
                        + Arrays.toString(speciesMasses));
            }
        }
        for (int i = 0; i < n; i++) {
            if (species[i] < 0 || species[i] >= speciesNames.size()) {
                throw new IllegalArgumentException("species index of particle " + i + " must be in [0, "
                        + speciesNames.size() + "), got " + species[i]);
            }
        }
        for (double x : positions) {
            if (!Double.isFinite(x)) throw new IllegalArgumentException("positions must be finite, got " + x);
        }
        this.box = box;
        this.positions = positions.clone();
        this.species = species.clone();
        this.speciesNames = List.copyOf(speciesNames);
        this.speciesMasses = speciesMasses.clone();
    }

    /** Unit masses for every species. */
    public ParticleSystem(Box box, double[] positions, int[] species, List<String> speciesNames) {
        this(box, positions, species, speciesNames, ones(speciesNames.size()));
    }

    private static double[] ones(int n) {
        double[] m = new double[n];
        Arrays.fill(m, 1.0);
        return m;
    }

    public Box box() { return box; }
    public int dimension() { return box.dimension(); }
    public int size() { return species.length; }

    /** The live position array (xyz-interleaved, length d·N); minimizers move particles through it. */
    public double[] positions() { return positions; }

    /** The live species array (length N); callers must not modify it. */
    public int[] species() { return species; }

    public int species(int particle) { return species[particle]; }
    public List<String> speciesNames() { return speciesNames; }
    public int speciesCount() { return speciesNames.size(); }
    public double speciesMass(int speciesIndex) { return speciesMasses[speciesIndex]; }
    public double[] speciesMasses() { return speciesMasses.clone(); }
    public double mass(int particle) { return speciesMasses[species[particle]]; }

    /** Index of a species by name, or -1. */
    public int speciesIndex(String name) { return speciesNames.indexOf(name); }

    /** Sets all positions from {@code source} (length d·N). */
    public void setPositions(double[] source) {
        if (source.length != positions.length) {
            throw new IllegalArgumentException("positions length must be " + positions.length + ", got " + source.length);
        }
        System.arraycopy(source, 0, positions, 0, positions.length);
    }

    /** A deep copy. */
    public ParticleSystem copy() {
        return new ParticleSystem(box, positions, species, speciesNames, speciesMasses);
    }

    /** A deep copy in another box (same positions). */
    public ParticleSystem withBox(Box newBox) {
        return new ParticleSystem(newBox, positions, species, speciesNames, speciesMasses);
    }

    /** Number of particles per species index. */
    public int[] speciesCounts() {
        int[] c = new int[speciesNames.size()];
        for (int s : species) c[s]++;
        return c;
    }

    @Override public String toString() {
        List<String> parts = new ArrayList<>();
        int[] c = speciesCounts();
        for (int s = 0; s < c.length; s++) parts.add(speciesNames.get(s) + "=" + c[s]);
        return "ParticleSystem[N=" + size() + ", d=" + dimension() + ", " + box + ", " + String.join(" ", parts) + "]";
    }
}
