package org.mdsens.sensitivity.md;

import java.util.Arrays;

import org.mdsens.md.space.Box;

/**
 * The coarse space of the two-level preconditioner for particle Hessians: particles grouped into spatial cells
 * of about {@code targetSize} particles (aggregates), and per particle the rigid motions of its aggregate as
 * near-null-space vectors: d translations and the rotations about the aggregate's first particle (1 in 2D, 3 in
 * 3D; offsets by minimum image), r = d(d+1)/2 vectors in all.
 *
 * <p>Cells: side (V·targetSize/n)^{1/d} (V the box volume, or the bounding box's for open axes), rounded to a
 * whole number of cells per axis; periodic axes use wrapped coordinates. Aggregates are the non-empty cells, numbered
 * in cell order, so the result depends only on the positions. Immutable after construction.
 */
final class RigidAggregates {

    final int[] aggregate;
    final double[] nearNullSpace;
    final int vectors;
    final int count;

    private RigidAggregates(int[] aggregate, double[] nearNullSpace, int vectors, int count) {
        this.aggregate = aggregate;
        this.nearNullSpace = nearNullSpace;
        this.vectors = vectors;
        this.count = count;
    }

    /**
     * @param box        the cell
     * @param positions  xyz-interleaved, length d·n
     * @param targetSize particles per aggregate aimed at (≥ 1)
     */
    static RigidAggregates of(Box box, double[] positions, double targetSize) {
        int d = box.dimension();
        int n = positions.length / d;
        int r = d * (d + 1) / 2;
        double[] len = box.imageLengths();
        double[] inv = box.inverseImageLengths();
        double[] lo = new double[d], extent = new double[d];
        boolean[] periodic = new boolean[d];
        double volume = 1;
        for (int a = 0; a < d; a++) {
            periodic[a] = len[a] > 0 && Double.isFinite(len[a]);
            if (periodic[a]) {
                extent[a] = len[a];
            } else {
                double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    min = Math.min(min, positions[d * i + a]);
                    max = Math.max(max, positions[d * i + a]);
                }
                lo[a] = min;
                extent[a] = Math.max(max - min, 1e-300);
            }
            volume *= extent[a];
        }
        double side = Math.pow(volume / Math.max(1, n) * Math.max(1.0, targetSize), 1.0 / d);
        int[] cells = new int[d];
        long total = 1;
        for (int a = 0; a < d; a++) {
            cells[a] = (int) Math.max(1, Math.min(1 << 20, Math.round(extent[a] / side)));
            total *= cells[a];
        }
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            long c = 0;
            for (int a = 0; a < d; a++) {
                double u = positions[d * i + a];
                u = periodic[a] ? u - extent[a] * Math.floor(u / extent[a]) : u - lo[a];
                int k = (int) Math.min(cells[a] - 1, Math.max(0, (long) (u / extent[a] * cells[a])));
                c = c * cells[a] + k;
            }
            key[i] = c;
        }
        long[] sorted = key.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int q = 0; q < n; q++) if (q == 0 || sorted[q] != sorted[q - 1]) sorted[distinct++] = sorted[q];
        int[] aggregate = new int[n];
        int[] first = new int[distinct];
        Arrays.fill(first, -1);
        double[] nns = new double[n * d * r];
        for (int i = 0; i < n; i++) {
            int g = Arrays.binarySearch(sorted, 0, distinct, key[i]);
            aggregate[i] = g;
            if (first[g] < 0) first[g] = i;
            int j = first[g];
            double dx = Box.minimumImage(positions[d * i] - positions[d * j], len[0], inv[0]);
            double dy = Box.minimumImage(positions[d * i + 1] - positions[d * j + 1], len[1], inv[1]);
            for (int a = 0; a < d; a++) nns[(d * i + a) * r + a] = 1.0;
            if (d == 2) {
                nns[(2 * i) * r + 2] = -dy;
                nns[(2 * i + 1) * r + 2] = dx;
            } else {
                double dz = Box.minimumImage(positions[d * i + 2] - positions[d * j + 2], len[2], inv[2]);
                // e_x × δ, e_y × δ, e_z × δ
                nns[(3 * i + 1) * r + 3] = -dz;
                nns[(3 * i + 2) * r + 3] = dy;
                nns[(3 * i) * r + 4] = dz;
                nns[(3 * i + 2) * r + 4] = -dx;
                nns[(3 * i) * r + 5] = -dy;
                nns[(3 * i + 1) * r + 5] = dx;
            }
        }
        if (total < distinct) throw new IllegalStateException("more aggregates than cells");
        return new RigidAggregates(aggregate, nns, r, distinct);
    }
}
