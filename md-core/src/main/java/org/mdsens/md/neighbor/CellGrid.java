package org.mdsens.md.neighbor;

/**
 * A uniform grid of cells of side at least {@code range} over the particles, with particles
 * counting-sorted by cell (ascending index inside each cell). Periodic axes (image length L &gt; 0)
 * are binned on wrapped coordinates, so positions may be unwrapped; open axes (L = 0) are binned
 * over the particles' bounding interval. Any pair closer than {@code range} under the minimum
 * image lies in one cell's {@link #stencil}. Mutable workspace, one per thread.
 */
final class CellGrid {

    private final int[] count = new int[3];
    private final double[] lower = new double[3];
    private final double[] scale = new double[3];
    private final boolean[] periodic = new boolean[3];
    private final int[][] axisCells = new int[3][3];
    private final int[] axisCellCount = new int[3];
    private int d;
    private int cells;
    int[] cellStart = new int[1];
    int[] cellParticles = new int[0];
    int[] cellOf = new int[0];

    /**
     * Bins {@code n} particles (xyz-interleaved {@code x}, dimension {@code d}).
     *
     * @param length   image length per axis (0 = open)
     * @param range    smallest allowed cell side (&gt; 0)
     * @param maxCells upper bound on the number of cells (cells grow beyond {@code range} to fit)
     */
    void build(double[] x, int n, int d, double[] length, double range, int maxCells) {
        this.d = d;
        for (int a = 0; a < 3; a++) {
            count[a] = 1;
            scale[a] = 0;
            lower[a] = 0;
            periodic[a] = false;
        }
        double[] extent = new double[3];
        for (int a = 0; a < d; a++) {
            if (length[a] > 0) {
                periodic[a] = true;
                extent[a] = length[a];
            } else {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double v = x[d * i + a];
                    if (v < lo) lo = v;
                    if (v > hi) hi = v;
                }
                if (n == 0) { lo = 0; hi = 0; }
                lower[a] = lo;
                extent[a] = hi - lo;
            }
            count[a] = (int) Math.max(1, Math.min(1 << 20, Math.floor(extent[a] / range)));
        }
        long total = (long) count[0] * count[1] * count[2];
        while (total > Math.max(1, maxCells)) {
            int widest = 0;
            for (int a = 1; a < d; a++) if (count[a] > count[widest]) widest = a;
            count[widest] = Math.max(1, count[widest] / 2);
            total = (long) count[0] * count[1] * count[2];
        }
        for (int a = 0; a < d; a++) scale[a] = extent[a] > 0 ? count[a] / extent[a] : 0;
        cells = (int) total;
        if (cellStart.length < cells + 1) cellStart = new int[cells + 1];
        if (cellOf.length < n) {
            cellOf = new int[n];
            cellParticles = new int[n];
        }
        java.util.Arrays.fill(cellStart, 0, cells + 1, 0);
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int a = 0; a < d; a++) {
                double u;
                if (periodic[a]) {
                    u = x[d * i + a] / extent[a];
                    u = (u - Math.floor(u)) * count[a];
                } else {
                    u = (x[d * i + a] - lower[a]) * scale[a];
                }
                int k = (int) u;
                if (k >= count[a]) k = count[a] - 1;
                if (k < 0) k = 0;
                c = c * count[a] + k;
            }
            cellOf[i] = c;
            cellStart[c + 1]++;
        }
        for (int c = 0; c < cells; c++) cellStart[c + 1] += cellStart[c];
        int[] fill = new int[cells];
        for (int i = 0; i < n; i++) {
            int c = cellOf[i];
            cellParticles[cellStart[c] + fill[c]++] = i;
        }
    }

    /** Writes the distinct cells adjacent to (and including) {@code cell} to {@code out} (≥ 27); returns their count. */
    int stencil(int cell, int[] out) {
        int rest = cell;
        for (int a = d - 1; a >= 0; a--) {
            int n = count[a];
            int c = rest % n;
            rest /= n;
            int k = 0;
            if (periodic[a]) {
                if (n >= 3) {
                    axisCells[a][k++] = (c + n - 1) % n;
                    axisCells[a][k++] = c;
                    axisCells[a][k++] = (c + 1) % n;
                } else {
                    for (int q = 0; q < n; q++) axisCells[a][k++] = q;
                }
            } else {
                if (c > 0) axisCells[a][k++] = c - 1;
                axisCells[a][k++] = c;
                if (c + 1 < n) axisCells[a][k++] = c + 1;
            }
            axisCellCount[a] = k;
        }
        int m = 0;
        if (d == 2) {
            for (int p = 0; p < axisCellCount[0]; p++) {
                for (int q = 0; q < axisCellCount[1]; q++) {
                    out[m++] = axisCells[0][p] * count[1] + axisCells[1][q];
                }
            }
        } else {
            for (int p = 0; p < axisCellCount[0]; p++) {
                for (int q = 0; q < axisCellCount[1]; q++) {
                    for (int s = 0; s < axisCellCount[2]; s++) {
                        out[m++] = (axisCells[0][p] * count[1] + axisCells[1][q]) * count[2] + axisCells[2][s];
                    }
                }
            }
        }
        return m;
    }

    /** Number of cells of the last build. */
    int cellCount() { return cells; }

    /** Cells along {@code axis} in the last build. */
    int cellsAlong(int axis) { return count[axis]; }
}
