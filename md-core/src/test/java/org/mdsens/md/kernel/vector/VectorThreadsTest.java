package org.mdsens.md.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.model.ModelCases;
import org.mdsens.md.model.ModelCases.PotentialSpec;
import org.mdsens.md.model.TestSystems;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.system.ParticleSystem;

/**
 * Threads change nothing: energies, virials, forces, Hessian products and parameter derivatives
 * are bitwise identical for 1, 2 and 3 threads, on systems of several blocks.
 */
class VectorThreadsTest {

    record Case(PotentialSpec spec, int dimension, long seed) {
        @Override public String toString() { return spec.name() + " " + dimension + "D seed=" + seed; }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        long seed = 900;
        for (PotentialSpec p : ModelCases.potentials()) {
            if (p.name().startsWith("toy") || p.name().startsWith("custom")) continue;   // scalar fallbacks
            for (int d = 2; d <= 3; d++) out.add(new Case(p, d, seed++));
        }
        return out;
    }

    static double[][] evaluate(ForceKernel k, ParticleSystem s, NeighborList list, PairPotential p) {
        int len = s.positions().length;
        List<double[]> out = new ArrayList<>();
        double[] f = new double[len];
        double[] w = new double[1];
        double e = k.energyAndForces(s, list, f, w);
        out.add(new double[] {e, w[0]});
        out.add(f);
        double[] v = new double[len];
        for (int q = 0; q < len; q++) v[q] = Math.cos(0.7 * q);
        double[] hv = new double[len];
        k.hessianProduct(s, list, v, hv);
        out.add(hv);
        for (int j = 0; j < p.parameterNames().size(); j++) {
            double[] g = new double[len];
            k.parameterGradient(s, list, j, g);
            out.add(g);
            out.add(new double[] {k.parameterEnergyDerivative(s, list, j)});
        }
        return out.toArray(new double[0][]);
    }

    /** Repeated calls run through the interpreter, C1 and C2: the bits must not change with the tier. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resultsDoNotDependOnTheJitTier(Case c) {
        VectorKernels.assumeVectorApi();
        PairPotential p = c.spec().potential().get();
        double rho = c.dimension() == 3 ? c.spec().density3() : c.spec().density2();
        int n = 150;
        double length = Math.max(Math.pow(n / rho, 1.0 / c.dimension()), 2 * (p.maxCutoff() + ModelCases.Case.SKIN) + 0.05);
        ParticleSystem s = TestSystems.random(c.seed(), c.dimension(), n, length, true, p.speciesNames(),
                c.spec().minDistance(), new double[0], 0);
        NeighborList list = new NeighborList(p.maxCutoff(), ModelCases.Case.SKIN);
        list.update(s);
        ForceKernel k = VectorKernels.provider(1).pairKernel(p);
        double[][] first = evaluate(k, s, list, p);
        for (int rep = 0; rep < 100; rep++) {
            double[][] again = evaluate(k, s, list, p);
            for (int q = 0; q < first.length; q++) assertArrayEquals(first[q], again[q], "call " + rep + ", output " + q);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneTwoAndThreeThreadsGiveTheSameBits(Case c) {
        VectorKernels.assumeVectorApi();
        PairPotential p = c.spec().potential().get();
        int n = 1700;
        double rho = c.dimension() == 3 ? c.spec().density3() : c.spec().density2();
        double length = Math.pow(n / rho, 1.0 / c.dimension());
        ParticleSystem s = TestSystems.random(c.seed(), c.dimension(), n, length, true, p.speciesNames(),
                c.spec().minDistance(), new double[0], 0);
        NeighborList list = new NeighborList(p.maxCutoff(), ModelCases.Case.SKIN);
        list.update(s);
        assertTrue(list.clusters(Lanes.WIDTH).primarySlotCount() > 2 * ClusterForceKernel.BLOCK, "several blocks");
        double[][] one = evaluate(VectorKernels.provider(1).pairKernel(p), s, list, p);
        for (int threads = 2; threads <= 3; threads++) {
            ForceKernel k = Kernels.select(KernelChoice.VECTOR, threads).pairKernel(p);
            double[][] many = evaluate(k, s, list, p);
            assertEquals(one.length, many.length);
            for (int q = 0; q < one.length; q++) assertArrayEquals(one[q], many[q], threads + " threads, output " + q);
        }
    }
}
