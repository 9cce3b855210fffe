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
 * The 4×4 cluster-pair loop of {@link LjForm} without a switch (plain cut, shifted, WCA):
 * φ = c12 r⁻¹² − c6 r⁻⁶ + offset and c = −φ'/r = (12 c12 r⁻¹² − 6 c6 r⁻⁶) r⁻² for r &lt; r_c,
 * over the entries of one force block of a {@link PairFrame}, each pair once (Newton's third
 * law: +c r_ij on i, −c r_ij on j). A cluster pair is two evaluations of 8 lanes; outside the
 * self pair one division serves both (1/r0² = r1²/(r0² r1²): no lane has r = 0 there, and padding
 * slots sit far apart). j forces go to the block's accumulator with one read-modify-write per
 * axis, i forces are reduced by shuffles once per entry, energies and virials are summed
 * lane-wise over the block and reduced in a fixed order. One flat method (DESIGN.md §7).
 *
 * <p>The one-species and two-species loops ({@code single}, {@code mixed}), and the Morse loop of
 * {@link MorsePairLoop}, repeat the same skeleton on purpose: vectors passed to a shared helper at a
 * cold call site are boxed by C2 (4 KB per entry, 2× slower, benchmarks/README.md table C), and one
 * merged loop with a species branch ran 1.3× slower on JDK 17. Change the skeleton in all three.
 */
final class LjPairLoop {

    private LjPairLoop() { }

    /** Force block b of f: zeroes its accumulator, runs its entries, writes sums[2b] (energy) and sums[2b+1] (virial). */
    static void forces(PairFrame f, LjForm t, int block, double[] sums) {
        if (t.species > 1) mixed(f, t, block, sums); else single(f, t, block, sums);
    }

    /** One species: every coefficient a broadcast. */
    private static void single(PairFrame f, LjForm t, int block, double[] sums) {
        f.clear(block);
        final double[] xj = f.xs, yj = f.ys, zj = f.zs, fx = f.fx, fy = f.fy, fz = f.fz;
        final double[] sh = f.shifts;
        final int[] iC = f.entryCluster, iS = f.entryShift, js = f.jStart, jl = f.jClusters;
        final int eFrom = f.blockEntries[block], eTo = f.blockEntries[block + 1];
        final int lo = PairFrame.STRIDE * f.blockFirst[block];
        final int fb = f.window[block] - lo, wrapShift = PairFrame.STRIDE * f.clusters;
        final boolean virial = f.virial;
        final double[] tf12 = t.f12, tnf6 = t.nf6, te12 = t.c12, tne6 = t.ne6, toff = t.offset, trc2 = t.cutoff2;
        boolean shifted = false;
        for (double o : toff) shifted |= o != 0;
        final boolean offset = shifted;
        final DoubleVector zero = DoubleVector.zero(SP), one = DoubleVector.broadcast(SP, 1.0);
        final DoubleVector f12 = DoubleVector.broadcast(SP, tf12[0]), nf6 = DoubleVector.broadcast(SP, tnf6[0]);
        final DoubleVector e12 = DoubleVector.broadcast(SP, te12[0]), ne6 = DoubleVector.broadcast(SP, tne6[0]);
        final DoubleVector off = DoubleVector.broadcast(SP, toff[0]), rc2 = DoubleVector.broadcast(SP, trc2[0]);
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
            DoubleVector ax0 = zero, ay0 = zero, az0 = zero, ax1 = zero, ay1 = zero, az1 = zero, ev = zero, vv = zero;
            int q = js[e];
            final int qe = js[e + 1];
            if (q < qe && code == ClusterPairList.CENTER && jl[q] == ci) {
                // the self pair: lanes i < j only, r = 0 on the diagonal (two divisions, blends last)
                final int j = jb, jf = j + fb;
                DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
                DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
                DoubleVector dx0 = x0.sub(xv), dy0 = y0.sub(yv), dz0 = z0.sub(zv);
                DoubleVector dx1 = x1.sub(xv), dy1 = y1.sub(yv), dz1 = z1.sub(zv);
                DoubleVector r0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
                DoubleVector r1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
                DoubleVector a12 = f12, b12 = f12, a6 = nf6, b6 = nf6, ae = e12, be = e12, an = ne6, bn = ne6;
                DoubleVector ao = off, bo = off, ar = rc2, br = rc2;
                VectorMask<Double> m0 = r0.compare(VectorOperators.LT, ar).and(SELF0);
                VectorMask<Double> m1 = r1.compare(VectorOperators.LT, br).and(SELF1);
                DoubleVector i0 = one.div(r0), i1 = one.div(r1);
                DoubleVector s60 = i0.mul(i0).mul(i0), s61 = i1.mul(i1).mul(i1);
                DoubleVector c0 = zero.blend(s60.fma(a12, a6).mul(s60).mul(i0), m0);
                DoubleVector c1 = zero.blend(s61.fma(b12, b6).mul(s61).mul(i1), m1);
                ev = ev.add(zero.blend(s60.fma(ae, an).mul(s60), m0)).add(zero.blend(s61.fma(be, bn).mul(s61), m1));
                if (offset) ev = ev.add(zero.blend(ao, m0)).add(zero.blend(bo, m1));
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
                DoubleVector a12 = f12, b12 = f12, a6 = nf6, b6 = nf6, ae = e12, be = e12, an = ne6, bn = ne6;
                DoubleVector ao = off, bo = off, ar = rc2, br = rc2;
                VectorMask<Double> m0 = r0.compare(VectorOperators.LT, ar);
                VectorMask<Double> m1 = r1.compare(VectorOperators.LT, br);
                // one division for both halves: 1/r0² = r1²/(r0² r1²)
                DoubleVector inv = one.div(r0.mul(r1));
                DoubleVector i0 = inv.mul(r1), i1 = inv.mul(r0);
                DoubleVector s60 = zero.blend(i0.mul(i0).mul(i0), m0), s61 = zero.blend(i1.mul(i1).mul(i1), m1);
                DoubleVector c0 = s60.fma(a12, a6).mul(s60).mul(i0);
                DoubleVector c1 = s61.fma(b12, b6).mul(s61).mul(i1);
                ev = s61.fma(be, bn).fma(s61, s60.fma(ae, an).fma(s60, ev));
                if (offset) ev = ev.add(zero.blend(ao, m0)).add(zero.blend(bo, m1));
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

    /** Two species: coefficients picked per lane from the species of i and j. */
    private static void mixed(PairFrame f, LjForm t, int block, double[] sums) {
        f.clear(block);
        final double[] xj = f.xs, yj = f.ys, zj = f.zs, fx = f.fx, fy = f.fy, fz = f.fz, sl = f.speciesLanes;
        final double[] sh = f.shifts;
        final int[] iC = f.entryCluster, iS = f.entryShift, js = f.jStart, jl = f.jClusters;
        final int eFrom = f.blockEntries[block], eTo = f.blockEntries[block + 1];
        final int lo = PairFrame.STRIDE * f.blockFirst[block];
        final int fb = f.window[block] - lo, wrapShift = PairFrame.STRIDE * f.clusters;
        final boolean virial = f.virial;
        final double[] tf12 = t.f12, tnf6 = t.nf6, te12 = t.c12, tne6 = t.ne6, toff = t.offset, trc2 = t.cutoff2;
        boolean shifted = false;
        for (double o : toff) shifted |= o != 0;
        final boolean offset = shifted;
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
            // io0, io1 (and jo below): the lanes whose i (j) is of species 1
            final VectorMask<Double> io0 = si.rearrange(I01).compare(VectorOperators.NE, 0.0);
            final VectorMask<Double> io1 = si.rearrange(I23).compare(VectorOperators.NE, 0.0);
            DoubleVector ax0 = zero, ay0 = zero, az0 = zero, ax1 = zero, ay1 = zero, az1 = zero, ev = zero, vv = zero;
            int q = js[e];
            final int qe = js[e + 1];
            if (q < qe && code == ClusterPairList.CENTER && jl[q] == ci) {
                // the self pair: lanes i < j only, r = 0 on the diagonal (two divisions, blends last)
                final int j = jb, jf = j + fb;
                DoubleVector xv = DoubleVector.fromArray(SP, xj, j), yv = DoubleVector.fromArray(SP, yj, j);
                DoubleVector zv = DoubleVector.fromArray(SP, zj, j);
                DoubleVector dx0 = x0.sub(xv), dy0 = y0.sub(yv), dz0 = z0.sub(zv);
                DoubleVector dx1 = x1.sub(xv), dy1 = y1.sub(yv), dz1 = z1.sub(zv);
                DoubleVector r0 = dz0.fma(dz0, dy0.fma(dy0, dx0.mul(dx0)));
                DoubleVector r1 = dz1.fma(dz1, dy1.fma(dy1, dx1.mul(dx1)));
                VectorMask<Double> jo = DoubleVector.fromArray(SP, sl, j).compare(VectorOperators.NE, 0.0);
                // per table: lo/hi = the coefficients for i of species 0/1 by the species of j, then by
                // the species of i (written out: a shared helper is not inlined in a loop this large)
                DoubleVector lo12 = DoubleVector.broadcast(SP, tf12[0]).blend(tf12[1], jo);
                DoubleVector hi12 = DoubleVector.broadcast(SP, tf12[2]).blend(tf12[3], jo);
                DoubleVector a12 = lo12.blend(hi12, io0), b12 = lo12.blend(hi12, io1);
                DoubleVector lo6 = DoubleVector.broadcast(SP, tnf6[0]).blend(tnf6[1], jo);
                DoubleVector hi6 = DoubleVector.broadcast(SP, tnf6[2]).blend(tnf6[3], jo);
                DoubleVector a6 = lo6.blend(hi6, io0), b6 = lo6.blend(hi6, io1);
                DoubleVector loe = DoubleVector.broadcast(SP, te12[0]).blend(te12[1], jo);
                DoubleVector hie = DoubleVector.broadcast(SP, te12[2]).blend(te12[3], jo);
                DoubleVector ae = loe.blend(hie, io0), be = loe.blend(hie, io1);
                DoubleVector lon = DoubleVector.broadcast(SP, tne6[0]).blend(tne6[1], jo);
                DoubleVector hin = DoubleVector.broadcast(SP, tne6[2]).blend(tne6[3], jo);
                DoubleVector an = lon.blend(hin, io0), bn = lon.blend(hin, io1);
                DoubleVector loo = DoubleVector.broadcast(SP, toff[0]).blend(toff[1], jo);
                DoubleVector hio = DoubleVector.broadcast(SP, toff[2]).blend(toff[3], jo);
                DoubleVector ao = loo.blend(hio, io0), bo = loo.blend(hio, io1);
                DoubleVector lor = DoubleVector.broadcast(SP, trc2[0]).blend(trc2[1], jo);
                DoubleVector hir = DoubleVector.broadcast(SP, trc2[2]).blend(trc2[3], jo);
                DoubleVector ar = lor.blend(hir, io0), br = lor.blend(hir, io1);
                VectorMask<Double> m0 = r0.compare(VectorOperators.LT, ar).and(SELF0);
                VectorMask<Double> m1 = r1.compare(VectorOperators.LT, br).and(SELF1);
                DoubleVector i0 = one.div(r0), i1 = one.div(r1);
                DoubleVector s60 = i0.mul(i0).mul(i0), s61 = i1.mul(i1).mul(i1);
                DoubleVector c0 = zero.blend(s60.fma(a12, a6).mul(s60).mul(i0), m0);
                DoubleVector c1 = zero.blend(s61.fma(b12, b6).mul(s61).mul(i1), m1);
                ev = ev.add(zero.blend(s60.fma(ae, an).mul(s60), m0)).add(zero.blend(s61.fma(be, bn).mul(s61), m1));
                if (offset) ev = ev.add(zero.blend(ao, m0)).add(zero.blend(bo, m1));
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
                VectorMask<Double> jo = DoubleVector.fromArray(SP, sl, j).compare(VectorOperators.NE, 0.0);
                // per table: lo/hi = the coefficients for i of species 0/1 by the species of j, then by
                // the species of i (written out: a shared helper is not inlined in a loop this large)
                DoubleVector lo12 = DoubleVector.broadcast(SP, tf12[0]).blend(tf12[1], jo);
                DoubleVector hi12 = DoubleVector.broadcast(SP, tf12[2]).blend(tf12[3], jo);
                DoubleVector a12 = lo12.blend(hi12, io0), b12 = lo12.blend(hi12, io1);
                DoubleVector lo6 = DoubleVector.broadcast(SP, tnf6[0]).blend(tnf6[1], jo);
                DoubleVector hi6 = DoubleVector.broadcast(SP, tnf6[2]).blend(tnf6[3], jo);
                DoubleVector a6 = lo6.blend(hi6, io0), b6 = lo6.blend(hi6, io1);
                DoubleVector loe = DoubleVector.broadcast(SP, te12[0]).blend(te12[1], jo);
                DoubleVector hie = DoubleVector.broadcast(SP, te12[2]).blend(te12[3], jo);
                DoubleVector ae = loe.blend(hie, io0), be = loe.blend(hie, io1);
                DoubleVector lon = DoubleVector.broadcast(SP, tne6[0]).blend(tne6[1], jo);
                DoubleVector hin = DoubleVector.broadcast(SP, tne6[2]).blend(tne6[3], jo);
                DoubleVector an = lon.blend(hin, io0), bn = lon.blend(hin, io1);
                DoubleVector loo = DoubleVector.broadcast(SP, toff[0]).blend(toff[1], jo);
                DoubleVector hio = DoubleVector.broadcast(SP, toff[2]).blend(toff[3], jo);
                DoubleVector ao = loo.blend(hio, io0), bo = loo.blend(hio, io1);
                DoubleVector lor = DoubleVector.broadcast(SP, trc2[0]).blend(trc2[1], jo);
                DoubleVector hir = DoubleVector.broadcast(SP, trc2[2]).blend(trc2[3], jo);
                DoubleVector ar = lor.blend(hir, io0), br = lor.blend(hir, io1);
                VectorMask<Double> m0 = r0.compare(VectorOperators.LT, ar);
                VectorMask<Double> m1 = r1.compare(VectorOperators.LT, br);
                // one division for both halves: 1/r0² = r1²/(r0² r1²)
                DoubleVector inv = one.div(r0.mul(r1));
                DoubleVector i0 = inv.mul(r1), i1 = inv.mul(r0);
                DoubleVector s60 = zero.blend(i0.mul(i0).mul(i0), m0), s61 = zero.blend(i1.mul(i1).mul(i1), m1);
                DoubleVector c0 = s60.fma(a12, a6).mul(s60).mul(i0);
                DoubleVector c1 = s61.fma(b12, b6).mul(s61).mul(i1);
                ev = s61.fma(be, bn).fma(s61, s60.fma(ae, an).fma(s60, ev));
                if (offset) ev = ev.add(zero.blend(ao, m0)).add(zero.blend(bo, m1));
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
}
