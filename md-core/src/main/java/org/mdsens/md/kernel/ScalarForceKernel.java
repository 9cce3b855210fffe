package org.mdsens.md.kernel;

import java.util.Arrays;

import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.system.ParticleSystem;

/**
 * The scalar reference kernel for any {@link PairPotential}: the oracle and the fallback of every
 * other kernel. One pass over the half neighbor list per call, through the shared
 * {@link PairBatch} traversal; pairs at or beyond their species pair's cutoff (per pair, from a
 * table indexed s_a·S + s_b) are skipped. Formulas (DESIGN.md §4), r_ij = x_i − x_j under the
 * minimum image, n = r_ij/r:
 * <ul>
 *   <li>forces: F_i = −Σ_j φ'(r) n; energy Σ_{i&lt;j} φ(r); virial W = Σ_{i&lt;j} r_ij·f_ij = −Σ r φ'(r);</li>
 *   <li>Hessian product: (Hv)_i = Σ_j [(φ'/r) Δv + (φ'' − φ'/r)(n·Δv) n], Δv = v_i − v_j;</li>
 *   <li>parameter derivatives: ∂E/∂θ = Σ ∂φ/∂θ, (∂_θ∇E)_i = Σ_j ∂φ'/∂θ n.</li>
 * </ul>
 * Sums of energies and virials use Neumaier's compensated summation; vector sums are accumulated
 * in neighbor-list order, so the same inputs give the same bits.
 *
 * <p>Not thread-safe (one workspace); one kernel per thread, from {@link ScalarKernelProvider}.
 */
public final class ScalarForceKernel implements ForceKernel {

    private final PairPotential potential;
    private final int speciesCount;
    private final RadialFunction[] table;
    private final RadialFunction[][] derivativeTables;
    private final PairBatch batch;

    /** A kernel bound to {@code potential}; tabulates its radial functions per species pair. */
    public ScalarForceKernel(PairPotential potential) {
        if (potential == null) throw new IllegalArgumentException("pair potential must not be null");
        this.potential = potential;
        int s = potential.speciesNames().size();
        this.speciesCount = s;
        this.table = new RadialFunction[s * s];
        double[] cut2 = new double[s * s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                RadialFunction f = potential.pair(a, b);
                table[a * s + b] = f;
                double rc = f.cutoff();
                cut2[a * s + b] = rc * rc;
            }
        }
        this.derivativeTables = new RadialFunction[potential.parameterNames().size()][];
        this.batch = new PairBatch(s, cut2);
    }

    @Override public String name() { return "scalar"; }

    /** The potential this kernel is bound to. */
    public PairPotential potential() { return potential; }

    private RadialFunction[] derivativeTable(int k) {
        if (k < 0 || k >= derivativeTables.length) {
            throw new IllegalArgumentException("parameter index must be in [0, " + derivativeTables.length
                    + "), got " + k);
        }
        RadialFunction[] t = derivativeTables[k];
        if (t == null) {
            int s = speciesCount;
            t = new RadialFunction[s * s];
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) t[a * s + b] = potential.parameterDerivative(k, a, b);
            }
            derivativeTables[k] = t;
        }
        return t;
    }

    @Override
    public double energyAndForces(ParticleSystem system, NeighborList list, double[] forces, double[] virial) {
        final PairBatch pb = batch;
        pb.bind(system, list);
        final int d = pb.dimension();
        final int n = pb.particleCount();
        final RadialFunction[] fn = table;
        Arrays.fill(forces, 0, d * n, 0.0);
        double e = 0, ec = 0, vir = 0, vc = 0;
        for (int i = 0; i < n; i++) {
            final int m = pb.gather(i);
            final double[] dr = pb.delta;
            final double[] w = pb.w;
            for (int p = 0; p < m; p++) {
                RadialFunction f = fn[pb.type[p]];
                double rr = pb.r2[p];
                double r = Math.sqrt(rr);
                double phi = f.energy(r);
                double c = -f.firstDerivative(r) / r;   // f_ij = c r_ij
                double t = e + phi;                      // Neumaier
                ec += Math.abs(e) >= Math.abs(phi) ? (e - t) + phi : (phi - t) + e;
                e = t;
                double wv = c * rr;
                double tv = vir + wv;
                vc += Math.abs(vir) >= Math.abs(wv) ? (vir - tv) + wv : (wv - tv) + vir;
                vir = tv;
                int o = d * p;
                for (int a = 0; a < d; a++) w[o + a] = c * dr[o + a];
            }
            pb.scatter(i, m, forces);
        }
        if (virial != null) virial[0] = vir + vc;
        return e + ec;
    }

    @Override
    public void hessianProduct(ParticleSystem system, NeighborList list, double[] v, double[] out) {
        final PairBatch pb = batch;
        pb.bind(system, list);
        final int d = pb.dimension();
        final int n = pb.particleCount();
        final RadialFunction[] fn = table;
        Arrays.fill(out, 0, d * n, 0.0);
        for (int i = 0; i < n; i++) {
            final int m = pb.gather(i);
            final double[] dr = pb.delta;
            final double[] w = pb.w;
            final int bi = d * i;
            for (int p = 0; p < m; p++) {
                RadialFunction f = fn[pb.type[p]];
                double rr = pb.r2[p];
                double r = Math.sqrt(rr);
                double fOverR = f.firstDerivative(r) / r;
                double b = (f.secondDerivative(r) - fOverR) / rr;
                int o = d * p;
                int bj = d * pb.other[p];
                double s = 0;
                for (int a = 0; a < d; a++) s += dr[o + a] * (v[bi + a] - v[bj + a]);
                double bs = b * s;
                for (int a = 0; a < d; a++) w[o + a] = fOverR * (v[bi + a] - v[bj + a]) + bs * dr[o + a];
            }
            pb.scatter(i, m, out);
        }
    }

    @Override
    public double parameterEnergyDerivative(ParticleSystem system, NeighborList list, int k) {
        final RadialFunction[] fn = derivativeTable(k);
        final PairBatch pb = batch;
        pb.bind(system, list);
        final int n = pb.particleCount();
        double e = 0, ec = 0;
        for (int i = 0; i < n; i++) {
            final int m = pb.gather(i);
            for (int p = 0; p < m; p++) {
                double phi = fn[pb.type[p]].energy(Math.sqrt(pb.r2[p]));
                double t = e + phi;
                ec += Math.abs(e) >= Math.abs(phi) ? (e - t) + phi : (phi - t) + e;
                e = t;
            }
        }
        return e + ec;
    }

    @Override
    public void parameterGradient(ParticleSystem system, NeighborList list, int k, double[] out) {
        final RadialFunction[] fn = derivativeTable(k);
        final PairBatch pb = batch;
        pb.bind(system, list);
        final int d = pb.dimension();
        final int n = pb.particleCount();
        Arrays.fill(out, 0, d * n, 0.0);
        for (int i = 0; i < n; i++) {
            final int m = pb.gather(i);
            final double[] dr = pb.delta;
            final double[] w = pb.w;
            for (int p = 0; p < m; p++) {
                double r = Math.sqrt(pb.r2[p]);
                double c = fn[pb.type[p]].firstDerivative(r) / r;   // ∂φ'/∂θ · n = c r_ij
                int o = d * p;
                for (int a = 0; a < d; a++) w[o + a] = c * dr[o + a];
            }
            pb.scatter(i, m, out);
        }
    }
}
