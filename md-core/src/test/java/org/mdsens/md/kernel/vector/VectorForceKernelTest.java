package org.mdsens.md.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.ScalarKernelProvider;
import org.mdsens.md.model.ModelCases;
import org.mdsens.md.model.ModelCases.PotentialSpec;
import org.mdsens.md.model.TestSystems;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * The vector kernels against the scalar reference: energies to 1e-12 of Σ|φ|, forces, Hessian
 * products and parameter gradients to 1e-12 of their largest component, for every potential
 * under test (built-ins through the cluster kernel, test-scope potentials through the scalar
 * fallback), 2D and 3D, periodic and open, on particle counts 1, 3, 7, 13 and 207 (every
 * cluster-padding tail, rows from empty to full), and after moves within the skin.
 */
class VectorForceKernelTest {

    record Case(PotentialSpec spec, int dimension, boolean periodic, int count, long seed) {
        ParticleSystem system() {
            PairPotential p = spec.potential().get();
            double rho = dimension == 3 ? spec.density3() : spec.density2();
            double length = Math.pow(count / rho, 1.0 / dimension);
            length = Math.max(length, 2 * (p.maxCutoff() + ModelCases.Case.SKIN) + 0.05);
            return TestSystems.random(seed, dimension, count, length, periodic, p.speciesNames(), spec.minDistance(),
                    TestSystems.cutoffs(p), ModelCases.Case.BAND);
        }

        @Override public String toString() {
            return spec.name() + " " + dimension + "D " + (periodic ? "periodic" : "open") + " N=" + count + " seed=" + seed;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        long seed = 300;
        for (PotentialSpec p : ModelCases.potentials()) {
            for (int d = 2; d <= 3; d++) {
                for (boolean periodic : new boolean[] {true, false}) {
                    for (int n : new int[] {1, 3, 7, 13, 207}) {
                        if (n == 207 && !periodic) continue;
                        out.add(new Case(p, d, periodic, n, seed++));
                    }
                }
            }
        }
        return out;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        double scale = maxAbs(expected);
        double diff = 0;
        for (int i = 0; i < expected.length; i++) diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
        assertTrue(diff <= tolerance * scale + 1e-300, what + ": max difference " + diff + " vs largest component " + scale);
    }

    /** Σ |g(r_ij)| over pairs in range, for g = φ or a parameter derivative of φ. */
    static double absoluteSum(ParticleSystem s, PairPotential p, int k) {
        int d = s.dimension();
        double[] x = s.positions();
        double[] len = s.box().imageLengths();
        double[] inv = s.box().inverseImageLengths();
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int j = i + 1; j < s.size(); j++) {
                RadialFunction f = k < 0 ? p.pair(s.species(i), s.species(j)) : p.parameterDerivative(k, s.species(i), s.species(j));
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                    r2 += dx * dx;
                }
                double r = Math.sqrt(r2);
                if (r < f.cutoff()) sum += Math.abs(f.energy(r));
            }
        }
        return sum;
    }

    static void compare(PairPotential p, ParticleSystem s, ForceKernel vector, ForceKernel scalar, NeighborList list,
                        UniformRandomProvider rng, String where) {
        int len = s.positions().length;
        double[] fv = new double[len], fs = new double[len];
        double[] wv = new double[1], ws = new double[1];
        double ev = vector.energyAndForces(s, list, fv, wv);
        double es = scalar.energyAndForces(s, list, fs, ws);
        double scale = absoluteSum(s, p, -1);
        assertEquals(es, ev, 1e-12 * scale + 1e-300, where + " energy");
        assertClose(fs, fv, 1e-12, where + " forces");
        double virialScale = 0;
        for (int i = 0; i < len; i++) virialScale += Math.abs(fs[i] * s.positions()[i]);
        assertEquals(ws[0], wv[0], 1e-12 * Math.max(virialScale, Math.abs(ws[0])) + 1e-300, where + " virial");
        double[] v = new double[len];
        for (int i = 0; i < len; i++) v[i] = rng.nextDouble() - 0.5;
        double[] hv = new double[len], hs = new double[len];
        vector.hessianProduct(s, list, v, hv);
        scalar.hessianProduct(s, list, v, hs);
        assertClose(hs, hv, 1e-12, where + " Hessian product");
        for (int k = 0; k < p.parameterNames().size(); k++) {
            String name = where + " d/d" + p.parameterNames().get(k);
            double dv = vector.parameterEnergyDerivative(s, list, k);
            double ds = scalar.parameterEnergyDerivative(s, list, k);
            assertEquals(ds, dv, 1e-12 * absoluteSum(s, p, k) + 1e-300, name + " energy");
            double[] gv = new double[len], gs = new double[len];
            vector.parameterGradient(s, list, k, gv);
            scalar.parameterGradient(s, list, k, gs);
            assertClose(gs, gv, 1e-12, name + " gradient");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vectorEqualsScalarToRoundOff(Case c) {
        KernelProvider provider = VectorKernels.provider(1);
        PairPotential p = c.spec().potential().get();
        ParticleSystem s = c.system();
        ForceKernel vector = provider.pairKernel(p);
        ForceKernel scalar = ScalarKernelProvider.INSTANCE.pairKernel(p);
        NeighborList list = new NeighborList(p.maxCutoff(), ModelCases.Case.SKIN);
        UniformRandomProvider rng = TestSystems.rng(c.seed() + 7);
        double[] x = s.positions();
        for (int step = 0; step < 3; step++) {
            list.update(s);
            compare(p, s, vector, scalar, list, rng, c + " step " + step);
            // moves of up to 0.06 per axis: some within skin/2 (list kept), some beyond (rebuilt)
            for (int q = 0; q < x.length; q++) x[q] += 0.12 * (rng.nextDouble() - 0.5);
        }
    }

    @Test
    void builtInsGetTheClusterKernelAndOthersTheScalarOne() {
        KernelProvider provider = VectorKernels.provider(1);
        assertTrue(provider.name().startsWith("vector-"), provider.name());
        for (PotentialSpec spec : ModelCases.potentials()) {
            PairPotential p = spec.potential().get();
            boolean builtIn = p.getClass().getPackageName().equals("org.mdsens.md.potential")
                    && p.kind() != org.mdsens.md.potential.PotentialKind.CUSTOM;
            assertEquals(builtIn ? provider.name() : "scalar", provider.pairKernel(p).name(), spec.name());
        }
    }
}
