package org.mdsens.md.neighbor;

import java.util.Arrays;

import org.mdsens.md.parallel.Workers;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Verlet list with skin: every pair closer than cutoff + skin (minimum image) at the last build,
 * rebuilt by {@link #update} when any particle has moved more than skin/2 since then or the box
 * has changed.
 *
 * <p>A build records the positions; the layouts are derived from them on first request, once
 * per build, so a kernel pays only for the layout it reads:
 * <ul>
 *   <li>Half list in CSR form ({@link #offsets()}, {@link #neighbors()}): the neighbors of
 *       particle i are {@code neighbors()[offsets()[i] .. offsets()[i+1])}, each unordered pair
 *       stored once under its smaller index, rows sorted ascending (so the list, and every sum
 *       over it, does not depend on how the cells fell). Built through a cell list with cells of
 *       side ≥ cutoff + skin (O(N) at bounded density); fewer than {@value #ALL_PAIRS_BELOW}
 *       particles use all pairs.</li>
 *   <li>Full list ({@link #fullOffsets()}, {@link #fullNeighbors()}): each pair under both
 *       particles, rows sorted ascending, derived from the half list.</li>
 *   <li>Cluster-pair layout ({@link #clusters(int)}) for SIMD kernels: particles re-sorted
 *       spatially (column order) into clusters of a given width, and per particle the nearby
 *       clusters with their periodic image; see {@link ClusterList}. The permutation stays
 *       internal: every array above is in input order.</li>
 *   <li>Half cluster-pair list ({@link #clusterPairs}) for 4×4 SIMD kernels: the same layout
 *       with clusters of 4, and each pair of nearby clusters once with its periodic image, in
 *       fixed force blocks; see {@link ClusterPairList}.</li>
 * </ul>
 * Periodic axes are binned on wrapped coordinates, so positions may be unwrapped; open axes are
 * binned over the bounding box. Every periodic length must be at least 2·(cutoff + skin), so that
 * each pair has one image in range. Arrays returned are owned by the list and replaced at the
 * next rebuild; do not modify them.
 *
 * <p>Mutable, one per thread.
 */
public final class NeighborList {

    /** Below this many particles the list is built from all pairs instead of cells. */
    public static final int ALL_PAIRS_BELOW = 64;

    private final double cutoff;
    private final double skin;
    private int[] offsets = new int[1];
    private int[] neighbors = new int[0];
    private int[] fullOffsets;
    private int[] fullNeighbors;
    private double[] reference = new double[0];
    private Box referenceBox;
    private int rebuilds;
    private final CellGrid grid = new CellGrid();
    private final int[] stencil = new int[27];
    private int[] buffer = new int[16];
    private double[] sorted = new double[0];
    private boolean[] renumberSeen = new boolean[0];
    private final ClusterList clusters = new ClusterList();
    private final ClusterPairList clusterPairs = new ClusterPairList();
    private int dimension;
    private boolean halfValid;
    private boolean clustersValid;
    private boolean pairsValid;

    /**
     * @param cutoff interaction cutoff (&gt; 0)
     * @param skin   Verlet skin (≥ 0)
     */
    public NeighborList(double cutoff, double skin) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) throw new IllegalArgumentException("cutoff must be > 0, got " + cutoff);
        if (!(skin >= 0) || !Double.isFinite(skin)) throw new IllegalArgumentException("skin must be >= 0, got " + skin);
        this.cutoff = cutoff;
        this.skin = skin;
    }

    /** The interaction cutoff the list was made for. */
    public double cutoff() { return cutoff; }

    /** The Verlet skin: pairs closer than cutoff + skin are listed. */
    public double skin() { return skin; }

    /** Half-list row offsets, length N + 1. */
    public int[] offsets() {
        ensureHalf();
        return offsets;
    }

    /** Half-list neighbor indices, length {@link #pairCount()}. */
    public int[] neighbors() {
        ensureHalf();
        return neighbors;
    }

    /** Number of stored pairs (each unordered pair once). */
    public int pairCount() {
        ensureHalf();
        return offsets[offsets.length - 1];
    }

    /** Number of builds so far. */
    public int rebuildCount() { return rebuilds; }

    /** Full-list row offsets, length N + 1 (each pair under both particles); built on first request. */
    public int[] fullOffsets() {
        if (fullOffsets == null) buildFull();
        return fullOffsets;
    }

    /** Full-list neighbor indices, length 2·{@link #pairCount()}; built on first request. */
    public int[] fullNeighbors() {
        if (fullOffsets == null) buildFull();
        return fullNeighbors;
    }

    /** Builds on first use and rebuilds when needed; returns true if it rebuilt. */
    public boolean update(ParticleSystem system) {
        if (needsRebuild(system)) {
            rebuild(system);
            return true;
        }
        return false;
    }

    /** True when the list was never built for this system, the box changed, or a particle moved more than skin/2. */
    public boolean needsRebuild(ParticleSystem system) {
        double[] x = system.positions();
        if (reference.length != x.length || !system.box().equals(referenceBox)) return true;
        int d = system.dimension();
        double limit = 0.25 * skin * skin;
        for (int i = 0; i < x.length; i += d) {
            double s = 0;
            for (int a = 0; a < d; a++) {
                double dx = x[i + a] - reference[i + a];
                s += dx * dx;
            }
            if (s > limit) return true;
        }
        return false;
    }

    /**
     * Rebuilds unconditionally from the system's current positions. Throws
     * {@link IllegalArgumentException} when a periodic length is below 2·(cutoff + skin).
     *
     * <p>The build records the positions; the half list, the full list and the cluster layout
     * are derived from them on first request ({@link #offsets()}, {@link #fullOffsets()},
     * {@link #clusters(int)}), so a kernel pays only for the layout it reads.
     */
    public void rebuild(ParticleSystem system) {
        Box box = system.box();
        int d = system.dimension();
        double[] x = system.positions();
        double[] len = box.imageLengths();
        double range = cutoff + skin;
        for (int a = 0; a < d; a++) {
            if (len[a] > 0 && len[a] < 2 * range) {
                throw new IllegalArgumentException("box length L=" + len[a] + " must be at least 2·(cutoff+skin)="
                        + 2 * range + " for the minimum image; use a larger box or a smaller cutoff");
            }
        }
        if (reference.length != x.length) reference = new double[x.length];
        System.arraycopy(x, 0, reference, 0, x.length);
        referenceBox = box;
        dimension = d;
        halfValid = false;
        clustersValid = false;
        pairsValid = false;
        fullOffsets = null;
        fullNeighbors = null;
        rebuilds++;
    }

    /**
     * Renumbers the particles of the last build, for a caller that permutes its particle arrays
     * between builds: particle p becomes particle {@code newIndex[p]} ({@code newIndex} a
     * permutation of 0 .. N−1, not kept). The recorded positions are permuted and the half
     * cluster-pair list, if derived, is renumbered in place (same clusters, entries and blocks,
     * so kernels over it sum in the same order); the other layouts are derived again on request.
     * Afterwards the list is the one of the same build for the renumbered system. The
     * {@link #rebuildCount()} does not change.
     */
    public void renumber(int[] newIndex) {
        if (referenceBox == null) throw new IllegalStateException("neighbor list must be built before it is renumbered");
        final int d = dimension, n = reference.length / d;
        if (newIndex.length != n) {
            throw new IllegalArgumentException("renumbering length must be the particle count " + n + ", got " + newIndex.length);
        }
        if (renumberSeen.length < n) renumberSeen = new boolean[n];
        Arrays.fill(renumberSeen, 0, n, false);
        for (int p = 0; p < n; p++) {
            int q = newIndex[p];
            if (q < 0 || q >= n || renumberSeen[q]) {
                throw new IllegalArgumentException("renumbering must be a permutation of 0.." + (n - 1)
                        + ", got " + q + " at " + p);
            }
            renumberSeen[q] = true;
        }
        if (sorted.length < reference.length) sorted = new double[reference.length];
        for (int p = 0; p < n; p++) {
            int q = newIndex[p];
            for (int a = 0; a < d; a++) sorted[d * q + a] = reference[d * p + a];
        }
        System.arraycopy(sorted, 0, reference, 0, reference.length);
        halfValid = false;
        clustersValid = false;
        fullOffsets = null;
        fullNeighbors = null;
        if (pairsValid) clusterPairs.renumber(newIndex);
    }

    /**
     * The cluster-pair layout of the last build for SIMD kernels with {@code width} lanes
     * (spatially sorted slots, rows of (cluster, image) entries; see {@link ClusterList}),
     * derived on first request after each build. The returned object is owned by this list and
     * rebuilt in place at the next request after a rebuild.
     */
    public ClusterList clusters(int width) {
        return clusters(width, Workers.single());
    }

    /**
     * As {@link #clusters(int)}, deriving the layout (when it must) on the threads of
     * {@code workers}; the layout does not depend on the thread count.
     */
    public ClusterList clusters(int width, Workers workers) {
        if (width < 1 || width > 64) throw new IllegalArgumentException("cluster width must be in [1, 64], got " + width);
        if (workers == null) throw new IllegalArgumentException("workers must not be null");
        if (referenceBox == null) throw new IllegalStateException("neighbor list must be built before its clusters are read");
        if (!clustersValid || clusters.width() != width) {
            clusters.build(reference, reference.length / dimension, dimension, referenceBox.imageLengths(),
                    cutoff + skin, width, workers);
            clustersValid = true;
        }
        return clusters;
    }

    /**
     * The half cluster-pair list of the last build (clusters of {@value ClusterPairList#SIZE}
     * particles; see {@link ClusterPairList}), derived on first request after each build on the
     * threads of {@code workers} (the list does not depend on the thread count). The returned
     * object is owned by this list and rebuilt in place at the next request after a rebuild.
     */
    public ClusterPairList clusterPairs(Workers workers) {
        if (workers == null) throw new IllegalArgumentException("workers must not be null");
        if (referenceBox == null) throw new IllegalStateException("neighbor list must be built before its cluster pairs are read");
        if (!pairsValid) {
            clusterPairs.build(reference, reference.length / dimension, dimension, referenceBox.imageLengths(),
                    cutoff + skin, workers);
            pairsValid = true;
        }
        return clusterPairs;
    }

    private void ensureHalf() {
        if (halfValid || referenceBox == null) return;
        buildHalf(reference, dimension, referenceBox);
        halfValid = true;
    }

    // buildHalf runs one small method per row (and per gather loop), so the JIT compiles each once
    // as an ordinary method instead of on-stack-replacing the whole build several times per run
    private void buildHalf(double[] x, int d, Box box) {
        int n = x.length / d;
        double[] len = box.imageLengths();
        double[] inv = box.inverseImageLengths();
        double range = cutoff + skin;
        double rl2 = range * range;
        int[] off = new int[n + 1];
        int count = 0;
        if (n < ALL_PAIRS_BELOW) {
            for (int i = 0; i < n; i++) {
                off[i] = count;
                count = allPairsRow(x, d, i, n, len, inv, rl2, count);
            }
        } else {
            grid.build(x, n, d, len, range, 2 * n + 27);
            // positions in cell order, stride 3 (z = 0 and an identity image in 2D), so the
            // candidate scan reads memory in order
            if (sorted.length < 3 * n) sorted = new double[3 * n];
            gatherCellOrder(x, d, n, grid.cellParticles, sorted);
            for (int i = 0; i < n; i++) {
                off[i] = count;
                count = cellRow(x, d, i, n, len, inv, rl2, count);
            }
        }
        off[n] = count;
        offsets = off;
        neighbors = Arrays.copyOf(buffer, count);
    }

    /** Row i of the all-pairs build: appends every j &gt; i within range to the buffer; the new count. */
    private int allPairsRow(double[] x, int d, int i, int n, double[] len, double[] inv, double rl2, int count) {
        for (int j = i + 1; j < n; j++) {
            if (distance2(x, d, i, j, len, inv) < rl2) {
                if (count == buffer.length) buffer = Arrays.copyOf(buffer, 2 * buffer.length);
                buffer[count++] = j;
            }
        }
        return count;
    }

    /** Positions in cell order, stride 3 (zero z in 2D). */
    private static void gatherCellOrder(double[] x, int d, int n, int[] members, double[] xs) {
        for (int q = 0; q < n; q++) {
            int p = members[q];
            for (int a = 0; a < 3; a++) xs[3 * q + a] = a < d ? x[d * p + a] : 0.0;
        }
    }

    /**
     * Row i of the cell build: appends every j &gt; i within range from the cells around i's, sorted
     * ascending, to the buffer; the new count.
     */
    private int cellRow(double[] x, int d, int i, int n, double[] len, double[] inv, double rl2, int count) {
        int[] start = grid.cellStart;
        int[] members = grid.cellParticles;
        double[] xs = sorted;
        double lx = len[0], ly = len[1], lz = d == 3 ? len[2] : 0.0;
        double ix = inv[0], iy = inv[1], iz = d == 3 ? inv[2] : 0.0;
        double xi = x[d * i], yi = x[d * i + 1], zi = d == 3 ? x[d * i + 2] : 0.0;
        int cells = grid.stencil(grid.cellOf[i], stencil);
        if (buffer.length < count + n) buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, count + n));
        int[] buf = buffer;
        int first = count;
        for (int s = 0; s < cells; s++) {
            int c = stencil[s];
            int end = start[c + 1];
            // members ascend inside a cell: skip to the first j > i
            int lo = start[c], hi = end;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (members[mid] > i) hi = mid; else lo = mid + 1;
            }
            for (int q = lo; q < end; q++) {
                double dx = Box.minimumImage(xi - xs[3 * q], lx, ix);
                double dy = Box.minimumImage(yi - xs[3 * q + 1], ly, iy);
                double dz = Box.minimumImage(zi - xs[3 * q + 2], lz, iz);
                if (dx * dx + dy * dy + dz * dz < rl2) buf[count++] = members[q];
            }
        }
        Arrays.sort(buf, first, count);
        return count;
    }

    private static double distance2(double[] x, int d, int i, int j, double[] len, double[] inv) {
        double r2 = 0;
        for (int a = 0; a < d; a++) {
            double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
            r2 += dx * dx;
        }
        return r2;
    }

    private void buildFull() {
        ensureHalf();
        int n = offsets.length - 1;
        int[] off = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int q = offsets[i]; q < offsets[i + 1]; q++) {
                off[i + 1]++;
                off[neighbors[q] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) off[i + 1] += off[i];
        int[] fill = Arrays.copyOf(off, n);
        int[] nb = new int[off[n]];
        // rows come out ascending: partners i < k are appended while scanning row i (before k),
        // partners j > k while scanning row k itself, in ascending order
        for (int i = 0; i < n; i++) {
            for (int q = offsets[i]; q < offsets[i + 1]; q++) {
                int j = neighbors[q];
                nb[fill[i]++] = j;
                nb[fill[j]++] = i;
            }
        }
        fullOffsets = off;
        fullNeighbors = nb;
    }

    /**
     * The first pair (i &lt; j, smallest i, then smallest j; 0-based) closer than
     * {@code minDistance} under the minimum image, or null. O(N) through cells of side ≥
     * {@code minDistance}; positions may be unwrapped. For load-time checks (coincident particles).
     */
    public static int[] findCoincident(ParticleSystem system, double minDistance) {
        if (!(minDistance > 0) || !Double.isFinite(minDistance)) {
            throw new IllegalArgumentException("minimum distance must be > 0 and finite, got " + minDistance);
        }
        int d = system.dimension();
        int n = system.size();
        double[] x = system.positions();
        Box box = system.box();
        double[] len = box.imageLengths();
        double[] inv = box.inverseImageLengths();
        double min2 = minDistance * minDistance;
        CellGrid g = new CellGrid();
        g.build(x, n, d, len, minDistance, 2 * n + 27);
        int[] cellsAround = new int[27];
        for (int i = 0; i < n; i++) {
            int best = -1;
            int cells = g.stencil(g.cellOf[i], cellsAround);
            for (int s = 0; s < cells; s++) {
                int c = cellsAround[s];
                for (int q = g.cellStart[c], end = g.cellStart[c + 1]; q < end; q++) {
                    int j = g.cellParticles[q];
                    if (j > i && (best < 0 || j < best) && distance2(x, d, i, j, len, inv) < min2) best = j;
                }
            }
            if (best >= 0) return new int[] {i, best};
        }
        return null;
    }
}
