package org.mdsens.md.kernel.vector;

import static org.mdsens.md.kernel.vector.PairLanes.HIGH_PAIRS;
import static org.mdsens.md.kernel.vector.PairLanes.I01;
import static org.mdsens.md.kernel.vector.PairLanes.I23;
import static org.mdsens.md.kernel.vector.PairLanes.KEEP;
import static org.mdsens.md.kernel.vector.PairLanes.SELF0;
import static org.mdsens.md.kernel.vector.PairLanes.SELF1;
import static org.mdsens.md.kernel.vector.PairLanes.SP;
import static org.mdsens.md.kernel.vector.PairLanes.SWAP1;
import static org.mdsens.md.kernel.vector.PairLanes.SWAP2;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import org.mdsens.md.neighbor.ClusterPairList;

/**
 * The 4×4 cluster-pair loop of {@link MorseForm} (energies and forces): φ = ε e (e − 2) + offset,
 * c = −φ'/r = 2aε e (e − 1)/r, e = exp(−a(r − r₀)) ({@link Lanes#exp}), for r &lt; r_c, over the
 * entries of one force block of a {@link PairFrame}, each pair once, as {@link LjPairLoop}
 * (shuffles, j read-modify-writes, i reduction, block sums in a fixed order); one or two species
 * (coefficients picked per lane). Lanes outside the cutoff, the self pair's lanes i ≥ j and
 * padding are removed by blends. One flat method (DESIGN.md §7).
 */
final class MorsePairLoop {

    private MorsePairLoop() { }

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
        final double[] teps = four(t.eps), tr0 = four(t.r0s), ta = four(t.as), tfs = four(t.forceScale);
        final double[] toff = four(t.offset), trc2 = four(t.cutoff2);
        final boolean mixed = t.species > 1;
        final DoubleVector zero = DoubleVector.zero(SP), one = DoubleVector.broadcast(SP, 1.0);
        final double[] acc = new double[2 * Lanes.WIDTH];    // energy and virial lanes of the block
        for (int e = eFrom; e < eTo; e++) {
            final int ci = iC[e], code = iS[e], jb = PairFrame.STRIDE * ci;
            final double sx = sh[3 * code], sy = sh[3 * code + 1], sz = sh[3 * code + 2];
            final DoubleVector xc = DoubleVector.fromArray(SP, xj, jb).sub(sx);
            final DoubleVector yc = DoubleVector.fromArray(SP, yj, jb).sub(sy);
            final DoubleVector zc = DoubleVector.fromArray(SP, zj, jb).sub(sz);
            final DoubleVector x0 = xc.rearrange(I01), x1 = xc.rearrange(I23);
            final DoubleVector y0 = yc.rearrange(I01), y1 = yc.rearrange(I23);
            final DoubleVector z0 = zc.rearrange(I01), z1 = zc.rearrange(I23);
            final DoubleVector si = DoubleVector.fromArray(SP, sl, jb);
            final VectorMask<Double> io0 = mixed ? si.rearrange(I01).compare(VectorOperators.NE, 0.0) : SP.maskAll(false);
            final VectorMask<Double> io1 = mixed ? si.rearrange(I23).compare(VectorOperators.NE, 0.0) : SP.maskAll(false);
            DoubleVector ax0 = zero, ay0 = zero, az0 = zero, ax1 = zero, ay1 = zero, az1 = zero, ev = zero, vv = zero;
            int q = js[e];
            final int qe = js[e + 1];
            if (q < qe && code == ClusterPairList.CENTER && jl[q] == ci) {
                // the self pair: lanes i < j only, r = 0 on the diagonal (blends last)
                final int j = jb, jf = j + fb;
                DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
                DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
                DoubleVector dx0 = x0.sub(xv), dy0 = y0.sub(yv), dz0 = z0.sub(zv);
                DoubleVector dx1 = x1.sub(xv), dy1 = y1.sub(yv), dz1 = z1.sub(zv);
                DoubleVector r0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
                DoubleVector r1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
                VectorMask<Double> jo = mixed ? DoubleVector.fromArray(SP, sl, j).compare(VectorOperators.NE, 0.0) : SP.maskAll(false);
                // per table: lo/hi = the coefficients for i of species 0/1 by the species of j, then by
                // the species of i (written out: a shared helper is not inlined in a loop this large)
                DoubleVector loep = DoubleVector.broadcast(SP, teps[0]).blend(teps[1], jo);
                DoubleVector hiep = DoubleVector.broadcast(SP, teps[2]).blend(teps[3], jo);
                DoubleVector aep = loep.blend(hiep, io0), bep = loep.blend(hiep, io1);
                DoubleVector lor0 = DoubleVector.broadcast(SP, tr0[0]).blend(tr0[1], jo);
                DoubleVector hir0 = DoubleVector.broadcast(SP, tr0[2]).blend(tr0[3], jo);
                DoubleVector ar0 = lor0.blend(hir0, io0), br0 = lor0.blend(hir0, io1);
                DoubleVector loaa = DoubleVector.broadcast(SP, ta[0]).blend(ta[1], jo);
                DoubleVector hiaa = DoubleVector.broadcast(SP, ta[2]).blend(ta[3], jo);
                DoubleVector aaa = loaa.blend(hiaa, io0), baa = loaa.blend(hiaa, io1);
                DoubleVector lofs = DoubleVector.broadcast(SP, tfs[0]).blend(tfs[1], jo);
                DoubleVector hifs = DoubleVector.broadcast(SP, tfs[2]).blend(tfs[3], jo);
                DoubleVector afs = lofs.blend(hifs, io0), bfs = lofs.blend(hifs, io1);
                DoubleVector loo = DoubleVector.broadcast(SP, toff[0]).blend(toff[1], jo);
                DoubleVector hio = DoubleVector.broadcast(SP, toff[2]).blend(toff[3], jo);
                DoubleVector ao = loo.blend(hio, io0), bo = loo.blend(hio, io1);
                DoubleVector lor = DoubleVector.broadcast(SP, trc2[0]).blend(trc2[1], jo);
                DoubleVector hir = DoubleVector.broadcast(SP, trc2[2]).blend(trc2[3], jo);
                DoubleVector ar = lor.blend(hir, io0), br = lor.blend(hir, io1);
                VectorMask<Double> m0 = r0.compare(VectorOperators.LT, ar).and(SELF0);
                VectorMask<Double> m1 = r1.compare(VectorOperators.LT, br).and(SELF1);
                DoubleVector q0 = r0.lanewise(VectorOperators.SQRT), q1 = r1.lanewise(VectorOperators.SQRT);
                DoubleVector e0 = Lanes.exp(aaa.mul(ar0.sub(q0))), e1 = Lanes.exp(baa.mul(br0.sub(q1)));
                DoubleVector c0 = zero.blend(afs.mul(e0).mul(e0.sub(one)).div(q0), m0);        // −φ'/r
                DoubleVector c1 = zero.blend(bfs.mul(e1).mul(e1.sub(one)).div(q1), m1);
                ev = ev.add(zero.blend(aep.mul(e0).mul(e0.sub(2.0)).add(ao), m0))
                        .add(zero.blend(bep.mul(e1).mul(e1.sub(2.0)).add(bo), m1));
                if (virial) vv = c1.fma(r1, c0.fma(r0, vv));
                ax0 = c0.fma(dx0, ax0);
                ay0 = c0.fma(dy0, ay0);
                az0 = c0.fma(dz0, az0);
                ax1 = c1.fma(dx1, ax1);
                ay1 = c1.fma(dy1, ay1);
                az1 = c1.fma(dz1, az1);
                DoubleVector.fromArray(SP, fx, jf).sub(c1.fma(dx1, c0.mul(dx0))).intoArray(fx, jf);
                DoubleVector.fromArray(SP, fy, jf).sub(c1.fma(dy1, c0.mul(dy0))).intoArray(fy, jf);
                DoubleVector.fromArray(SP, fz, jf).sub(c1.fma(dz1, c0.mul(dz0))).intoArray(fz, jf);
                q++;
            }
            for (; q < qe; q++) {
                final int j = PairFrame.STRIDE * jl[q];
                final int jf = j + fb + ((j - lo) >> 31 & wrapShift);   // branch-free: a rare wrap must not deoptimize
                DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
                DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
                DoubleVector dx0 = x0.sub(xv), dy0 = y0.sub(yv), dz0 = z0.sub(zv);
                DoubleVector dx1 = x1.sub(xv), dy1 = y1.sub(yv), dz1 = z1.sub(zv);
                DoubleVector r0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
                DoubleVector r1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
                VectorMask<Double> jo = mixed ? DoubleVector.fromArray(SP, sl, j).compare(VectorOperators.NE, 0.0) : SP.maskAll(false);
                // per table: lo/hi = the coefficients for i of species 0/1 by the species of j, then by
                // the species of i (written out: a shared helper is not inlined in a loop this large)
                DoubleVector loep = DoubleVector.broadcast(SP, teps[0]).blend(teps[1], jo);
                DoubleVector hiep = DoubleVector.broadcast(SP, teps[2]).blend(teps[3], jo);
                DoubleVector aep = loep.blend(hiep, io0), bep = loep.blend(hiep, io1);
                DoubleVector lor0 = DoubleVector.broadcast(SP, tr0[0]).blend(tr0[1], jo);
                DoubleVector hir0 = DoubleVector.broadcast(SP, tr0[2]).blend(tr0[3], jo);
                DoubleVector ar0 = lor0.blend(hir0, io0), br0 = lor0.blend(hir0, io1);
                DoubleVector loaa = DoubleVector.broadcast(SP, ta[0]).blend(ta[1], jo);
                DoubleVector hiaa = DoubleVector.broadcast(SP, ta[2]).blend(ta[3], jo);
                DoubleVector aaa = loaa.blend(hiaa, io0), baa = loaa.blend(hiaa, io1);
                DoubleVector lofs = DoubleVector.broadcast(SP, tfs[0]).blend(tfs[1], jo);
                DoubleVector hifs = DoubleVector.broadcast(SP, tfs[2]).blend(tfs[3], jo);
                DoubleVector afs = lofs.blend(hifs, io0), bfs = lofs.blend(hifs, io1);
                DoubleVector loo = DoubleVector.broadcast(SP, toff[0]).blend(toff[1], jo);
                DoubleVector hio = DoubleVector.broadcast(SP, toff[2]).blend(toff[3], jo);
                DoubleVector ao = loo.blend(hio, io0), bo = loo.blend(hio, io1);
                DoubleVector lor = DoubleVector.broadcast(SP, trc2[0]).blend(trc2[1], jo);
                DoubleVector hir = DoubleVector.broadcast(SP, trc2[2]).blend(trc2[3], jo);
                DoubleVector ar = lor.blend(hir, io0), br = lor.blend(hir, io1);
                VectorMask<Double> m0 = r0.compare(VectorOperators.LT, ar);
                VectorMask<Double> m1 = r1.compare(VectorOperators.LT, br);
                DoubleVector q0 = r0.lanewise(VectorOperators.SQRT), q1 = r1.lanewise(VectorOperators.SQRT);
                DoubleVector e0 = Lanes.exp(aaa.mul(ar0.sub(q0))), e1 = Lanes.exp(baa.mul(br0.sub(q1)));
                DoubleVector c0 = zero.blend(afs.mul(e0).mul(e0.sub(one)).div(q0), m0);        // −φ'/r
                DoubleVector c1 = zero.blend(bfs.mul(e1).mul(e1.sub(one)).div(q1), m1);
                ev = ev.add(zero.blend(aep.mul(e0).mul(e0.sub(2.0)).add(ao), m0))
                        .add(zero.blend(bep.mul(e1).mul(e1.sub(2.0)).add(bo), m1));
                if (virial) vv = c1.fma(r1, c0.fma(r0, vv));
                ax0 = c0.fma(dx0, ax0);
                ay0 = c0.fma(dy0, ay0);
                az0 = c0.fma(dz0, az0);
                ax1 = c1.fma(dx1, ax1);
                ay1 = c1.fma(dy1, ay1);
                az1 = c1.fma(dz1, az1);
                DoubleVector.fromArray(SP, fx, jf).sub(c1.fma(dx1, c0.mul(dx0))).intoArray(fx, jf);
                DoubleVector.fromArray(SP, fy, jf).sub(c1.fma(dy1, c0.mul(dy0))).intoArray(fy, jf);
                DoubleVector.fromArray(SP, fz, jf).sub(c1.fma(dz1, c0.mul(dz0))).intoArray(fz, jf);
            }
            // i forces into the duplicated layout, written out (a helper at this cold site would
            // not be inlined and its vector arguments would be boxed): lane 0 = Σ ax0[0..3] (i0),
            // lane 5 = Σ ax0[4..7] (i1), lane 2 = Σ ax1[0..3] (i2), lane 7 = Σ ax1[4..7] (i3)
            final int jf = jb + fb;
            DoubleVector ux = ax0.add(ax0.rearrange(SWAP2)).blend(ax1.add(ax1.rearrange(SWAP2)), HIGH_PAIRS);
            DoubleVector uy = ay0.add(ay0.rearrange(SWAP2)).blend(ay1.add(ay1.rearrange(SWAP2)), HIGH_PAIRS);
            DoubleVector uz = az0.add(az0.rearrange(SWAP2)).blend(az1.add(az1.rearrange(SWAP2)), HIGH_PAIRS);
            DoubleVector.fromArray(SP, fx, jf).add(zero.blend(ux.add(ux.rearrange(SWAP1)), KEEP)).intoArray(fx, jf);
            DoubleVector.fromArray(SP, fy, jf).add(zero.blend(uy.add(uy.rearrange(SWAP1)), KEEP)).intoArray(fy, jf);
            DoubleVector.fromArray(SP, fz, jf).add(zero.blend(uz.add(uz.rearrange(SWAP1)), KEEP)).intoArray(fz, jf);
            // no vector lives across entries (C2 of JDK 17 would box it): the block sums stay in memory
            DoubleVector.fromArray(SP, acc, 0).add(ev).intoArray(acc, 0);
            if (virial) DoubleVector.fromArray(SP, acc, Lanes.WIDTH).add(vv).intoArray(acc, Lanes.WIDTH);
        }
        final double[] red = new double[Lanes.WIDTH];
        sums[2 * block] = Lanes.sum(DoubleVector.fromArray(SP, acc, 0), red);
        sums[2 * block + 1] = Lanes.sum(DoubleVector.fromArray(SP, acc, Lanes.WIDTH), red);
    }

    /** A species-pair table as 4 entries (one species: the one value four times), table index 2 s_i + s_j. */
    private static double[] four(double[] t) {
        return t.length == 4 ? t : new double[] {t[0], t[0], t[0], t[0]};
    }
}
