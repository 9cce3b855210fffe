package org.mdsens.md.neighbor;

import java.util.Arrays;

import org.mdsens.md.parallel.Workers;

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
 * <p><b>Build.</b> A sequence of small phases (wrap, bin into columns, sort the columns, fill
 * slots, bound clusters, search candidate clusters and mask the rows, number the images, write
 * the rows), each over fixed blocks of particles, columns or clusters whose outputs are disjoint,
 * on the threads given to {@link NeighborList#clusters(int, Workers)}; the image clusters are
 * numbered serially in block order. The layout is therefore the same for any thread count (and
 * the same as a serial build's). Candidate boxes are kept as structure of arrays so that the
 * point-against-box loop, the bulk of a build, vectorizes.
 *
 * <p>Owned by its neighbor list, rebuilt in place (arrays reused, and replaced as sizes grow):
 * read the arrays after {@link NeighborList#clusters(int)} and do not modify them. Mutable, one
 * per thread.
 */
public final class ClusterList {

    private static final int SHIFT_BITS = 5;
    private static final int SHIFT_MASK = (1 << SHIFT_BITS) - 1;
    static final int NO_SHIFT = 13;                    // image code of the zero displacement
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
    private int[] renumbered = new int[0];          // spare particleSlot for renumber
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
    private int[] clusterColumn = new int[0];         // per primary cluster: its column
    private int[] imageOf = new int[0];              // per primary cluster and code: image cluster, or -1
    private int[] imageKeys = new int[16];           // the imageOf entries set in this build
    private double[] blockExtrema = new double[0];    // per particle block: low/high per axis (open axes)
    private RowBlock[] rowBlocks = new RowBlock[0];   // per block of primary clusters: candidates and row masks
    private Scratch[] scratch = new Scratch[1];        // per worker: the candidate boxes of one cluster

    // the current build, read by the phases
    private double[] positions;
    private double[] length;
    private double range, range2;
    private final double[] low = new double[3], extent = new double[3];
    private final int[] columnsAlong = new int[2];
    private final double[] columnWidth = new double[2];
    private int columns, nc0, nc1, sortAxis, reach0, reach1;
    private boolean periodic0, periodic1, periodicSort;
    private double sortLength;
    private Workers workers = Workers.single();
    private int phase;
    private final Workers.Blocks phases = this::runPhase;

    private static final int WRAP = 0, COLUMN_INDEX = 1, SORT = 2, SLOTS = 3, CLUSTER_BOXES = 4, COLUMN_BOXES = 5,
            SEARCH_ROWS = 6, WRITE_ROWS = 7;
    /** Particles per block of the per-particle phases. */
    static final int BLOCK_PARTICLES = 4096;
    /** Columns per block of the per-column phases. */
    static final int BLOCK_COLUMNS = 16;
    /** Primary clusters per block of the row search. */
    static final int BLOCK_CLUSTERS = 64;

    /** The candidates and row masks of one block of primary clusters (kept between builds). */
    static final class RowBlock {
        /**
         * Per candidate: the first slot of its cluster; while searching, for a periodic image,
         * its key 27·q + image code instead (listed in {@link #images}).
         */
        int[] candidates = new int[1024];
        /** The block-local indices of the candidates that are periodic images, in order. */
        int[] images = new int[64];
        int imageCount;
        /** Per cluster of the block: its first candidate, and one past the last cluster's. */
        final int[] clusterCandidates = new int[BLOCK_CLUSTERS + 1];
        /** Per slot of the block: ⌈candidates/64⌉ words, bit t set when candidate t is in the row. */
        long[] masks = new long[1024];
        /** Per cluster of the block: its first mask word. */
        final int[] clusterMasks = new int[BLOCK_CLUSTERS + 1];
        int candidateCount;
        int maskCount;
    }

    /**
     * One worker's candidate boxes for the cluster it is on, structure of arrays (shifted low and
     * high per axis), and the per-candidate squared gaps of one particle: loops over them are
     * simple enough for C2 to vectorize.
     */
    static final class Scratch {
        double[] low0 = new double[128], high0 = new double[128], low1 = new double[128], high1 = new double[128],
                low2 = new double[128], high2 = new double[128], gap = new double[128];

        void grow() {
            int cap = 2 * gap.length;
            low0 = Arrays.copyOf(low0, cap);
            high0 = Arrays.copyOf(high0, cap);
            low1 = Arrays.copyOf(low1, cap);
            high1 = Arrays.copyOf(high1, cap);
            low2 = Arrays.copyOf(low2, cap);
            high2 = Arrays.copyOf(high2, cap);
            gap = new double[cap];
        }
    }

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
     * (cutoff + skin) and {@code width} lanes per cluster, on the threads of {@code workers}.
     * Every phase splits into fixed blocks (of particles, columns or clusters) whose outputs are
     * disjoint, and the only order-dependent step (numbering the image clusters) runs serially in
     * block order, so the layout is the same for any thread count.
     */
    void build(double[] x, int n, int d, double[] length, double range, int width, Workers workers) {
        begin(x, n, d, length, range, width, workers);
        try {
            layoutPhases();
            searchRows();
            assignImages();
            run(WRITE_ROWS, blockCount(primarySlots / width, BLOCK_CLUSTERS));
        } finally {
            end();
        }
    }

    /**
     * The slots, cluster boxes and image table of {@link #build} without the rows (for
     * {@link ClusterPairList}, which searches its own list over them with
     * {@link #findCandidates}): {@link #slotCount()} = {@link #primarySlotCount()}, and
     * {@link #rowOffsets()} and {@link #entries()} are not valid.
     */
    void buildLayout(double[] x, int n, int d, double[] length, double range, int width, Workers workers) {
        begin(x, n, d, length, range, width, workers);
        try {
            layoutPhases();
        } finally {
            end();
        }
    }

    /** The inputs of one build, and a new version. */
    private void begin(double[] x, int n, int d, double[] length, double range, int width, Workers workers) {
        this.width = width;
        this.dimension = d;
        this.particles = n;
        this.positions = x;
        this.length = length;
        this.range = range;
        this.range2 = range * range;
        this.workers = workers;
        version++;
    }

    /** Drops what a build must not keep: the caller's positions and the threads. */
    private void end() {
        this.positions = null;
        this.workers = Workers.single();
    }

    private void layoutPhases() {
        wrapPositions();
        chooseColumns();
        binColumns();
        sortColumns();
        fillSlots();
        boundClusters();
        tabulateShifts();
    }

    // ---- package access for ClusterPairList (valid after a build or buildLayout) ----------------

    /** Columns along axis 0 and along axis 1 (1 in 2D); column c is (c / nc1, c % nc1). */
    int columnsAlong0() { return nc0; }

    int columnsAlong1() { return nc1; }

    /** Columns within the range of a column along axis 0. */
    int reachAlong0() { return reach0; }

    /** Per column (and one past the last): its first primary cluster. */
    int[] columnClusters() { return columnClusters; }

    /** Per primary cluster: its column. */
    int[] clusterColumns() { return clusterColumn; }

    /** 3 per slot: the build coordinates (wrapped into [0, L) on periodic axes). */
    double[] slotCoordinates() { return slotCoordinate; }

    /** 3 per slot: the image offset that {@link #loadPositions} subtracts. */
    double[] slotOffsets() { return slotOffset; }

    /** 3 per image code: the lattice vector by which the code displaces a cluster. */
    double[] shifts() { return shifts; }

    /** 3 per primary cluster: the low and high corners of its box (build coordinates). */
    double[] boxLows() { return boxLow; }

    double[] boxHighs() { return boxHigh; }

    /** The listing range of the build, cutoff + skin. */
    double range() { return range; }

    /**
     * The clusters (primary cluster q, image code) whose boxes lie within the range of primary
     * cluster k's box, in columns at offsets (u, v) ≥ (0, 0) along the grid axes (periodic
     * images unrolled; see {@link ClusterPairList}), in a fixed order, written as {@code out[2t] = q}, {@code out[2t+1] = code}
     * (the zero displacement is {@link #NO_SHIFT}); returns their number. {@code buffer} and
     * {@code scratch} are one thread's; {@code out} grows as needed and is returned through {@code holder[0]}.
     */
    int candidates(int k, RowBlock blk, Scratch scratch, int[][] holder) {
        blk.candidateCount = 0;
        blk.imageCount = 0;
        int found = findCandidates(k, blk, scratch, true);
        int[] out = holder[0];
        if (out.length < 2 * found) {
            out = new int[2 * found + 64];
            holder[0] = out;
        }
        int img = 0;
        final int w = width, shift = Integer.numberOfTrailingZeros(w);
        final boolean pow2 = (w & (w - 1)) == 0;
        for (int t = 0; t < found; t++) {
            int c = blk.candidates[t];
            if (img < blk.imageCount && blk.images[img] == t) {
                img++;
                int q = c / 27;
                out[2 * t] = q;
                out[2 * t + 1] = c - 27 * q;
            } else {
                out[2 * t] = pow2 ? c >>> shift : c / w;
                out[2 * t + 1] = NO_SHIFT;
            }
        }
        return found;
    }

    private static int blockCount(int items, int perBlock) {
        return (items + perBlock - 1) / perBlock;
    }

    private void run(int which, int blocks) {
        phase = which;
        workers.run(phases, blocks);
    }

    private void runPhase(int b, int worker) {
        switch (phase) {
            case WRAP -> wrapBlock(b);
            case COLUMN_INDEX -> columnIndexBlock(b);
            case SORT -> sortBlock(b);
            case SLOTS -> slotBlock(b);
            case CLUSTER_BOXES -> clusterBoxBlock(b);
            case COLUMN_BOXES -> columnBoxBlock(b);
            case SEARCH_ROWS -> searchBlock(b, worker);
            default -> writeBlock(b);
        }
    }

    // ---- 1. image offsets and wrapped coordinates, extents ------------------------------------

    private void wrapPositions() {
        final int n = particles;
        if (wrapped.length < 3 * n) {
            wrapped = new double[3 * n];
            offset = new double[3 * n];
        }
        int blocks = blockCount(n, BLOCK_PARTICLES);
        if (blockExtrema.length < 6 * blocks) blockExtrema = new double[6 * blocks];
        run(WRAP, blocks);
        for (int a = 0; a < 3; a++) {
            if (a >= dimension) {
                low[a] = 0;
                extent[a] = 0;
            } else if (length[a] > 0) {
                low[a] = 0;
                extent[a] = length[a];
            } else {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int b = 0; b < blocks; b++) {
                    lo = Math.min(lo, blockExtrema[6 * b + 2 * a]);
                    hi = Math.max(hi, blockExtrema[6 * b + 2 * a + 1]);
                }
                if (n == 0) {
                    lo = 0;
                    hi = 0;
                }
                low[a] = lo;
                extent[a] = hi - lo;
            }
        }
    }

    /** Wraps particles of block b into [0, L) on periodic axes, recording the image offsets; extrema of open axes. */
    private void wrapBlock(int b) {
        final int d = dimension, from = b * BLOCK_PARTICLES, to = Math.min(particles, from + BLOCK_PARTICLES);
        final double[] x = positions;
        for (int a = 0; a < 3; a++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            if (a >= d) {
                for (int i = from; i < to; i++) {
                    wrapped[3 * i + a] = 0;
                    offset[3 * i + a] = 0;
                }
            } else if (length[a] > 0) {
                final double l = length[a];
                for (int i = from; i < to; i++) {
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
            } else {
                for (int i = from; i < to; i++) {
                    double v = x[d * i + a];
                    wrapped[3 * i + a] = v;
                    offset[3 * i + a] = 0;
                    if (v < lo) lo = v;
                    if (v > hi) hi = v;
                }
            }
            blockExtrema[6 * b + 2 * a] = lo;
            blockExtrema[6 * b + 2 * a + 1] = hi;
        }
    }

    // ---- 2. columns over axes 0 .. d-2, about `width` particles per column length of the same side

    private void chooseColumns() {
        final int d = dimension, n = particles;
        sortAxis = d - 1;
        double volume = 1;
        for (int a = 0; a < d; a++) volume *= Math.max(extent[a], range);
        double side = Math.pow(width * volume / Math.max(1, n), 1.0 / d);
        columnsAlong[0] = 1;
        columnsAlong[1] = 1;
        columnWidth[0] = 0;
        columnWidth[1] = 0;
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
        columns = (int) columnTotal;
        nc0 = columnsAlong[0];
        nc1 = columnsAlong[1];
    }

    // ---- 3. counting sort by column (stable in particle index), then by the sort axis inside each column

    private void binColumns() {
        final int n = particles;
        if (columnStart.length < columns + 1) columnStart = new int[columns + 1];
        Arrays.fill(columnStart, 0, columns + 1, 0);
        if (order.length < n) {
            order = new int[n];
            keys = new long[n];
        }
        if (columnOf.length < n) columnOf = new int[n];
        run(COLUMN_INDEX, blockCount(n, BLOCK_PARTICLES));
        for (int i = 0; i < n; i++) columnStart[columnOf[i] + 1]++;
        for (int c = 0; c < columns; c++) columnStart[c + 1] += columnStart[c];
        if (fill.length < columns) fill = new int[columns];
        Arrays.fill(fill, 0, columns, 0);
        for (int i = 0; i < n; i++) {
            int c = columnOf[i];
            order[columnStart[c] + fill[c]++] = i;
        }
    }

    private void columnIndexBlock(int b) {
        final int d = dimension, from = b * BLOCK_PARTICLES, to = Math.min(particles, from + BLOCK_PARTICLES);
        for (int i = from; i < to; i++) {
            int c = 0;
            for (int a = 0; a < d - 1; a++) {
                int k = columnWidth[a] > 0 ? (int) ((wrapped[3 * i + a] - low[a]) / columnWidth[a]) : 0;
                if (k >= columnsAlong[a]) k = columnsAlong[a] - 1;
                if (k < 0) k = 0;
                c = c * columnsAlong[a] + k;
            }
            columnOf[i] = c;
        }
    }

    private void sortColumns() {
        run(SORT, blockCount(columns, BLOCK_COLUMNS));
    }

    /** Sorts the particles of the columns of block b along the sort axis (columnOf is free scratch by now). */
    private void sortBlock(int b) {
        final double sortLow = low[sortAxis];
        final double sortScale = extent[sortAxis] > 0 ? 1 / extent[sortAxis] : 0;
        for (int c = b * BLOCK_COLUMNS, last = Math.min(columns, c + BLOCK_COLUMNS); c < last; c++) {
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
            long mask = (1L << indexBits) - 1;
            for (int q = from; q < to; q++) columnOf[q] = order[from + (int) (keys[q] & mask)];
            System.arraycopy(columnOf, from, order, from, count);
        }
    }

    // ---- 4. slots: columns padded to a multiple of the width -----------------------------------

    private void fillSlots() {
        final int n = particles;
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
        if (clusterColumn.length < total / width) clusterColumn = new int[total / width + total / (8 * width) + 1];
        if (particleSlot.length != n) particleSlot = new int[n];
        run(SLOTS, blockCount(columns, BLOCK_COLUMNS));
    }

    private void slotBlock(int b) {
        for (int c = b * BLOCK_COLUMNS, last = Math.min(columns, c + BLOCK_COLUMNS); c < last; c++) {
            int from = columnStart[c], to = columnStart[c + 1];
            int s = columnClusters[c] * width, end = columnClusters[c + 1] * width;
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
            for (int k = columnClusters[c]; k < columnClusters[c + 1]; k++) clusterColumn[k] = c;
        }
    }

    // ---- 5. cluster bounding boxes (real particles only; every cluster holds at least one) ------

    private void boundClusters() {
        int clusters = primarySlots / width;
        if (boxLow.length < 3 * clusters) {
            boxLow = new double[3 * clusters + 3 * (clusters / 8) + 3];
            boxHigh = new double[boxLow.length];
            reachHigh = new double[boxLow.length / 3];
            reachLow = new double[boxLow.length / 3];
        }
        if (columnBox.length < 4 * columns) columnBox = new double[4 * columns];
        run(CLUSTER_BOXES, blockCount(clusters, BLOCK_CLUSTERS));
        run(COLUMN_BOXES, blockCount(columns, BLOCK_COLUMNS));
    }

    private void clusterBoxBlock(int b) {
        for (int k = b * BLOCK_CLUSTERS, last = Math.min(primarySlots / width, k + BLOCK_CLUSTERS); k < last; k++) {
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
    }

    /**
     * For the columns of block b: the exact bounding box on the two grid axes (a quick reject of
     * whole columns), and monotone search keys along the sort axis (the key sort is exact only up
     * to a quantum, so tops and bottoms are made monotone by running extrema).
     */
    private void columnBoxBlock(int b) {
        for (int c = b * BLOCK_COLUMNS, last = Math.min(columns, c + BLOCK_COLUMNS); c < last; c++) {
            int first = columnClusters[c], end = columnClusters[c + 1];
            double lo0 = Double.POSITIVE_INFINITY, hi0 = Double.NEGATIVE_INFINITY;
            double lo1 = Double.POSITIVE_INFINITY, hi1 = Double.NEGATIVE_INFINITY;
            for (int k = first; k < end; k++) {
                lo0 = Math.min(lo0, boxLow[3 * k]);
                hi0 = Math.max(hi0, boxHigh[3 * k]);
                lo1 = Math.min(lo1, boxLow[3 * k + 1]);
                hi1 = Math.max(hi1, boxHigh[3 * k + 1]);
            }
            columnBox[4 * c] = lo0;
            columnBox[4 * c + 1] = hi0;
            columnBox[4 * c + 2] = lo1;
            columnBox[4 * c + 3] = hi1;
            double top = Double.NEGATIVE_INFINITY, bottom = Double.POSITIVE_INFINITY;
            for (int k = first; k < end; k++) {
                top = Math.max(top, boxHigh[3 * k + sortAxis]);
                reachHigh[k] = top;
            }
            for (int k = end - 1; k >= first; k--) {
                bottom = Math.min(bottom, boxLow[3 * k + sortAxis]);
                reachLow[k] = bottom;
            }
        }
    }

    // ---- 6. image table -------------------------------------------------------------------------

    private void tabulateShifts() {
        final int d = dimension;
        for (int code = 0; code < 27; code++) {
            int m0 = code / 9 - 1, m1 = code / 3 % 3 - 1, m2 = code % 3 - 1;
            shifts[3 * code] = d > 0 && length[0] > 0 ? m0 * length[0] : 0.0;
            shifts[3 * code + 1] = d > 1 && length[1] > 0 ? m1 * length[1] : 0.0;
            shifts[3 * code + 2] = d > 2 && length[2] > 0 ? m2 * length[2] : 0.0;
        }
        reach0 = columnWidth[0] > 0 ? (int) Math.ceil(range / columnWidth[0]) : 0;
        reach1 = dimension == 3 && columnWidth[1] > 0 ? (int) Math.ceil(range / columnWidth[1]) : 0;
        periodic0 = length[0] > 0;
        periodic1 = dimension == 3 && length[1] > 0;
        periodicSort = length[sortAxis] > 0;
        sortLength = periodicSort ? length[sortAxis] : 0;
    }

    // ---- 7. rows: candidates per i-cluster (box against box), then per particle (point against box)

    /**
     * Fills, per block of primary clusters, the candidate clusters of each cluster (as image keys
     * 27·q + code) and per slot a bit mask over them (the row), and writes each row's length to
     * {@code rowOffsets[s + 1]}; then sums the row offsets.
     */
    private void searchRows() {
        int clusters = primarySlots / width;
        if (imageOf.length < 27 * clusters) {
            imageOf = new int[27 * clusters];
            Arrays.fill(imageOf, -1);
        }
        int blocks = blockCount(clusters, BLOCK_CLUSTERS);
        if (rowBlocks.length < blocks) rowBlocks = Arrays.copyOf(rowBlocks, blocks + blocks / 4 + 1);
        for (int b = 0; b < blocks; b++) {
            if (rowBlocks[b] == null) rowBlocks[b] = new RowBlock();
        }
        if (scratch.length < workers.threads()) scratch = Arrays.copyOf(scratch, workers.threads());
        run(SEARCH_ROWS, blocks);
        rowOffsets[0] = 0;
        for (int s = 0; s < primarySlots; s++) rowOffsets[s + 1] += rowOffsets[s];
        int total = rowOffsets[primarySlots];
        if (entries.length < total) entries = new int[total + total / 8 + 64];
    }

    private void searchBlock(int b, int worker) {
        RowBlock blk = rowBlocks[b];
        blk.candidateCount = 0;
        blk.maskCount = 0;
        blk.imageCount = 0;
        int first = b * BLOCK_CLUSTERS, last = Math.min(primarySlots / width, first + BLOCK_CLUSTERS);
        for (int k = first; k < last; k++) {
            blk.clusterCandidates[k - first] = blk.candidateCount;
            blk.clusterMasks[k - first] = blk.maskCount;
            if (scratch[worker] == null) scratch[worker] = new Scratch();
            int found = findCandidates(k, blk, scratch[worker]);
            maskRows(k, blk, found, scratch[worker]);
            blk.candidateCount += found;
        }
        blk.clusterCandidates[last - first] = blk.candidateCount;
        blk.clusterMasks[last - first] = blk.maskCount;
    }

    /**
     * Appends to {@code blk.candidates} (from {@code blk.candidateCount} on) the keys 27·q + code of
     * the clusters q, in image {@code code}, whose boxes lie closer than the range to the box of
     * primary cluster k, in a fixed order, with their shifted boxes in this worker's scratch;
     * returns their number.
     */
    private int findCandidates(int k, RowBlock blk, Scratch sc) {
        return findCandidates(k, blk, sc, false);
    }

    /**
     * As {@link #findCandidates(int, RowBlock, Scratch)}; with {@code half}, only the column
     * offsets (u, v) ≥ (0, 0) lexicographically (periodic images unrolled): each pair of
     * columns from one side, as a half list needs, and without the shifted boxes in the scratch.
     */
    private int findCandidates(int k, RowBlock blk, Scratch sc, boolean half) {
        final int d = dimension;
        final int c = clusterColumn[k];
        final int c0 = d == 3 ? c / nc1 : c, c1 = d == 3 ? c % nc1 : 0;
        final double kLow = boxLow[3 * k + sortAxis], kHigh = boxHigh[3 * k + sortAxis];
        final int base = blk.candidateCount;
        int found = 0;
        for (int u = half ? 0 : -reach0; u <= reach0; u++) {
            int t0 = c0 + u;
            int m0 = Math.floorDiv(t0, nc0);
            if (!periodic0 && m0 != 0) continue;
            if (m0 < -1 || m0 > 1) continue;
            t0 -= m0 * nc0;
            for (int v = half && u == 0 ? 0 : -reach1; v <= reach1; v++) {
                int t1 = c1 + v;
                int m1 = Math.floorDiv(t1, nc1);
                if (!periodic1 && m1 != 0) continue;
                if (m1 < -1 || m1 > 1) continue;
                t1 -= m1 * nc1;
                int other = d == 3 ? t0 * nc1 + t1 : t0;
                int first = columnClusters[other], last = columnClusters[other + 1];
                if (first == last || columnOutOfRange(k, other, m0, m1)) continue;
                // images along the sort axis: below only if the cluster reaches below 0, above only past L
                int m2From = periodicSort && kLow - range < 0 ? -1 : 0;
                int m2To = periodicSort && kHigh + range > sortLength ? 1 : 0;
                for (int m2 = m2From; m2 <= m2To; m2++) {
                    double shiftSort = m2 * sortLength;
                    int lo = firstReaching(first, last, kLow - range - shiftSort);
                    double stop = kHigh + range - shiftSort;
                    int code = d == 3 ? (m0 + 1) * 9 + (m1 + 1) * 3 + (m2 + 1) : (m0 + 1) * 9 + (m2 + 1) * 3 + 1;
                    for (int q = lo; q < last && reachLow[q] < stop; q++) {
                        if (boxGap2(k, q, code) >= range2) continue;
                        if (base + found == blk.candidates.length) {
                            blk.candidates = Arrays.copyOf(blk.candidates, 2 * blk.candidates.length);
                        }
                        if (!half && found == sc.gap.length) sc.grow();
                        if (code == NO_SHIFT) {
                            blk.candidates[base + found] = q * width;
                        } else {
                            blk.candidates[base + found] = 27 * q + code;
                            if (blk.imageCount == blk.images.length) blk.images = Arrays.copyOf(blk.images, 2 * blk.imageCount);
                            blk.images[blk.imageCount++] = base + found;
                        }
                        if (!half) {                         // the row masks' boxes (a half search has its own prune)
                            double sh0 = shifts[3 * code], sh1 = shifts[3 * code + 1], sh2 = shifts[3 * code + 2];
                            sc.low0[found] = boxLow[3 * q] + sh0;
                            sc.high0[found] = boxHigh[3 * q] + sh0;
                            sc.low1[found] = boxLow[3 * q + 1] + sh1;
                            sc.high1[found] = boxHigh[3 * q + 1] + sh1;
                            sc.low2[found] = boxLow[3 * q + 2] + sh2;
                            sc.high2[found] = boxHigh[3 * q + 2] + sh2;
                        }
                        found++;
                    }
                }
            }
        }
        return found;
    }

    /** True when column {@code other}, in image (m0, m1), lies out of range of cluster k on the grid axes. */
    private boolean columnOutOfRange(int k, int other, int m0, int m1) {
        double s0 = periodic0 ? m0 * length[0] : 0.0;
        double g0 = Math.max(0.0, Math.max(columnBox[4 * other] + s0 - boxHigh[3 * k],
                boxLow[3 * k] - columnBox[4 * other + 1] - s0));
        double g1 = 0;
        if (dimension == 3) {
            double s1 = periodic1 ? m1 * length[1] : 0.0;
            g1 = Math.max(0.0, Math.max(columnBox[4 * other + 2] + s1 - boxHigh[3 * k + 1],
                    boxLow[3 * k + 1] - columnBox[4 * other + 3] - s1));
        }
        return g0 * g0 + g1 * g1 >= range2;
    }

    /** The first cluster in [first, last) whose running top exceeds {@code need} (tops ascend in a column). */
    private int firstReaching(int first, int last, double need) {
        int lo = first, hi = last;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (reachHigh[mid] > need) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /** Squared gap between the boxes of clusters k and q, q displaced by the lattice vector of {@code code}. */
    private double boxGap2(int k, int q, int code) {
        double g2 = 0;
        for (int a = 0; a < dimension; a++) {
            double sh = shifts[3 * code + a];
            double gap = Math.max(0.0, Math.max(boxLow[3 * q + a] + sh - boxHigh[3 * k + a],
                    boxLow[3 * k + a] - boxHigh[3 * q + a] - sh));
            g2 += gap * gap;
        }
        return g2;
    }

    /**
     * Per slot of cluster k: bit t of its mask is set when candidate t's box lies closer than the
     * range to the slot's particle; the number of set bits goes to {@code rowOffsets[s + 1]}.
     */
    private void maskRows(int k, RowBlock blk, int found, Scratch sc) {
        final int words = (found + 63) >>> 6;
        final int base = blk.maskCount;
        if (blk.masks.length < base + width * words) {
            blk.masks = Arrays.copyOf(blk.masks, Math.max(2 * blk.masks.length, base + width * words));
        }
        final long[] masks = blk.masks;
        final double[] gap = sc.gap;
        for (int l = 0; l < width; l++) {
            int q = k * width + l;
            int at = base + l * words;
            if (slotParticle[q] < 0) {
                for (int w = 0; w < words; w++) masks[at + w] = 0;
                rowOffsets[q + 1] = 0;
                continue;
            }
            pointGaps(sc, found, slotCoordinate[3 * q], slotCoordinate[3 * q + 1], slotCoordinate[3 * q + 2]);
            int count = 0;
            for (int w = 0; w < words; w++) {
                long bits = 0;
                // the sign bit of g² − r² is 1 exactly when g² < r² (no branch to mispredict)
                for (int t = 64 * w, end = Math.min(found, t + 64); t < end; t++) {
                    bits |= (Double.doubleToRawLongBits(gap[t]) >>> 63) << t;
                }
                masks[at + w] = bits;
                count += Long.bitCount(bits);
            }
            rowOffsets[q + 1] = count;
        }
        blk.maskCount = base + width * words;
    }

    /** gap[t] = g_t² − range², g_t the distance from point p to candidate box t (0 inside). */
    private void pointGaps(Scratch sc, int found, double p0, double p1, double p2) {
        final double[] lo0 = sc.low0, hi0 = sc.high0, lo1 = sc.low1, hi1 = sc.high1, lo2 = sc.low2, hi2 = sc.high2;
        final double[] gap = sc.gap;
        final double r2 = range2;
        if (dimension == 3) {
            for (int t = 0; t < found; t++) {
                double g0 = Math.max(0.0, Math.max(lo0[t] - p0, p0 - hi0[t]));
                double g1 = Math.max(0.0, Math.max(lo1[t] - p1, p1 - hi1[t]));
                double g2 = Math.max(0.0, Math.max(lo2[t] - p2, p2 - hi2[t]));
                gap[t] = g0 * g0 + g1 * g1 + g2 * g2 - r2;
            }
        } else {
            for (int t = 0; t < found; t++) {
                double g0 = Math.max(0.0, Math.max(lo0[t] - p0, p0 - hi0[t]));
                double g1 = Math.max(0.0, Math.max(lo1[t] - p1, p1 - hi1[t]));
                gap[t] = g0 * g0 + g1 * g1 - r2;
            }
        }
    }

    /**
     * Numbers the image clusters in block order (the order of first use, as a serial search would
     * meet them) and turns every candidate key into the first slot of its cluster.
     */
    private void assignImages() {
        int images = 0;
        int blocks = blockCount(primarySlots / width, BLOCK_CLUSTERS);
        for (int b = 0; b < blocks; b++) {
            RowBlock blk = rowBlocks[b];
            final int[] cand = blk.candidates, at = blk.images;
            for (int i = 0, end = blk.imageCount; i < end; i++) {
                int key = cand[at[i]];
                int target = imageOf[key];
                if (target < 0) {
                    int q = key / 27;
                    target = addImage(q, key - 27 * q);
                    imageOf[key] = target;
                    if (images == imageKeys.length) imageKeys = Arrays.copyOf(imageKeys, 2 * images);
                    imageKeys[images++] = key;
                }
                cand[at[i]] = target * width;
            }
        }
        for (int t = 0; t < images; t++) imageOf[imageKeys[t]] = -1;
    }

    /** Writes the entries of the rows of block b at their offsets, candidates in order. */
    private void writeBlock(int b) {
        RowBlock blk = rowBlocks[b];
        final int[] cand = blk.candidates, ent = entries, offsets = rowOffsets;
        final long[] masks = blk.masks;
        int first = b * BLOCK_CLUSTERS, last = Math.min(primarySlots / width, first + BLOCK_CLUSTERS);
        for (int k = first; k < last; k++) {
            int candBase = blk.clusterCandidates[k - first];
            int words = (blk.clusterCandidates[k - first + 1] - candBase + 63) >>> 6;
            int at = blk.clusterMasks[k - first];
            for (int q = k * width, end = q + width; q < end; q++) {
                int out = offsets[q];
                for (int w = 0; w < words; w++, at++) {
                    long bits = masks[at];
                    int c = candBase + 64 * w;
                    while (bits != 0) {
                        ent[out++] = cand[c + Long.numberOfTrailingZeros(bits)];
                        bits &= bits - 1;
                    }
                }
            }
        }
    }

    /**
     * Renumbers the particles of the last build: particle p becomes {@code newIndex[p]} (a
     * permutation of 0 .. N−1), in {@link #slotParticle()} and {@link #particleSlot()}; slots,
     * clusters and rows stay. A new {@link #version()}. For callers that permute their particle
     * arrays between builds ({@link NeighborList#renumber}).
     */
    void renumber(int[] newIndex) {
        final int n = particles;
        for (int s = 0; s < slots; s++) {
            int p = slotParticle[s];
            if (p >= 0) slotParticle[s] = newIndex[p];
        }
        if (renumbered.length < n) renumbered = new int[n];
        for (int p = 0; p < n; p++) renumbered[newIndex[p]] = particleSlot[p];
        int[] t = particleSlot;
        particleSlot = renumbered;
        renumbered = t;
        version++;
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
}
