package org.mdsens.md.build;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Crystal lattices in a periodic box at a given number density.
 *
 * <p>The lattice constant follows from the density ({@link LatticeKind#latticeConstant}); the box is
 * cells[k]·a·aspect[k] along axis k, so the density is exact up to round-off and the lattice is
 * commensurate with the box. Atoms are generated cell by cell (x fastest, then y, then z), basis atom
 * last: atom (cell c, basis b) is at (c + basis_b)·a·aspect. Species are assigned by
 * {@link Composition#counts} and a seeded shuffle; then, if {@code jitter > 0}, every coordinate moves
 * by an independent uniform displacement in [−jitter, +jitter) (absolute length, not relative to a)
 * and positions are wrapped into the box. All randomness comes from one
 * {@link RandomSource#XO_RO_SHI_RO_128_PP} generator seeded with {@code seed}: shuffle first, then
 * jitter, so the same arguments give the same bits. Masses are 1. Stateless and thread-safe.
 */
public final class Lattices {

    private Lattices() { }

    /**
     * @param kind          lattice
     * @param cells         conventional cells per axis (length = kind's dimension, each ≥ 1)
     * @param numberDensity particles per unit volume (area in 2D), &gt; 0
     * @param speciesNames  species names in index order (≥ 1)
     * @param composition   fraction per species (sums to 1), or null for equal fractions
     * @param jitter        absolute half-width of the uniform displacement per coordinate (≥ 0)
     * @param seed          random seed
     */
    public static ParticleSystem build(LatticeKind kind, int[] cells, double numberDensity, List<String> speciesNames,
                                       double[] composition, double jitter, long seed) {
        if (kind == null) throw new IllegalArgumentException("lattice kind must not be null");
        int d = kind.dimension();
        if (cells == null || cells.length != d) {
            throw new IllegalArgumentException("cells must have " + d + " entries for a " + kind.label()
                    + " lattice, got " + (cells == null ? "null" : Arrays.toString(cells)));
        }
        long total = kind.atomsPerCell();
        for (int c : cells) {
            if (c < 1) throw new IllegalArgumentException("cells must be >= 1 per axis, got " + Arrays.toString(cells));
            total *= c;
        }
        if (total > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("lattice size must be below " + Integer.MAX_VALUE / 3 + " atoms, got " + total);
        }
        if (!(jitter >= 0) || !Double.isFinite(jitter)) {
            throw new IllegalArgumentException("jitter must be finite and >= 0, got " + jitter);
        }
        Composition.checkNames(speciesNames);
        double a = kind.latticeConstant(numberDensity);
        int n = (int) total;
        int[] counts = Composition.counts(n, composition, speciesNames.size());

        double[] edge = new double[d];
        double[] lengths = new double[d];
        for (int k = 0; k < d; k++) {
            edge[k] = a * kind.cellAspect(k);
            lengths[k] = cells[k] * edge[k];
        }
        double[] x = new double[d * n];
        int nb = kind.atomsPerCell();
        int nz = d == 3 ? cells[2] : 1;
        int p = 0;
        for (int iz = 0; iz < nz; iz++) {
            for (int iy = 0; iy < cells[1]; iy++) {
                for (int ix = 0; ix < cells[0]; ix++) {
                    for (int b = 0; b < nb; b++) {
                        x[p] = (ix + kind.basis(b, 0)) * edge[0];
                        x[p + 1] = (iy + kind.basis(b, 1)) * edge[1];
                        if (d == 3) x[p + 2] = (iz + kind.basis(b, 2)) * edge[2];
                        p += d;
                    }
                }
            }
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] species = Composition.assign(counts, rng);
        Box box = new Box.Periodic(lengths);
        if (jitter > 0) {
            for (int k = 0; k < x.length; k++) x[k] += jitter * (2 * rng.nextDouble() - 1);
            box.wrap(x);
        }
        return new ParticleSystem(box, x, species, speciesNames);
    }
}
