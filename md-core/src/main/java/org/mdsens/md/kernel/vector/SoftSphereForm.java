package org.mdsens.md.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.SoftSphere;

/**
 * The soft sphere φ(r) = (ε/α) u^α, u = 1 − r/σ, for r &lt; σ (JAX-MD convention), with
 * φ' = −(ε/σ) u^(α−1) and φ'' = (ε(α−1)/σ²) u^(α−2). u^(α−2) is 1 for the harmonic α = 2, √u
 * for Hertz α = 5/2, u for α = 3, and {@link Math#pow} lane by lane otherwise (slow, but
 * reproducible). Parameter derivatives
 * (σ, ε, α: through the mixing rule) have their own loop: with c_σ, c_ε, c_α the chain-rule
 * coefficients of the pair and l = ln u,
 * ∂φ/∂θ = c_σ ε u^(α−1) r/σ² + c_ε u^α/α + c_α (ε/α) u^α (l − 1/α) and
 * ∂φ'/∂θ = c_σ [ε u^(α−1)/σ² − ε(α−1) u^(α−2) r/σ³] − c_ε u^(α−1)/σ − c_α (ε/σ) u^(α−1) l.
 * Immutable.
 */
final class SoftSphereForm extends PairForm {

    private static final VectorSpecies<Double> SP = Lanes.SPECIES;
    private static final int HARMONIC = 0, HERTZ = 1, CUBIC = 2, GENERAL = 3;

    private final double alpha;
    private final int mode;
    private final double[] sigma, epsilon;
    final double[] cutoff2, invSigma, energyScale, forceScale, curvatureScale;
    // derivative form only (null otherwise): coefficients of p1, pm2·r, p0 and of the logarithmic terms
    final double[] k1, k2, k3, k4, m1, m0;
    final boolean logarithm;

    private SoftSphereForm(int s, double alpha, double[] sigma, double[] epsilon, double[][] chain) {
        super(s);
        this.alpha = alpha;
        this.mode = alpha == 2 ? HARMONIC : alpha == 2.5 ? HERTZ : alpha == 3 ? CUBIC : GENERAL;
        this.sigma = sigma;
        this.epsilon = epsilon;
        int t = s * s;
        cutoff2 = new double[t];
        invSigma = new double[t];
        energyScale = new double[t];
        forceScale = new double[t];
        curvatureScale = new double[t];
        for (int q = 0; q < t; q++) {
            double sg = sigma[q], ep = epsilon[q];
            cutoff2[q] = sg * sg;
            invSigma[q] = 1 / sg;
            energyScale[q] = ep / alpha;
            forceScale[q] = ep / sg;
            curvatureScale[q] = ep * (alpha - 1) / (sg * sg);
        }
        if (chain == null) {
            k1 = k2 = k3 = k4 = m1 = m0 = null;
            logarithm = false;
            return;
        }
        k1 = new double[t];
        k2 = new double[t];
        k3 = new double[t];
        k4 = new double[t];
        m1 = new double[t];
        m0 = new double[t];
        boolean log = false;
        for (int q = 0; q < t; q++) {
            double sg = sigma[q], ep = epsilon[q];
            double[] c = chain[q];
            k1[q] = c[0] * ep / (sg * sg);
            k2[q] = -c[0] * ep * (alpha - 1) / (sg * sg * sg);
            k3[q] = -c[1] / sg;
            k4[q] = c[1] / alpha;
            m1[q] = c[2] * ep / sg;
            m0[q] = c[2] * ep / alpha;
            log |= c[2] != 0;
        }
        logarithm = log;
    }

    static SoftSphereForm of(SoftSphere p) {
        int s = p.speciesNames().size();
        double[] sg = new double[s * s], ep = new double[s * s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                sg[a * s + b] = p.sigma(a, b);
                ep[a * s + b] = p.epsilon(a, b);
            }
        }
        return new SoftSphereForm(s, p.alpha(), sg, ep, null);
    }

    @Override
    PairForm derivative(PairPotential p, int k) {
        int s = species;
        double[][] chain = new double[s * s][];
        for (int a = 0; a < s; a++) for (int b = 0; b < s; b++) chain[a * s + b] = Mixing.chain(p, k, a, b);
        return new SoftSphereForm(s, alpha, sigma, epsilon, chain);
    }

    /** u^(α−2) for u &gt; 0. */
    private static DoubleVector powerMinus2(DoubleVector u, int mode, double alpha, double[] scratch) {
        if (mode == HARMONIC) return DoubleVector.broadcast(SP, 1.0);
        if (mode == HERTZ) return u.lanewise(VectorOperators.SQRT);
        if (mode == CUBIC) return u;
        return Lanes.pow(u, alpha - 2, scratch);
    }

    @Override
    void forces(Frame f, int from, int to, double[] sums, int b) {
        if (k1 != null) derivativeLoop(f, this, from, to, sums, b); else forceLoop(f, this, from, to, sums, b);
    }

    private static void forceLoop(Frame f, SoftSphereForm t, int from, int to, double[] sums, int block) {
        final double[] xs = f.xs, ys = f.ys, zs = f.zs, fx = f.fx, fy = f.fy, fz = f.fz;
        final double[] lanes = f.speciesLanes;
        final int[] rows = f.rows, ent = f.entries, sp = f.species;
        final double[] trc2 = t.cutoff2, tis = t.invSigma, tes = t.energyScale, tfs = t.forceScale;
        final int ns = t.species, mode = t.mode;
        final double alpha = t.alpha;
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
            final double aRc = trc2[row], bRc = trc2[alt], aIs = tis[row], bIs = tis[alt];
            final double aEs = tes[row], bEs = tes[alt], aFs = tfs[row], bFs = tfs[alt];
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
                DoubleVector rc2, is, es, fs;
                if (mixed) {
                    VectorMask<Double> other = DoubleVector.fromArray(SP, lanes, j).compare(VectorOperators.NE, 0.0);
                    rc2 = DoubleVector.broadcast(SP, aRc).blend(bRc, other);
                    is = DoubleVector.broadcast(SP, aIs).blend(bIs, other);
                    es = DoubleVector.broadcast(SP, aEs).blend(bEs, other);
                    fs = DoubleVector.broadcast(SP, aFs).blend(bFs, other);
                } else {
                    rc2 = DoubleVector.broadcast(SP, aRc);
                    is = DoubleVector.broadcast(SP, aIs);
                    es = DoubleVector.broadcast(SP, aEs);
                    fs = DoubleVector.broadcast(SP, aFs);
                }
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector r = r2.lanewise(VectorOperators.SQRT);
                DoubleVector u = DoubleVector.broadcast(SP, 1.0).sub(r.mul(is));
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0))
                        .and(u.compare(VectorOperators.GT, 0.0));
                DoubleVector pm2 = powerMinus2(u, mode, alpha, red);
                DoubleVector p1 = pm2.mul(u);
                DoubleVector c = zero.blend(fs.mul(p1).div(r), in);          // −φ'/r
                DoubleVector phi = zero.blend(es.mul(p1).mul(u), in);
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

    private static void derivativeLoop(Frame f, SoftSphereForm t, int from, int to, double[] sums, int block) {
        final double[] xs = f.xs, ys = f.ys, zs = f.zs, fx = f.fx, fy = f.fy, fz = f.fz;
        final double[] lanes = f.speciesLanes;
        final int[] rows = f.rows, ent = f.entries, sp = f.species;
        final double[] trc2 = t.cutoff2, tis = t.invSigma, tk1 = t.k1, tk2 = t.k2, tk3 = t.k3, tk4 = t.k4, tm1 = t.m1,
                tm0 = t.m0;
        final int ns = t.species, mode = t.mode;
        final double alpha = t.alpha, invAlpha = 1 / t.alpha;
        final boolean mixed = ns > 1, log = t.logarithm;
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
                DoubleVector is = DoubleVector.broadcast(SP, tis[row]).blend(tis[alt], other);
                DoubleVector c1 = DoubleVector.broadcast(SP, tk1[row]).blend(tk1[alt], other);
                DoubleVector c2 = DoubleVector.broadcast(SP, tk2[row]).blend(tk2[alt], other);
                DoubleVector c3 = DoubleVector.broadcast(SP, tk3[row]).blend(tk3[alt], other);
                DoubleVector c4 = DoubleVector.broadcast(SP, tk4[row]).blend(tk4[alt], other);
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector r = r2.lanewise(VectorOperators.SQRT);
                DoubleVector u = DoubleVector.broadcast(SP, 1.0).sub(r.mul(is));
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0))
                        .and(u.compare(VectorOperators.GT, 0.0));
                DoubleVector pm2 = powerMinus2(u, mode, alpha, red);
                DoubleVector p1 = pm2.mul(u);
                DoubleVector p0 = p1.mul(u);
                DoubleVector g1 = p1.mul(c1.add(c3)).add(c2.mul(pm2).mul(r));
                DoubleVector g0 = c1.mul(p1).mul(r).add(c4.mul(p0));
                if (log) {
                    DoubleVector d1 = DoubleVector.broadcast(SP, tm1[row]).blend(tm1[alt], other);
                    DoubleVector d0 = DoubleVector.broadcast(SP, tm0[row]).blend(tm0[alt], other);
                    DoubleVector l = Lanes.log(zero.blend(u, in).add(DoubleVector.broadcast(SP, 1.0).blend(zero, in)), red);
                    // ln u inside, ln 1 = 0 outside
                    g1 = g1.sub(d1.mul(p1).mul(l));
                    g0 = g0.add(d0.mul(p0).mul(l.sub(invAlpha)));
                }
                DoubleVector c = zero.blend(g1.neg().div(r), in);     // −∂φ'/∂θ / r
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
        final double[] trc2 = cutoff2, tis = invSigma, tfs = forceScale, tcs = curvatureScale;
        final int ns = species, md = mode;
        final double al = alpha;
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
            final double aRc = trc2[row], bRc = trc2[alt], aIs = tis[row], bIs = tis[alt];
            final double aFs = tfs[row], bFs = tfs[alt], aCs = tcs[row], bCs = tcs[alt];
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
                DoubleVector rc2, is, fs, cs;
                if (mixed) {
                    VectorMask<Double> other = DoubleVector.fromArray(SP, lanes, j).compare(VectorOperators.NE, 0.0);
                    rc2 = DoubleVector.broadcast(SP, aRc).blend(bRc, other);
                    is = DoubleVector.broadcast(SP, aIs).blend(bIs, other);
                    fs = DoubleVector.broadcast(SP, aFs).blend(bFs, other);
                    cs = DoubleVector.broadcast(SP, aCs).blend(bCs, other);
                } else {
                    rc2 = DoubleVector.broadcast(SP, aRc);
                    is = DoubleVector.broadcast(SP, aIs);
                    fs = DoubleVector.broadcast(SP, aFs);
                    cs = DoubleVector.broadcast(SP, aCs);
                }
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector r = r2.lanewise(VectorOperators.SQRT);
                DoubleVector u = DoubleVector.broadcast(SP, 1.0).sub(r.mul(is));
                VectorMask<Double> in = r2.compare(VectorOperators.LT, rc2).and(r2.compare(VectorOperators.GT, 0.0))
                        .and(u.compare(VectorOperators.GT, 0.0));
                DoubleVector pm2 = powerMinus2(u, md, al, red);
                DoubleVector fr = fs.mul(pm2).mul(u).div(r).neg();                 // φ'/r
                DoubleVector fOverR = zero.blend(fr, in);
                DoubleVector curv = zero.blend(cs.mul(pm2).sub(fr).div(r2), in);   // (φ'' − φ'/r)/r²
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
