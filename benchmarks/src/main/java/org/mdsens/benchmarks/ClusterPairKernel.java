package org.mdsens.benchmarks;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lennard-Jones (σ = ε = 1, cut, not shifted) energy and forces over a {@link ClusterPairList}
 * in the GROMACS "2xNN" form for 8-lane vectors: the four particles of an i-cluster make two
 * vectors (lanes 0–3 = i0, 4–7 = i1; then i2, i3), each against the four particles of a
 * j-cluster duplicated in both halves, so one cluster pair costs two 8-lane evaluations and
 * serves 16 particle pairs. Half list with Newton's third law: the j forces of a cluster pair
 * are summed over both vectors in registers and added with one contiguous read-modify-write per
 * axis into a j accumulator kept in the same duplicated layout (the two halves are folded at the
 * end); i forces stay in registers for a whole i-entry and are then reduced by shuffles into the
 * same accumulator, so the per-slot state is 2 doubles of position and 2 of force per axis.
 *
 * <p>Per call: load (slot-ordered, duplicated SoA copies of x − image offset; padding slots at
 * 10⁶·(s+1) on every axis, far from everything and from each other), compute, fold into
 * particle order. Cutoff by compare and blend; the self cluster pair takes i &lt; j by a constant
 * lane pattern. Requires an 8-lane preferred species (AVX-512). Mutable, one per thread.
 */
final class ClusterPairKernel {

    static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;
    private static final double PAD = 1e6;
    private static final double[] LANE_J = {0, 1, 2, 3, 0, 1, 2, 3};
    private static final double[] LANE_I0 = {0, 0, 0, 0, 1, 1, 1, 1};
    private static final double[] LANE_I1 = {2, 2, 2, 2, 3, 3, 3, 3};
    private static final VectorShuffle<Double> I01 = VectorShuffle.fromArray(SP, new int[] {0, 0, 0, 0, 1, 1, 1, 1}, 0);
    private static final VectorShuffle<Double> I23 = VectorShuffle.fromArray(SP, new int[] {2, 2, 2, 2, 3, 3, 3, 3}, 0);
    private static final VectorShuffle<Double> SWAP2 = VectorShuffle.fromArray(SP, new int[] {2, 3, 0, 1, 6, 7, 4, 5}, 0);
    private static final VectorShuffle<Double> SWAP1 = VectorShuffle.fromArray(SP, new int[] {1, 0, 3, 2, 5, 4, 7, 6}, 0);
    private static final VectorMask<Double> HIGH_PAIRS = VectorMask.fromArray(SP,
            new boolean[] {false, false, true, true, false, false, true, true}, 0);
    private static final VectorMask<Double> KEEP = VectorMask.fromArray(SP,
            new boolean[] {true, false, true, false, false, true, false, true}, 0);

    private double[] xj = new double[0], yj = xj, zj = xj;
    private double[] fjx = xj, fjy = xj, fjz = xj;
    private final double[] ebuf = new double[8];
    /**
     * Fixed blocks of x-columns of i-clusters, each with its own force accumulator over the
     * x-columns it can touch (its own and the next {@code reachX}), summed in block order at the
     * fold: the layout a multi-threaded half-list kernel needs for results independent of the
     * thread count (here run in one thread, to measure the cost). At most ncx blocks are used.
     */
    int blocks = 1;
    private boolean[] touched = new boolean[0];     // [block · ncx + x-column]

    /** Whether this JVM's preferred species has the 8 lanes the kernel needs. */
    static boolean supported() { return SP.length() == 8; }

    /** Energy, and forces into f (xyz, length 3N, overwritten); x xyz positions, rc2 the squared cutoff. */
    double energyAndForces(ClusterPairList list, double[] x, double[] f, double rc2) {
        int clusters = list.clusters;
        if (xj.length < 8 * clusters || fjx.length < 8 * clusters * blocks) {
            int m = 8 * clusters;
            xj = new double[m]; yj = new double[m]; zj = new double[m];
            fjx = new double[m * blocks]; fjy = new double[m * blocks]; fjz = new double[m * blocks];
        }
        prepare(list, x);
        loop(list, rc2);
        return fold(list, f);
    }

    /** Writes the slot buffers and zeroes the accumulators (part of every call). */
    void prepare(ClusterPairList list, double[] x) {
        int clusters = list.clusters;
        load(list, x);
        if (blocks == 1) {
            Arrays.fill(fjx, 0, 8 * clusters, 0.0);
            Arrays.fill(fjy, 0, 8 * clusters, 0.0);
            Arrays.fill(fjz, 0, 8 * clusters, 0.0);
        } else {
            final int ncx = list.ncx, nb = Math.min(blocks, ncx), m = 8 * clusters;
            if (touched.length < nb * ncx) touched = new boolean[nb * ncx];
            for (int b = 0; b < nb; b++) {
                int from = b * ncx / nb, width = (b + 1) * ncx / nb - from;
                for (int cx = 0; cx < ncx; cx++) {
                    boolean t = Math.floorMod(cx - from, ncx) < width + list.reachX;
                    touched[b * ncx + cx] = t;
                    if (t) {
                        int lo = b * m + 8 * list.xColumnCluster[cx], hi = b * m + 8 * list.xColumnCluster[cx + 1];
                        Arrays.fill(fjx, lo, hi, 0.0);
                        Arrays.fill(fjy, lo, hi, 0.0);
                        Arrays.fill(fjz, lo, hi, 0.0);
                    }
                }
            }
        }
        Arrays.fill(ebuf, 0.0);
    }

    /**
     * Prunes a list built with boxes only ({@code exactPrune = false}) to the cluster pairs with
     * some particle pair closer than √rl2, in place, with the vector arithmetic of the kernel
     * (the GROMACS prune kernel); the positions must be the build positions and loaded by
     * {@link #prepare}. Self pairs stay; entries may become empty.
     */
    void prune(ClusterPairList list, double rl2) {
        final int[] iC = list.iCluster, iS = list.iShift, js = list.jStart, jl = list.jList;
        final double[] sh = list.shift, xj = this.xj, yj = this.yj, zj = this.zj;
        final int ne = list.entries;
        int w = 0;
        for (int e = 0; e < ne; e++) {
            final int ci = iC[e], code = iS[e], jb = 8 * ci, q0 = js[e], qe = js[e + 1];
            final double sx = sh[3 * code], sy = sh[3 * code + 1], sz = sh[3 * code + 2];
            final DoubleVector xc = DoubleVector.fromArray(SP, xj, jb).add(sx);
            final DoubleVector yc = DoubleVector.fromArray(SP, yj, jb).add(sy);
            final DoubleVector zc = DoubleVector.fromArray(SP, zj, jb).add(sz);
            final DoubleVector x0 = xc.rearrange(I01), x1 = xc.rearrange(I23);
            final DoubleVector y0 = yc.rearrange(I01), y1 = yc.rearrange(I23);
            final DoubleVector z0 = zc.rearrange(I01), z1 = zc.rearrange(I23);
            js[e] = w;
            for (int q = q0; q < qe; q++) {
                final int cj = jl[q], j = 8 * cj;
                DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
                DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
                DoubleVector dx0 = x0.sub(xv), dy0 = y0.sub(yv), dz0 = z0.sub(zv);
                DoubleVector dx1 = x1.sub(xv), dy1 = y1.sub(yv), dz1 = z1.sub(zv);
                DoubleVector r0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
                DoubleVector r1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
                // the self pair has r = 0 lanes: always kept
                if (r0.min(r1).compare(VectorOperators.LT, rl2).anyTrue()) jl[w++] = cj;
            }
        }
        js[ne] = w;
        list.jCount = w;
    }

    /** The cluster-pair loop alone, on prepared buffers (accumulates). */
    void loop(ClusterPairList list, double rc2) {
        if (blocks == 1) {
            compute(list.iCluster, list.iShift, list.jStart, list.jList, 0, list.entries, 0, list.shift, rc2,
                    xj, yj, zj, fjx, fjy, fjz, ebuf);
            return;
        }
        final int ncx = list.ncx, nb = Math.min(blocks, ncx), m = 8 * list.clusters;
        int e = 0;
        for (int b = 0; b < nb; b++) {                  // entries are sorted by i-cluster
            int from = e, end = list.xColumnCluster[(b + 1) * ncx / nb];
            while (e < list.entries && list.iCluster[e] < end) e++;
            compute(list.iCluster, list.iShift, list.jStart, list.jList, from, e, b * m, list.shift, rc2,
                    xj, yj, zj, fjx, fjy, fjz, ebuf);
        }
    }

    private void load(ClusterPairList list, double[] x) {
        final int[] sp = list.slotParticle;
        final double[] off = list.offset, xj = this.xj, yj = this.yj, zj = this.zj;
        for (int c = 0; c < list.clusters; c++) {
            for (int k = 0; k < 4; k++) {
                int s = 4 * c + k, p = sp[s];
                double px, py, pz;
                if (p >= 0) {
                    px = x[3 * p] - off[3 * p];
                    py = x[3 * p + 1] - off[3 * p + 1];
                    pz = x[3 * p + 2] - off[3 * p + 2];
                } else {
                    px = py = pz = PAD * (s + 1);
                }
                int jb = 8 * c + k;
                xj[jb] = px; xj[jb + 4] = px;
                yj[jb] = py; yj[jb + 4] = py;
                zj[jb] = pz; zj[jb + 4] = pz;
            }
        }
    }

    double fold(ClusterPairList list, double[] f) {
        final int[] ps = list.particleSlot;
        if (blocks == 1) {
            for (int p = 0; p < list.n; p++) {
                int s = ps[p], jb = 8 * (s >> 2) + (s & 3);
                f[3 * p] = 24 * (fjx[jb] + fjx[jb + 4]);
                f[3 * p + 1] = 24 * (fjy[jb] + fjy[jb + 4]);
                f[3 * p + 2] = 24 * (fjz[jb] + fjz[jb + 4]);
            }
        } else {
            final int m = 8 * list.clusters, ncx = list.ncx, nb = Math.min(blocks, ncx);
            final int[] xc = list.clusterXColumn;
            for (int p = 0; p < list.n; p++) {
                int s = ps[p], c = s >> 2, jb = 8 * c + (s & 3);
                int cx = xc[c];
                double fx = 0, fy = 0, fz = 0;
                for (int b = 0, o = jb; b < nb; b++, o += m) {
                    if (!touched[b * ncx + cx]) continue;
                    fx += fjx[o] + fjx[o + 4];
                    fy += fjy[o] + fjy[o + 4];
                    fz += fjz[o] + fjz[o + 4];
                }
                f[3 * p] = 24 * fx;
                f[3 * p + 1] = 24 * fy;
                f[3 * p + 2] = 24 * fz;
            }
        }
        double e = 0;
        for (double v : ebuf) e += v;
        return 4 * e;
    }

    /** The cluster-pair loop: i forces (unscaled, ×24 at fold) into fi*, j forces into fj*, Σ ir6(ir6 − 1) into eb. */
    static void compute(int[] iC, int[] iS, int[] js, int[] jl, int eFrom, int eTo, int fb, double[] sh, double rc2,
                        double[] xj, double[] yj, double[] zj, double[] fjx, double[] fjy, double[] fjz, double[] eb) {
        final DoubleVector zero = DoubleVector.zero(SP), one = DoubleVector.broadcast(SP, 1.0);
        for (int e = eFrom; e < eTo; e++) {
            final int ci = iC[e], code = iS[e], jb = 8 * ci;
            final double sx = sh[3 * code], sy = sh[3 * code + 1], sz = sh[3 * code + 2];
            final DoubleVector xc = DoubleVector.fromArray(SP, xj, jb).add(sx);
            final DoubleVector yc = DoubleVector.fromArray(SP, yj, jb).add(sy);
            final DoubleVector zc = DoubleVector.fromArray(SP, zj, jb).add(sz);
            final DoubleVector x0 = xc.rearrange(I01), x1 = xc.rearrange(I23);
            final DoubleVector y0 = yc.rearrange(I01), y1 = yc.rearrange(I23);
            final DoubleVector z0 = zc.rearrange(I01), z1 = zc.rearrange(I23);
            DoubleVector ax0 = zero, ay0 = zero, az0 = zero, ax1 = zero, ay1 = zero, az1 = zero, ev = zero;
            int q = js[e];
            final int qe = js[e + 1];
            if (q < qe && code == ClusterPairList.CENTER && jl[q] == ci) {
                final int j = 8 * ci;
                DoubleVector lj = DoubleVector.fromArray(SP, LANE_J, 0);
                VectorMask<Double> s0 = lj.compare(VectorOperators.GT, DoubleVector.fromArray(SP, LANE_I0, 0));
                VectorMask<Double> s1 = lj.compare(VectorOperators.GT, DoubleVector.fromArray(SP, LANE_I1, 0));
                DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
                DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
                DoubleVector dx0 = x0.sub(xv), dy0 = y0.sub(yv), dz0 = z0.sub(zv);
                DoubleVector dx1 = x1.sub(xv), dy1 = y1.sub(yv), dz1 = z1.sub(zv);
                DoubleVector r0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
                DoubleVector r1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
                VectorMask<Double> m0 = r0.compare(VectorOperators.LT, rc2).and(s0);
                VectorMask<Double> m1 = r1.compare(VectorOperators.LT, rc2).and(s1);
                DoubleVector i0 = one.div(r0), i1 = one.div(r1);
                DoubleVector s60 = i0.mul(i0).mul(i0), s61 = i1.mul(i1).mul(i1);
                DoubleVector c0 = zero.blend(s60.mul(s60.fma(2.0, -1.0)).mul(i0), m0);
                DoubleVector c1 = zero.blend(s61.mul(s61.fma(2.0, -1.0)).mul(i1), m1);
                ev = ev.add(zero.blend(s60.mul(s60.sub(1.0)), m0)).add(zero.blend(s61.mul(s61.sub(1.0)), m1));
                ax0 = c0.fma(dx0, ax0); ay0 = c0.fma(dy0, ay0); az0 = c0.fma(dz0, az0);
                ax1 = c1.fma(dx1, ax1); ay1 = c1.fma(dy1, ay1); az1 = c1.fma(dz1, az1);
                DoubleVector.fromArray(SP, fjx, j + fb).sub(c1.fma(dx1, c0.mul(dx0))).intoArray(fjx, j + fb);
                DoubleVector.fromArray(SP, fjy, j + fb).sub(c1.fma(dy1, c0.mul(dy0))).intoArray(fjy, j + fb);
                DoubleVector.fromArray(SP, fjz, j + fb).sub(c1.fma(dz1, c0.mul(dz0))).intoArray(fjz, j + fb);
                q++;
            }
            for (; q < qe; q++) {
                final int j = 8 * jl[q];
                DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
                DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
                DoubleVector dx0 = x0.sub(xv), dy0 = y0.sub(yv), dz0 = z0.sub(zv);
                DoubleVector dx1 = x1.sub(xv), dy1 = y1.sub(yv), dz1 = z1.sub(zv);
                DoubleVector r0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
                DoubleVector r1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
                VectorMask<Double> m0 = r0.compare(VectorOperators.LT, rc2);
                VectorMask<Double> m1 = r1.compare(VectorOperators.LT, rc2);
                // one division for both halves: 1/r0 = r1/(r0 r1) (no r = 0 lane outside the self pair)
                DoubleVector inv = one.div(r0.mul(r1));
                DoubleVector i0 = inv.mul(r1), i1 = inv.mul(r0);
                DoubleVector s60 = zero.blend(i0.mul(i0).mul(i0), m0), s61 = zero.blend(i1.mul(i1).mul(i1), m1);
                DoubleVector c0 = s60.mul(s60.fma(2.0, -1.0)).mul(i0);
                DoubleVector c1 = s61.mul(s61.fma(2.0, -1.0)).mul(i1);
                ev = s61.fma(s61.sub(1.0), s60.fma(s60.sub(1.0), ev));
                ax0 = c0.fma(dx0, ax0); ay0 = c0.fma(dy0, ay0); az0 = c0.fma(dz0, az0);
                ax1 = c1.fma(dx1, ax1); ay1 = c1.fma(dy1, ay1); az1 = c1.fma(dz1, az1);
                DoubleVector.fromArray(SP, fjx, j + fb).sub(c1.fma(dx1, c0.mul(dx0))).intoArray(fjx, j + fb);
                DoubleVector.fromArray(SP, fjy, j + fb).sub(c1.fma(dy1, c0.mul(dy0))).intoArray(fjy, j + fb);
                DoubleVector.fromArray(SP, fjz, j + fb).sub(c1.fma(dz1, c0.mul(dz0))).intoArray(fjz, j + fb);
            }
            // i forces into the duplicated layout, written out (a helper call would not be inlined
            // at this cold site, and its vector arguments would be boxed): lane 0 = Σ ax0[0..3]
            // (i0), lane 5 = Σ ax0[4..7] (i1), lane 2 = Σ ax1[0..3] (i2), lane 7 = Σ ax1[4..7] (i3)
            DoubleVector ux = ax0.add(ax0.rearrange(SWAP2)).blend(ax1.add(ax1.rearrange(SWAP2)), HIGH_PAIRS);
            DoubleVector uy = ay0.add(ay0.rearrange(SWAP2)).blend(ay1.add(ay1.rearrange(SWAP2)), HIGH_PAIRS);
            DoubleVector uz = az0.add(az0.rearrange(SWAP2)).blend(az1.add(az1.rearrange(SWAP2)), HIGH_PAIRS);
            DoubleVector.fromArray(SP, fjx, jb + fb).add(zero.blend(ux.add(ux.rearrange(SWAP1)), KEEP)).intoArray(fjx, jb + fb);
            DoubleVector.fromArray(SP, fjy, jb + fb).add(zero.blend(uy.add(uy.rearrange(SWAP1)), KEEP)).intoArray(fjy, jb + fb);
            DoubleVector.fromArray(SP, fjz, jb + fb).add(zero.blend(uz.add(uz.rearrange(SWAP1)), KEEP)).intoArray(fjz, jb + fb);
            DoubleVector.fromArray(SP, eb, 0).add(ev).intoArray(eb, 0);
        }
    }
}
