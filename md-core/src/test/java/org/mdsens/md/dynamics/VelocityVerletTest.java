package org.mdsens.md.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.build.LatticeKind;
import org.mdsens.md.build.Lattices;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.kernel.ScalarKernelProvider;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.model.TestSystems;
import org.mdsens.md.neighbor.ClusterPairList;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.parallel.Workers;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.system.ParticleSystem;

/**
 * Velocity Verlet: Maxwell–Boltzmann start, conservation laws, time reversibility, rebuild policy,
 * determinism, also across thread counts of the integrator and of the vector kernels.
 */
class VelocityVerletTest {

    /** fcc Lennard-Jones at density 0.8442 (4³ cells, 256 atoms), shifted so that E is conserved. */
    static EnergyEvaluator fcc(long seed, double[] masses) {
        ParticleSystem s = Lattices.build(LatticeKind.FCC, new int[] {4, 4, 4}, 0.8442, List.of("A", "B"), null, 0.0, seed);
        s = new ParticleSystem(s.box(), s.positions(), s.species(), s.speciesNames(), masses);
        PairPotential lj = LennardJones.builder(List.of("A", "B")).sigma("B", 0.9).cutoff(2.5).shift(true).build();
        return new EnergyEvaluator(s, new EnergyModel(lj), ScalarKernelProvider.INSTANCE, 0.3);
    }

    @Test
    void maxwellBoltzmannSeed87287HasExactTemperatureAndZeroMomentum() {
        EnergyEvaluator ev = fcc(1, new double[] {1.0, 2.5});
        VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 20);
        vv.createVelocities(1.44, 87287);
        assertEquals(1.44, vv.temperature(), 1e-12);
        double[] p = momentum(ev.system(), vv.velocities());
        for (double c : p) assertEquals(0, c, 1e-12);
        double[] first = vv.velocities().clone();
        vv.createVelocities(1.44, 87287);
        assertArrayEquals(first, vv.velocities());
        vv.createVelocities(1.44, 87288);
        assertTrue(Math.abs(first[0] - vv.velocities()[0]) > 0);
    }

    static double[] momentum(ParticleSystem s, double[] v) {
        int d = s.dimension();
        double[] p = new double[d];
        for (int i = 0; i < s.size(); i++) for (int a = 0; a < d; a++) p[a] += s.mass(i) * v[d * i + a];
        return p;
    }

    @Test
    void energyAndMomentumAreConservedSeed5() {
        EnergyEvaluator ev = fcc(5, new double[] {1.0, 2.5});
        VelocityVerlet vv = new VelocityVerlet(ev, 0.002, 20);
        vv.createVelocities(1.44, 5);
        double e0 = vv.totalEnergy();
        double maxDrift = 0;
        for (int k = 0; k < 20; k++) {
            vv.run(25);
            maxDrift = Math.max(maxDrift, Math.abs(vv.totalEnergy() - e0));
        }
        // the crystal melts at T = 1.44: potential and kinetic energy trade places, the total stays
        double ke = vv.kineticEnergy();
        assertTrue(maxDrift < 2e-4 * Math.abs(e0), "energy drift " + maxDrift + " of " + e0 + " (KE " + ke + ")");
        for (double c : momentum(ev.system(), vv.velocities())) assertEquals(0, c, 1e-10);
        assertEquals(500, vv.stepCount());
        assertEquals(25, vv.scheduledRebuilds());
        // the initial build, the scheduled ones and the safety ones are all the list's builds
        assertEquals(1 + 25 + vv.safetyRebuilds(), ev.neighborList().rebuildCount());
    }

    @Test
    void runningBackwardsRetracesTheTrajectorySeed9() {
        EnergyEvaluator ev = fcc(9, new double[] {1.0, 1.0});
        double[] x0 = ev.system().positions().clone();
        VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 20);
        vv.createVelocities(1.0, 9);
        vv.run(40);
        double[] v = vv.velocities();
        for (int q = 0; q < v.length; q++) v[q] = -v[q];
        vv.run(40);
        double[] x = ev.system().positions();
        double err = 0;
        for (int q = 0; q < x.length; q++) err = Math.max(err, Math.abs(x[q] - x0[q]));
        assertTrue(err < 1e-9, "returned within " + err);
    }

    @Test
    void aLongIntervalTriggersSafetyRebuildsAndTheSameSeedGivesTheSameBits() {
        double[] end = null;
        for (int rep = 0; rep < 2; rep++) {
            EnergyEvaluator ev = fcc(3, new double[] {1.0, 1.0});
            VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 1000);
            vv.createVelocities(3.0, 3);
            vv.run(200);
            assertEquals(0, vv.scheduledRebuilds());
            assertTrue(vv.safetyRebuilds() > 0, "hot particles cross skin/2 within 200 steps");
            if (end == null) end = ev.system().positions().clone();
            else assertArrayEquals(end, ev.system().positions());
        }
    }

    @Test
    void fixedPolicyRebuildsOnScheduleOnlyAndCountsDangerousBuildsSeed3() {
        EnergyEvaluator ev = fcc(3, new double[] {1.0, 1.0});
        VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 50, RebuildPolicy.FIXED);
        vv.createVelocities(3.0, 3);
        vv.run(200);
        assertEquals(4, vv.scheduledRebuilds());
        assertEquals(0, vv.safetyRebuilds());
        assertEquals(1 + 4, ev.neighborList().rebuildCount());
        assertTrue(vv.dangerousRebuilds() > 0, "hot particles cross skin/2 within 50 steps");
    }

    @Test
    void fixedAndSafePoliciesAgreeBitwiseWhenNoSafetyRebuildIsNeededSeed4() {
        double[][] end = new double[2][];
        for (RebuildPolicy policy : RebuildPolicy.values()) {
            EnergyEvaluator ev = fcc(4, new double[] {1.0, 2.0});
            VelocityVerlet vv = new VelocityVerlet(ev, 0.004, 5, policy);
            vv.createVelocities(0.3, 4);
            vv.run(60);
            assertEquals(0, vv.safetyRebuilds() + vv.dangerousRebuilds(), policy.toString());
            end[policy.ordinal()] = ev.system().positions().clone();
        }
        assertArrayEquals(end[0], end[1]);
    }

    /** The scalar kernels, with a {@code workers()} that gives the integrator {@code threads} threads. */
    public static final class ThreadedScalar implements KernelProvider {
        private final Workers workers;

        public ThreadedScalar(int threads) { this.workers = Workers.shared(threads); }

        public Workers workers() { return workers; }

        @Override public String name() { return "scalar"; }

        @Override public ForceKernel pairKernel(PairPotential potential) {
            return ScalarKernelProvider.INSTANCE.pairKernel(potential);
        }
    }

    /** A two-species fcc crystal of 4·11³ = 5324 atoms (two blocks of the integrator's updates). */
    static EnergyEvaluator largeFcc(long seed, KernelProvider provider) {
        ParticleSystem s = Lattices.build(LatticeKind.FCC, new int[] {11, 11, 11}, 0.8442, List.of("A", "B"), null, 0.0, seed);
        s = new ParticleSystem(s.box(), s.positions(), s.species(), s.speciesNames(), new double[] {1.0, 2.0});
        PairPotential lj = LennardJones.builder(List.of("A", "B")).sigma("B", 0.9).cutoff(2.5).shift(true).build();
        return new EnergyEvaluator(s, new EnergyModel(lj), provider, 0.3);
    }

    /** Positions, velocities and energies after 30 steps in 3 runs, on {@code provider}. */
    static double[][] trajectoryEnd(KernelProvider provider, RebuildPolicy policy) {
        EnergyEvaluator ev = largeFcc(12, provider);
        VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 10, policy);
        assertTrue(ev.system().size() > VelocityVerlet.BLOCK, "several blocks");
        vv.createVelocities(1.44, 12);
        vv.run(7);
        vv.run(1);
        vv.run(22);
        return new double[][] {ev.system().positions().clone(), vv.velocities().clone(),
                {vv.potentialEnergy(), vv.kineticEnergy()}};
    }

    @Test
    void integratorThreadsDoNotChangeTheBitsSeed12() {
        assertEquals(1, Kernels.workers(ScalarKernelProvider.INSTANCE).threads());
        assertEquals(3, Kernels.workers(new ThreadedScalar(3)).threads());
        double[][] one = trajectoryEnd(new ThreadedScalar(1), RebuildPolicy.SAFE);
        for (int threads = 2; threads <= 3; threads++) {
            double[][] many = trajectoryEnd(new ThreadedScalar(threads), RebuildPolicy.SAFE);
            for (int q = 0; q < one.length; q++) assertArrayEquals(one[q], many[q], threads + " threads, output " + q);
        }
    }

    @Test
    void vectorKernelAndIntegratorThreadsDoNotChangeTheBitsSeed12() {
        assumeTrue(Kernels.vectorModulePresent(), "jdk.incubator.vector is absent: this runs in the -Pvector pass");
        double[][] one = trajectoryEnd(Kernels.select(KernelChoice.VECTOR, 1), RebuildPolicy.FIXED);
        assertEquals(2, Kernels.workers(Kernels.select(KernelChoice.VECTOR, 2)).threads());
        for (int threads = 2; threads <= 3; threads++) {
            double[][] many = trajectoryEnd(Kernels.select(KernelChoice.VECTOR, threads), RebuildPolicy.FIXED);
            for (int q = 0; q < one.length; q++) assertArrayEquals(one[q], many[q], threads + " threads, output " + q);
        }
    }

    /** A two-species fcc crystal of 4·16³ = 16384 atoms (masses 1 and 2): large enough for slot-order runs. */
    static EnergyEvaluator slotOrderFcc(long seed, KernelProvider provider) {
        ParticleSystem s = Lattices.build(LatticeKind.FCC, new int[] {16, 16, 16}, 0.8442, List.of("A", "B"), null, 0.0, seed);
        s = new ParticleSystem(s.box(), s.positions(), s.species(), s.speciesNames(), new double[] {1.0, 2.0});
        PairPotential lj = LennardJones.builder(List.of("A", "B")).sigma("B", 0.9).cutoff(2.5).shift(true).build();
        return new EnergyEvaluator(s, new EnergyModel(lj), provider, 0.3);
    }

    /**
     * Positions, velocities, forces, energies, species and the list's slots after 30 FIXED steps
     * in 3 runs (rebuilds inside runs and at a run's end), on {@code provider}, in slot order or not.
     */
    static Object[] slotOrderTrajectory(KernelProvider provider, boolean reorder) {
        EnergyEvaluator ev = slotOrderFcc(21, provider);
        assertTrue(ev.system().size() >= VelocityVerlet.REORDER_FROM);
        int[] species = ev.system().species().clone();
        VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 10, RebuildPolicy.FIXED);
        vv.reorder = reorder;
        vv.reorderMinSteps = 1;
        vv.createVelocities(1.44, 21);
        vv.run(7);
        vv.run(3);
        vv.run(20);
        assertEquals(reorder ? 3 : 0, vv.slotOrderRuns, "runs in slot order");
        assertArrayEquals(species, ev.system().species(), "the system's species are never permuted");
        ClusterPairList pairs = ev.neighborList().clusterPairs(Kernels.workers(provider));
        return new Object[] {ev.system().positions().clone(), vv.velocities().clone(), vv.forces().clone(),
                new double[] {vv.potentialEnergy(), vv.kineticEnergy(), vv.dangerousRebuilds()},
                Arrays.copyOf(pairs.slotParticle(), 4 * pairs.clusterCount())};
    }

    /**
     * Runs in the slot order of the cluster-pair list come back in input order with the bits of
     * runs that stay in input order (the kernel sums per slot, each particle's updates are the
     * same operations), for 1, 2 and 3 threads.
     */
    @Test
    void slotOrderRunsGiveTheBitsOfInputOrderRunsOnAnyThreadCountSeed21() {
        assumeTrue(Kernels.vectorModulePresent(), "jdk.incubator.vector is absent: this runs in the -Pvector pass");
        Object[] input = slotOrderTrajectory(Kernels.select(KernelChoice.VECTOR, 1), false);
        for (int threads = 1; threads <= 3; threads++) {
            Object[] slots = slotOrderTrajectory(Kernels.select(KernelChoice.VECTOR, threads), true);
            for (int q = 0; q < input.length; q++) {
                if (input[q] instanceof double[] a) assertArrayEquals(a, (double[]) slots[q], threads + " threads, output " + q);
                else assertArrayEquals((int[]) input[q], (int[]) slots[q], threads + " threads, output " + q);
            }
        }
    }

    /** Only runs of at least REORDER_MIN_STEPS steps go into slot order: shorter ones would pay more for the copies than they save. */
    @Test
    void onlyLongRunsWorkInSlotOrderSeed23() {
        assumeTrue(Kernels.vectorModulePresent(), "jdk.incubator.vector is absent: this runs in the -Pvector pass");
        EnergyEvaluator ev = slotOrderFcc(23, Kernels.select(KernelChoice.VECTOR, 2));
        VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 20, RebuildPolicy.FIXED);
        vv.createVelocities(1.44, 23);
        vv.run(1);
        vv.run(VelocityVerlet.REORDER_MIN_STEPS - 1);
        assertEquals(0, vv.slotOrderRuns, "short runs stay in input order");
        vv.run(VelocityVerlet.REORDER_MIN_STEPS);
        assertEquals(1, vv.slotOrderRuns, "a run of REORDER_MIN_STEPS steps works in slot order");
        assertEquals(2L * VelocityVerlet.REORDER_MIN_STEPS, vv.stepCount());
    }

    /** The vector kernels of {@code vector}, whose force calls throw from the {@code failAt}-th on. */
    public static final class FailingProvider implements KernelProvider {
        private final KernelProvider vector;
        private final int failAt;
        private int calls;

        public FailingProvider(KernelProvider vector, int failAt) {
            this.vector = vector;
            this.failAt = failAt;
        }

        public Workers workers() { return Kernels.workers(vector); }

        @Override public String name() { return "failing-" + vector.name(); }

        @Override public ForceKernel pairKernel(PairPotential potential) {
            ForceKernel k = vector.pairKernel(potential);
            return new ForceKernel() {
                @Override public String name() { return k.name(); }

                @Override public double energyAndForces(ParticleSystem s, NeighborList l, double[] f, double[] virial) {
                    if (++calls >= failAt) throw new IllegalStateException("injected failure at force call " + calls);
                    return k.energyAndForces(s, l, f, virial);
                }

                @Override public boolean readsClusterPairs(ParticleSystem s, NeighborList l) {
                    return k.readsClusterPairs(s, l);
                }

                @Override public void hessianProduct(ParticleSystem s, NeighborList l, double[] v, double[] out) {
                    k.hessianProduct(s, l, v, out);
                }

                @Override public double parameterEnergyDerivative(ParticleSystem s, NeighborList l, int i) {
                    return k.parameterEnergyDerivative(s, l, i);
                }

                @Override public void parameterGradient(ParticleSystem s, NeighborList l, int i, double[] out) {
                    k.parameterGradient(s, l, i, out);
                }
            };
        }
    }

    /** A run that fails in slot order leaves the system, velocities, forces and list in input order, as one that does not reorder. */
    @Test
    void aFailedSlotOrderRunRestoresTheInputOrderSeed22() {
        assumeTrue(Kernels.vectorModulePresent(), "jdk.incubator.vector is absent: this runs in the -Pvector pass");
        Object[][] end = new Object[2][];
        for (int r = 0; r < 2; r++) {
            KernelProvider provider = new FailingProvider(Kernels.select(KernelChoice.VECTOR, 2), 15);
            EnergyEvaluator ev = slotOrderFcc(22, provider);
            int[] species = ev.system().species().clone();
            VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 10, RebuildPolicy.FIXED);
            vv.reorder = r == 1;
            vv.reorderMinSteps = 1;
            vv.createVelocities(1.44, 22);
            vv.run(5);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> vv.run(20));
            assertTrue(e.getMessage().contains("injected"), e.getMessage());
            assertEquals(r == 1 ? 2 : 0, vv.slotOrderRuns);
            assertArrayEquals(species, ev.system().species());
            NeighborList list = ev.neighborList();
            ClusterPairList pairs = list.clusterPairs(Kernels.workers(provider));
            assertTrue(!list.needsRebuild(ev.system()), "the list follows the particles back");
            end[r] = new Object[] {ev.system().positions().clone(), vv.velocities().clone(), vv.forces().clone(),
                    Arrays.copyOf(pairs.slotParticle(), 4 * pairs.clusterCount())};
        }
        for (int q = 0; q < end[0].length; q++) {
            if (end[0][q] instanceof double[] a) assertArrayEquals(a, (double[]) end[1][q], "output " + q);
            else assertArrayEquals((int[]) end[0][q], (int[]) end[1][q], "output " + q);
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        EnergyEvaluator ev = fcc(1, new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> new VelocityVerlet(ev, 0, 20));
        assertThrows(IllegalArgumentException.class, () -> new VelocityVerlet(ev, 0.005, 0));
        VelocityVerlet vv = new VelocityVerlet(ev, 0.005, 20);
        assertThrows(IllegalArgumentException.class, () -> vv.setVelocities(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> vv.createVelocities(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> vv.run(-1));
        ParticleSystem s = ev.system();
        EnergyEvaluator bonded = new EnergyEvaluator(s, new EnergyModel(ev.model().pair(), TestSystems.bonds(2, s, 1.2)),
                ScalarKernelProvider.INSTANCE, 0.3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VelocityVerlet(bonded, 0.005, 20, RebuildPolicy.FIXED));
        assertTrue(e.getMessage().contains("pair-only"), e.getMessage());
    }
}
