package org.mdsens.md.neighbor;

import java.util.Arrays;

import org.mdsens.md.parallel.Workers;

/**
 * A half cluster-pair list of clusters of {@value #SIZE} particles, in the manner of the GROMACS
 * NBNXM 4×4 lists (Páll and Hess, Comput. Phys. Commun. 184, 2641 (2013)), for SIMD kernels that
 * evaluate a cluster pair as 16 particle pairs and apply Newton's third law.
 *
 * <p><b>Clusters.</b> The slots and clusters are those of a {@link ClusterList} layout of width
 * {@value #SIZE} built at the same positions (columns over the first d−1 axes, sorted along the
 * last, padded to multiples of 4): slot s = 4c + l is lane l of cluster c and holds particle
 * {@code slotParticle()[s]} (−1 for padding).
 *
 * <p><b>List.</b> Entry e is (i-cluster {@code entryCluster()[e]}, image code
 * {@code entryShift()[e]}, j-clusters {@code jClusters()[jStart()[e] .. jStart()[e+1])}): every
 * j-cluster of the entry is taken displaced by the lattice vector
 * {@code imageShifts()[3·code .. 3·code+2]} (code {@value #CENTER} is the zero vector), so the
 * pair vector is r_ij = x_i − (x_j + shift): kernels shift the i-cluster instead. A cluster pair
 * is listed when their bounding boxes at the build lie closer than r_list = cutoff + skin and some
 * particle pair does (exact prune), and once only: from the i-cluster whose column offset to the
 * j column, (u, v) along the two grid axes with periodic images unrolled, is ≥ (0, 0)
 * lexicographically; in the own column (u = v = 0) only j &gt; i, or j = i with a sort-axis image
 * ≥ 0. The self pair (i, i, {@value #CENTER}) is the first j of its entry; kernels take only the
 * lanes i &lt; j in it. Entries are sorted by i-cluster, and within one i-cluster by image code;
 * j-clusters keep the search order. Valid while every particle has moved less than skin/2 since
 * the build (every pair closer than the cutoff is then listed exactly once).
 *
 * <p><b>Force blocks.</b> With Newton's third law an entry writes the forces of clusters outside
 * its own. Because of the orientation, the j-clusters of an i-cluster in x-column (column along
 * axis 0) cx lie in x-columns cx .. cx + r_x (mod n_x, r_x = {@link #reachX()}). The x-columns
 * are split into {@link #blockCount()} fixed blocks of at least r_x + 1 columns; block b owns the
 * entries {@code blockEntries()[b] .. blockEntries()[b+1]} and writes only the clusters of its
 * window, {@code blockWindow()[b]} clusters from {@code blockFirst()[b]} on (cyclically). A
 * kernel gives each block its own accumulator over its window and sums, per particle, the
 * windows holding it in block order ({@link #windowBlocks()}), so results do not depend on
 * the thread count. The blocks depend only on the layout.
 *
 * <p><b>Build.</b> The layout phases of {@link ClusterList}, then the pair search over fixed blocks
 * of i-clusters (each block's output private, concatenated in block order): the list is the same
 * for any thread count. Owned by a {@link NeighborList} ({@link NeighborList#clusterPairs}), rebuilt
 * in place; read its arrays, do not modify them. Mutable, not thread-safe.
 */
public final class ClusterPairList {

    /** Particles per cluster. */
    public static final int SIZE = 4;
    /** Image code of the zero displacement. */
    public static final int CENTER = ClusterList.NO_SHIFT;
    /** Padding slots sit at {@code PADDING_STEP·(s+1)} on every axis: far from everything and from each other. */
    public static final double PADDING_STEP = 1e6;

    /**
     * Per image code, for a cluster in the own column: 0 when the code has an image along a grid
     * axis (another column offset), else +1 / −1 for a sort-axis image ≥ 0 / &lt; 0 (codes as
     * {@link ClusterList}: 3D (m0+1)·9 + (m1+1)·3 + (m2+1), 2D (m0+1)·9 + (m2+1)·3 + 1).
     */
    private static final int[] OWN_COLUMN_3D = new int[27], OWN_COLUMN_2D = new int[27];

    static {
        for (int code = 0; code < 27; code++) {
            int m0 = code / 9 - 1, m1 = code / 3 % 3 - 1, m2 = code % 3 - 1;
            OWN_COLUMN_3D[code] = m0 != 0 || m1 != 0 ? 0 : m2 >= 0 ? 1 : -1;
            OWN_COLUMN_2D[code] = m0 != 0 ? 0 : m1 >= 0 ? 1 : -1;
        }
    }

    /** i-clusters per block of the pair search. */
    static final int SEARCH_CLUSTERS = 64;

    private final ClusterList layout = new ClusterList();
    private int version;
    private int dimension, particles, clusters, entries;
    private int[] entryCluster = new int[0], entryShift = new int[0], jStart = new int[1], jClusters = new int[0];
    private final double[] imageShifts = new double[27 * 3];

    private int xColumns, reachX, blocks;
    private int[] xColumnCluster = new int[1];
    private int[] clusterXColumn = new int[0];
    private int[] blockEntries = new int[1], blockFirst = new int[0], blockWindow = new int[0];
    private int[] windowStart = new int[1], windowBlocks = new int[0];   // per x-column: the blocks whose window holds it

    // search workspaces
    private Search[] searches = new Search[0];
    private Worker[] workerSpace = new Worker[1];
    private Workers workers = Workers.single();
    private final Workers.Blocks searchBlocks = this::searchBlock;

    /** One search block's output. */
    private static final class Search {
        int entries, jCount;
        int[] cluster = new int[64], shift = new int[64], jEnd = new int[64], j = new int[256];
    }

    /** One thread's search scratch. */
    private static final class Worker {
        final ClusterList.RowBlock candidates = new ClusterList.RowBlock();
        final ClusterList.Scratch scratch = new ClusterList.Scratch();
        final int[][] found = {new int[256]};
        int[] keptCluster = new int[128], keptCode = new int[128];
        final int[] codeCount = new int[28];
        /**
         * Candidate j coordinates, structure of arrays: lane l, axis a in {@code jc[3l + a][t]}
         * (separate arrays: C2 vectorizes the distance loops over them, not over offsets into one).
         */
        final double[][] jc = new double[3 * SIZE][128];
        /** Per candidate: the smallest squared distance of a real particle pair so far. */
        double[] nearest = new double[128];
        int cap = 128;

        void grow(int found) {
            if (found <= cap) return;
            cap = found + found / 2 + 16;
            for (int r = 0; r < jc.length; r++) jc[r] = new double[cap];
            nearest = new double[cap];
            keptCluster = new int[cap];
            keptCode = new int[cap];
        }
    }

    ClusterPairList() { }

    /** Spatial dimension of the build. */
    public int dimension() { return dimension; }

    /** Number of particles N. */
    public int particleCount() { return particles; }

    /** Number of clusters (slots = {@value #SIZE} × clusters). */
    public int clusterCount() { return clusters; }

    /** Increases at every build. */
    public int version() { return version; }

    /** Particle per slot (−1 for padding), length ≥ 4·{@link #clusterCount()}. */
    public int[] slotParticle() { return layout.slotParticle(); }

    /** Slot per particle, length N. */
    public int[] particleSlot() { return layout.particleSlot(); }

    /** Number of entries. */
    public int entryCount() { return entries; }

    /** i-cluster per entry. */
    public int[] entryCluster() { return entryCluster; }

    /** Image code per entry (see {@link #imageShifts()}). */
    public int[] entryShift() { return entryShift; }

    /** Per entry and one past the last: the first index of its j-clusters in {@link #jClusters()}. */
    public int[] jStart() { return jStart; }

    /** The j-clusters of all entries. */
    public int[] jClusters() { return jClusters; }

    /** Per image code (0..26), 3 values: the lattice vector by which the code displaces the j-clusters. */
    public double[] imageShifts() { return imageShifts; }

    /** Columns along axis 0 (x-columns). */
    public int xColumns() { return xColumns; }

    /** r_x: the j-clusters of an i-cluster in x-column cx lie in x-columns cx .. cx + r_x (mod {@link #xColumns()}). */
    public int reachX() { return reachX; }

    /** Per x-column and one past the last: its first cluster (x-columns hold consecutive clusters). */
    public int[] xColumnCluster() { return xColumnCluster; }

    /** Per cluster: its x-column. */
    public int[] clusterXColumn() { return clusterXColumn; }

    /** Number of force blocks. */
    public int blockCount() { return blocks; }

    /** Per block and one past the last: its first entry. */
    public int[] blockEntries() { return blockEntries; }

    /** Per block: the first cluster of its window (its own first i-cluster). */
    public int[] blockFirst() { return blockFirst; }

    /** Per block: the clusters in its window, counted cyclically from {@link #blockFirst()}. */
    public int[] blockWindow() { return blockWindow; }

    /** Per x-column and one past the last: the start of its list in {@link #windowBlocks()}. */
    public int[] windowStart() { return windowStart; }

    /** The blocks whose window holds each x-column, ascending, at {@link #windowStart()}. */
    public int[] windowBlocks() { return windowBlocks; }

    /**
     * Writes slot coordinates in a layout of {@code stride} doubles per cluster ({@value #SIZE}
     * or 2·{@value #SIZE}; with 8 the 4 lanes are written twice, at +0 and +4) for clusters
     * {@code [from, to)}: x_p − offset_p (the image offset recorded at the build), padding at
     * {@link #PADDING_STEP}·(s+1) (z = 0 in 2D). {@code positions} is xyz-interleaved, length d·N.
     */
    public void loadPositions(double[] positions, double[] xs, double[] ys, double[] zs, int stride, int from, int to) {
        final int d = dimension;
        final int[] sp = layout.slotParticle();
        final double[] off = layout.slotOffsets();
        final boolean twice = stride == 2 * SIZE;
        for (int c = from; c < to; c++) {
            for (int l = 0; l < SIZE; l++) {
                int s = SIZE * c + l, p = sp[s], at = stride * c + l;
                double x, y, z;
                if (p < 0) {
                    x = PADDING_STEP * (s + 1);
                    y = x;
                    z = d == 3 ? x : 0.0;
                } else {
                    int b = d * p;
                    x = positions[b] - off[3 * s];
                    y = positions[b + 1] - off[3 * s + 1];
                    z = d == 3 ? positions[b + 2] - off[3 * s + 2] : 0.0;
                }
                xs[at] = x;
                ys[at] = y;
                zs[at] = z;
                if (twice) {
                    xs[at + SIZE] = x;
                    ys[at + SIZE] = y;
                    zs[at + SIZE] = z;
                }
            }
        }
    }

    /**
     * Renumbers the particles of the last build: particle p becomes {@code newIndex[p]} (a
     * permutation of 0 .. N−1) in {@link #slotParticle()} and {@link #particleSlot()}; clusters,
     * entries and blocks stay. A new {@link #version()}.
     */
    void renumber(int[] newIndex) {
        layout.renumber(newIndex);
        version++;
    }

    /**
     * Builds for {@code n} particles at {@code x} (xyz-interleaved, dimension d), image lengths
     * {@code length} (0 = open axis), listing range {@code range} = cutoff + skin, on the
     * threads of {@code workers}; the result does not depend on the thread count.
     */
    void build(double[] x, int n, int d, double[] length, double range, Workers workers) {
        layout.buildLayout(x, n, d, length, range, SIZE, workers);
        version++;
        dimension = d;
        particles = n;
        clusters = layout.primarySlotCount() / SIZE;
        double[] sh = layout.shifts();
        System.arraycopy(sh, 0, imageShifts, 0, imageShifts.length);
        xColumns = layout.columnsAlong0();
        reachX = layout.reachAlong0();
        int searchCount = (clusters + SEARCH_CLUSTERS - 1) / SEARCH_CLUSTERS;
        if (searches.length < searchCount) {
            Search[] grown = Arrays.copyOf(searches, searchCount + searchCount / 4 + 1);
            for (int b = searches.length; b < grown.length; b++) grown[b] = new Search();
            searches = grown;
        }
        if (workerSpace.length < workers.threads()) workerSpace = Arrays.copyOf(workerSpace, workers.threads());
        this.workers = workers;
        try {
            workers.run(searchBlocks, searchCount);
        } finally {
            this.workers = Workers.single();
        }
        concatenate(searchCount);
        forceBlocks();
    }

    private void concatenate(int searchCount) {
        int e = 0, j = 0;
        for (int b = 0; b < searchCount; b++) {
            e += searches[b].entries;
            j += searches[b].jCount;
        }
        entries = e;
        if (entryCluster.length < e) {
            entryCluster = new int[e + e / 8 + 16];
            entryShift = new int[entryCluster.length];
            jStart = new int[entryCluster.length + 1];
        }
        if (jClusters.length < j) jClusters = new int[j + j / 8 + 64];
        e = 0;
        j = 0;
        for (int b = 0; b < searchCount; b++) {
            Search s = searches[b];
            System.arraycopy(s.cluster, 0, entryCluster, e, s.entries);
            System.arraycopy(s.shift, 0, entryShift, e, s.entries);
            for (int k = 0; k < s.entries; k++) jStart[e + k + 1] = j + s.jEnd[k];
            System.arraycopy(s.j, 0, jClusters, j, s.jCount);
            e += s.entries;
            j += s.jCount;
        }
        jStart[0] = 0;
    }

    /** The fixed x-column blocks, their entries and windows, and per x-column the windows holding it. */
    private void forceBlocks() {
        final int nx = xColumns, nc1 = layout.columnsAlong1();
        final int[] colClusters = layout.columnClusters();
        if (xColumnCluster.length < nx + 1) xColumnCluster = new int[nx + 1];
        for (int cx = 0; cx <= nx; cx++) xColumnCluster[cx] = colClusters[cx * nc1];
        if (clusterXColumn.length < clusters) clusterXColumn = new int[clusters + clusters / 8 + 1];
        for (int cx = 0; cx < nx; cx++) Arrays.fill(clusterXColumn, xColumnCluster[cx], xColumnCluster[cx + 1], cx);
        int width = reachX + 1;
        blocks = Math.max(1, nx / width);
        if (blockFirst.length < blocks) {
            blockFirst = new int[blocks];
            blockWindow = new int[blocks];
            blockEntries = new int[blocks + 1];
        }
        if (windowStart.length < nx + 1) windowStart = new int[nx + 1];
        Arrays.fill(windowStart, 0, nx + 1, 0);
        int e = 0;
        for (int b = 0; b < blocks; b++) {
            int from = b * nx / blocks, to = (b + 1) * nx / blocks;
            int span = Math.min(nx, to - from + reachX);
            blockFirst[b] = xColumnCluster[from];
            int window = 0;
            for (int t = 0; t < span; t++) {
                int cx = (from + t) % nx;
                window += xColumnCluster[cx + 1] - xColumnCluster[cx];
                windowStart[cx + 1]++;
            }
            blockWindow[b] = window;
            blockEntries[b] = e;
            int end = xColumnCluster[to];
            while (e < entries && entryCluster[e] < end) e++;
        }
        blockEntries[blocks] = e;
        for (int cx = 0; cx < nx; cx++) windowStart[cx + 1] += windowStart[cx];
        if (windowBlocks.length < windowStart[nx]) windowBlocks = new int[windowStart[nx] + 8];
        int[] fill = new int[nx];
        for (int b = 0; b < blocks; b++) {
            int from = b * nx / blocks, to = (b + 1) * nx / blocks;
            int span = Math.min(nx, to - from + reachX);
            for (int t = 0; t < span; t++) {
                int cx = (from + t) % nx;
                windowBlocks[windowStart[cx] + fill[cx]++] = b;
            }
        }
    }

    private void searchBlock(int b, int worker) {
        Worker w = workerSpace[worker];
        if (w == null) {
            w = new Worker();
            workerSpace[worker] = w;
        }
        Search out = searches[b];
        out.entries = 0;
        out.jCount = 0;
        for (int k = b * SEARCH_CLUSTERS, last = Math.min(clusters, k + SEARCH_CLUSTERS); k < last; k++) {
            searchCluster(k, w, out);
        }
    }

    /** Appends the entries of i-cluster k to {@code out}. */
    private void searchCluster(int k, Worker w, Search out) {
        final int d = dimension;
        final int found = layout.candidates(k, w.candidates, w.scratch, w.found);
        final int[] cand = w.found[0];
        final int[] colOf = layout.clusterColumns();
        final int ck = colOf[k];
        final int[] ownCodes = d == 3 ? OWN_COLUMN_3D : OWN_COLUMN_2D;
        w.grow(found);
        int kept = 0;
        for (int t = 0; t < found; t++) {
            int q = cand[2 * t], code = cand[2 * t + 1];
            // the search gave column offsets (u, v) ≥ (0, 0) only; at (0, 0) (the own column without a
            // grid-axis image) keep q > k, or q = k with a sort-axis image ≥ 0
            int own = colOf[q] == ck ? ownCodes[code] : 0;
            if (own != 0 && (q < k || (q == k && own < 0))) continue;
            w.keptCluster[kept] = q;
            w.keptCode[kept++] = code;
        }
        kept = prune(k, w, kept);
        // group by image code (stable counting sort), the self pair first
        final int[] cnt = w.codeCount;
        Arrays.fill(cnt, 0);
        for (int t = 0; t < kept; t++) cnt[w.keptCode[t] + 1]++;
        if (out.j.length < out.jCount + kept) out.j = Arrays.copyOf(out.j, 2 * (out.jCount + kept));
        for (int code = 0; code < 27; code++) {
            int count = cnt[code + 1];
            cnt[code + 1] = cnt[code] + count;
            if (count == 0) continue;
            if (out.entries == out.cluster.length) {
                out.cluster = Arrays.copyOf(out.cluster, 2 * out.entries);
                out.shift = Arrays.copyOf(out.shift, 2 * out.entries);
                out.jEnd = Arrays.copyOf(out.jEnd, 2 * out.entries);
            }
            out.cluster[out.entries] = k;
            out.shift[out.entries] = code;
            out.jEnd[out.entries] = out.jCount + cnt[code + 1];
            out.entries++;
        }
        int selfAt = -1;
        for (int t = 0; t < kept; t++) {
            int at = out.jCount + cnt[w.keptCode[t]]++;
            out.j[at] = w.keptCluster[t];
            if (w.keptCluster[t] == k && w.keptCode[t] == CENTER) selfAt = at;
        }
        if (selfAt >= 0) {
            // cnt[CENTER − 1] now holds the end of code CENTER − 1, the start of code CENTER
            int first = out.jCount + cnt[CENTER - 1];
            for (int at = selfAt; at > first; at--) out.j[at] = out.j[at - 1];
            out.j[first] = k;
        }
        out.jCount += kept;
    }

    /**
     * Keeps, in order, the candidates (kept clusters and codes of {@code w}, the first
     * {@code count}) of which some real particle lies within the range of some real particle of
     * cluster k (build coordinates, the candidate displaced by its code's vector), and the self
     * pair; returns how many are kept. Structure of arrays over the candidates, so that the 16
     * distance loops vectorize; padding slots sit at a far coordinate.
     */
    private int prune(int k, Worker w, int count) {
        final double[] xc = layout.slotCoordinates(), sh = layout.shifts();
        final int[] sp = layout.slotParticle();
        final double r2 = layout.range() * layout.range();
        final double far = 1e150;
        final double[][] jc = w.jc;
        final double[] near = w.nearest;
        final int[] kc = w.keptCluster, kcode = w.keptCode;
        for (int t = 0; t < count; t++) {
            final int q = kc[t], code = kcode[t], b = SIZE * q;
            final double s0 = sh[3 * code], s1 = sh[3 * code + 1], s2 = sh[3 * code + 2];
            for (int l = 0; l < SIZE; l++) {
                jc[3 * l][t] = sp[b + l] < 0 ? far : xc[3 * (b + l)] + s0;
                jc[3 * l + 1][t] = xc[3 * (b + l) + 1] + s1;
                jc[3 * l + 2][t] = xc[3 * (b + l) + 2] + s2;
            }
            near[t] = Double.POSITIVE_INFINITY;
        }
        for (int a = SIZE * k; a < SIZE * k + SIZE; a++) {
            if (sp[a] < 0) continue;
            final double x = xc[3 * a], y = xc[3 * a + 1], z = xc[3 * a + 2];
            for (int l = 0; l < SIZE; l++) {
                final double[] jx = jc[3 * l], jy = jc[3 * l + 1], jz = jc[3 * l + 2];
                for (int t = 0; t < count; t++) {
                    final double dx = x - jx[t], dy = y - jy[t], dz = z - jz[t];
                    near[t] = Math.min(near[t], dx * dx + dy * dy + dz * dz);
                }
            }
        }
        int kept = 0;
        for (int t = 0; t < count; t++) {
            final int q = kc[t], code = kcode[t];
            if (near[t] < r2 || (q == k && code == CENTER)) {
                kc[kept] = q;
                kcode[kept++] = code;
            }
        }
        return kept;
    }
}
