package org.mdsens.benchmarks;

import java.util.Arrays;

/**
 * A half cluster-pair list of clusters of {@link #C} = 4 particles, in the manner of the GROMACS
 * NBNXM 4×4 lists (Páll and Hess, Comput. Phys. Commun. 184, 2641 (2013)): a research layout for
 * {@link ClusterPairKernel}, built inside the benchmarks from raw positions (3D, orthorhombic
 * periodic box only).
 *
 * <p><b>Clusters.</b> At build, particles are wrapped into [0, L) (the image offset x − wrapped is
 * kept per particle), binned into columns of a 2D grid over x and y whose cells are about as wide
 * as a cube holding 4 particles, sorted by z inside each column and cut into runs of 4: cluster c
 * owns slots 4c..4c+3 ({@code slotParticle}, −1 for the padding at a column's end).
 *
 * <p><b>List.</b> An <i>i-entry</i> e is (i-cluster {@code iCluster[e]}, image code
 * {@code iShift[e]}, j-clusters {@code jList[jStart[e] .. jStart[e+1])}): the code k = 9(kx+1) +
 * 3(ky+1) + (kz+1) names the periodic image x_j + (kx Lx, ky Ly, kz Lz) of every j-cluster of the
 * entry; kernels shift the i coordinates by −(kx Lx, ky Ly, kz Lz) instead ({@link #shift}).
 * A cluster pair (ci, cj, k) is listed when the bounding boxes of the two clusters at build lie
 * closer than r_list = r_c + skin (and, with {@link #exactPrune}, some particle pair is), once:
 * from the i-cluster whose search offset (ox, oy) to the j column is ≥ (0, 0) lexicographically,
 * and within a column only cj &gt; ci, or cj = ci with k ≥ 13 (13 = no shift; the self pair
 * (ci, ci, 13) is always the first j of its entry, and kernels take only i &lt; j in it). So the
 * j-clusters of an i-cluster in x-column cx lie in x-columns cx .. cx + {@link #reachX} (mod ncx).
 * Valid while every particle has moved less than skin/2 since the build and the caller has not
 * re-wrapped positions. Mutable, one per thread.
 */
final class ClusterPairList {

    /** Particles per cluster. */
    static final int C = 4;
    /** Image code of the zero shift. */
    static final int CENTER = 13;

    int n, clusters, slots, entries, jCount;
    /** Columns of the grid along x, the column reach r_x along x, and the first cluster of each x-column (ncx + 1). */
    int ncx, reachX;
    int[] xColumnCluster = new int[1];
    /** The x-column of each cluster. */
    int[] clusterXColumn = new int[0];
    int[] slotParticle = new int[0], particleSlot = new int[0];
    double[] offset = new double[0];            // 3 per particle: x − wrapped at build
    int[] iCluster = new int[0], iShift = new int[0], jStart = new int[1], jList = new int[0];
    final double[] shift = new double[27 * 3];   // per code: the shift applied to i, −(kx Lx, ky Ly, kz Lz)

    // build workspaces
    private double[] wrapped = new double[0];
    private int[] column = new int[0], colStart = new int[1], colFill = new int[0], colCluster = new int[1];
    private long[] keys = new long[0];
    private double[] bb = new double[0];        // 6 per cluster: lo x y z, hi x y z
    private int[] candJ = new int[256], candCode = new int[256];
    private final int[] codeCount = new int[28];
    private double[] slotX = new double[0], slotY = slotX, slotZ = slotX;   // build positions per slot (padding far away)

    /** Whether a cluster pair whose boxes are in range is kept only if some particle pair is (at build). */
    boolean exactPrune = true;

    /**
     * Whether some particle of cluster ci, shifted by −(sx, sy, sz), lies within √rl2 of some
     * particle of cluster cj (build positions); i particles out of range of cj's box are skipped.
     */
    private boolean close(int ci, int cj, double sx, double sy, double sz, double rl2) {
        final double[] xs = slotX, ys = slotY, zs = slotZ, b = bb;
        final double lx = b[6 * cj], ly = b[6 * cj + 1], lz = b[6 * cj + 2];
        final double hx = b[6 * cj + 3], hy = b[6 * cj + 4], hz = b[6 * cj + 5];
        for (int a = C * ci; a < C * ci + C; a++) {
            double xi = xs[a] - sx, yi = ys[a] - sy, zi = zs[a] - sz;
            double ex = Math.max(0, Math.max(lx - xi, xi - hx)), ey = Math.max(0, Math.max(ly - yi, yi - hy));
            double ez = Math.max(0, Math.max(lz - zi, zi - hz));
            if (ex * ex + ey * ey + ez * ez >= rl2) continue;
            for (int q = C * cj; q < C * cj + C; q++) {
                double dx = xi - xs[q], dy = yi - ys[q], dz = zi - zs[q];
                if (dx * dx + dy * dy + dz * dz < rl2) return true;
            }
        }
        return false;
    }

    /** Builds the layout and list for n particles at x (xyz, length 3n) in the periodic box lx·ly·lz. */
    void build(double[] x, int n, double lx, double ly, double lz, double rlist) {
        this.n = n;
        if (wrapped.length < 3 * n) {
            wrapped = new double[3 * n];
            offset = new double[3 * n];
            column = new int[n];
            keys = new long[n];
            particleSlot = new int[n];
        }
        final double[] len = {lx, ly, lz};
        for (int i = 0; i < 3 * n; i++) {
            double l = len[i % 3];
            double w = x[i] - l * Math.floor(x[i] / l);
            if (w >= l) w -= l;
            wrapped[i] = w;
            offset[i] = x[i] - w;
        }
        for (int kx = -1; kx <= 1; kx++) {
            for (int ky = -1; ky <= 1; ky++) {
                for (int kz = -1; kz <= 1; kz++) {
                    int code = 9 * (kx + 1) + 3 * (ky + 1) + kz + 1;
                    shift[3 * code] = -kx * lx;
                    shift[3 * code + 1] = -ky * ly;
                    shift[3 * code + 2] = -kz * lz;
                }
            }
        }
        // columns: square cells of the side of a cube holding C particles
        double side = Math.cbrt(C * lx * ly * lz / n);
        int ncx = Math.max(1, (int) Math.round(lx / side)), ncy = Math.max(1, (int) Math.round(ly / side));
        double wx = lx / ncx, wy = ly / ncy;
        int nc = ncx * ncy;
        if (colStart.length < nc + 1) {
            colStart = new int[nc + 1];
            colFill = new int[nc];
            colCluster = new int[nc + 1];
        }
        Arrays.fill(colStart, 0, nc + 1, 0);
        for (int p = 0; p < n; p++) {
            int cx = Math.min(ncx - 1, (int) (wrapped[3 * p] / wx)), cy = Math.min(ncy - 1, (int) (wrapped[3 * p + 1] / wy));
            column[p] = cx * ncy + cy;
            colStart[column[p] + 1]++;
        }
        for (int c = 0; c < nc; c++) colStart[c + 1] += colStart[c];
        System.arraycopy(colStart, 0, colFill, 0, nc);
        for (int p = 0; p < n; p++) {
            long zq = (long) (wrapped[3 * p + 2] / lz * (1L << 30));
            keys[colFill[column[p]]++] = zq << 32 | p;
        }
        colCluster[0] = 0;
        for (int c = 0; c < nc; c++) {
            Arrays.sort(keys, colStart[c], colStart[c + 1]);
            colCluster[c + 1] = colCluster[c] + (colStart[c + 1] - colStart[c] + C - 1) / C;
        }
        clusters = colCluster[nc];
        this.ncx = ncx;
        if (xColumnCluster.length < ncx + 1) xColumnCluster = new int[ncx + 1];
        for (int cx = 0; cx <= ncx; cx++) xColumnCluster[cx] = colCluster[cx * ncy];
        if (clusterXColumn.length < clusters) clusterXColumn = new int[clusters + clusters / 8];
        for (int cx = 0; cx < ncx; cx++) Arrays.fill(clusterXColumn, xColumnCluster[cx], xColumnCluster[cx + 1], cx);
        slots = C * clusters;
        if (slotParticle.length < slots) {
            slotParticle = new int[slots + slots / 8];
            bb = new double[6 * (slots / C + slots / 32)];
        }
        Arrays.fill(slotParticle, 0, slots, -1);
        for (int c = 0; c < nc; c++) {
            int s = C * colCluster[c];
            for (int q = colStart[c]; q < colStart[c + 1]; q++, s++) {
                int p = (int) keys[q];
                slotParticle[s] = p;
                particleSlot[p] = s;
            }
        }
        for (int c = 0; c < clusters; c++) {
            double[] b = bb;
            for (int a = 0; a < 3; a++) {
                b[6 * c + a] = Double.POSITIVE_INFINITY;
                b[6 * c + 3 + a] = Double.NEGATIVE_INFINITY;
            }
            for (int k = 0; k < C; k++) {
                int p = slotParticle[C * c + k];
                if (p < 0) continue;
                for (int a = 0; a < 3; a++) {
                    double v = wrapped[3 * p + a];
                    b[6 * c + a] = Math.min(b[6 * c + a], v);
                    b[6 * c + 3 + a] = Math.max(b[6 * c + 3 + a], v);
                }
            }
        }
        if (slotX.length < slots) {
            slotX = new double[slotParticle.length];
            slotY = new double[slotParticle.length];
            slotZ = new double[slotParticle.length];
        }
        for (int q = 0; q < slots; q++) {
            int p = slotParticle[q];
            if (p < 0) {
                slotX[q] = slotY[q] = slotZ[q] = 1e6 * (q + 1);
            } else {
                slotX[q] = wrapped[3 * p];
                slotY[q] = wrapped[3 * p + 1];
                slotZ[q] = wrapped[3 * p + 2];
            }
        }
        // pairs
        final double rl2 = rlist * rlist;
        int rx = (int) Math.ceil(rlist / wx), ry = (int) Math.ceil(rlist / wy);
        reachX = rx;
        if (2 * rx + 1 > ncx || 2 * ry + 1 > ncy || 2 * (rlist + side) > lz) {
            throw new IllegalArgumentException("box must be at least 2·(r_list + cluster side) wide, got " + lx);
        }
        if (iCluster.length < 4 * clusters) {
            iCluster = new int[4 * clusters];
            iShift = new int[4 * clusters];
            jStart = new int[4 * clusters + 1];
        }
        if (jList.length < 8 * clusters) jList = new int[64 * clusters];
        int e = 0, jc = 0;
        final double[] b = bb;
        for (int cx = 0; cx < ncx; cx++) {
            for (int cy = 0; cy < ncy; cy++) {
                int col = cx * ncy + cy;
                for (int ci = colCluster[col]; ci < colCluster[col + 1]; ci++) {
                    final double ilx = b[6 * ci], ily = b[6 * ci + 1], ilz = b[6 * ci + 2];
                    final double ihx = b[6 * ci + 3], ihy = b[6 * ci + 4], ihz = b[6 * ci + 5];
                    int nCand = 0;
                    for (int ox = -rx; ox <= rx; ox++) {
                        int gx = cx + ox, kx = Math.floorDiv(gx, ncx), jcx = gx - kx * ncx;
                        double clo = gx * wx, dxc = Math.max(0, Math.max(clo - ihx, ilx - clo - wx));
                        if (dxc * dxc >= rl2) continue;
                        for (int oy = -ry; oy <= ry; oy++) {
                            int gy = cy + oy, ky = Math.floorDiv(gy, ncy), jcy = gy - ky * ncy;
                            double cly = gy * wy, dyc = Math.max(0, Math.max(cly - ihy, ily - cly - wy));
                            if (dxc * dxc + dyc * dyc >= rl2) continue;
                            int jcol = jcx * ncy + jcy, cs = colCluster[jcol], ce = colCluster[jcol + 1];
                            // each pair once: the one whose column offset (ox, oy) is ≥ (0, 0)
                            // lexicographically, and cj ≥ ci in the own column; so j-clusters lie
                            // in the i-cluster's x-column or the next r_x (for fixed force blocks)
                            if (ox < 0 || (ox == 0 && oy < 0)) continue;
                            final boolean own = ox == 0 && oy == 0;
                            if (own) cs = ci;
                            double sx = kx * lx, sy = ky * ly;
                            for (int kz = -1; kz <= 1; kz++) {
                                double sz = kz * lz;
                                if (ilz - rlist > sz + lz || ihz + rlist < sz) continue;
                                double zmin = ilz - rlist - sz, zmax = ihz + rlist - sz;
                                int lo = cs, hi = ce;           // first cluster with z high ≥ zmin
                                while (lo < hi) {
                                    int mid = (lo + hi) >>> 1;
                                    if (b[6 * mid + 5] < zmin) lo = mid + 1; else hi = mid;
                                }
                                int code = 9 * (kx + 1) + 3 * (ky + 1) + kz + 1;
                                for (int cj = lo; cj < ce && b[6 * cj + 2] <= zmax; cj++) {
                                    if (own && cj == ci && code < CENTER) continue;
                                    double dx = Math.max(0, Math.max(b[6 * cj] + sx - ihx, ilx - b[6 * cj + 3] - sx));
                                    double dy = Math.max(0, Math.max(b[6 * cj + 1] + sy - ihy, ily - b[6 * cj + 4] - sy));
                                    double dz = Math.max(0, Math.max(b[6 * cj + 2] + sz - ihz, ilz - b[6 * cj + 5] - sz));
                                    if (dx * dx + dy * dy + dz * dz < rl2
                                            && (!exactPrune || close(ci, cj, sx, sy, sz, rl2))) {
                                        if (nCand == candJ.length) {
                                            candJ = Arrays.copyOf(candJ, 2 * nCand);
                                            candCode = Arrays.copyOf(candCode, 2 * nCand);
                                        }
                                        candJ[nCand] = cj;
                                        candCode[nCand++] = code;
                                    }
                                }
                            }
                        }
                    }
                    // group by image code (counting sort, scan order inside a code), self pair first
                    if (jList.length < jc + nCand) jList = Arrays.copyOf(jList, 2 * (jc + nCand));
                    final int[] cnt = codeCount;
                    Arrays.fill(cnt, 0);
                    for (int q = 0; q < nCand; q++) cnt[candCode[q] + 1]++;
                    for (int k = 0; k < 27; k++) {
                        int count = cnt[k + 1];
                        cnt[k + 1] = cnt[k] + count;                 // Σ counts of codes ≤ k
                        if (count == 0) continue;
                        if (e + 1 >= iCluster.length) {
                            iCluster = Arrays.copyOf(iCluster, 2 * e + 2);
                            iShift = Arrays.copyOf(iShift, 2 * e + 2);
                            jStart = Arrays.copyOf(jStart, 2 * e + 3);
                        }
                        iCluster[e] = ci;
                        iShift[e] = k;
                        jStart[e] = jc + cnt[k];
                        e++;
                    }
                    // now cnt[k] = first position of code k
                    int selfAt = -1;
                    for (int q = 0; q < nCand; q++) {
                        int at = jc + cnt[candCode[q]]++;
                        jList[at] = candJ[q];
                        if (candJ[q] == ci && candCode[q] == CENTER) selfAt = at;
                    }
                    if (selfAt >= 0) {
                        int first = jc + cnt[CENTER - 1];   // code 13 starts where code 12 ended
                        jList[selfAt] = jList[first];
                        jList[first] = ci;
                    }
                    jc += nCand;
                }
            }
        }
        jStart[e] = jc;
        entries = e;
        jCount = jc;
    }
}
