package org.mdsens.md.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.kernel.ScalarKernelProvider;
import org.mdsens.md.model.TestSystems;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.parallel.Workers;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.Morse;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.Wca;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * The 4×4 half cluster-pair path of energies and forces against the scalar reference, for the
 * potentials it serves (Lennard-Jones cut and shifted, WCA, Morse; one and two species on 8 lanes,
 * one-species Lennard-Jones on 4, and the rule of which is which): energies to
 * 1e-12 of Σ|φ|, forces to 1e-12 of their largest component, virials, in 2D and 3D, periodic
 * and open, on particle counts that hit every cluster tail (1, 3, 7, 13, 207) and on jittered
 * crystals, at the build and after moves within skin/2 without a rebuild; and 1, 2
 * and 3 threads give the same bits on systems of several force blocks.
 */
class ClusterPairForcesTest {

    static final double SKIN = 0.3;
    static final List<String> A = List.of("A"), AB = List.of("A", "B");

    record Potential(String name, Supplier<PairPotential> make) {
        @Override public String toString() { return name; }
    }

    static List<Potential> potentials() {
        return List.of(
                new Potential("lj-cut", () -> LennardJones.builder(A).sigma("A", 1).epsilon("A", 1).cutoff(2.5).build()),
                new Potential("lj-shift", () -> LennardJones.builder(A).sigma("A", 1.1).epsilon("A", 0.9).cutoff(2.5)
                        .shift(true).build()),
                new Potential("wca", () -> Wca.builder(A).sigma("A", 1).epsilon("A", 1.3).build()),
                new Potential("lj-shift-AB", () -> LennardJones.builder(AB).sigma("A", 1).sigma("B", 1.2).epsilon("A", 1)
                        .epsilon("B", 0.8).pairEpsilon("A", "B", 1.1).cutoffInSigma(2.5).shift(true).build()),
                new Potential("wca-AB", () -> Wca.builder(AB).sigma("A", 1).sigma("B", 1.2).epsilon("B", 0.7).build()),
                new Potential("morse", () -> Morse.builder(A).all(1.0, 1.0, 2.0).cutoff(2.5).build()),
                new Potential("morse-shift-AB", () -> Morse.builder(AB).all(1.0, 1.0, 2.0).pair("A", "B", 0.8, 1.1, 1.5)
                        .pairCutoff("A", "B", 2.1).cutoff(2.5).shift(true).build()));
    }

    record Case(Potential potential, int dimension, boolean periodic, int count, long seed) {
        @Override public String toString() {
            return potential + " " + dimension + "D " + (periodic ? "periodic" : "open") + " N=" + count + " seed=" + seed;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        long seed = 1300;
        for (Potential p : potentials()) {
            for (int d = 2; d <= 3; d++) {
                for (boolean periodic : new boolean[] {true, false}) {
                    for (int n : new int[] {1, 3, 7, 13, 207}) {
                        out.add(new Case(p, d, periodic, n, seed++));
                    }
                }
            }
        }
        return out;
    }

    static ParticleSystem system(PairPotential p, int d, boolean periodic, int n, long seed) {
        double rho = d == 3 ? 0.8 : 0.7;
        double length = Math.max(Math.pow(n / rho, 1.0 / d), 2 * (p.maxCutoff() + SKIN) + 0.05);
        return TestSystems.random(seed, d, n, length, periodic, p.speciesNames(), 0.9, TestSystems.cutoffs(p), 0.01);
    }

    /** Where the 4×4 path is meant to run: every potential here on 8 lanes, one-species Lennard-Jones on 4. */
    static boolean fourByFour(PairPotential p) {
        return PairLanes.supported() || QuadLanes.supported() && p.speciesNames().size() == 1 && !(p instanceof Morse);
    }

    @Test
    void theFourByFourPathServesWhatItShouldOnThisVectorWidth() {
        VectorKernels.assumeVectorApi();
        for (Potential pot : potentials()) {
            PairPotential p = pot.make().get();
            ForceKernel k = VectorKernels.provider(1).pairKernel(p);
            assertEquals(fourByFour(p), k instanceof ClusterForceKernel ck && ck.usesClusterPairs(),
                    pot + " on " + Lanes.WIDTH + " lanes");
        }
    }

    static ForceKernel vectorKernel(PairPotential p, int threads) {
        VectorKernels.assumeVectorApi();
        assumeTrue(fourByFour(p), "no 4×4 loop for " + p + " on vectors of " + Lanes.WIDTH + " doubles");
        ForceKernel k = VectorKernels.provider(threads).pairKernel(p);
        assertTrue(k instanceof ClusterForceKernel ck && ck.usesClusterPairs(), "the 4×4 path serves " + p);
        return k;
    }

    /** Σ |φ(r_ij)| over pairs within the cutoff (minimum image). */
    static double absoluteSum(ParticleSystem s, PairPotential p) {
        int d = s.dimension();
        double[] x = s.positions(), len = s.box().imageLengths(), inv = s.box().inverseImageLengths();
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int j = i + 1; j < s.size(); j++) {
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                    r2 += dx * dx;
                }
                double r = Math.sqrt(r2);
                var f = p.pair(s.species(i), s.species(j));
                if (r < f.cutoff()) sum += Math.abs(f.energy(r));
            }
        }
        return sum;
    }

    static void compare(ParticleSystem s, PairPotential p, ForceKernel vector, NeighborList list, String where) {
        ForceKernel scalar = ScalarKernelProvider.INSTANCE.pairKernel(p);
        int len = s.positions().length;
        double[] fv = new double[len], fs = new double[len], wv = new double[1], ws = new double[1];
        double ev = vector.energyAndForces(s, list, fv, wv);
        double es = scalar.energyAndForces(s, list, fs, ws);
        assertEquals(es, ev, 1e-12 * absoluteSum(s, p) + 1e-300, where + " energy");
        VectorForceKernelTest.assertClose(fs, fv, 1e-12, where + " forces");
        double virialScale = 0;
        for (int i = 0; i < len; i++) virialScale += Math.abs(fs[i] * s.positions()[i]);
        assertEquals(ws[0], wv[0], 1e-12 * Math.max(virialScale, Math.abs(ws[0])) + 1e-300, where + " virial");
        assertEquals(ev, vector.energyAndForces(s, list, null, null), where + " energy without forces");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void clusterPairsEqualTheScalarKernelBeforeAndAfterMoves(Case c) {
        PairPotential p = c.potential().make().get();
        ParticleSystem s = system(p, c.dimension(), c.periodic(), c.count(), c.seed());
        ForceKernel vector = vectorKernel(p, 1);
        NeighborList list = new NeighborList(p.maxCutoff(), SKIN);
        list.update(s);
        compare(s, p, vector, list, c + " at the build");
        UniformRandomProvider rng = TestSystems.rng(c.seed() + 1);
        double[] x = s.positions();
        double step = 0.99 * SKIN / 2 / Math.sqrt(c.dimension());
        for (int q = 0; q < x.length; q++) x[q] += step * (2 * rng.nextDouble() - 1);
        assertFalse(list.needsRebuild(s));
        compare(s, p, vector, list, c + " after moves");
        for (int q = 0; q < x.length; q++) x[q] += 0.4 * (rng.nextDouble() - 0.5);
        list.update(s);
        compare(s, p, vector, list, c + " after a rebuild");
    }

    @Test
    void jitteredCrystalsSeed1399() {
        VectorKernels.assumeVectorApi();
        assumeTrue(PairLanes.supported() || QuadLanes.supported(), "no 4×4 loop on vectors of " + Lanes.WIDTH + " doubles");
        for (Potential pot : potentials()) {
            PairPotential p = pot.make().get();
            if (!fourByFour(p)) continue;
            for (int d = 2; d <= 3; d++) {
                ParticleSystem s = crystal(p, d, d == 3 ? 5 : 20, 1399);
                NeighborList list = new NeighborList(p.maxCutoff(), SKIN);
                list.update(s);
                ForceKernel k = vectorKernel(p, 1);
                String where = pot + " " + d + "D crystal";
                compare(s, p, k, list, where);
                UniformRandomProvider rng = TestSystems.rng(1399 + d);
                double[] x = s.positions();
                for (int q = 0; q < x.length; q++) x[q] += 0.08 * (rng.nextDouble() - 0.5);
                assertFalse(list.needsRebuild(s));
                compare(s, p, k, list, where + " after moves");
            }
        }
    }

    static List<Case> threaded() {
        List<Case> out = new ArrayList<>();
        long seed = 1400;
        for (Potential p : potentials()) {
            if (p.name().equals("lj-shift") || p.name().equals("wca") || p.name().equals("morse")) continue;  // kept short
            for (int d = 2; d <= 3; d++) out.add(new Case(p, d, true, d == 3 ? 4000 : 3600, seed++));
        }
        return out;
    }

    /** A jittered fcc crystal (3D, 4 cells³ particles) or square lattice (2D, cells² particles) at density 0.8442 or 0.7. */
    static ParticleSystem crystal(PairPotential p, int d, int cells, long seed) {
        UniformRandomProvider rng = TestSystems.rng(seed);
        double a;
        double[] x;
        if (d == 3) {
            a = Math.cbrt(4 / 0.8442);
            x = TestSystems.fcc(cells, a);
        } else {
            a = Math.sqrt(1 / 0.7);
            x = new double[2 * cells * cells];
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    x[2 * (i * cells + j)] = i * a;
                    x[2 * (i * cells + j) + 1] = j * a;
                }
            }
        }
        for (int q = 0; q < x.length; q++) x[q] += 0.1 * (rng.nextDouble() - 0.5);
        int n = x.length / d;
        int[] species = new int[n];
        for (int i = 0; i < n; i++) species[i] = i % p.speciesNames().size();
        return new ParticleSystem(Box.Periodic.cube(d, cells * a), x, species, p.speciesNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threaded")
    void oneTwoAndThreeThreadsGiveTheSameBits(Case c) {
        PairPotential p = c.potential().make().get();
        ParticleSystem s = crystal(p, c.dimension(), c.dimension() == 3 ? 10 : 60, c.seed());
        assertEquals(c.count(), s.size());
        NeighborList list = new NeighborList(p.maxCutoff(), SKIN);
        list.update(s);
        ForceKernel single = vectorKernel(p, 1);
        int len = s.positions().length;
        double[] f1 = new double[len], w1 = new double[1];
        double e1 = single.energyAndForces(s, list, f1, w1);
        int blocks = list.clusterPairs(Workers.single()).blockCount();
        assertTrue(blocks >= 3, "several force blocks, got " + blocks);
        for (int threads = 2; threads <= 3; threads++) {
            ForceKernel k = Kernels.select(KernelChoice.VECTOR, threads).pairKernel(p);
            double[] f = new double[len], w = new double[1];
            for (int rep = 0; rep < 3; rep++) {
                double e = k.energyAndForces(s, list, f, w);
                assertEquals(Double.doubleToRawLongBits(e1), Double.doubleToRawLongBits(e), threads + " threads: energy");
                assertEquals(Double.doubleToRawLongBits(w1[0]), Double.doubleToRawLongBits(w[0]), threads + " threads: virial");
                assertArrayEquals(f1, f, threads + " threads: forces");
            }
        }
    }
}
