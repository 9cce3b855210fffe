package org.mdsens.app.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code [system.generate]}: a generated starting configuration in a periodic box.
 *
 * @param kind            random packing or a lattice
 * @param dimension       2 or 3 (given for random, implied by the lattice)
 * @param count           particle count (random), else null
 * @param cells           unit cells per axis (lattices), else empty
 * @param composition     number fraction per species name, in file order (sums to 1)
 * @param packingFraction volume (area) fraction of the particles' diameters, or null
 * @param density         number density N/V, or null (exactly one of the two is set)
 * @param minDistance     random: reject trial positions closer than this to a placed particle (null: the default rule)
 * @param jitter          lattices: half-width of a uniform random displacement of every coordinate (absolute length, ≥ 0)
 * @param seed            seed of the Commons RNG stream
 */
public record GenerateSpec(GenerateKind kind, int dimension, Integer count, List<Integer> cells,
                           Map<String, Double> composition, Double packingFraction, Double density,
                           Double minDistance, double jitter, long seed) {

    public GenerateSpec {
        if (kind == null) throw new IllegalArgumentException("kind must not be null");
        if (dimension != 2 && dimension != 3) throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
        if ((packingFraction == null) == (density == null)) {
            throw new IllegalArgumentException("exactly one of packing fraction and density must be set");
        }
        cells = cells == null ? List.of() : List.copyOf(cells);
        composition = Collections.unmodifiableMap(new LinkedHashMap<>(composition));
    }

    /** Cells as an array (a fresh copy). */
    public int[] cellArray() {
        int[] c = new int[cells.size()];
        for (int i = 0; i < c.length; i++) c[i] = cells.get(i);
        return c;
    }
}
