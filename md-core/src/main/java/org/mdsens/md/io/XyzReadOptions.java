package org.mdsens.md.io;

import java.util.List;
import java.util.Map;

/**
 * How to turn an extended-XYZ frame into a {@link org.mdsens.md.system.ParticleSystem}.
 *
 * @param dimension    0 to decide from the file ({@code pbc="T T F"} with all z = 0 gives 2D, anything
 *                     else 3D), or 2 or 3 to require it (2: z is dropped and must be the same for all
 *                     atoms; an open 2D system is only recognised this way)
 * @param speciesOrder null for species indices in order of first appearance, or the species names in
 *                     index order (every species in the file must be listed; listed species may be
 *                     absent)
 * @param masses       null for unit masses, or mass per species name (species not in the map get 1)
 */
public record XyzReadOptions(int dimension, List<String> speciesOrder, Map<String, Double> masses) {

    public XyzReadOptions {
        if (dimension != 0 && dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("dimension must be 0 (from the file), 2 or 3, got " + dimension);
        }
        speciesOrder = speciesOrder == null ? null : List.copyOf(speciesOrder);
        masses = masses == null ? null : Map.copyOf(masses);
    }

    /** Dimension from the file, species in order of appearance, unit masses. */
    public static XyzReadOptions defaults() { return new XyzReadOptions(0, null, null); }

    public XyzReadOptions withDimension(int d) { return new XyzReadOptions(d, speciesOrder, masses); }

    public XyzReadOptions withSpeciesOrder(List<String> order) { return new XyzReadOptions(dimension, order, masses); }

    public XyzReadOptions withMasses(Map<String, Double> m) { return new XyzReadOptions(dimension, speciesOrder, m); }
}
