package org.mdsens.md.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.mdsens.md.potential.Morse;
import org.mdsens.md.potential.PairPotential;

/**
 * Morse, φ(r) = ε e (e − 2) + offset with e = exp(−a(r − r₀)) ({@link Lanes#exp}) for r &lt; r_c, φ' = 2aε e(1 − e),
 * φ'' = 2a²ε e(2e − 1); the offset is −φ(r_c) when shifted. Every pair parameter enters one pair
 * only, so a derivative form holds, per species pair, the coefficients of
 * ∂φ'/∂θ = A (e − e²) + B (2e² − e) + C x (2e² − e) and
 * ∂φ/∂θ = c_ε (e² − 2e) + K (e² − e) + L x (e − e²) + offset, x = r − r₀, with
 * A = 2a c_ε + 2ε c_a, B = −2a²ε c_r0, C = 2aε c_a, K = 2aε c_r0, L = 2ε c_a. Immutable.
 */
final class MorseForm extends PairForm {

    private static final VectorSpecies<Double> SP = Lanes.SPECIES;

    final double[] eps, r0s, as;
    private final double[] cutoff;
    private final boolean shift;
    final double[] cutoff2, offset, forceScale, curvatureScale;
    // derivative form only (null otherwise)
    final double[] dA, dB, dC, dE, dK, dL;

    private MorseForm(int s, double[] eps, double[] r0s, double[] as, double[] cutoff, boolean shift,
                      double[][] chain) {
        super(s);
        this.eps = eps;
        this.r0s = r0s;
        this.as = as;
        this.cutoff = cutoff;
        this.shift = shift;
        int t = s * s;
        cutoff2 = new double[t];
        offset = new double[t];
        forceScale = new double[t];
        curvatureScale = new double[t];
        for (int q = 0; q < t; q++) {
            cutoff2[q] = cutoff[q] * cutoff[q];
            forceScale[q] = 2 * as[q] * eps[q];
            curvatureScale[q] = 2 * as[q] * as[q] * eps[q];
        }
        if (chain == null) {
            for (int q = 0; q < t; q++) {
                double e = Math.exp(-as[q] * (cutoff[q] - r0s[q]));   // as MorseFunction
                offset[q] = shift ? -eps[q] * e * (e - 2) : 0;
            }
            dA = dB = dC = dE = dK = dL = null;
            return;
        }
        dA = new double[t];
        dB = new double[t];
        dC = new double[t];
        dE = new double[t];
        dK = new double[t];
        dL = new double[t];
        for (int q = 0; q < t; q++) {
            double[] c = chain[q];
            double a = as[q], ep = eps[q];
            dA[q] = 2 * a * c[0] + 2 * ep * c[2];
            dB[q] = -2 * a * a * ep * c[1];
            dC[q] = 2 * a * ep * c[2];
            dE[q] = c[0];
            dK[q] = 2 * a * ep * c[1];
            dL[q] = 2 * ep * c[2];
            if (shift) {
                double x = cutoff[q] - r0s[q];
                double e = Math.exp(-a * x);
                double e2 = e * e;
                offset[q] = -(dE[q] * (e2 - 2 * e) + dK[q] * (e2 - e) + dL[q] * x * (e - e2));
            }
        }
    }

    static MorseForm of(Morse p) {
        int s = p.speciesNames().size();
        double[] ep = new double[s * s], r0 = new double[s * s], a = new double[s * s], rc = new double[s * s];
        for (int x = 0; x < s; x++) {
            for (int y = 0; y < s; y++) {
                String pair = "[" + p.speciesNames().get(x) + "," + p.speciesNames().get(y) + "]";
                ep[x * s + y] = p.parameter("epsilon" + pair);
                r0[x * s + y] = p.parameter("r0" + pair);
                a[x * s + y] = p.parameter("a" + pair);
                rc[x * s + y] = p.cutoff(x, y);
            }
        }
        return new MorseForm(s, ep, r0, a, rc, p.isShifted(), null);
    }

    @Override
    PairForm derivative(PairPotential p, int k) {
        int s = species;
        double[][] chain = new double[s * s][];
        for (int a = 0; a < s; a++) for (int b = 0; b < s; b++) chain[a * s + b] = Mixing.chain(p, k, a, b);
        return new MorseForm(s, eps, r0s, as, cutoff, shift, chain);
    }

    @Override
    boolean hasPairLoop() { return dA == null && PairLanes.supported(); }

    @Override
    void pairForces(PairFrame f, int b, double[] sums) {
        if (!hasPairLoop()) super.pairForces(f, b, sums);
        MorsePairLoop.forces(f, this, b, sums);
    }

    @Override
    void forces(Frame f, int from, int to, double[] sums, int b) {
        if (dA != null) derivativeLoop(f, this, from, to, sums, b); else forceLoop(f, this, from, to, sums, b);
    }

    private static void forceLoop(Frame f, MorseForm t, int from, int to, double[] sums, int block) {
        final double[] xs = f.xs, ys = f.ys, zs = f.zs, fx = f.fx, fy = f.fy, fz = f.fz;
        final double[] lanes = f.speciesLanes;
        final int[] rows = f.rows, ent = f.entries, sp = f.species;
        final double[] trc2 = t.cutoff2, teps = t.eps, tr0 = t.r0s, ta = t.as, toff = t.offset, tfs = t.forceScale;
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
                VectorMask<Double> other = mixed
                        ? DoubleVector.fromArray(SP, lanes, j).compare(VectorOperators.NE, 0.0)
                        : SP.maskAll(false);
                DoubleVector rc2 = DoubleVector.broadcast(SP, trc2[row]).blend(trc2[alt], other);
                DoubleVector ep = DoubleVector.broadcast(SP, teps[row]).blend(teps[alt], other);
                DoubleVector r0 = DoubleVector.broadcast(SP, tr0[row]).blend(tr0[alt], other);
                DoubleVector a = DoubleVector.broadcast(SP, ta[row]).blend(ta[alt], other);
                DoubleVector off = DoubleVector.broadcast(SP, toff[row]).blend(toff[alt], other);
                DoubleVector fs = DoubleVector.broadcast(SP, tfs[row]).blend(tfs[alt], other);
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0));
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector r = r2.lanewise(VectorOperators.SQRT);
                DoubleVector ex = Lanes.exp(a.mul(r0.sub(r)));
                DoubleVector one = DoubleVector.broadcast(SP, 1.0);
                DoubleVector c = zero.blend(fs.mul(ex).mul(ex.sub(one)).div(r), in);              // −φ'/r
                DoubleVector phi = zero.blend(ep.mul(ex).mul(ex.sub(2.0)).add(off), in);
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

    private static void derivativeLoop(Frame f, MorseForm t, int from, int to, double[] sums, int block) {
        final double[] xs = f.xs, ys = f.ys, zs = f.zs, fx = f.fx, fy = f.fy, fz = f.fz;
        final double[] lanes = f.speciesLanes;
        final int[] rows = f.rows, ent = f.entries, sp = f.species;
        final double[] trc2 = t.cutoff2, tr0 = t.r0s, ta = t.as, toff = t.offset;
        final double[] tA = t.dA, tB = t.dB, tC = t.dC, tE = t.dE, tK = t.dK, tL = t.dL;
        final int ns = t.species;
        final boolean mixed = ns > 1;
        final double[] red = new double[Lanes.WIDTH];
        double e = 0, ec = 0;
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
            final double xi = xs[i], yi = ys[i], zi = zs[i];
            final DoubleVector xv = DoubleVector.broadcast(SP, xi), yv = DoubleVector.broadcast(SP, yi),
                    zv = DoubleVector.broadcast(SP, zi);
            DoubleVector ax = DoubleVector.zero(SP), ay = ax, az = ax, ae = ax;
            for (int q = start; q < end; q++) {
                final int j = ent[q];
                DoubleVector dx = xv.sub(DoubleVector.fromArray(SP, xs, j));
                DoubleVector dy = yv.sub(DoubleVector.fromArray(SP, ys, j));
                DoubleVector dz = zv.sub(DoubleVector.fromArray(SP, zs, j));
                DoubleVector r2 = dz.fma(dz, dy.fma(dy, dx.mul(dx)));
                VectorMask<Double> other = mixed
                        ? DoubleVector.fromArray(SP, lanes, j).compare(VectorOperators.NE, 0.0)
                        : SP.maskAll(false);
                DoubleVector rc2 = DoubleVector.broadcast(SP, trc2[row]).blend(trc2[alt], other);
                DoubleVector r0 = DoubleVector.broadcast(SP, tr0[row]).blend(tr0[alt], other);
                DoubleVector a = DoubleVector.broadcast(SP, ta[row]).blend(ta[alt], other);
                DoubleVector off = DoubleVector.broadcast(SP, toff[row]).blend(toff[alt], other);
                DoubleVector cA = DoubleVector.broadcast(SP, tA[row]).blend(tA[alt], other);
                DoubleVector cB = DoubleVector.broadcast(SP, tB[row]).blend(tB[alt], other);
                DoubleVector cC = DoubleVector.broadcast(SP, tC[row]).blend(tC[alt], other);
                DoubleVector cE = DoubleVector.broadcast(SP, tE[row]).blend(tE[alt], other);
                DoubleVector cK = DoubleVector.broadcast(SP, tK[row]).blend(tK[alt], other);
                DoubleVector cL = DoubleVector.broadcast(SP, tL[row]).blend(tL[alt], other);
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0));
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector r = r2.lanewise(VectorOperators.SQRT);
                DoubleVector x = r.sub(r0);
                DoubleVector ex = Lanes.exp(a.mul(x).neg());
                DoubleVector e2 = ex.mul(ex);
                DoubleVector lin = ex.sub(e2);                  // e − e²
                DoubleVector quad = e2.mul(2.0).sub(ex);        // 2e² − e
                DoubleVector g1 = cA.mul(lin).add(cB.mul(quad)).add(cC.mul(x).mul(quad));
                DoubleVector g0 = cE.mul(e2.sub(ex.mul(2.0))).sub(cK.mul(lin)).add(cL.mul(x).mul(lin)).add(off);
                DoubleVector c = zero.blend(g1.neg().div(r), in);    // −∂φ'/∂θ / r
                DoubleVector phi = zero.blend(g0, in);
                ax = c.fma(dx, ax);
                ay = c.fma(dy, ay);
                az = c.fma(dz, az);
                ae = ae.add(phi);
            }
            fx[i] = Lanes.sum(ax, red);
            fy[i] = Lanes.sum(ay, red);
            fz[i] = Lanes.sum(az, red);
            double re = Lanes.sum(ae, red);
            double te = e + re;
            ec += Math.abs(e) >= Math.abs(re) ? (e - te) + re : (re - te) + e;
            e = te;
        }
        sums[2 * block] = e + ec;
        sums[2 * block + 1] = 0;
    }

    @Override
    void hessian(Frame f, int from, int to) {
        final double[] xs = f.xs, ys = f.ys, zs = f.zs, vx = f.vx, vy = f.vy, vz = f.vz, ox = f.fx, oy = f.fy, oz = f.fz;
        final double[] lanes = f.speciesLanes;
        final int[] rows = f.rows, ent = f.entries, sp = f.species;
        final double[] trc2 = cutoff2, tr0 = r0s, ta = as, tfs = forceScale, tcs = curvatureScale;
        final int ns = species;
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
                VectorMask<Double> other = mixed
                        ? DoubleVector.fromArray(SP, lanes, j).compare(VectorOperators.NE, 0.0)
                        : SP.maskAll(false);
                DoubleVector rc2 = DoubleVector.broadcast(SP, trc2[row]).blend(trc2[alt], other);
                DoubleVector r0 = DoubleVector.broadcast(SP, tr0[row]).blend(tr0[alt], other);
                DoubleVector a = DoubleVector.broadcast(SP, ta[row]).blend(ta[alt], other);
                DoubleVector fs = DoubleVector.broadcast(SP, tfs[row]).blend(tfs[alt], other);
                DoubleVector cs = DoubleVector.broadcast(SP, tcs[row]).blend(tcs[alt], other);
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0));
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector one = DoubleVector.broadcast(SP, 1.0);
                DoubleVector r = r2.lanewise(VectorOperators.SQRT);
                DoubleVector ex = Lanes.exp(a.mul(r0.sub(r)));
                DoubleVector fr = fs.mul(ex).mul(one.sub(ex)).div(r);                 // φ'/r
                DoubleVector p2 = cs.mul(ex).mul(ex.mul(2.0).sub(one));                // φ''
                DoubleVector fOverR = zero.blend(fr, in);
                DoubleVector curv = zero.blend(p2.sub(fr).div(r2), in);
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
