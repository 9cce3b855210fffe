package org.mdsens.md.kernel.vector;

import static org.mdsens.md.kernel.vector.QuadLanes.HIGH;
import static org.mdsens.md.kernel.vector.QuadLanes.ODD;
import static org.mdsens.md.kernel.vector.QuadLanes.SELF0;
import static org.mdsens.md.kernel.vector.QuadLanes.SELF1;
import static org.mdsens.md.kernel.vector.QuadLanes.SELF2;
import static org.mdsens.md.kernel.vector.QuadLanes.SP;
import static org.mdsens.md.kernel.vector.QuadLanes.SWAP1;
import static org.mdsens.md.kernel.vector.QuadLanes.SWAP2;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import org.mdsens.md.neighbor.ClusterPairList;

/**
 * The 4×4 cluster-pair loop of one-species {@link LjForm} without a switch on 4 lanes (AVX2):
 * the sums of {@link LjPairLoop} (φ = c12 r⁻¹² − c6 r⁻⁶ + offset, c = −φ'/r, each pair once,
 * +c r_ij on i and −c r_ij on j), with each i particle a broadcast against the j-cluster's 4 lanes:
 * four evaluations per cluster pair, one division per two of them outside the self pair. j forces
 * go to the block's accumulator (lanes 0–3 of the duplicated layout) with one read-modify-write
 * per axis; i forces are reduced by a transpose once per entry; energies and virials are summed
 * lane-wise over the block and reduced in a fixed order.
 *
 * <p>Written for the compiler as much as for the CPU (benchmarks/README.md, table U): 16 vector
 * registers cannot hold 12 i coordinates, 12 i accumulators and the constants, and one flat loop
 * over a block took C2 3-5 s to compile (register allocation), during which every force call ran
 * 100× slower. Here the i coordinates are read from memory in the loop and each entry is a call,
 * so C2 compiles the loop once, in under a second. Two species stay on the 1×4 rows
 * ({@link LjForm#hasPairLoop}): a per-lane coefficient choice for four i particles costs more
 * than the loop saves there.
 */
final class LjQuadLoop {

    private LjQuadLoop() { }

    /** Force block b of f: zeroes its accumulator, runs its entries, writes sums[2b] (energy) and sums[2b+1] (virial). */
    static void forces(PairFrame f, LjForm t, int block, double[] sums) {
        f.clear(block);
        boolean shifted = false;
        for (double o : t.offset) shifted |= o != 0;
        final double[] acc = new double[2 * Lanes.WIDTH];    // energy and virial lanes of the block
        for (int e = f.blockEntries[block], end = f.blockEntries[block + 1]; e < end; e++) entry(f, t, block, e, shifted, acc);
        final double[] red = new double[Lanes.WIDTH];
        sums[2 * block] = Lanes.sum(DoubleVector.fromArray(SP, acc, 0), red);
        sums[2 * block + 1] = Lanes.sum(DoubleVector.fromArray(SP, acc, Lanes.WIDTH), red);
    }

    /**
     * Entry e of force block b: its self pair, if any, then its j-clusters; adds the energy (and
     * virial) lanes to acc. A method of its own, called once per entry and too large to inline, so
     * that the tiered policy has C2 compile it after the first few thousand entries (a loop over
     * the whole block waits for its OSR compiles, in which the loops took C2 seconds).
     */
    private static void entry(PairFrame f, LjForm t, int block, int e, boolean offset, double[] acc) {
        final double[] xj = f.xs, yj = f.ys, zj = f.zs, fx = f.fx, fy = f.fy, fz = f.fz;
        final double[] sh = f.shifts;
        final int[] iC = f.entryCluster, iS = f.entryShift, js = f.jStart, jl = f.jClusters;
        final int lo = PairFrame.STRIDE * f.blockFirst[block];
        final int fb = f.window[block] - lo, wrapShift = PairFrame.STRIDE * f.clusters;
        final boolean virial = f.virial;
        final double[] tf12 = t.f12, tnf6 = t.nf6, te12 = t.c12, tne6 = t.ne6, toff = t.offset, trc2 = t.cutoff2;
        final DoubleVector zero = DoubleVector.zero(SP), one = DoubleVector.broadcast(SP, 1.0);
        final DoubleVector f12 = DoubleVector.broadcast(SP, tf12[0]), nf6 = DoubleVector.broadcast(SP, tnf6[0]);
        final DoubleVector e12 = DoubleVector.broadcast(SP, te12[0]), ne6 = DoubleVector.broadcast(SP, tne6[0]);
        final DoubleVector off = DoubleVector.broadcast(SP, toff[0]), rc2 = DoubleVector.broadcast(SP, trc2[0]);
        final int ci = iC[e], code = iS[e], jb = PairFrame.STRIDE * ci;
        final double sx = sh[3 * code], sy = sh[3 * code + 1], sz = sh[3 * code + 2];
        // the i coordinates go to this block's scratch and are read in the loop: the loop's stores
        // may alias that double[], so C2 does not hoist them into 12 more long-lived registers
        final double[] ib = f.iScratch;
        final int so = PairFrame.SCRATCH * block;
        for (int k = 0; k < 4; k++) {
            ib[so + k] = xj[jb + k] - sx;
            ib[so + 4 + k] = yj[jb + k] - sy;
            ib[so + 8 + k] = zj[jb + k] - sz;
        }
        DoubleVector ax0 = zero, ax1 = zero, ax2 = zero, ax3 = zero, ay0 = zero, ay1 = zero, ay2 = zero, ay3 = zero;
        DoubleVector az0 = zero, az1 = zero, az2 = zero, az3 = zero, ev = zero, vv = zero;
        int q = js[e];
        final int qe = js[e + 1];
        if (q < qe && code == ClusterPairList.CENTER && jl[q] == ci) {
            // the self pair: lanes i < j only (none for i3), r = 0 on the diagonal (divisions, blends last)
            final int j = jb, jf = j + fb;
            DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
            DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
            DoubleVector dx0 = DoubleVector.broadcast(SP, ib[so]).sub(xv);
            DoubleVector dy0 = DoubleVector.broadcast(SP, ib[so + 4]).sub(yv);
            DoubleVector dz0 = DoubleVector.broadcast(SP, ib[so + 8]).sub(zv);
            DoubleVector dx1 = DoubleVector.broadcast(SP, ib[so + 1]).sub(xv);
            DoubleVector dy1 = DoubleVector.broadcast(SP, ib[so + 5]).sub(yv);
            DoubleVector dz1 = DoubleVector.broadcast(SP, ib[so + 9]).sub(zv);
            DoubleVector dx2 = DoubleVector.broadcast(SP, ib[so + 2]).sub(xv);
            DoubleVector dy2 = DoubleVector.broadcast(SP, ib[so + 6]).sub(yv);
            DoubleVector dz2 = DoubleVector.broadcast(SP, ib[so + 10]).sub(zv);
            DoubleVector r0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
            DoubleVector r1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
            DoubleVector r2 = dz2.fma(dz2, dy2.fma(dy2, dx2.mul(dx2)));
            VectorMask<Double> m0 = r0.compare(VectorOperators.LT, rc2).and(SELF0);
            VectorMask<Double> m1 = r1.compare(VectorOperators.LT, rc2).and(SELF1);
            VectorMask<Double> m2 = r2.compare(VectorOperators.LT, rc2).and(SELF2);
            DoubleVector i0 = one.div(r0), i1 = one.div(r1), i2 = one.div(r2);
            DoubleVector s60 = i0.mul(i0).mul(i0);
            DoubleVector s61 = i1.mul(i1).mul(i1);
            DoubleVector s62 = i2.mul(i2).mul(i2);
            DoubleVector c0 = zero.blend(s60.fma(f12, nf6).mul(s60).mul(i0), m0);
            DoubleVector c1 = zero.blend(s61.fma(f12, nf6).mul(s61).mul(i1), m1);
            DoubleVector c2 = zero.blend(s62.fma(f12, nf6).mul(s62).mul(i2), m2);
            ev = ev.add(zero.blend(s60.fma(e12, ne6).mul(s60), m0));
            ev = ev.add(zero.blend(s61.fma(e12, ne6).mul(s61), m1));
            ev = ev.add(zero.blend(s62.fma(e12, ne6).mul(s62), m2));
            if (offset) ev = ev.add(zero.blend(off, m0)).add(zero.blend(off, m1)).add(zero.blend(off, m2));
            if (virial) vv = c2.fma(r2, c1.fma(r1, c0.fma(r0, vv)));
            ax0 = c0.fma(dx0, ax0);
            ax1 = c1.fma(dx1, ax1);
            ax2 = c2.fma(dx2, ax2);
            ay0 = c0.fma(dy0, ay0);
            ay1 = c1.fma(dy1, ay1);
            ay2 = c2.fma(dy2, ay2);
            az0 = c0.fma(dz0, az0);
            az1 = c1.fma(dz1, az1);
            az2 = c2.fma(dz2, az2);
            DoubleVector.fromArray(SP, fx, jf).sub(c2.fma(dx2, c1.fma(dx1, c0.mul(dx0)))).intoArray(fx, jf);
            DoubleVector.fromArray(SP, fy, jf).sub(c2.fma(dy2, c1.fma(dy1, c0.mul(dy0)))).intoArray(fy, jf);
            DoubleVector.fromArray(SP, fz, jf).sub(c2.fma(dz2, c1.fma(dz1, c0.mul(dz0)))).intoArray(fz, jf);
            q++;
        }
        for (; q < qe; q++) {
            final int j = PairFrame.STRIDE * jl[q];
            final int jf = j + fb + ((j - lo) >> 31 & wrapShift);   // branch-free: a rare wrap must not deoptimize
            DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
            DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
            DoubleVector dx0 = DoubleVector.broadcast(SP, ib[so]).sub(xv);
            DoubleVector dy0 = DoubleVector.broadcast(SP, ib[so + 4]).sub(yv);
            DoubleVector dz0 = DoubleVector.broadcast(SP, ib[so + 8]).sub(zv);
            DoubleVector dx1 = DoubleVector.broadcast(SP, ib[so + 1]).sub(xv);
            DoubleVector dy1 = DoubleVector.broadcast(SP, ib[so + 5]).sub(yv);
            DoubleVector dz1 = DoubleVector.broadcast(SP, ib[so + 9]).sub(zv);
            DoubleVector dx2 = DoubleVector.broadcast(SP, ib[so + 2]).sub(xv);
            DoubleVector dy2 = DoubleVector.broadcast(SP, ib[so + 6]).sub(yv);
            DoubleVector dz2 = DoubleVector.broadcast(SP, ib[so + 10]).sub(zv);
            DoubleVector dx3 = DoubleVector.broadcast(SP, ib[so + 3]).sub(xv);
            DoubleVector dy3 = DoubleVector.broadcast(SP, ib[so + 7]).sub(yv);
            DoubleVector dz3 = DoubleVector.broadcast(SP, ib[so + 11]).sub(zv);
            DoubleVector r0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
            DoubleVector r1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
            DoubleVector r2 = dz2.fma(dz2, dy2.fma(dy2, dx2.mul(dx2)));
            DoubleVector r3 = dz3.fma(dz3, dy3.fma(dy3, dx3.mul(dx3)));
            VectorMask<Double> m0 = r0.compare(VectorOperators.LT, rc2);
            VectorMask<Double> m1 = r1.compare(VectorOperators.LT, rc2);
            VectorMask<Double> m2 = r2.compare(VectorOperators.LT, rc2);
            VectorMask<Double> m3 = r3.compare(VectorOperators.LT, rc2);
            // one division per two i particles: 1/r0² = r1²/(r0² r1²)
            DoubleVector inv01 = one.div(r0.mul(r1)), inv23 = one.div(r2.mul(r3));
            DoubleVector i0 = inv01.mul(r1), i1 = inv01.mul(r0), i2 = inv23.mul(r3), i3 = inv23.mul(r2);
            DoubleVector s60 = zero.blend(i0.mul(i0).mul(i0), m0);
            DoubleVector s61 = zero.blend(i1.mul(i1).mul(i1), m1);
            DoubleVector s62 = zero.blend(i2.mul(i2).mul(i2), m2);
            DoubleVector s63 = zero.blend(i3.mul(i3).mul(i3), m3);
            DoubleVector c0 = s60.fma(f12, nf6).mul(s60).mul(i0);
            DoubleVector c1 = s61.fma(f12, nf6).mul(s61).mul(i1);
            DoubleVector c2 = s62.fma(f12, nf6).mul(s62).mul(i2);
            DoubleVector c3 = s63.fma(f12, nf6).mul(s63).mul(i3);
            ev = s61.fma(e12, ne6).fma(s61, s60.fma(e12, ne6).fma(s60, ev));
            ev = s63.fma(e12, ne6).fma(s63, s62.fma(e12, ne6).fma(s62, ev));
            if (offset) ev = ev.add(zero.blend(off, m0)).add(zero.blend(off, m1)).add(zero.blend(off, m2)).add(zero.blend(off, m3));
            if (virial) vv = c3.fma(r3, c2.fma(r2, c1.fma(r1, c0.fma(r0, vv))));
            ax0 = c0.fma(dx0, ax0);
            ax1 = c1.fma(dx1, ax1);
            ax2 = c2.fma(dx2, ax2);
            ax3 = c3.fma(dx3, ax3);
            ay0 = c0.fma(dy0, ay0);
            ay1 = c1.fma(dy1, ay1);
            ay2 = c2.fma(dy2, ay2);
            ay3 = c3.fma(dy3, ay3);
            az0 = c0.fma(dz0, az0);
            az1 = c1.fma(dz1, az1);
            az2 = c2.fma(dz2, az2);
            az3 = c3.fma(dz3, az3);
            DoubleVector.fromArray(SP, fx, jf).sub(c3.fma(dx3, c2.fma(dx2, c1.fma(dx1, c0.mul(dx0))))).intoArray(fx, jf);
            DoubleVector.fromArray(SP, fy, jf).sub(c3.fma(dy3, c2.fma(dy2, c1.fma(dy1, c0.mul(dy0))))).intoArray(fy, jf);
            DoubleVector.fromArray(SP, fz, jf).sub(c3.fma(dz3, c2.fma(dz2, c1.fma(dz1, c0.mul(dz0))))).intoArray(fz, jf);
        }
        // i forces, written out (a helper at this cold site would not be inlined and its vector
        // arguments would be boxed): lane k = Σ lanes of a_k, as (l0 + l1) + (l2 + l3), by a transpose
        final int jf = jb + fb;
        DoubleVector px01 = ax0.blend(ax1.rearrange(SWAP1), ODD).add(ax0.rearrange(SWAP1).blend(ax1, ODD));
        DoubleVector px23 = ax2.blend(ax3.rearrange(SWAP1), ODD).add(ax2.rearrange(SWAP1).blend(ax3, ODD));
        DoubleVector.fromArray(SP, fx, jf).add(px01.blend(px23.rearrange(SWAP2), HIGH)
                .add(px01.rearrange(SWAP2).blend(px23, HIGH))).intoArray(fx, jf);
        DoubleVector py01 = ay0.blend(ay1.rearrange(SWAP1), ODD).add(ay0.rearrange(SWAP1).blend(ay1, ODD));
        DoubleVector py23 = ay2.blend(ay3.rearrange(SWAP1), ODD).add(ay2.rearrange(SWAP1).blend(ay3, ODD));
        DoubleVector.fromArray(SP, fy, jf).add(py01.blend(py23.rearrange(SWAP2), HIGH)
                .add(py01.rearrange(SWAP2).blend(py23, HIGH))).intoArray(fy, jf);
        DoubleVector pz01 = az0.blend(az1.rearrange(SWAP1), ODD).add(az0.rearrange(SWAP1).blend(az1, ODD));
        DoubleVector pz23 = az2.blend(az3.rearrange(SWAP1), ODD).add(az2.rearrange(SWAP1).blend(az3, ODD));
        DoubleVector.fromArray(SP, fz, jf).add(pz01.blend(pz23.rearrange(SWAP2), HIGH)
                .add(pz01.rearrange(SWAP2).blend(pz23, HIGH))).intoArray(fz, jf);
        // no vector lives across entries (C2 of JDK 17 would box it): the block sums stay in memory
        DoubleVector.fromArray(SP, acc, 0).add(ev).intoArray(acc, 0);
        if (virial) DoubleVector.fromArray(SP, acc, Lanes.WIDTH).add(vv).intoArray(acc, Lanes.WIDTH);
    }
}
