package org.mdsens.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Lennard-Jones force loop (fcc, density 0.8442, r_c = 2.5, skin 0.3, energy and forces) in
 * four formulations, to choose the production one per JDK:
 * <ul>
 *   <li>{@code scalar}: the production scalar kernel (half list, any radial function);</li>
 *   <li>{@code scalarInline}: the best scalar form we know, half list with the LJ arithmetic
 *       written inline (no virtual calls, no compensation): what a specialized scalar kernel
 *       could reach;</li>
 *   <li>{@code gather}: the full-list gather formulation of DESIGN.md §7 (padded index rows,
 *       tail mask and cutoff mask combined, blend, minimum image by the round-to-nearest trick);</li>
 *   <li>{@code cluster}: the production vector kernel, {@code Kernels.select(VECTOR)}: for LJ on
 *       8-lane vectors the 4×4 half cluster-pair path (md-core {@code ClusterPairList},
 *       {@code kernel.vector.ClusterPairForces}; load, pair loop and fold per call). Its research
 *       prototype, with the box-only and vector-prune list builds of table C in
 *       benchmarks/README.md, was removed once ported (git history, commit 52cb7f8).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class FormulationBenchmark {

    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;
    private static final int W = SP.length();
    private static final double ROUND = 6755399441055744.0;   // 1.5·2^52
    private static final double RC2 = 6.25;

    @Param({"lj3d-4000", "lj3d-32000"})
    public String system;

    ParticleSystem particles;
    NeighborList list;
    ForceKernel scalarKernel, clusterKernel;
    double[] forces;
    int[] halfOffsets, halfNeighbors;
    int[] rowStart, rowCount, padded;   // full list, rows padded to a multiple of W with the row's own index
    double box, inverseBox;

    @Setup(Level.Trial)
    public void setUp() {
        Systems.Bench b = Systems.of(system);
        particles = b.system();
        list = new NeighborList(2.5, Systems.SKIN);
        list.update(particles);
        scalarKernel = Kernels.select(KernelChoice.SCALAR).pairKernel(b.potential());
        clusterKernel = Kernels.select(KernelChoice.VECTOR).pairKernel(b.potential());
        forces = new double[particles.positions().length];
        halfOffsets = list.offsets();
        halfNeighbors = list.neighbors();
        int n = particles.size();
        int[] fo = list.fullOffsets(), fn = list.fullNeighbors();
        rowStart = new int[n + 1];
        rowCount = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            rowCount[i] = fo[i + 1] - fo[i];
            rowStart[i] = total;
            total += (rowCount[i] + W - 1) / W * W;
        }
        rowStart[n] = total;
        padded = new int[total];
        for (int i = 0; i < n; i++) {
            Arrays.fill(padded, rowStart[i], rowStart[i + 1], 3 * i);
            for (int q = 0; q < rowCount[i]; q++) padded[rowStart[i] + q] = 3 * fn[fo[i] + q];
        }
        box = ((Box.Periodic) particles.box()).length(0);
        inverseBox = 1 / box;
        clusterKernel.energyAndForces(particles, list, forces, null);
    }

    @Benchmark
    public double scalar() {
        return scalarKernel.energyAndForces(particles, list, forces, null);
    }

    @Benchmark
    public double cluster() {
        return clusterKernel.energyAndForces(particles, list, forces, null);
    }

    @Benchmark
    public double scalarInline() {
        final double[] x = particles.positions(), f = forces;
        final int[] off = halfOffsets, nb = halfNeighbors;
        final double l = box, il = inverseBox;
        final int n = particles.size();
        Arrays.fill(f, 0.0);
        double e = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2], fx = 0, fy = 0, fz = 0;
            for (int q = off[i]; q < off[i + 1]; q++) {
                int bj = 3 * nb[q];
                double dx = xi - x[bj], dy = yi - x[bj + 1], dz = zi - x[bj + 2];
                dx -= l * Math.rint(dx * il);
                dy -= l * Math.rint(dy * il);
                dz -= l * Math.rint(dz * il);
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 < RC2) {
                    double ir2 = 1 / r2, ir6 = ir2 * ir2 * ir2;
                    double c = ir6 * (48 * ir6 - 24) * ir2;
                    e += 4 * ir6 * (ir6 - 1);
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
        return e;
    }

    @Benchmark
    public double gather() {
        final double[] x = particles.positions(), f = forces;
        final int[] start = rowStart, count = rowCount, idx = padded;
        final double l = box, il = inverseBox;
        final int n = particles.size();
        double e = 0;
        for (int i = 0; i < n; i++) {
            DoubleVector xi = DoubleVector.broadcast(SP, x[3 * i]), yi = DoubleVector.broadcast(SP, x[3 * i + 1]);
            DoubleVector zi = DoubleVector.broadcast(SP, x[3 * i + 2]);
            DoubleVector ax = DoubleVector.zero(SP), ay = ax, az = ax, ae = ax;
            int s = start[i], end = start[i + 1], c = count[i];
            for (int p = s; p < end; p += W) {
                VectorMask<Double> tail = SP.indexInRange(p - s, c);
                DoubleVector dx = xi.sub(DoubleVector.fromArray(SP, x, 0, idx, p));
                DoubleVector dy = yi.sub(DoubleVector.fromArray(SP, x, 1, idx, p));
                DoubleVector dz = zi.sub(DoubleVector.fromArray(SP, x, 2, idx, p));
                dx = dx.sub(dx.mul(il).add(ROUND).sub(ROUND).mul(l));
                dy = dy.sub(dy.mul(il).add(ROUND).sub(ROUND).mul(l));
                dz = dz.sub(dz.mul(il).add(ROUND).sub(ROUND).mul(l));
                DoubleVector r2 = dz.fma(dz, dy.fma(dy, dx.mul(dx)));
                VectorMask<Double> in = r2.compare(VectorOperators.LT, RC2).and(tail);
                DoubleVector ir2 = DoubleVector.broadcast(SP, 1.0).div(r2);
                DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
                DoubleVector zero = DoubleVector.zero(SP);
                DoubleVector cc = zero.blend(ir6.mul(ir6.mul(48.0).sub(24.0)).mul(ir2), in);
                ae = ae.add(zero.blend(ir6.mul(ir6.sub(1.0)).mul(4.0), in));
                ax = cc.fma(dx, ax);
                ay = cc.fma(dy, ay);
                az = cc.fma(dz, az);
            }
            f[3 * i] = ax.reduceLanes(VectorOperators.ADD);
            f[3 * i + 1] = ay.reduceLanes(VectorOperators.ADD);
            f[3 * i + 2] = az.reduceLanes(VectorOperators.ADD);
            e += ae.reduceLanes(VectorOperators.ADD);
        }
        return 0.5 * e;
    }
}
