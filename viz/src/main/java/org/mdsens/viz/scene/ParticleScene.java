package org.mdsens.viz.scene;

import java.util.Arrays;
import java.util.List;

import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * An immutable snapshot of what a particle picture shows.
 *
 * <p>Array layouts: {@code positions} and {@code field} are xyz-interleaved, length d·N
 * ({@code positions[d*i + a]} is axis a of particle i); {@code species} and {@code diameters} have one
 * entry per particle; {@code rattlers} holds 0-based particle indices in input order, sorted ascending
 * and distinct. Lengths are in the simulation's (reduced) length unit; the field is in its own unit
 * (for dx*&#47;dθ: length per unit of θ), named by {@code fieldLabel}.
 *
 * <p>Every array is copied in and every accessor returns a copy, so a scene is safe to share between
 * threads. Positions are kept as given (not wrapped); pictures wrap them into a periodic box.
 *
 * @param positions    particle centres, xyz-interleaved, length d·N, finite
 * @param dimension    d, 2 or 3; equals {@code box.dimension()}
 * @param species      species index per particle, length N, in [0, speciesNames.size())
 * @param speciesNames one name per species index
 * @param diameters    drawing diameter per particle, length N, positive and finite
 * @param box          the cell; a {@link Box.Periodic} box is drawn and particles wrapped into it
 * @param field        optional per-particle vector, xyz-interleaved, length d·N, finite; {@code null} if absent
 * @param fieldLabel   what the field is (for example {@code "dx/d diameter[B]"}); {@code null} iff field is
 * @param rattlers     rattler indices, sorted and distinct, each in [0, N); empty if none
 */
public record ParticleScene(double[] positions, int dimension, int[] species, List<String> speciesNames,
                            double[] diameters, Box box, double[] field, String fieldLabel, int[] rattlers) {

    public ParticleScene {
        if (box == null) throw new IllegalArgumentException("box must not be null");
        if (dimension != box.dimension()) {
            throw new IllegalArgumentException("dimension must equal the box dimension " + box.dimension()
                    + ", got " + dimension);
        }
        if (positions == null || species == null || diameters == null || speciesNames == null) {
            throw new IllegalArgumentException("positions, species, speciesNames and diameters must not be null");
        }
        int n = species.length;
        if (positions.length != dimension * n) {
            throw new IllegalArgumentException("positions length must be d·N = " + dimension * n + ", got "
                    + positions.length);
        }
        if (diameters.length != n) {
            throw new IllegalArgumentException("diameters length must be N = " + n + ", got " + diameters.length);
        }
        if (speciesNames.isEmpty()) throw new IllegalArgumentException("speciesNames must not be empty");
        for (double x : positions) {
            if (!Double.isFinite(x)) throw new IllegalArgumentException("positions must be finite, got " + x);
        }
        for (int i = 0; i < n; i++) {
            if (species[i] < 0 || species[i] >= speciesNames.size()) {
                throw new IllegalArgumentException("species index of particle " + i + " must be in [0, "
                        + speciesNames.size() + "), got " + species[i]);
            }
            if (!(diameters[i] > 0) || !Double.isFinite(diameters[i])) {
                throw new IllegalArgumentException("diameter of particle " + i + " must be positive and finite, got "
                        + diameters[i]);
            }
        }
        if (field != null) {
            if (field.length != dimension * n) {
                throw new IllegalArgumentException("field length must be d·N = " + dimension * n + ", got "
                        + field.length);
            }
            for (double v : field) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("field must be finite, got " + v);
            }
            if (fieldLabel == null || fieldLabel.isBlank()) {
                throw new IllegalArgumentException("fieldLabel must be a non-blank text when a field is given, got '"
                        + fieldLabel + "'");
            }
            field = field.clone();
        } else if (fieldLabel != null) {
            throw new IllegalArgumentException("fieldLabel must be null without a field, got '" + fieldLabel + "'");
        }
        rattlers = rattlers == null ? new int[0] : rattlers.clone();
        Arrays.sort(rattlers);
        for (int k = 0; k < rattlers.length; k++) {
            if (rattlers[k] < 0 || rattlers[k] >= n) {
                throw new IllegalArgumentException("rattler indices must be in [0, " + n + "), got " + rattlers[k]);
            }
            if (k > 0 && rattlers[k] == rattlers[k - 1]) {
                throw new IllegalArgumentException("rattler indices must be distinct, got " + rattlers[k] + " twice");
            }
        }
        positions = positions.clone();
        species = species.clone();
        speciesNames = List.copyOf(speciesNames);
        diameters = diameters.clone();
    }

    /**
     * Snapshots a system: positions, species and box are copied; each particle's drawing diameter is
     * the diameter of its species.
     *
     * @param system           the configuration (not modified)
     * @param speciesDiameters drawing diameter per species index, length {@code system.speciesCount()}
     */
    public static ParticleScene of(ParticleSystem system, double[] speciesDiameters) {
        if (speciesDiameters == null || speciesDiameters.length != system.speciesCount()) {
            throw new IllegalArgumentException("speciesDiameters must have one entry per species ("
                    + system.speciesCount() + "), got "
                    + (speciesDiameters == null ? "null" : Arrays.toString(speciesDiameters)));
        }
        int n = system.size();
        int[] s = system.species();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = speciesDiameters[s[i]];
        return new ParticleScene(system.positions(), system.dimension(), s, system.speciesNames(), d,
                system.box(), null, null, new int[0]);
    }

    /** This scene with a per-particle vector field (xyz-interleaved, length d·N) named {@code label}. */
    public ParticleScene withField(double[] field, String label) {
        return new ParticleScene(positions, dimension, species, speciesNames, diameters, box, field, label, rattlers);
    }

    /** This scene without a field. */
    public ParticleScene withoutField() {
        return new ParticleScene(positions, dimension, species, speciesNames, diameters, box, null, null, rattlers);
    }

    /** This scene with the given rattlers (0-based indices, any order, distinct). */
    public ParticleScene withRattlers(int[] indices) {
        return new ParticleScene(positions, dimension, species, speciesNames, diameters, box, field, fieldLabel,
                indices);
    }

    /** Number of particles N. */
    public int size() { return species.length; }

    /** Whether a vector field is attached. */
    public boolean hasField() { return field != null; }

    /** Per-particle Euclidean norm of the field, length N; all zeros without a field. */
    public double[] fieldMagnitudes() {
        int n = species.length;
        double[] m = new double[n];
        if (field == null) return m;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int a = 0; a < dimension; a++) {
                double v = field[dimension * i + a];
                s += v * v;
            }
            m[i] = Math.sqrt(s);
        }
        return m;
    }

    /** A length-N mask, true at rattlers. */
    public boolean[] rattlerMask() {
        boolean[] mask = new boolean[species.length];
        for (int r : rattlers) mask[r] = true;
        return mask;
    }

    /** Mean drawing diameter over all particles. */
    public double meanDiameter() {
        double s = 0;
        for (double d : diameters) s += d;
        return diameters.length == 0 ? 1.0 : s / diameters.length;
    }

    @Override public double[] positions() { return positions.clone(); }
    @Override public int[] species() { return species.clone(); }
    @Override public double[] diameters() { return diameters.clone(); }
    @Override public double[] field() { return field == null ? null : field.clone(); }
    @Override public int[] rattlers() { return rattlers.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof ParticleScene p && dimension == p.dimension && Arrays.equals(positions, p.positions)
                && Arrays.equals(species, p.species) && speciesNames.equals(p.speciesNames)
                && Arrays.equals(diameters, p.diameters) && box.equals(p.box) && Arrays.equals(field, p.field)
                && java.util.Objects.equals(fieldLabel, p.fieldLabel) && Arrays.equals(rattlers, p.rattlers);
    }

    @Override public int hashCode() {
        int h = Arrays.hashCode(positions);
        h = 31 * h + Arrays.hashCode(species);
        h = 31 * h + Arrays.hashCode(diameters);
        h = 31 * h + Arrays.hashCode(field);
        return 31 * h + Arrays.hashCode(rattlers);
    }

    @Override public String toString() {
        return "ParticleScene[N=" + size() + ", d=" + dimension + ", " + box
                + (field != null ? ", field=" + fieldLabel : "") + ", rattlers=" + rattlers.length + "]";
    }
}
