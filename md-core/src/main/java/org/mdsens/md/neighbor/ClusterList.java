package org.mdsens.md.neighbor;

import java.util.Arrays;

/**
 * The cluster-pair layout of a {@link NeighborList} build, for SIMD kernels (in the manner of the
 * GROMACS NBNXM "atom against j-cluster" lists, here with an i-side of one particle).
 *
 * <p><b>Slots.</b> Particles are sorted spatially at build: into columns (a grid over the first
 * d−1 axes whose cells hold about {@link #width()} particles per unit of the last axis), and
 * along the last axis inside each column. Each column is padded to a multiple of {@code width}
 * with empty slots, and every run of {@code width} consecutive slots is a <i>cluster</i>. The
 * first {@link #primarySlotCount()} slots hold every particle once: slot s holds particle
 * {@code slotParticle()[s]} (−1 for padding) and particle p sits in slot
 * {@code particleSlot()[p]}. After them come <i>image clusters</i>: copies of primary clusters
 * displaced by a periodic lattice vector, for the neighbors across a periodic face, so that
 * kernels never apply a minimum image. This permutation is internal to kernels: every public
 * array of {@link NeighborList} stays in input order.
 *
 * <p><b>Coordinates.</b> At build each particle's periodic image offset (a multiple of L per
 * periodic axis, so that the particle lies in [0, L)) is recorded; {@link #loadPositions} writes
 * x − offset per slot (plus the lattice vector for image slots) into structure-of-arrays
 * buffers, so coordinates stay within reach of the build whatever wrapping the caller does or
 * does not apply. Padding slots get {@link #PADDING_COORDINATE} on every axis, far from
 * everything, so a kernel's cutoff test excludes them; the z buffer of a 2D system is all zeros.
 *
 * <p><b>Rows.</b> The row of primary slot s, {@code entries()[rowOffsets()[s] .. rowOffsets()[s+1])},
 * lists the first slot of every cluster (primary or image) whose bounding box at the build lay
 * closer than cutoff + skin to the particle in slot s (empty rows for padding). Rows contain the
 * particle's own cluster, self included: kernels exclude r = 0. Because each particle moved at
 * most skin/2 since the build and every periodic length is at least 2·(cutoff + skin), every pair
 * closer than the cutoff now appears exactly once in each of its two rows (a full list), in the
 * image that realizes the minimum distance; other images in a row are farther than the cutoff.
 * The rows are a deterministic function of the build positions.
 *
 * <p>Owned by its neighbor list, rebuilt in place (arrays reused, and replaced as sizes grow):
 * read the arrays after {@link NeighborList#clusters(int)} and do not modify them. Mutable, one
 * per thread.
 */
public final class ClusterList {

    private static final int SHIFT_BITS = 5;
    private static final int SHIFT_MASK = (1 << SHIFT_BITS) - 1;
    private static final int NO_SHIFT = 13;            // image code of the zero displacement
    /** Coordinate written to padding slots on every axis. */
    public static final double PADDING_COORDINATE = 1e100;

    private int width;
    private int dimension;
    private int particles;
    private int slots;
    private int primarySlots;
    private int version;
    private int[] slotParticle = new int[0];
    private int[] particleSlot = new int[0];
    private double[] slotOffset = new double[0];     // 3 per slot: image offset subtracted in loadPositions
    private int[] rowOffsets = new int[1];
    private int[] entries = new int[0];
    private final double[] shifts = new double[27 * 3];

    // build workspaces
    private double[] wrapped = new double[0];        // 3 per particle
    private double[] offset = new double[0];         // 3 per particle
    private long[] keys = new long[0];
    private int[] order = new int[0];
    private int[] columnStart = new int[1];
    private int[] columnClusters = new int[1];       // first cluster of each column, columns + 1
    private double[] slotCoordinate = new double[0]; // 3 per slot (build positions)
    private double[] boxLow = new double[0];         // 3 per cluster
    private double[] boxHigh = new double[0];
    private double[] reachHigh = new double[0];       // per cluster: running max of box tops in its column
    private double[] reachLow = new double[0];        // per cluster: running min of box bottoms to the column's end
    private double[] columnBox = new double[0];       // per column: low/high on axes 0 and 1
    private int[] columnOf = new int[0];
    private int[] fill = new int[0];
    private int[] candidates = new int[64];
    private int[] imageOf = new int[0];              // per primary cluster and code: image cluster, or -1
    private int[] imageKeys = new int[16];           // the imageOf entries set in this build
    private double[] candidateBox = new double[6 * 64];   // per candidate: shifted low/high on each axis

    ClusterList() { }

    /** Lanes per cluster. */
    public int width() { return width; }

    /** Spatial dimension of the build. */
    public int dimension() { return dimension; }

    /** Number of particles N. */
    public int particleCount() { return particles; }

    /** Number of slots, primary and image (a multiple of the width); buffers need this length. */
    public int slotCount() { return slots; }

    /** Number of primary slots (a multiple of the width, at least N): the slots that have rows. */
    public int primarySlotCount() { return primarySlots; }

    /** Number of clusters, primary and image: {@link #slotCount()} / {@link #width()}. */
    public int clusterCount() { return width == 0 ? 0 : slots / width; }

    /** Increases at every build (kernels key derived per-slot data on it). */
    public int version() { return version; }

    /** Particle per slot (−1 for padding; image slots repeat their primary's particle), length ≥ {@link #slotCount()}. */
    public int[] slotParticle() { return slotParticle; }

    /** Slot per particle, length N. */
    public int[] particleSlot() { return particleSlot; }

    /** Row offsets per primary slot, length ≥ {@link #primarySlotCount()} + 1. */
    public int[] rowOffsets() { return rowOffsets; }

    /** Entries: the first slot of a cluster; length ≥ {@link #entryCount()}. */
    public int[] entries() { return entries; }

    /** Number of entries in all rows. */
    public int entryCount() { return rowOffsets[primarySlots]; }

    /**
     * Writes slot-ordered coordinates: {@code xs[s]} = x_p − offset_s on axis 0 for p in slot s
     * (likewise ys, zs), offset_s being the particle's image offset, less the lattice vector of
     * an image slot; padding slots get {@link #PADDING_COORDINATE}; zs is all 0 in 2D.
     * Buffers have length ≥ {@link #slotCount()}; {@code positions} is xyz-interleaved, length d·N.
     */
    public void loadPositions(double[] positions, double[] xs, double[] ys, double[] zs) {
        loadPositions(positions, xs, ys, zs, 0, slots);
    }

    /** {@link #loadPositions(double[], double[], double[], double[])} for slots {@code [from, to)} only. */
    public void loadPositions(double[] positions, double[] xs, double[] ys, double[] zs, int from, int to) {
        final int d = dimension;
        final int[] sp = slotParticle;
        final double[] off = slotOffset;
        for (int s = from; s < to; s++) {
            int p = sp[s];
            if (p < 0) {
                xs[s] = PADDING_COORDINATE;
                ys[s] = PADDING_COORDINATE;
                zs[s] = d == 3 ? PADDING_COORDINATE : 0.0;
                continue;
            }
            int b = d * p;
            xs[s] = positions[b] - off[3 * s];
            ys[s] = positions[b + 1] - off[3 * s + 1];
            zs[s] = d == 3 ? positions[b + 2] - off[3 * s + 2] : 0.0;
        }
    }

    /**
     * Writes a per-particle vector (xyz-interleaved, length d·N) in slot order (image slots repeat
     * their particle's value); padding slots and the z buffer of a 2D system get 0.
     */
    public void loadVectors(double[] v, double[] vx, double[] vy, double[] vz) {
        loadVectors(v, vx, vy, vz, 0, slots);
    }

    /** {@link #loadVectors(double[], double[], double[], double[])} for slots {@code [from, to)} only. */
    public void loadVectors(double[] v, double[] vx, double[] vy, double[] vz, int from, int to) {
        final int d = dimension;
        final int[] sp = slotParticle;
        for (int s = from; s < to; s++) {
            int p = sp[s];
            if (p < 0) {
                vx[s] = 0;
                vy[s] = 0;
                vz[s] = 0;
                continue;
            }
            int b = d * p;
            vx[s] = v[b];
            vy[s] = v[b + 1];
            vz[s] = d == 3 ? v[b + 2] : 0.0;
        }
    }

    /**
     * The inverse of {@link #loadVectors} for particles {@code [from, to)}:
     * {@code out[d·p + a] = scale · v_a[slot(p)]}.
     */
    public void storeVectors(double[] vx, double[] vy, double[] vz, double scale, double[] out, int from, int to) {
        final int d = dimension;
        final int[] ps = particleSlot;
        if (d == 3) {
            for (int p = from; p < to; p++) {
                int s = ps[p];
                out[3 * p] = scale * vx[s];
                out[3 * p + 1] = scale * vy[s];
                out[3 * p + 2] = scale * vz[s];
            }
        } else {
            for (int p = from; p < to; p++) {
                int s = ps[p];
                out[2 * p] = scale * vx[s];
                out[2 * p + 1] = scale * vy[s];
            }
        }
    }

    /**
     * Builds the layout for {@code n} particles at positions {@code x} (xyz-interleaved,
     * dimension d), image lengths {@code length} (0 = open axis), listing range {@code range}
     * (cutoff + skin) and {@code width} lanes per cluster.
     */
    void build(double[] x, int n, int d, double[] length, double range, int width) {
        this.width = width;
        this.dimension = d;
        this.particles = n;
        version++;
        final double range2 = range * range;
        // 1. image offsets and wrapped coordinates, extents
        if (wrapped.length < 3 * n) {
            wrapped = new double[3 * n];
            offset = new double[3 * n];
        }
        double[] low = new double[3], extent = new double[3];
        for (int a = 0; a < 3; a++) {
            if (a >= d) {
                for (int i = 0; i < n; i++) {
                    wrapped[3 * i + a] = 0;
                    offset[3 * i + a] = 0;
                }
                continue;
            }
            double l = length[a];
            if (l > 0) {
                for (int i = 0; i < n; i++) {
                    double v = x[d * i + a];
                    double img = l * Math.floor(v / l);
                    double w = v - img;
                    if (w >= l) {
                        img += l;
                        w = v - img;
                    }
                    wrapped[3 * i + a] = w;
                    offset[3 * i + a] = img;
                }
                low[a] = 0;
                extent[a] = l;
            } else {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double v = x[d * i + a];
                    wrapped[3 * i + a] = v;
                    offset[3 * i + a] = 0;
                    if (v < lo) lo = v;
                    if (v > hi) hi = v;
                }
                if (n == 0) { lo = 0; hi = 0; }
                low[a] = lo;
                extent[a] = hi - lo;
            }
        }
        // 2. columns over axes 0 .. d-2, sized for about `width` particles per column length of the same side
        final int sortAxis = d - 1;
        double volume = 1;
        for (int a = 0; a < d; a++) volume *= Math.max(extent[a], range);
        double side = Math.pow(width * volume / Math.max(1, n), 1.0 / d);
        int[] columnsAlong = {1, 1};
        double[] columnWidth = {0, 0};
        long columnTotal = 1;
        for (int a = 0; a < d - 1; a++) {
            int c = (int) Math.max(1, Math.min(1 << 14, Math.floor(extent[a] / side)));
            columnsAlong[a] = c;
            columnWidth[a] = extent[a] / c;
            columnTotal *= c;
        }
        while (columnTotal > Math.max(1, n)) {            // never more columns than particles
            int widest = columnsAlong[1] > columnsAlong[0] ? 1 : 0;
            columnsAlong[widest] = Math.max(1, columnsAlong[widest] / 2);
            columnWidth[widest] = extent[widest] / columnsAlong[widest];
            columnTotal = (long) columnsAlong[0] * columnsAlong[1];
        }
        final int columns = (int) columnTotal;
        final int nc0 = columnsAlong[0], nc1 = columnsAlong[1];
        // 3. counting sort by column (stable in particle index), then by the sort axis inside each column
        if (columnStart.length < columns + 1) columnStart = new int[columns + 1];
        Arrays.fill(columnStart, 0, columns + 1, 0);
        if (order.length < n) {
            order = new int[n];
            keys = new long[n];
        }
        if (columnOf.length < n) columnOf = new int[n];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int a = 0; a < d - 1; a++) {
                int k = columnWidth[a] > 0 ? (int) ((wrapped[3 * i + a] - low[a]) / columnWidth[a]) : 0;
                if (k >= columnsAlong[a]) k = columnsAlong[a] - 1;
                if (k < 0) k = 0;
                c = c * columnsAlong[a] + k;
            }
            columnOf[i] = c;
            columnStart[c + 1]++;
        }
        for (int c = 0; c < columns; c++) columnStart[c + 1] += columnStart[c];
        if (fill.length < columns) fill = new int[columns];
        Arrays.fill(fill, 0, columns, 0);
        for (int i = 0; i < n; i++) {
            int c = columnOf[i];
            order[columnStart[c] + fill[c]++] = i;
        }
        double sortLow = low[sortAxis];
        double sortScale = extent[sortAxis] > 0 ? 1 / extent[sortAxis] : 0;
        for (int c = 0; c < columns; c++) {
            int from = columnStart[c], to = columnStart[c + 1];
            int count = to - from;
            if (count < 2) continue;
            int indexBits = 32 - Integer.numberOfLeadingZeros(count);
            double quantum = (double) (1L << (62 - indexBits));
            for (int q = from; q < to; q++) {
                double u = (wrapped[3 * order[q] + sortAxis] - sortLow) * sortScale;
                long key = (long) (Math.max(0.0, Math.min(1.0, u)) * quantum);
                keys[q] = (key << indexBits) | (q - from);
            }
            Arrays.sort(keys, from, to);
            for (int q = from; q < to; q++) columnOf[q - from] = order[from + (int) (keys[q] & ((1L << indexBits) - 1))];
            System.arraycopy(columnOf, 0, order, from, count);
        }
        // 4. slots: columns padded to a multiple of the width
        int total = 0;
        if (columnClusters.length < columns + 1) columnClusters = new int[columns + 1];
        for (int c = 0; c < columns; c++) {
            columnClusters[c] = total / width;
            int count = columnStart[c + 1] - columnStart[c];
            total += (count + width - 1) / width * width;
        }
        columnClusters[columns] = total / width;
        slots = total;
        primarySlots = total;
        if (slotParticle.length < total) {
            int cap = total + total / 2 + width;
            slotParticle = new int[cap];
            slotOffset = new double[3 * cap];
        }
        if (slotCoordinate.length < 3 * total) {
            slotCoordinate = new double[3 * total + 3 * width];
            rowOffsets = new int[total + width + 1];
        }
        if (particleSlot.length != n) particleSlot = new int[n];
        int s = 0;
        for (int c = 0; c < columns; c++) {
            int from = columnStart[c], to = columnStart[c + 1];
            int end = s + (to - from + width - 1) / width * width;
            for (int q = from; q < to; q++, s++) {
                int p = order[q];
                slotParticle[s] = p;
                particleSlot[p] = s;
                for (int a = 0; a < 3; a++) {
                    slotOffset[3 * s + a] = offset[3 * p + a];
                    slotCoordinate[3 * s + a] = wrapped[3 * p + a];
                }
            }
            for (; s < end; s++) {
                slotParticle[s] = -1;
                for (int a = 0; a < 3; a++) {
                    slotOffset[3 * s + a] = 0;
                    slotCoordinate[3 * s + a] = 0;
                }
            }
        }
        // 5. cluster bounding boxes (real particles only; every cluster holds at least one)
        int clusters = total / width;
        if (boxLow.length < 3 * clusters) {
            boxLow = new double[3 * clusters + 3 * (clusters / 8) + 3];
            boxHigh = new double[boxLow.length];
            reachHigh = new double[boxLow.length / 3];
            reachLow = new double[boxLow.length / 3];
        }
        for (int k = 0; k < clusters; k++) {
            for (int a = 0; a < 3; a++) {
                boxLow[3 * k + a] = Double.POSITIVE_INFINITY;
                boxHigh[3 * k + a] = Double.NEGATIVE_INFINITY;
            }
            for (int q = k * width; q < (k + 1) * width; q++) {
                if (slotParticle[q] < 0) continue;
                for (int a = 0; a < 3; a++) {
                    double v = slotCoordinate[3 * q + a];
                    if (v < boxLow[3 * k + a]) boxLow[3 * k + a] = v;
                    if (v > boxHigh[3 * k + a]) boxHigh[3 * k + a] = v;
                }
            }
        }
        // exact bounding box of each column on its two grid axes (for a quick reject of whole columns)
        if (columnBox.length < 4 * columns) columnBox = new double[4 * columns];
        for (int c = 0; c < columns; c++) {
            double lo0 = Double.POSITIVE_INFINITY, hi0 = Double.NEGATIVE_INFINITY;
            double lo1 = Double.POSITIVE_INFINITY, hi1 = Double.NEGATIVE_INFINITY;
            for (int k = columnClusters[c]; k < columnClusters[c + 1]; k++) {
                lo0 = Math.min(lo0, boxLow[3 * k]);
                hi0 = Math.max(hi0, boxHigh[3 * k]);
                lo1 = Math.min(lo1, boxLow[3 * k + 1]);
                hi1 = Math.max(hi1, boxHigh[3 * k + 1]);
            }
            columnBox[4 * c] = lo0;
            columnBox[4 * c + 1] = hi0;
            columnBox[4 * c + 2] = lo1;
            columnBox[4 * c + 3] = hi1;
        }
        // monotone search keys along the sort axis inside each column (the key sort is exact only up
        // to a quantum, so tops and bottoms are made monotone by running extrema)
        for (int c = 0; c < columns; c++) {
            int first = columnClusters[c], last = columnClusters[c + 1];
            double top = Double.NEGATIVE_INFINITY, bottom = Double.POSITIVE_INFINITY;
            for (int k = first; k < last; k++) {
                top = Math.max(top, boxHigh[3 * k + sortAxis]);
                reachHigh[k] = top;
            }
            for (int k = last - 1; k >= first; k--) {
                bottom = Math.min(bottom, boxLow[3 * k + sortAxis]);
                reachLow[k] = bottom;
            }
        }
        // 6. image table
        for (int code = 0; code < 27; code++) {
            int[] m = {code / 9 - 1, code / 3 % 3 - 1, code % 3 - 1};
            for (int a = 0; a < 3; a++) shifts[3 * code + a] = a < d && length[a] > 0 ? m[a] * length[a] : 0.0;
        }
        // 7. rows: candidates per i-cluster (box against box), then per particle (point against box)
        if (imageOf.length < 27 * clusters) {
            imageOf = new int[27 * clusters];
            Arrays.fill(imageOf, -1);
        }
        int images = 0;
        if (entries.length == 0) entries = new int[Math.max(64, 36 * n)];
        int count = 0;
        int reach0 = columnWidth[0] > 0 ? (int) Math.ceil(range / columnWidth[0]) : 0;
        int reach1 = d == 3 && columnWidth[1] > 0 ? (int) Math.ceil(range / columnWidth[1]) : 0;
        boolean periodic0 = length[0] > 0, periodic1 = d == 3 && length[1] > 0;
        boolean periodicSort = length[sortAxis] > 0;
        double sortLength = periodicSort ? length[sortAxis] : 0;
        for (int c = 0; c < columns; c++) {
            int c0 = d == 3 ? c / nc1 : c, c1 = d == 3 ? c % nc1 : 0;
            for (int k = columnClusters[c]; k < columnClusters[c + 1]; k++) {
                int found = 0;
                double kLow = boxLow[3 * k + sortAxis], kHigh = boxHigh[3 * k + sortAxis];
                for (int u = -reach0; u <= reach0; u++) {
                    int t0 = c0 + u;
                    int m0 = Math.floorDiv(t0, nc0);
                    if (!periodic0 && m0 != 0) continue;
                    if (m0 < -1 || m0 > 1) continue;
                    t0 -= m0 * nc0;
                    for (int v = -reach1; v <= reach1; v++) {
                        int t1 = c1 + v;
                        int m1 = Math.floorDiv(t1, nc1);
                        if (!periodic1 && m1 != 0) continue;
                        if (m1 < -1 || m1 > 1) continue;
                        t1 -= m1 * nc1;
                        int other = d == 3 ? t0 * nc1 + t1 : t0;
                        int first = columnClusters[other], last = columnClusters[other + 1];
                        if (first == last) continue;
                        // reject the whole column when its box is out of range on the grid axes
                        double s0 = periodic0 ? m0 * length[0] : 0.0;
                        double g0 = Math.max(0.0, Math.max(columnBox[4 * other] + s0 - boxHigh[3 * k],
                                boxLow[3 * k] - columnBox[4 * other + 1] - s0));
                        double g1 = 0;
                        if (d == 3) {
                            double s1 = periodic1 ? m1 * length[1] : 0.0;
                            g1 = Math.max(0.0, Math.max(columnBox[4 * other + 2] + s1 - boxHigh[3 * k + 1],
                                    boxLow[3 * k + 1] - columnBox[4 * other + 3] - s1));
                        }
                        if (g0 * g0 + g1 * g1 >= range2) continue;
                        // images along the sort axis: below only if the cluster reaches below 0, above only past L
                        int m2From = periodicSort && kLow - range < 0 ? -1 : 0;
                        int m2To = periodicSort && kHigh + range > sortLength ? 1 : 0;
                        for (int m2 = m2From; m2 <= m2To; m2++) {
                            double shiftSort = m2 * sortLength;
                            // first cluster whose shifted top reaches kLow - range (tops ascend in a column)
                            int lo = first, hi = last;
                            double need = kLow - range - shiftSort;
                            while (lo < hi) {
                                int mid = (lo + hi) >>> 1;
                                if (reachHigh[mid] > need) hi = mid; else lo = mid + 1;
                            }
                            double stop = kHigh + range - shiftSort;
                            int code = d == 3 ? (m0 + 1) * 9 + (m1 + 1) * 3 + (m2 + 1)
                                              : (m0 + 1) * 9 + (m2 + 1) * 3 + 1;
                            for (int q = lo; q < last && reachLow[q] < stop; q++) {
                                double g2 = 0;
                                for (int a = 0; a < d; a++) {
                                    double sh = shifts[3 * code + a];
                                    double gap = Math.max(0.0, Math.max(boxLow[3 * q + a] + sh - boxHigh[3 * k + a],
                                            boxLow[3 * k + a] - boxHigh[3 * q + a] - sh));
                                    g2 += gap * gap;
                                }
                                if (g2 < range2) {
                                    if (found == candidates.length) growCandidates();
                                    int target = q;
                                    if (code != NO_SHIFT) {
                                        target = imageOf[27 * q + code];
                                        if (target < 0) {
                                            target = addImage(q, code);
                                            imageOf[27 * q + code] = target;
                                            if (images == imageKeys.length) imageKeys = Arrays.copyOf(imageKeys, 2 * images);
                                            imageKeys[images++] = 27 * q + code;
                                        }
                                    }
                                    candidates[found] = target * width;
                                    for (int a = 0; a < 3; a++) {
                                        double sh = shifts[3 * code + a];
                                        candidateBox[6 * found + 2 * a] = boxLow[3 * q + a] + sh;
                                        candidateBox[6 * found + 2 * a + 1] = boxHigh[3 * q + a] + sh;
                                    }
                                    found++;
                                }
                            }
                        }
                    }
                }
                for (int q = k * width; q < (k + 1) * width; q++) {
                    rowOffsets[q] = count;
                    if (slotParticle[q] < 0) continue;
                    if (entries.length < count + found) {
                        entries = Arrays.copyOf(entries, Math.max(entries.length + entries.length / 4, count + found));
                    }
                    double p0 = slotCoordinate[3 * q], p1 = slotCoordinate[3 * q + 1], p2 = slotCoordinate[3 * q + 2];
                    final double[] cb = candidateBox;
                    final int[] cand = candidates;
                    final int[] ent = entries;
                    for (int t = 0; t < found; t++) {
                        int o = 6 * t;
                        double g0 = Math.max(0.0, Math.max(cb[o] - p0, p0 - cb[o + 1]));
                        double g1 = Math.max(0.0, Math.max(cb[o + 2] - p1, p1 - cb[o + 3]));
                        double g2 = Math.max(0.0, Math.max(cb[o + 4] - p2, p2 - cb[o + 5]));
                        ent[count] = cand[t];
                        count += g0 * g0 + g1 * g1 + g2 * g2 < range2 ? 1 : 0;
                    }
                }
            }
        }
        rowOffsets[primarySlots] = count;
        for (int t = 0; t < images; t++) imageOf[imageKeys[t]] = -1;
    }

    /** Appends an image of primary cluster k displaced by the lattice vector of {@code code}; returns its index. */
    private int addImage(int k, int code) {
        int first = slots;
        if (slotParticle.length < first + width) {
            int cap = first + first / 4 + width;
            slotParticle = Arrays.copyOf(slotParticle, cap);
            slotOffset = Arrays.copyOf(slotOffset, 3 * cap);
        }
        for (int l = 0; l < width; l++) {
            int src = k * width + l, dst = first + l;
            slotParticle[dst] = slotParticle[src];
            for (int a = 0; a < 3; a++) slotOffset[3 * dst + a] = slotOffset[3 * src + a] - shifts[3 * code + a];
        }
        slots += width;
        return first / width;
    }

    private void growCandidates() {
        candidates = Arrays.copyOf(candidates, 2 * candidates.length);
        candidateBox = Arrays.copyOf(candidateBox, 6 * candidates.length);
    }
}
