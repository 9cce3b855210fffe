package org.mdsens.sensitivity.md;

import java.util.Arrays;

import org.mdsens.md.space.Box;

/**
 * A cache-friendly order for a subset of particles: sorted by the cell of a grid of side {@code side} (x fastest, then
 * y, then z; positions wrapped into a periodic box, taken as they are on open axes), input order within a cell. The
 * backbone of an {@link EquilibriumSensitivity} is stored in this order, so that its neighbor list, the assembled
 * Hessian and its products, and the preconditioner's permutation touch nearby memory for nearby particles (input
 * orders of generated packings are spatially random). Deterministic; stateless.
 */
final class SpatialOrder {

    private SpatialOrder() { }

    /**
     * @param box       the cell
     * @param positions xyz-interleaved positions of all particles
     * @param keep      the particles to order (indices into {@code positions}), distinct
     * @param side      cell side, &gt; 0 (e.g. the largest cutoff)
     * @return {@code keep} reordered (a new array)
     */
    static int[] of(Box box, double[] positions, int[] keep, double side) {
        if (!(side > 0) || !Double.isFinite(side)) throw new IllegalArgumentException("side must be > 0, got " + side);
        int d = box.dimension();
        int m = keep.length;
        if (m < 2) return keep.clone();
        double[] len = box.imageLengths();
        double[] lo = new double[d];
        long[] cells = new long[d];
        for (int a = 0; a < d; a++) {
            boolean periodic = len[a] > 0 && Double.isFinite(len[a]);
            double min = 0, max = periodic ? len[a] : 0;
            if (!periodic) {
                min = Double.POSITIVE_INFINITY;
                max = Double.NEGATIVE_INFINITY;
                for (int i : keep) {
                    min = Math.min(min, positions[d * i + a]);
                    max = Math.max(max, positions[d * i + a]);
                }
            }
            lo[a] = min;
            cells[a] = Math.max(1, Math.min(1 << 20, (long) Math.ceil((max - min) / side)));
        }
        long[] key = new long[m];
        for (int q = 0; q < m; q++) {
            int i = keep[q];
            long cell = 0;
            for (int a = d - 1; a >= 0; a--) {
                double u = positions[d * i + a];
                if (len[a] > 0 && Double.isFinite(len[a])) u -= len[a] * Math.floor(u / len[a]);
                long c = Math.max(0, Math.min(cells[a] - 1, (long) ((u - lo[a]) / side)));
                cell = cell * cells[a] + c;
            }
            key[q] = cell * m + q;
        }
        Arrays.sort(key);
        int[] out = new int[m];
        for (int q = 0; q < m; q++) out[q] = keep[(int) (key[q] % m)];
        return out;
    }
}
