package org.mdsens.benchmarks;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lennard-Jones (σ = ε = 1, cut, not shifted) energy and forces over a {@link ClusterPairList}
 * in the GROMACS "2xNN" form for 8-lane vectors: the four particles of an i-cluster make two
 * vectors (lanes 0–3 = i0, 4–7 = i1; then i2, i3), each against the four particles of a
 * j-cluster duplicated in both halves, so one cluster pair costs two 8-lane evaluations and
 * serves 16 particle pairs. Half list with Newton's third law: the j forces of a cluster pair
 * are summed over both vectors in registers and added with one contiguous read-modify-write per
 * axis into a j accumulator kept in the same duplicated layout (the two halves are folded at the
 * end); i forces stay in registers for a whole i-entry.
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

    private double[] xj = new double[0], yj = xj, zj = xj, xi = xj, yi = xj, zi = xj;
    private double[] fjx = xj, fjy = xj, fjz = xj, fix = xj, fiy = xj, fiz = xj;
    private final double[] ebuf = new double[8];

    /** Whether this JVM's preferred species has the 8 lanes the kernel needs. */
    static boolean supported() { return SP.length() == 8; }

    /** Energy, and forces into f (xyz, length 3N, overwritten); x xyz positions, rc2 the squared cutoff. */
    double energyAndForces(ClusterPairList list, double[] x, double[] f, double rc2) {
        int clusters = list.clusters;
        if (xj.length < 8 * clusters) {
            int m = 8 * clusters;
            xj = new double[m]; yj = new double[m]; zj = new double[m];
            fjx = new double[m]; fjy = new double[m]; fjz = new double[m];
            xi = new double[2 * m]; yi = new double[2 * m]; zi = new double[2 * m];
            fix = new double[2 * m]; fiy = new double[2 * m]; fiz = new double[2 * m];
        }
        prepare(list, x);
        loop(list, rc2);
        return fold(list, f);
    }

    /** Writes the slot buffers and zeroes the accumulators (part of every call). */
    void prepare(ClusterPairList list, double[] x) {
        int clusters = list.clusters;
        load(list, x);
        Arrays.fill(fjx, 0, 8 * clusters, 0.0);
        Arrays.fill(fjy, 0, 8 * clusters, 0.0);
        Arrays.fill(fjz, 0, 8 * clusters, 0.0);
        Arrays.fill(fix, 0, 16 * clusters, 0.0);
        Arrays.fill(fiy, 0, 16 * clusters, 0.0);
        Arrays.fill(fiz, 0, 16 * clusters, 0.0);
        Arrays.fill(ebuf, 0.0);
    }

    /** The cluster-pair loop alone, on prepared buffers (accumulates). */
    void loop(ClusterPairList list, double rc2) {
        compute(list.iCluster, list.iShift, list.jStart, list.jList, list.entries, list.shift, rc2,
                xi, yi, zi, xj, yj, zj, fix, fiy, fiz, fjx, fjy, fjz, ebuf);
    }

    private void load(ClusterPairList list, double[] x) {
        final int[] sp = list.slotParticle;
        final double[] off = list.offset, xj = this.xj, yj = this.yj, zj = this.zj, xi = this.xi, yi = this.yi,
                zi = this.zi;
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
                int jb = 8 * c + k, ib = 16 * c + 8 * (k >> 1) + 4 * (k & 1);
                xj[jb] = px; xj[jb + 4] = px;
                yj[jb] = py; yj[jb + 4] = py;
                zj[jb] = pz; zj[jb + 4] = pz;
                for (int m = 0; m < 4; m++) {
                    xi[ib + m] = px;
                    yi[ib + m] = py;
                    zi[ib + m] = pz;
                }
            }
        }
    }

    double fold(ClusterPairList list, double[] f) {
        final int[] ps = list.particleSlot;
        for (int p = 0; p < list.n; p++) {
            int s = ps[p], c = s >> 2, k = s & 3, jb = 8 * c + k, ib = 16 * c + 8 * (k >> 1) + 4 * (k & 1);
            f[3 * p] = 24 * ((fjx[jb] + fjx[jb + 4]) + ((fix[ib] + fix[ib + 1]) + (fix[ib + 2] + fix[ib + 3])));
            f[3 * p + 1] = 24 * ((fjy[jb] + fjy[jb + 4]) + ((fiy[ib] + fiy[ib + 1]) + (fiy[ib + 2] + fiy[ib + 3])));
            f[3 * p + 2] = 24 * ((fjz[jb] + fjz[jb + 4]) + ((fiz[ib] + fiz[ib + 1]) + (fiz[ib + 2] + fiz[ib + 3])));
        }
        double e = 0;
        for (double v : ebuf) e += v;
        return 4 * e;
    }

    /** The cluster-pair loop: i forces (unscaled, ×24 at fold) into fi*, j forces into fj*, Σ ir6(ir6 − 1) into eb. */
    static void compute(int[] iC, int[] iS, int[] js, int[] jl, int ne, double[] sh, double rc2,
                        double[] xi, double[] yi, double[] zi, double[] xj, double[] yj, double[] zj,
                        double[] fix, double[] fiy, double[] fiz, double[] fjx, double[] fjy, double[] fjz, double[] eb) {
        final DoubleVector zero = DoubleVector.zero(SP), one = DoubleVector.broadcast(SP, 1.0);
        for (int e = 0; e < ne; e++) {
            final int ci = iC[e], code = iS[e], ib = 16 * ci;
            final double sx = sh[3 * code], sy = sh[3 * code + 1], sz = sh[3 * code + 2];
            final DoubleVector x0 = DoubleVector.fromArray(SP, xi, ib).add(sx);
            final DoubleVector x1 = DoubleVector.fromArray(SP, xi, ib + 8).add(sx);
            final DoubleVector y0 = DoubleVector.fromArray(SP, yi, ib).add(sy);
            final DoubleVector y1 = DoubleVector.fromArray(SP, yi, ib + 8).add(sy);
            final DoubleVector z0 = DoubleVector.fromArray(SP, zi, ib).add(sz);
            final DoubleVector z1 = DoubleVector.fromArray(SP, zi, ib + 8).add(sz);
            DoubleVector ax0 = zero, ay0 = zero, az0 = zero, ax1 = zero, ay1 = zero, az1 = zero, ev = zero;
            int q = js[e];
            final int qe = js[e + 1];
            if (code == ClusterPairList.CENTER && jl[q] == ci) {
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
                DoubleVector.fromArray(SP, fjx, j).sub(c1.fma(dx1, c0.mul(dx0))).intoArray(fjx, j);
                DoubleVector.fromArray(SP, fjy, j).sub(c1.fma(dy1, c0.mul(dy0))).intoArray(fjy, j);
                DoubleVector.fromArray(SP, fjz, j).sub(c1.fma(dz1, c0.mul(dz0))).intoArray(fjz, j);
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
                DoubleVector i0 = one.div(r0), i1 = one.div(r1);
                DoubleVector s60 = i0.mul(i0).mul(i0), s61 = i1.mul(i1).mul(i1);
                DoubleVector c0 = zero.blend(s60.mul(s60.fma(2.0, -1.0)).mul(i0), m0);
                DoubleVector c1 = zero.blend(s61.mul(s61.fma(2.0, -1.0)).mul(i1), m1);
                ev = ev.add(zero.blend(s60.mul(s60.sub(1.0)), m0)).add(zero.blend(s61.mul(s61.sub(1.0)), m1));
                ax0 = c0.fma(dx0, ax0); ay0 = c0.fma(dy0, ay0); az0 = c0.fma(dz0, az0);
                ax1 = c1.fma(dx1, ax1); ay1 = c1.fma(dy1, ay1); az1 = c1.fma(dz1, az1);
                DoubleVector.fromArray(SP, fjx, j).sub(c1.fma(dx1, c0.mul(dx0))).intoArray(fjx, j);
                DoubleVector.fromArray(SP, fjy, j).sub(c1.fma(dy1, c0.mul(dy0))).intoArray(fjy, j);
                DoubleVector.fromArray(SP, fjz, j).sub(c1.fma(dz1, c0.mul(dz0))).intoArray(fjz, j);
            }
            DoubleVector.fromArray(SP, fix, ib).add(ax0).intoArray(fix, ib);
            DoubleVector.fromArray(SP, fix, ib + 8).add(ax1).intoArray(fix, ib + 8);
            DoubleVector.fromArray(SP, fiy, ib).add(ay0).intoArray(fiy, ib);
            DoubleVector.fromArray(SP, fiy, ib + 8).add(ay1).intoArray(fiy, ib + 8);
            DoubleVector.fromArray(SP, fiz, ib).add(az0).intoArray(fiz, ib);
            DoubleVector.fromArray(SP, fiz, ib + 8).add(az1).intoArray(fiz, ib + 8);
            DoubleVector.fromArray(SP, eb, 0).add(ev).intoArray(eb, 0);
        }
    }
}
