package org.mdsens.benchmarks;

import java.util.Arrays;

import org.mdsens.md.neighbor.ClusterList;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Checks {@link ClusterPairKernel} against the inline scalar half-list loop (energy and every
 * force component, relative to the largest force, within 1e-12), at the build positions and
 * after random displacements of up to 0.08 per coordinate without a rebuild, and prints the list
 * statistics (entries, lane pairs and lane efficiency per atom, against the production
 * {@link ClusterList}). Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * org.mdsens.benchmarks.ClusterPairCheck [lj3d-N[-jitter] ...]}.
 */
public final class ClusterPairCheck {

    static final double RC = 2.5;

    private ClusterPairCheck() { }

    public static void main(String[] args) {
        String[] systems = args.length == 0 ? new String[] {"lj3d-4000", "lj3d-32000"} : args;
        for (String name : systems) {
            // lj3d-N-J: the fcc crystal displaced by up to J per coordinate (disordered for J ≳ 0.3)
            String[] parts = name.split("-");
            ParticleSystem ps = parts.length == 3
                    ? Systems.fcc(Integer.parseInt(parts[1]), Double.parseDouble(parts[2]), 1)
                    : Systems.of(name).system();
            System.out.println(name + ": " + verify(ps, 7));
            System.out.println(name + ": exact prune " + statistics(ps, true));
            System.out.println(name + ": box prune   " + statistics(ps, false));
        }
    }

    /**
     * The inline scalar half-list LJ loop of {@link FormulationBenchmark#scalarInline()}, as a
     * reference, with the energy summed with compensation (overlapping configurations have a few
     * huge terms, and a plain running sum then drifts by ~1e-12 relative).
     */
    static double reference(double[] x, int n, int[] off, int[] nb, double l, double[] f) {
        final double il = 1 / l, rc2 = RC * RC;
        Arrays.fill(f, 0.0);
        double e = 0, comp = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2], fx = 0, fy = 0, fz = 0;
            for (int q = off[i]; q < off[i + 1]; q++) {
                int bj = 3 * nb[q];
                double dx = xi - x[bj], dy = yi - x[bj + 1], dz = zi - x[bj + 2];
                dx -= l * Math.rint(dx * il);
                dy -= l * Math.rint(dy * il);
                dz -= l * Math.rint(dz * il);
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 < rc2) {
                    double ir2 = 1 / r2, ir6 = ir2 * ir2 * ir2;
                    double c = ir6 * (48 * ir6 - 24) * ir2;
                    double v = 4 * ir6 * (ir6 - 1), t = e + v;   // Neumaier-compensated sum
                    comp += Math.abs(e) >= Math.abs(v) ? (e - t) + v : (v - t) + e;
                    e = t;
                    fx += c * dx;
                    fy += c * dy;
                    fz += c * dz;
                    f[bj] -= c * dx;
                    f[bj + 1] -= c * dy;
                    f[bj + 2] -= c * dz;
                }
            }
            f[3 * i] += fx;
            f[3 * i + 1] += fy;
            f[3 * i + 2] += fz;
        }
        return e + comp;
    }

    /**
     * Compares the kernel with the reference at the build positions and at displaced positions
     * (seeded); throws if the energy or a force component differs by more than 1e-12 relative.
     */
    static String verify(ParticleSystem ps, long seed) {
        if (!ClusterPairKernel.supported()) return "skipped: preferred species has " + ClusterPairKernel.SP.length() + " lanes";
        int n = ps.size();
        double l = ((Box.Periodic) ps.box()).length(0);
        double[] x = ps.positions().clone();
        NeighborList nl = new NeighborList(RC, Systems.SKIN);
        nl.update(ps);
        ClusterPairList cl = new ClusterPairList();
        cl.build(x, n, l, l, l, RC + Systems.SKIN);
        ClusterPairKernel k = new ClusterPairKernel();
        ClusterPairList pruned = new ClusterPairList();
        pruned.exactPrune = false;
        pruned.build(x, n, l, l, l, RC + Systems.SKIN);
        double[] scratch = new double[3 * n];
        k.energyAndForces(pruned, x, scratch, RC * RC);
        k.prune(pruned, (RC + Systems.SKIN) * (RC + Systems.SKIN));
        if (pruned.jCount != cl.jCount) {
            throw new IllegalStateException("vector prune must keep the pairs of the exact build, got "
                    + pruned.jCount + " instead of " + cl.jCount);
        }
        StringBuilder out = new StringBuilder();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                for (int i = 0; i < x.length; i++) x[i] += 0.08 * (2 * rng.nextDouble() - 1);
            }
            double[] fr = new double[3 * n], fk = new double[3 * n];
            double er = reference(x, n, nl.offsets(), nl.neighbors(), l, fr);
            double ek = k.energyAndForces(round == 0 ? cl : pruned, x, fk, RC * RC);
            double fmax = 0, dmax = 0;
            for (int i = 0; i < 3 * n; i++) {
                fmax = Math.max(fmax, Math.abs(fr[i]));
                dmax = Math.max(dmax, Math.abs(fr[i] - fk[i]));
            }
            ClusterPairKernel k8 = new ClusterPairKernel();   // 8 fixed blocks of force accumulators
            k8.blocks = 8;
            double[] f8 = new double[3 * n];
            double e8 = k8.energyAndForces(round == 0 ? cl : pruned, x, f8, RC * RC);
            for (int i = 0; i < 3 * n; i++) dmax = Math.max(dmax, Math.abs(fr[i] - f8[i]));
            double de = Math.max(Math.abs(er - ek), Math.abs(er - e8)) / Math.abs(er), df = dmax / fmax;
            if (!(de <= 1e-12 && df <= 1e-12)) {
                throw new IllegalStateException("cluster-pair kernel must match the scalar loop within 1e-12, got energy "
                        + de + ", forces " + df + " (round " + round + ")");
            }
            out.append(String.format("round %d: E %.12e, |ΔE|/|E| %.1e, max|Δf|/max|f| %.1e; ", round, er, de, df));
        }
        return out.toString();
    }

    /** List statistics per atom: cluster pairs, lane pairs, useful pairs, lane efficiency; and the production layout's. */
    static String statistics(ParticleSystem ps, boolean exact) {
        int n = ps.size();
        double l = ((Box.Periodic) ps.box()).length(0);
        double[] x = ps.positions();
        ClusterPairList cl = new ClusterPairList();
        cl.exactPrune = exact;
        cl.build(x, n, l, l, l, RC + Systems.SKIN);
        long useful = 0;
        for (int e = 0; e < cl.entries; e++) {
            int ci = cl.iCluster[e], code = cl.iShift[e];
            for (int q = cl.jStart[e]; q < cl.jStart[e + 1]; q++) {
                int cj = cl.jList[q];
                for (int a = 0; a < 4; a++) {
                    int pi = cl.slotParticle[4 * ci + a];
                    if (pi < 0) continue;
                    for (int b = 0; b < 4; b++) {
                        int pj = cl.slotParticle[4 * cj + b];
                        if (pj < 0 || (cj == ci && code == ClusterPairList.CENTER && b <= a)) continue;
                        double r2 = 0;
                        for (int d = 0; d < 3; d++) {
                            double v = x[3 * pi + d] - cl.offset[3 * pi + d] + cl.shift[3 * code + d]
                                    - (x[3 * pj + d] - cl.offset[3 * pj + d]);
                            r2 += v * v;
                        }
                        if (r2 < RC * RC) useful++;
                    }
                }
            }
        }
        NeighborList nl = new NeighborList(RC, Systems.SKIN);
        nl.update(ps);
        ClusterList prod = nl.clusters(ClusterPairKernel.SP.length());
        return String.format("4x4 half: %d clusters (%.1f%% padding), %d i-entries, %.2f cluster pairs/atom, "
                        + "%.1f lane pairs/atom, %.1f useful pairs/atom, lane efficiency %.3f; production 1x%d full: "
                        + "%.1f entries/atom, %.1f lane pairs/atom, efficiency %.3f",
                cl.clusters, 100.0 * (4 * cl.clusters - n) / (4.0 * cl.clusters), cl.entries, (double) cl.jCount / n,
                16.0 * cl.jCount / n, (double) useful / n, useful / (16.0 * cl.jCount), prod.width(),
                (double) prod.entryCount() / n, (double) prod.width() * prod.entryCount() / n,
                2.0 * useful / ((double) prod.width() * prod.entryCount()));
    }
}
