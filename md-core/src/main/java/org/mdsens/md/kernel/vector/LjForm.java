package org.mdsens.md.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.Wca;

/**
 * Lennard-Jones in all its forms (plain cut, shifted, smoothly switched, WCA) as
 * φ(r) = (c12 r⁻¹² − c6 r⁻⁶)·S(r) + offset for r &lt; r_c, with c12 = 4εσ¹², c6 = 4εσ⁶,
 * offset = −V(r_c) (shift), +ε (WCA) or 0, and the C² quintic switch S on [r_on, r_c]
 * (S ≡ 1 without a switch). Parameter derivatives of every form are again of this form (the
 * cutoff is fixed and the switch multiplies), with c12, c6 and the offset replaced by their
 * θ-derivatives, so one pair of loops (plain and switched) serves energies, forces and
 * ∂(∇E)/∂θ. Immutable.
 */
final class LjForm extends PairForm {

    private static final VectorSpecies<Double> SP = Lanes.SPECIES;

    final double[] c12, c6, offset, cutoff2, switchOn, invWidth;
    /** 12·c12, −6·c6 and −c6 per species pair (the 4×4 loop's fused forms). */
    final double[] f12, nf6, ne6;
    private final double[] cutoff;
    final boolean switched;
    /** Whether a 4×4 loop serves energies and forces (fixed at construction: it asks the JDK's version). */
    private final boolean pairLoop;

    private final double[] sigma, epsilon;
    private final boolean shift, wca;

    private LjForm(int s, double[] sigma, double[] epsilon, double[] cutoff, double[] switchOn, boolean shift,
                   boolean wca, double[] c12, double[] c6) {
        super(s);
        this.sigma = sigma;
        this.epsilon = epsilon;
        this.shift = shift;
        this.wca = wca;
        this.switched = switchOn != null;
        this.pairLoop = !switched && (PairLanes.supported() || QuadLanes.supported() && s == 1);
        int t = s * s;
        this.cutoff = cutoff;
        this.c12 = c12;
        this.c6 = c6;
        this.f12 = new double[t];
        this.nf6 = new double[t];
        this.ne6 = new double[t];
        for (int q = 0; q < t; q++) {
            f12[q] = 12 * c12[q];
            nf6[q] = -6 * c6[q];
            ne6[q] = -c6[q];
        }
        this.offset = new double[t];
        this.cutoff2 = new double[t];
        this.switchOn = new double[t];
        this.invWidth = new double[t];
        for (int q = 0; q < t; q++) {
            double rc = cutoff[q];
            cutoff2[q] = rc * rc;
            if (switched) {
                this.switchOn[q] = switchOn[q];
                this.invWidth[q] = 1 / (rc - switchOn[q]);
            } else {
                this.switchOn[q] = rc;
            }
        }
    }

    /** The form of a Lennard-Jones potential (cut, shifted or switched). */
    static LjForm of(LennardJones p) {
        int s = p.speciesNames().size();
        double[] sg = new double[s * s], ep = new double[s * s], rc = new double[s * s];
        double[] on = p.isSwitched() ? new double[s * s] : null;
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                sg[a * s + b] = p.sigma(a, b);
                ep[a * s + b] = p.epsilon(a, b);
                rc[a * s + b] = p.cutoff(a, b);
                if (on != null) on[a * s + b] = p.switchOn(a, b);
            }
        }
        return base(s, sg, ep, rc, on, p.isShifted(), false);
    }

    /** The form of a WCA potential: cut at 2^{1/6}σ and shifted up by ε. */
    static LjForm of(Wca p) {
        int s = p.speciesNames().size();
        double[] sg = new double[s * s], ep = new double[s * s], rc = new double[s * s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                sg[a * s + b] = p.sigma(a, b);
                ep[a * s + b] = p.epsilon(a, b);
                rc[a * s + b] = p.cutoff(a, b);
            }
        }
        return base(s, sg, ep, rc, null, false, true);
    }

    private static LjForm base(int s, double[] sg, double[] ep, double[] rc, double[] on, boolean shift, boolean wca) {
        int t = s * s;
        double[] c12 = new double[t], c6 = new double[t];
        for (int q = 0; q < t; q++) {
            double s6 = sg[q] * sg[q] * sg[q];     // as LennardJonesFunction: c6 = 4εσ⁶, c12 = c6 σ⁶
            s6 *= s6;
            c6[q] = 4 * ep[q] * s6;
            c12[q] = c6[q] * s6;
        }
        LjForm f = new LjForm(s, sg, ep, rc, on, shift, wca, c12, c6);
        for (int q = 0; q < t; q++) {
            f.offset[q] = shift ? -raw(c12[q], c6[q], rc[q]) : wca ? ep[q] : 0.0;
        }
        return f;
    }

    private static double raw(double c12, double c6, double r) {
        double ir2 = 1 / (r * r);
        double ir6 = ir2 * ir2 * ir2;
        return ir6 * (c12 * ir6 - c6);
    }

    @Override
    PairForm derivative(PairPotential p, int k) {
        int s = species;
        int t = s * s;
        double[] d12 = new double[t], d6 = new double[t], rc = new double[t], on = switched ? new double[t] : null;
        double[] cw = new double[t];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                int q = a * s + b;
                double[] c = Mixing.chain(p, k, a, b);
                double sg = sigma[q], ep = epsilon[q];
                double s5 = sg * sg * sg * sg * sg, s6 = s5 * sg, s11 = s5 * s6, s12 = s6 * s6;
                d12[q] = c[0] * 48 * ep * s11 + c[1] * 4 * s12;   // ∂(4εσ¹²)/∂θ
                d6[q] = c[0] * 24 * ep * s5 + c[1] * 4 * s6;      // ∂(4εσ⁶)/∂θ
                rc[q] = cutoff[q];
                if (on != null) on[q] = switchOn[q];
                cw[q] = c[1];
            }
        }
        LjForm f = new LjForm(s, sigma, epsilon, rc, on, shift, wca, d12, d6);
        for (int q = 0; q < t; q++) {
            f.offset[q] = shift ? -raw(d12[q], d6[q], rc[q]) : wca ? cw[q] : 0.0;
        }
        return f;
    }

    @Override
    void forces(Frame f, int from, int to, double[] sums, int b) {
        if (switched) forcesSwitched(f, this, from, to, sums, b); else forcesPlain(f, this, from, to, sums, b);
    }

    @Override
    boolean hasPairLoop() { return pairLoop; }

    @Override
    void pairForces(PairFrame f, int b, double[] sums) {
        if (!hasPairLoop()) super.pairForces(f, b, sums);
        if (PairLanes.supported()) LjPairLoop.forces(f, this, b, sums); else LjQuadLoop.forces(f, this, b, sums);
    }

    @Override
    void hessian(Frame f, int from, int to) {
        if (switched) hessianSwitched(f, this, from, to); else hessianPlain(f, this, from, to);
    }

    private static void forcesPlain(Frame f, LjForm t, int from, int to, double[] sums, int block) {
        final double[] xs = f.xs, ys = f.ys, zs = f.zs, fx = f.fx, fy = f.fy, fz = f.fz;
        final double[] lanes = f.speciesLanes;
        final int[] rows = f.rows, ent = f.entries, sp = f.species;
        final double[] tc12 = t.c12, tc6 = t.c6, toff = t.offset, trc2 = t.cutoff2;
        final int ns = t.species;
        final boolean mixed = ns > 1, virial = f.virial;
        final double[] red = new double[Lanes.WIDTH];
        double e = 0, ec = 0, vir = 0, vc = 0;
        for (int i = from; i < to; i++) {
            final int start = rows[i], end = rows[i + 1];
            if (start == end) {
                fx[i] = 0;
                fy[i] = 0;
                fz[i] = 0;
                continue;
            }
            final int row = sp[i] * ns;
            final int alt = mixed ? row + 1 : row;
            final double a12 = tc12[row], b12 = tc12[alt], a6 = tc6[row], b6 = tc6[alt];
            final double aOff = toff[row], bOff = toff[alt], aRc = trc2[row], bRc = trc2[alt];
            final double xi = xs[i], yi = ys[i], zi = zs[i];
            final DoubleVector xv = DoubleVector.broadcast(SP, xi), yv = DoubleVector.broadcast(SP, yi),
                    zv = DoubleVector.broadcast(SP, zi);
            DoubleVector ax = DoubleVector.zero(SP), ay = ax, az = ax, ae = ax, av = ax;
            for (int q = start; q < end; q++) {
                final int j = ent[q];
                DoubleVector dx = xv.sub(DoubleVector.fromArray(SP, xs, j));
                DoubleVector dy = yv.sub(DoubleVector.fromArray(SP, ys, j));
                DoubleVector dz = zv.sub(DoubleVector.fromArray(SP, zs, j));
                DoubleVector r2 = dz.fma(dz, dy.fma(dy, dx.mul(dx)));
                DoubleVector c12, c6, off, rc2;
                if (mixed) {
                    VectorMask<Double> other = DoubleVector.fromArray(SP, lanes, j).compare(VectorOperators.NE, 0.0);
                    c12 = DoubleVector.broadcast(SP, a12).blend(b12, other);
                    c6 = DoubleVector.broadcast(SP, a6).blend(b6, other);
                    off = DoubleVector.broadcast(SP, aOff).blend(bOff, other);
                    rc2 = DoubleVector.broadcast(SP, aRc).blend(bRc, other);
                } else {
                    c12 = DoubleVector.broadcast(SP, a12);
                    c6 = DoubleVector.broadcast(SP, a6);
                    off = DoubleVector.broadcast(SP, aOff);
                    rc2 = DoubleVector.broadcast(SP, aRc);
                }
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0));
                DoubleVector ir2 = DoubleVector.broadcast(SP, 1.0).div(r2);
                DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
                DoubleVector a = c12.mul(ir6).mul(ir6);
                DoubleVector bb = c6.mul(ir6);
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector c = zero.blend(a.mul(12.0).sub(bb.mul(6.0)).mul(ir2), in);   // −φ'/r
                DoubleVector phi = zero.blend(a.sub(bb).add(off), in);
                ax = c.fma(dx, ax);
                ay = c.fma(dy, ay);
                az = c.fma(dz, az);
                ae = ae.add(phi);
                if (virial) av = c.fma(r2, av);
            }
            fx[i] = Lanes.sum(ax, red);
            fy[i] = Lanes.sum(ay, red);
            fz[i] = Lanes.sum(az, red);
            double re = Lanes.sum(ae, red);
            double te = e + re;
            ec += Math.abs(e) >= Math.abs(re) ? (e - te) + re : (re - te) + e;
            e = te;
            double rv = Lanes.sum(av, red);
            double tv = vir + rv;
            vc += Math.abs(vir) >= Math.abs(rv) ? (vir - tv) + rv : (rv - tv) + vir;
            vir = tv;
        }
        sums[2 * block] = e + ec;
        sums[2 * block + 1] = vir + vc;
    }

    private static void forcesSwitched(Frame f, LjForm t, int from, int to, double[] sums, int block) {
        final double[] xs = f.xs, ys = f.ys, zs = f.zs, fx = f.fx, fy = f.fy, fz = f.fz;
        final double[] lanes = f.speciesLanes;
        final int[] rows = f.rows, ent = f.entries, sp = f.species;
        final double[] tc12 = t.c12, tc6 = t.c6, toff = t.offset, trc2 = t.cutoff2, ton = t.switchOn, tiw = t.invWidth;
        final int ns = t.species;
        final boolean mixed = ns > 1, virial = f.virial;
        final double[] red = new double[Lanes.WIDTH];
        double e = 0, ec = 0, vir = 0, vc = 0;
        for (int i = from; i < to; i++) {
            final int start = rows[i], end = rows[i + 1];
            if (start == end) {
                fx[i] = 0;
                fy[i] = 0;
                fz[i] = 0;
                continue;
            }
            final int row = sp[i] * ns;
            final int alt = mixed ? row + 1 : row;
            final double a12 = tc12[row], b12 = tc12[alt], a6 = tc6[row], b6 = tc6[alt];
            final double aOff = toff[row], bOff = toff[alt], aRc = trc2[row], bRc = trc2[alt];
            final double aOn = ton[row], bOn = ton[alt], aIw = tiw[row], bIw = tiw[alt];
            final double xi = xs[i], yi = ys[i], zi = zs[i];
            final DoubleVector xv = DoubleVector.broadcast(SP, xi), yv = DoubleVector.broadcast(SP, yi),
                    zv = DoubleVector.broadcast(SP, zi);
            DoubleVector ax = DoubleVector.zero(SP), ay = ax, az = ax, ae = ax, av = ax;
            for (int q = start; q < end; q++) {
                final int j = ent[q];
                DoubleVector dx = xv.sub(DoubleVector.fromArray(SP, xs, j));
                DoubleVector dy = yv.sub(DoubleVector.fromArray(SP, ys, j));
                DoubleVector dz = zv.sub(DoubleVector.fromArray(SP, zs, j));
                DoubleVector r2 = dz.fma(dz, dy.fma(dy, dx.mul(dx)));
                DoubleVector c12, c6, off, rc2, on, iw;
                if (mixed) {
                    VectorMask<Double> other = DoubleVector.fromArray(SP, lanes, j).compare(VectorOperators.NE, 0.0);
                    c12 = DoubleVector.broadcast(SP, a12).blend(b12, other);
                    c6 = DoubleVector.broadcast(SP, a6).blend(b6, other);
                    off = DoubleVector.broadcast(SP, aOff).blend(bOff, other);
                    rc2 = DoubleVector.broadcast(SP, aRc).blend(bRc, other);
                    on = DoubleVector.broadcast(SP, aOn).blend(bOn, other);
                    iw = DoubleVector.broadcast(SP, aIw).blend(bIw, other);
                } else {
                    c12 = DoubleVector.broadcast(SP, a12);
                    c6 = DoubleVector.broadcast(SP, a6);
                    off = DoubleVector.broadcast(SP, aOff);
                    rc2 = DoubleVector.broadcast(SP, aRc);
                    on = DoubleVector.broadcast(SP, aOn);
                    iw = DoubleVector.broadcast(SP, aIw);
                }
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0));
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector r = r2.lanewise(VectorOperators.SQRT);
                DoubleVector ir2 = DoubleVector.broadcast(SP, 1.0).div(r2);
                DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
                DoubleVector a = c12.mul(ir6).mul(ir6);
                DoubleVector bb = c6.mul(ir6);
                DoubleVector v = a.sub(bb);
                // t = (r − r_on)/(r_c − r_on), clamped at 0 (then S = 1, S' = 0)
                DoubleVector tt = r.sub(on).mul(iw).max(zero);
                DoubleVector omt = DoubleVector.broadcast(SP, 1.0).sub(tt);
                DoubleVector t2 = tt.mul(tt);
                DoubleVector s = DoubleVector.broadcast(SP, 1.0)
                        .sub(t2.mul(tt).mul(tt.mul(tt.mul(6.0).sub(15.0)).add(10.0)));
                DoubleVector ds = t2.mul(omt).mul(omt).mul(iw).mul(-30.0);
                // −φ'/r = (12a − 6b)/r² S − V S'/r
                DoubleVector c = zero.blend(a.mul(12.0).sub(bb.mul(6.0)).mul(ir2).mul(s).sub(v.mul(ds).div(r)), in);
                DoubleVector phi = zero.blend(v.mul(s).add(off), in);
                ax = c.fma(dx, ax);
                ay = c.fma(dy, ay);
                az = c.fma(dz, az);
                ae = ae.add(phi);
                if (virial) av = c.fma(r2, av);
            }
            fx[i] = Lanes.sum(ax, red);
            fy[i] = Lanes.sum(ay, red);
            fz[i] = Lanes.sum(az, red);
            double re = Lanes.sum(ae, red);
            double te = e + re;
            ec += Math.abs(e) >= Math.abs(re) ? (e - te) + re : (re - te) + e;
            e = te;
            double rv = Lanes.sum(av, red);
            double tv = vir + rv;
            vc += Math.abs(vir) >= Math.abs(rv) ? (vir - tv) + rv : (rv - tv) + vir;
            vir = tv;
        }
        sums[2 * block] = e + ec;
        sums[2 * block + 1] = vir + vc;
    }

    private static void hessianPlain(Frame f, LjForm t, int from, int to) {
        final double[] xs = f.xs, ys = f.ys, zs = f.zs, vx = f.vx, vy = f.vy, vz = f.vz, ox = f.fx, oy = f.fy, oz = f.fz;
        final double[] lanes = f.speciesLanes;
        final int[] rows = f.rows, ent = f.entries, sp = f.species;
        final double[] tc12 = t.c12, tc6 = t.c6, trc2 = t.cutoff2;
        final int ns = t.species;
        final boolean mixed = ns > 1;
        final double[] red = new double[Lanes.WIDTH];
        for (int i = from; i < to; i++) {
            final int start = rows[i], end = rows[i + 1];
            if (start == end) {
                ox[i] = 0;
                oy[i] = 0;
                oz[i] = 0;
                continue;
            }
            final int row = sp[i] * ns;
            final int alt = mixed ? row + 1 : row;
            final double a12 = tc12[row], b12 = tc12[alt], a6 = tc6[row], b6 = tc6[alt], aRc = trc2[row], bRc = trc2[alt];
            final double xi = xs[i], yi = ys[i], zi = zs[i], vxi = vx[i], vyi = vy[i], vzi = vz[i];
            final DoubleVector xv = DoubleVector.broadcast(SP, xi), yv = DoubleVector.broadcast(SP, yi),
                    zv = DoubleVector.broadcast(SP, zi);
            DoubleVector ax = DoubleVector.zero(SP), ay = ax, az = ax;
            for (int q = start; q < end; q++) {
                final int j = ent[q];
                DoubleVector dx = xv.sub(DoubleVector.fromArray(SP, xs, j));
                DoubleVector dy = yv.sub(DoubleVector.fromArray(SP, ys, j));
                DoubleVector dz = zv.sub(DoubleVector.fromArray(SP, zs, j));
                DoubleVector r2 = dz.fma(dz, dy.fma(dy, dx.mul(dx)));
                DoubleVector c12, c6, rc2;
                if (mixed) {
                    VectorMask<Double> other = DoubleVector.fromArray(SP, lanes, j).compare(VectorOperators.NE, 0.0);
                    c12 = DoubleVector.broadcast(SP, a12).blend(b12, other);
                    c6 = DoubleVector.broadcast(SP, a6).blend(b6, other);
                    rc2 = DoubleVector.broadcast(SP, aRc).blend(bRc, other);
                } else {
                    c12 = DoubleVector.broadcast(SP, a12);
                    c6 = DoubleVector.broadcast(SP, a6);
                    rc2 = DoubleVector.broadcast(SP, aRc);
                }
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0));
                DoubleVector ir2 = DoubleVector.broadcast(SP, 1.0).div(r2);
                DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
                DoubleVector a = c12.mul(ir6).mul(ir6);
                DoubleVector bb = c6.mul(ir6);
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector fOverR = zero.blend(bb.mul(6.0).sub(a.mul(12.0)).mul(ir2), in);          // φ'/r
                DoubleVector curv = zero.blend(a.mul(168.0).sub(bb.mul(48.0)).mul(ir2).mul(ir2), in); // (φ'' − φ'/r)/r²
                DoubleVector ux = DoubleVector.broadcast(SP, vxi).sub(DoubleVector.fromArray(SP, vx, j));
                DoubleVector uy = DoubleVector.broadcast(SP, vyi).sub(DoubleVector.fromArray(SP, vy, j));
                DoubleVector uz = DoubleVector.broadcast(SP, vzi).sub(DoubleVector.fromArray(SP, vz, j));
                DoubleVector proj = curv.mul(dz.fma(uz, dy.fma(uy, dx.mul(ux))));
                ax = fOverR.fma(ux, proj.fma(dx, ax));
                ay = fOverR.fma(uy, proj.fma(dy, ay));
                az = fOverR.fma(uz, proj.fma(dz, az));
            }
            ox[i] = Lanes.sum(ax, red);
            oy[i] = Lanes.sum(ay, red);
            oz[i] = Lanes.sum(az, red);
        }
    }

    private static void hessianSwitched(Frame f, LjForm t, int from, int to) {
        final double[] xs = f.xs, ys = f.ys, zs = f.zs, vx = f.vx, vy = f.vy, vz = f.vz, ox = f.fx, oy = f.fy, oz = f.fz;
        final double[] lanes = f.speciesLanes;
        final int[] rows = f.rows, ent = f.entries, sp = f.species;
        final double[] tc12 = t.c12, tc6 = t.c6, trc2 = t.cutoff2, ton = t.switchOn, tiw = t.invWidth;
        final int ns = t.species;
        final boolean mixed = ns > 1;
        final double[] red = new double[Lanes.WIDTH];
        for (int i = from; i < to; i++) {
            final int start = rows[i], end = rows[i + 1];
            if (start == end) {
                ox[i] = 0;
                oy[i] = 0;
                oz[i] = 0;
                continue;
            }
            final int row = sp[i] * ns;
            final int alt = mixed ? row + 1 : row;
            final double a12 = tc12[row], b12 = tc12[alt], a6 = tc6[row], b6 = tc6[alt], aRc = trc2[row], bRc = trc2[alt];
            final double aOn = ton[row], bOn = ton[alt], aIw = tiw[row], bIw = tiw[alt];
            final double xi = xs[i], yi = ys[i], zi = zs[i], vxi = vx[i], vyi = vy[i], vzi = vz[i];
            final DoubleVector xv = DoubleVector.broadcast(SP, xi), yv = DoubleVector.broadcast(SP, yi),
                    zv = DoubleVector.broadcast(SP, zi);
            DoubleVector ax = DoubleVector.zero(SP), ay = ax, az = ax;
            for (int q = start; q < end; q++) {
                final int j = ent[q];
                DoubleVector dx = xv.sub(DoubleVector.fromArray(SP, xs, j));
                DoubleVector dy = yv.sub(DoubleVector.fromArray(SP, ys, j));
                DoubleVector dz = zv.sub(DoubleVector.fromArray(SP, zs, j));
                DoubleVector r2 = dz.fma(dz, dy.fma(dy, dx.mul(dx)));
                DoubleVector c12, c6, rc2, on, iw;
                if (mixed) {
                    VectorMask<Double> other = DoubleVector.fromArray(SP, lanes, j).compare(VectorOperators.NE, 0.0);
                    c12 = DoubleVector.broadcast(SP, a12).blend(b12, other);
                    c6 = DoubleVector.broadcast(SP, a6).blend(b6, other);
                    rc2 = DoubleVector.broadcast(SP, aRc).blend(bRc, other);
                    on = DoubleVector.broadcast(SP, aOn).blend(bOn, other);
                    iw = DoubleVector.broadcast(SP, aIw).blend(bIw, other);
                } else {
                    c12 = DoubleVector.broadcast(SP, a12);
                    c6 = DoubleVector.broadcast(SP, a6);
                    rc2 = DoubleVector.broadcast(SP, aRc);
                    on = DoubleVector.broadcast(SP, aOn);
                    iw = DoubleVector.broadcast(SP, aIw);
                }
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0));
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector one = DoubleVector.broadcast(SP, 1.0);
                DoubleVector r = r2.lanewise(VectorOperators.SQRT);
                DoubleVector ir = one.div(r);
                DoubleVector ir2 = ir.mul(ir);
                DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
                DoubleVector a = c12.mul(ir6).mul(ir6);
                DoubleVector bb = c6.mul(ir6);
                DoubleVector v = a.sub(bb);
                DoubleVector d1 = bb.mul(6.0).sub(a.mul(12.0)).mul(ir);           // V'
                DoubleVector d2 = a.mul(156.0).sub(bb.mul(42.0)).mul(ir2);        // V''
                DoubleVector tt = r.sub(on).mul(iw).max(zero);
                DoubleVector omt = one.sub(tt);
                DoubleVector t2 = tt.mul(tt);
                DoubleVector s = one.sub(t2.mul(tt).mul(tt.mul(tt.mul(6.0).sub(15.0)).add(10.0)));
                DoubleVector ds = t2.mul(omt).mul(omt).mul(iw).mul(-30.0);
                DoubleVector dds = tt.mul(omt).mul(one.sub(tt.mul(2.0))).mul(iw).mul(iw).mul(-60.0);
                DoubleVector p1 = d1.mul(s).add(v.mul(ds));                         // φ'
                DoubleVector p2 = d2.mul(s).add(d1.mul(ds).mul(2.0)).add(v.mul(dds)); // φ''
                DoubleVector fr = p1.mul(ir);
                DoubleVector fOverR = zero.blend(fr, in);
                DoubleVector curv = zero.blend(p2.sub(fr).mul(ir2), in);
                DoubleVector ux = DoubleVector.broadcast(SP, vxi).sub(DoubleVector.fromArray(SP, vx, j));
                DoubleVector uy = DoubleVector.broadcast(SP, vyi).sub(DoubleVector.fromArray(SP, vy, j));
                DoubleVector uz = DoubleVector.broadcast(SP, vzi).sub(DoubleVector.fromArray(SP, vz, j));
                DoubleVector proj = curv.mul(dz.fma(uz, dy.fma(uy, dx.mul(ux))));
                ax = fOverR.fma(ux, proj.fma(dx, ax));
                ay = fOverR.fma(uy, proj.fma(dy, ay));
                az = fOverR.fma(uz, proj.fma(dz, az));
            }
            ox[i] = Lanes.sum(ax, red);
            oy[i] = Lanes.sum(ay, red);
            oz[i] = Lanes.sum(az, red);
        }
    }
}
