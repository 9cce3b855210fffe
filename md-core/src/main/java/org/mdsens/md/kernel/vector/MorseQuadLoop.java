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
 * The 4×4 cluster-pair loop of {@link MorseForm} (energies and forces) on 4 lanes (AVX2): the
 * sums of {@link MorsePairLoop} (φ = ε e (e − 2) + offset, c = −φ'/r = 2aε e (e − 1)/r,
 * e = exp(−a(r − r₀)), each pair once) with each i particle a broadcast vector against the
 * j-cluster's 4 lanes, as {@link LjQuadLoop}; one or two species (per i particle the table row
 * of its species, picked per lane by the species of j). Lanes outside the cutoff, the self
 * pair's lanes i ≥ j and padding are removed by blends. One flat method (DESIGN.md §7).
 */
final class MorseQuadLoop {

    private MorseQuadLoop() { }

    /** Force block b of f: zeroes its accumulator, runs its entries, writes sums[2b] (energy) and sums[2b+1] (virial). */
    static void forces(PairFrame f, MorseForm t, int block, double[] sums) {
        f.clear(block);
        final double[] xj = f.xs, yj = f.ys, zj = f.zs, fx = f.fx, fy = f.fy, fz = f.fz, sl = f.speciesLanes;
        final double[] sh = f.shifts;
        final int[] iC = f.entryCluster, iS = f.entryShift, js = f.jStart, jl = f.jClusters;
        final int eFrom = f.blockEntries[block], eTo = f.blockEntries[block + 1];
        final int lo = PairFrame.STRIDE * f.blockFirst[block];
        final int fb = f.window[block] - lo, wrapShift = PairFrame.STRIDE * f.clusters;
        final boolean virial = f.virial;
        final double[] teps = MorsePairLoop.four(t.eps), tr0 = MorsePairLoop.four(t.r0s), ta = MorsePairLoop.four(t.as);
        final double[] tfs = MorsePairLoop.four(t.forceScale), toff = MorsePairLoop.four(t.offset);
        final double[] trc2 = MorsePairLoop.four(t.cutoff2);
        final boolean mixed = t.species > 1;
        final DoubleVector zero = DoubleVector.zero(SP), one = DoubleVector.broadcast(SP, 1.0);
        final double[] acc = new double[2 * Lanes.WIDTH];    // energy and virial lanes of the block
        for (int e = eFrom; e < eTo; e++) {
            final int ci = iC[e], code = iS[e], jb = PairFrame.STRIDE * ci;
            final double sx = sh[3 * code], sy = sh[3 * code + 1], sz = sh[3 * code + 2];
            final DoubleVector x0 = DoubleVector.broadcast(SP, xj[jb] - sx), y0 = DoubleVector.broadcast(SP, yj[jb] - sy),
                    z0 = DoubleVector.broadcast(SP, zj[jb] - sz);
            final DoubleVector x1 = DoubleVector.broadcast(SP, xj[jb + 1] - sx), y1 = DoubleVector.broadcast(SP, yj[jb + 1] - sy),
                    z1 = DoubleVector.broadcast(SP, zj[jb + 1] - sz);
            final DoubleVector x2 = DoubleVector.broadcast(SP, xj[jb + 2] - sx), y2 = DoubleVector.broadcast(SP, yj[jb + 2] - sy),
                    z2 = DoubleVector.broadcast(SP, zj[jb + 2] - sz);
            final DoubleVector x3 = DoubleVector.broadcast(SP, xj[jb + 3] - sx), y3 = DoubleVector.broadcast(SP, yj[jb + 3] - sy),
                    z3 = DoubleVector.broadcast(SP, zj[jb + 3] - sz);
            // the table row of each i particle's species (species as 0.0 / 1.0 in the lanes)
            final int t0 = mixed && sl[jb] != 0 ? 2 : 0, t1 = mixed && sl[jb + 1] != 0 ? 2 : 0;
            final int t2 = mixed && sl[jb + 2] != 0 ? 2 : 0, t3 = mixed && sl[jb + 3] != 0 ? 2 : 0;
            DoubleVector ax0 = zero, ax1 = zero, ax2 = zero, ax3 = zero, ay0 = zero, ay1 = zero, ay2 = zero, ay3 = zero;
            DoubleVector az0 = zero, az1 = zero, az2 = zero, az3 = zero, ev = zero, vv = zero;
            int q = js[e];
            final int qe = js[e + 1];
            if (q < qe && code == ClusterPairList.CENTER && jl[q] == ci) {
                // the self pair: lanes i < j only (none for i3), r = 0 on the diagonal (blends last)
                final int j = jb, jf = j + fb;
                DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
                DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
                DoubleVector dx0 = x0.sub(xv), dy0 = y0.sub(yv), dz0 = z0.sub(zv);
                DoubleVector dx1 = x1.sub(xv), dy1 = y1.sub(yv), dz1 = z1.sub(zv);
                DoubleVector dx2 = x2.sub(xv), dy2 = y2.sub(yv), dz2 = z2.sub(zv);
                DoubleVector rr0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
                DoubleVector rr1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
                DoubleVector rr2 = dz2.fma(dz2, dy2.fma(dy2, dx2.mul(dx2)));
                VectorMask<Double> jo = mixed ? DoubleVector.fromArray(SP, sl, j).compare(VectorOperators.NE, 0.0) : SP.maskAll(false);
                // per i particle: the coefficients of its species' table row, picked per lane by the species of j
                DoubleVector ep0 = DoubleVector.broadcast(SP, teps[t0]).blend(teps[t0 + 1], jo);
                DoubleVector re0 = DoubleVector.broadcast(SP, tr0[t0]).blend(tr0[t0 + 1], jo);
                DoubleVector aa0 = DoubleVector.broadcast(SP, ta[t0]).blend(ta[t0 + 1], jo);
                DoubleVector fs0 = DoubleVector.broadcast(SP, tfs[t0]).blend(tfs[t0 + 1], jo);
                DoubleVector of0 = DoubleVector.broadcast(SP, toff[t0]).blend(toff[t0 + 1], jo);
                DoubleVector rc0 = DoubleVector.broadcast(SP, trc2[t0]).blend(trc2[t0 + 1], jo);
                DoubleVector ep1 = DoubleVector.broadcast(SP, teps[t1]).blend(teps[t1 + 1], jo);
                DoubleVector re1 = DoubleVector.broadcast(SP, tr0[t1]).blend(tr0[t1 + 1], jo);
                DoubleVector aa1 = DoubleVector.broadcast(SP, ta[t1]).blend(ta[t1 + 1], jo);
                DoubleVector fs1 = DoubleVector.broadcast(SP, tfs[t1]).blend(tfs[t1 + 1], jo);
                DoubleVector of1 = DoubleVector.broadcast(SP, toff[t1]).blend(toff[t1 + 1], jo);
                DoubleVector rc1 = DoubleVector.broadcast(SP, trc2[t1]).blend(trc2[t1 + 1], jo);
                DoubleVector ep2 = DoubleVector.broadcast(SP, teps[t2]).blend(teps[t2 + 1], jo);
                DoubleVector re2 = DoubleVector.broadcast(SP, tr0[t2]).blend(tr0[t2 + 1], jo);
                DoubleVector aa2 = DoubleVector.broadcast(SP, ta[t2]).blend(ta[t2 + 1], jo);
                DoubleVector fs2 = DoubleVector.broadcast(SP, tfs[t2]).blend(tfs[t2 + 1], jo);
                DoubleVector of2 = DoubleVector.broadcast(SP, toff[t2]).blend(toff[t2 + 1], jo);
                DoubleVector rc2 = DoubleVector.broadcast(SP, trc2[t2]).blend(trc2[t2 + 1], jo);
                VectorMask<Double> m0 = rr0.compare(VectorOperators.LT, rc0).and(SELF0);
                VectorMask<Double> m1 = rr1.compare(VectorOperators.LT, rc1).and(SELF1);
                VectorMask<Double> m2 = rr2.compare(VectorOperators.LT, rc2).and(SELF2);
                DoubleVector q0 = rr0.lanewise(VectorOperators.SQRT), e0 = Lanes.exp(aa0.mul(re0.sub(q0)));
                DoubleVector q1 = rr1.lanewise(VectorOperators.SQRT), e1 = Lanes.exp(aa1.mul(re1.sub(q1)));
                DoubleVector q2 = rr2.lanewise(VectorOperators.SQRT), e2 = Lanes.exp(aa2.mul(re2.sub(q2)));
                DoubleVector c0 = zero.blend(fs0.mul(e0).mul(e0.sub(one)).div(q0), m0);        // −φ'/r
                DoubleVector c1 = zero.blend(fs1.mul(e1).mul(e1.sub(one)).div(q1), m1);        // −φ'/r
                DoubleVector c2 = zero.blend(fs2.mul(e2).mul(e2.sub(one)).div(q2), m2);        // −φ'/r
                ev = ev.add(zero.blend(ep0.mul(e0).mul(e0.sub(2.0)).add(of0), m0));
                ev = ev.add(zero.blend(ep1.mul(e1).mul(e1.sub(2.0)).add(of1), m1));
                ev = ev.add(zero.blend(ep2.mul(e2).mul(e2.sub(2.0)).add(of2), m2));
                if (virial) vv = c2.fma(rr2, c1.fma(rr1, c0.fma(rr0, vv)));
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
                DoubleVector dx0 = x0.sub(xv), dy0 = y0.sub(yv), dz0 = z0.sub(zv);
                DoubleVector dx1 = x1.sub(xv), dy1 = y1.sub(yv), dz1 = z1.sub(zv);
                DoubleVector dx2 = x2.sub(xv), dy2 = y2.sub(yv), dz2 = z2.sub(zv);
                DoubleVector dx3 = x3.sub(xv), dy3 = y3.sub(yv), dz3 = z3.sub(zv);
                DoubleVector rr0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
                DoubleVector rr1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
                DoubleVector rr2 = dz2.fma(dz2, dy2.fma(dy2, dx2.mul(dx2)));
                DoubleVector rr3 = dz3.fma(dz3, dy3.fma(dy3, dx3.mul(dx3)));
                VectorMask<Double> jo = mixed ? DoubleVector.fromArray(SP, sl, j).compare(VectorOperators.NE, 0.0) : SP.maskAll(false);
                // per i particle: the coefficients of its species' table row, picked per lane by the species of j
                DoubleVector ep0 = DoubleVector.broadcast(SP, teps[t0]).blend(teps[t0 + 1], jo);
                DoubleVector re0 = DoubleVector.broadcast(SP, tr0[t0]).blend(tr0[t0 + 1], jo);
                DoubleVector aa0 = DoubleVector.broadcast(SP, ta[t0]).blend(ta[t0 + 1], jo);
                DoubleVector fs0 = DoubleVector.broadcast(SP, tfs[t0]).blend(tfs[t0 + 1], jo);
                DoubleVector of0 = DoubleVector.broadcast(SP, toff[t0]).blend(toff[t0 + 1], jo);
                DoubleVector rc0 = DoubleVector.broadcast(SP, trc2[t0]).blend(trc2[t0 + 1], jo);
                DoubleVector ep1 = DoubleVector.broadcast(SP, teps[t1]).blend(teps[t1 + 1], jo);
                DoubleVector re1 = DoubleVector.broadcast(SP, tr0[t1]).blend(tr0[t1 + 1], jo);
                DoubleVector aa1 = DoubleVector.broadcast(SP, ta[t1]).blend(ta[t1 + 1], jo);
                DoubleVector fs1 = DoubleVector.broadcast(SP, tfs[t1]).blend(tfs[t1 + 1], jo);
                DoubleVector of1 = DoubleVector.broadcast(SP, toff[t1]).blend(toff[t1 + 1], jo);
                DoubleVector rc1 = DoubleVector.broadcast(SP, trc2[t1]).blend(trc2[t1 + 1], jo);
                DoubleVector ep2 = DoubleVector.broadcast(SP, teps[t2]).blend(teps[t2 + 1], jo);
                DoubleVector re2 = DoubleVector.broadcast(SP, tr0[t2]).blend(tr0[t2 + 1], jo);
                DoubleVector aa2 = DoubleVector.broadcast(SP, ta[t2]).blend(ta[t2 + 1], jo);
                DoubleVector fs2 = DoubleVector.broadcast(SP, tfs[t2]).blend(tfs[t2 + 1], jo);
                DoubleVector of2 = DoubleVector.broadcast(SP, toff[t2]).blend(toff[t2 + 1], jo);
                DoubleVector rc2 = DoubleVector.broadcast(SP, trc2[t2]).blend(trc2[t2 + 1], jo);
                DoubleVector ep3 = DoubleVector.broadcast(SP, teps[t3]).blend(teps[t3 + 1], jo);
                DoubleVector re3 = DoubleVector.broadcast(SP, tr0[t3]).blend(tr0[t3 + 1], jo);
                DoubleVector aa3 = DoubleVector.broadcast(SP, ta[t3]).blend(ta[t3 + 1], jo);
                DoubleVector fs3 = DoubleVector.broadcast(SP, tfs[t3]).blend(tfs[t3 + 1], jo);
                DoubleVector of3 = DoubleVector.broadcast(SP, toff[t3]).blend(toff[t3 + 1], jo);
                DoubleVector rc3 = DoubleVector.broadcast(SP, trc2[t3]).blend(trc2[t3 + 1], jo);
                VectorMask<Double> m0 = rr0.compare(VectorOperators.LT, rc0);
                VectorMask<Double> m1 = rr1.compare(VectorOperators.LT, rc1);
                VectorMask<Double> m2 = rr2.compare(VectorOperators.LT, rc2);
                VectorMask<Double> m3 = rr3.compare(VectorOperators.LT, rc3);
                DoubleVector q0 = rr0.lanewise(VectorOperators.SQRT), e0 = Lanes.exp(aa0.mul(re0.sub(q0)));
                DoubleVector q1 = rr1.lanewise(VectorOperators.SQRT), e1 = Lanes.exp(aa1.mul(re1.sub(q1)));
                DoubleVector q2 = rr2.lanewise(VectorOperators.SQRT), e2 = Lanes.exp(aa2.mul(re2.sub(q2)));
                DoubleVector q3 = rr3.lanewise(VectorOperators.SQRT), e3 = Lanes.exp(aa3.mul(re3.sub(q3)));
                DoubleVector c0 = zero.blend(fs0.mul(e0).mul(e0.sub(one)).div(q0), m0);        // −φ'/r
                DoubleVector c1 = zero.blend(fs1.mul(e1).mul(e1.sub(one)).div(q1), m1);        // −φ'/r
                DoubleVector c2 = zero.blend(fs2.mul(e2).mul(e2.sub(one)).div(q2), m2);        // −φ'/r
                DoubleVector c3 = zero.blend(fs3.mul(e3).mul(e3.sub(one)).div(q3), m3);        // −φ'/r
                ev = ev.add(zero.blend(ep0.mul(e0).mul(e0.sub(2.0)).add(of0), m0));
                ev = ev.add(zero.blend(ep1.mul(e1).mul(e1.sub(2.0)).add(of1), m1));
                ev = ev.add(zero.blend(ep2.mul(e2).mul(e2.sub(2.0)).add(of2), m2));
                ev = ev.add(zero.blend(ep3.mul(e3).mul(e3.sub(2.0)).add(of3), m3));
                if (virial) vv = c3.fma(rr3, c2.fma(rr2, c1.fma(rr1, c0.fma(rr0, vv))));
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
        final double[] red = new double[Lanes.WIDTH];
        sums[2 * block] = Lanes.sum(DoubleVector.fromArray(SP, acc, 0), red);
        sums[2 * block + 1] = Lanes.sum(DoubleVector.fromArray(SP, acc, Lanes.WIDTH), red);
    }
}
