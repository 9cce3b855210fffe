package org.mdsens.md.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.model.TestSystems;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.parallel.Workers;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * The {@code auto} rule: the vector kernel for systems with at least 16 expected neighbors per
 * particle within cutoff + skin, the scalar kernel below; the choice follows the system and the
 * list's builds, every kind of call is delegated, and the threads are the vector provider's.
 */
class AutoKernelProviderTest {

    /** A vector stand-in that records its calls and returns recognizable values. */
    public static final class Recording implements KernelProvider {
        final List<String> calls = new ArrayList<>();

        public Recording() { }

        public Workers workers() { return Workers.shared(2); }

        @Override public String name() { return "vector-rec"; }

        @Override
        public ForceKernel pairKernel(PairPotential potential) {
            return new ForceKernel() {
                @Override public String name() { return "vector-rec"; }

                @Override
                public double energyAndForces(ParticleSystem s, NeighborList l, double[] f, double[] w) {
                    calls.add("forces");
                    return -1;
                }

                @Override
                public void hessianProduct(ParticleSystem s, NeighborList l, double[] v, double[] out) { calls.add("hessian"); }

                @Override
                public double parameterEnergyDerivative(ParticleSystem s, NeighborList l, int k) {
                    calls.add("dE");
                    return -2;
                }

                @Override
                public void parameterGradient(ParticleSystem s, NeighborList l, int k, double[] out) { calls.add("dF"); }
            };
        }
    }

    static PairPotential lj() { return LennardJones.builder(List.of("A")).cutoff(2.5).build(); }

    @Test
    void expectedNeighborsIsDensityTimesTheVolumeOfTheRangeSeed40() {
        ParticleSystem cube = TestSystems.random(40, 3, 500, 10.0, true, List.of("A"), 0.5, new double[0], 0);
        assertEquals(500 / 1000.0 * 4 / 3.0 * Math.PI * 8, AutoKernelProvider.expectedNeighbors(cube, 2.0), 1e-12);
        ParticleSystem square = TestSystems.random(41, 2, 300, 20.0, true, List.of("A"), 0.5, new double[0], 0);
        assertEquals(300 / 400.0 * Math.PI * 2.25, AutoKernelProvider.expectedNeighbors(square, 1.5), 1e-12);
        // open axes: the extent of the positions
        double[] x = {0, 0, 4, 1, 2, 5};
        ParticleSystem open = new ParticleSystem(new Box.Open(2), x, new int[3], List.of("A"));
        assertEquals(3 / (4.0 * 5.0) * Math.PI, AutoKernelProvider.expectedNeighbors(open, 1.0), 1e-12);
    }

    @Test
    void denseSystemsGetTheVectorKernelAndSparseOnesTheScalarKernelSeed42() {
        Recording rec = new Recording();
        KernelProvider auto = new AutoKernelProvider(rec);
        assertEquals("auto-vector-rec", auto.name());
        assertEquals(2, Kernels.workers(auto).threads());
        ForceKernel k = auto.pairKernel(lj());
        assertEquals("auto-vector-rec", k.name());
        // LJ liquid at density 0.8: 0.8 * 4/3 pi 2.8^3 = 73.6 neighbors
        ParticleSystem dense = TestSystems.random(42, 3, 400, Math.cbrt(400 / 0.8), true, List.of("A"), 0.8,
                new double[0], 0);
        NeighborList denseList = new NeighborList(2.5, 0.3);
        denseList.update(dense);
        double[] f = new double[3 * 400];
        assertEquals(-1, k.energyAndForces(dense, denseList, f, null));
        k.hessianProduct(dense, denseList, f, new double[f.length]);
        assertEquals(-2, k.parameterEnergyDerivative(dense, denseList, 0));
        k.parameterGradient(dense, denseList, 0, new double[f.length]);
        assertEquals(List.of("forces", "hessian", "dE", "dF"), rec.calls);
        assertEquals("vector-rec", k.name());
        // the same particles at density 0.15 (13.8 neighbors): the scalar kernel, whose energy is the reference's
        double scale = Math.cbrt(0.8 / 0.15);
        double[] y = dense.positions().clone();
        for (int q = 0; q < y.length; q++) y[q] *= scale;
        ParticleSystem sparse = new ParticleSystem(Box.Periodic.cube(3, scale * Math.cbrt(400 / 0.8)), y, new int[400],
                List.of("A"));
        assertTrue(AutoKernelProvider.expectedNeighbors(sparse, 2.8) < AutoKernelProvider.MIN_NEIGHBORS);
        NeighborList sparseList = new NeighborList(2.5, 0.3);
        sparseList.update(sparse);
        double e = k.energyAndForces(sparse, sparseList, f, null);
        assertEquals(ScalarKernelProvider.INSTANCE.pairKernel(lj()).energyAndForces(sparse, sparseList, new double[f.length],
                null), e);
        assertEquals("scalar", k.name());
        assertEquals(4, rec.calls.size());
        // back to the dense system: the vector kernel again
        k.energyAndForces(dense, denseList, f, null);
        assertEquals(5, rec.calls.size());
    }

    @Test
    void theChoiceFollowsTheListsBuildsSeed43() {
        Recording rec = new Recording();
        ForceKernel k = new AutoKernelProvider(rec).pairKernel(lj());
        ParticleSystem s = TestSystems.random(43, 2, 300, Math.sqrt(300 / 0.8), true, List.of("A"), 0.8, new double[0], 0);
        NeighborList list = new NeighborList(2.5, 0.3);
        list.update(s);
        double[] f = new double[2 * 300];
        k.energyAndForces(s, list, f, null);                 // 2D, density 0.8: 19.7 neighbors
        assertEquals(1, rec.calls.size());
        NeighborList thin = new NeighborList(1.2, 0.3);        // same system, a short list: 5.7 neighbors
        thin.update(s);
        k.energyAndForces(s, thin, f, null);
        assertEquals(1, rec.calls.size());
        assertEquals("scalar", k.name());
    }

    @Test
    void potentialsWithoutAVectorKernelGetTheScalarKernelUnwrapped() {
        KernelProvider auto = new AutoKernelProvider(new FakeVectorProviders.Plain());
        assertEquals("auto-vector-fake", auto.name());
        assertEquals(1, Kernels.workers(auto).threads());
        PairPotential ss = SoftSphere.builder(List.of("A")).build();
        assertTrue(auto.pairKernel(ss) instanceof ScalarForceKernel);
        assertSame(Workers.single(), Kernels.workers(ScalarKernelProvider.INSTANCE));
        assertSame(Workers.single(), Kernels.workers(null));
    }
}
