package org.mdsens.md.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdsens.md.model.ModelCases;
import org.mdsens.md.model.ModelCases.Case;
import org.mdsens.md.model.TestPotentials;
import org.mdsens.md.model.TestSystems;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/** The scalar kernel over the neighbor list against direct all-pairs sums, and a Lennard-Jones reference value. */
class ScalarForceKernelTest {

    /** Every potential, 2D and 3D, periodic and open (no bonds: kernels are pair terms only). */
    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Case c : ModelCases.all()) if (!c.bonds()) out.add(new Case(c.spec(), c.dimension(), c.periodic(), false, c.seed()));
        return out;
    }

    /** Σ |φ(r_ij)| over all pairs in range: the scale of round-off in the energy sum. */
    static double absoluteEnergy(ParticleSystem s, PairPotential p) {
        int d = s.dimension();
        double[] x = s.positions();
        double[] len = s.box().imageLengths();
        double[] inv = s.box().inverseImageLengths();
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int j = i + 1; j < s.size(); j++) {
                RadialFunction f = p.pair(s.species(i), s.species(j));
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void neighborListSumsEqualAllPairsThroughHundredsOfRebuilds(Case c) {
        PairPotential p = c.potential();
        ParticleSystem s = c.system();
        ForceKernel kernel = ScalarKernelProvider.INSTANCE.pairKernel(p);
        NeighborList list = new NeighborList(p.maxCutoff(), Case.SKIN);
        UniformRandomProvider rng = TestSystems.rng(c.seed() + 99);
        double[] x = s.positions();
        double[] f = new double[x.length], ref = new double[x.length];
        double[] virial = new double[1];
        int steps = 300;
        for (int step = 0; step < steps; step++) {
            list.update(s);
            double e = kernel.energyAndForces(s, list, f, virial);
            double eRef = TestSystems.allPairs(s, p, ref);
            double scale = absoluteEnergy(s, p);
            assertEquals(eRef, e, 1e-12 * scale + 1e-300, "energy at step " + step);
            double err = TestSystems.relativeError(f, ref);
            assertTrue(err <= 1e-12, "forces at step " + step + ": relative error " + err);
            for (int q = 0; q < x.length; q++) x[q] += 0.06 * (rng.nextDouble() - 0.5);
        }
        assertTrue(list.rebuildCount() > 20, "rebuilds " + list.rebuildCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void virialIsOptionalAndResultsAreBitwiseRepeatable(Case c) {
        PairPotential p = c.potential();
        ParticleSystem s = c.system();
        NeighborList list = new NeighborList(p.maxCutoff(), Case.SKIN);
        list.update(s);
        ForceKernel k1 = ScalarKernelProvider.INSTANCE.pairKernel(p);
        ForceKernel k2 = ScalarKernelProvider.INSTANCE.pairKernel(p);
        assertNotSame(k1, k2);
        double[] f1 = new double[s.positions().length], f2 = new double[f1.length];
        double e1 = k1.energyAndForces(s, list, f1, null);
        double e2 = k2.energyAndForces(s, list, f2, new double[1]);
        assertEquals(Double.doubleToLongBits(e1), Double.doubleToLongBits(e2));
        assertArrayEquals(f1, f2);
        for (int k = 0; k < p.parameterNames().size(); k++) {
            assertEquals(Double.doubleToLongBits(k1.parameterEnergyDerivative(s, list, k)),
                    Double.doubleToLongBits(k2.parameterEnergyDerivative(s, list, k)));
        }
    }

    static double fccEnergyPerParticle(PairPotential lj) {
        // σ = ε = 1, number density 0.8442, 6×6×6 cubic cells (864 atoms), cutoff 2.5, no shift
        int cells = 6;
        double a = Math.cbrt(4 / 0.8442);
        double[] x = TestSystems.fcc(cells, a);
        int n = x.length / 3;
        ParticleSystem s = new ParticleSystem(Box.Periodic.cube(3, cells * a), x, new int[n], List.of("A"));
        NeighborList list = new NeighborList(2.5, 0.3);
        list.update(s);
        double e = ScalarKernelProvider.INSTANCE.pairKernel(lj).energyAndForces(s, list, new double[3 * n], null);
        assertEquals(864, n);
        return e / n;
    }

    @Test
    void lennardJonesFccEnergyPerParticleMatchesTheReferenceValue() {
        assertEquals(-6.773368053253057, fccEnergyPerParticle(LennardJones.builder(List.of("A")).cutoff(2.5).build()), 1e-12);
        assertEquals(-6.773368053253057, fccEnergyPerParticle(TestPotentials.Lj.single(2.5, false)), 1e-12);
    }

    @Test
    void providerNamesAndKernelNames() {
        assertEquals("scalar", ScalarKernelProvider.INSTANCE.name());
        assertEquals("scalar", ScalarKernelProvider.INSTANCE.pairKernel(TestPotentials.Lj.single(2.5, true)).name());
    }
}
