package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/** The rigid-mode basis: counts (collinear, planar, general), orthonormality, and H z = 0 at a minimum. */
class ZeroModesTest {

    private static void assertOrthonormal(ZeroModes z) {
        for (int k = 0; k < z.count(); k++) {
            for (int l = 0; l < z.count(); l++) {
                assertEquals(k == l ? 1.0 : 0.0, ZeroModes.dot(z.mode(k), z.mode(l)), 1e-14, k + "," + l);
            }
        }
    }

    @Test
    void countsInOpenAndPeriodicBoxes() {
        double[] dimer3 = {0, 0, 0, 0.3, 0.6, 0.6};
        double[] line3 = {0, 0, 0, 1, 2, 2, 2, 4, 4};
        double[] triangle3 = {0, 0, 0, 1, 0, 0, 0, 1, 0};
        double[] single3 = {1, 2, 3};
        assertEquals(5, ZeroModes.rigid(new Box.Open(3), dimer3).count());
        assertEquals(5, ZeroModes.rigid(new Box.Open(3), line3).count());
        assertEquals(6, ZeroModes.rigid(new Box.Open(3), triangle3).count());
        assertEquals(3, ZeroModes.rigid(new Box.Open(3), single3).count());
        assertEquals(3, ZeroModes.rigid(Box.Periodic.cube(3, 10), triangle3).count());
        assertEquals(3, ZeroModes.rigid(new Box.Open(2), new double[] {0, 0, 0.6, 0.8}).count());
        assertEquals(2, ZeroModes.rigid(new Box.Open(2), new double[] {0.5, 0.5}).count());
        assertEquals(2, ZeroModes.rigid(Box.Periodic.cube(2, 5), new double[] {0, 0, 1, 1, 2, 0}).count());
        assertOrthonormal(ZeroModes.rigid(new Box.Open(3), triangle3));
        assertOrthonormal(ZeroModes.rigid(new Box.Open(3), line3));
    }

    @Test
    void excludedParticlesAreLeftAlone() {
        double[] x = {0, 0, 1, 0, 0, 1, 5, 5};
        boolean[] excluded = {false, false, false, true};
        ZeroModes z = ZeroModes.rigid(new Box.Open(2), x, excluded);
        assertEquals(3, z.count());
        assertOrthonormal(z);
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8};
        z.project(v);
        assertEquals(7, v[6], 0.0);
        assertEquals(8, v[7], 0.0);
        assertEquals(0, v[0] + v[2] + v[4], 1e-14);
        assertEquals(0, v[1] + v[3] + v[5], 1e-14);
    }

    /** At an LJ cluster minimum (open box, 7 particles, seed 13), H z_k ≈ 0 for all 6 rigid modes. */
    @Test
    void rigidModesAreHessianNullVectorsAtAClusterMinimumSeed13() {
        List<String> a = List.of("A");
        LennardJones lj = LennardJones.builder(a).smoothSwitch(2.0, 2.5).build();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13);
        double[] x = new double[21];
        double[][] sites = {{0, 0, 0}, {1.1, 0, 0}, {0.55, 0.95, 0}, {0.55, 0.32, 0.9}, {-0.55, 0.95, 0.1},
            {1.6, 0.95, 0.2}, {0.55, -0.95, 0.1}};
        for (int i = 0; i < 7; i++) for (int k = 0; k < 3; k++) x[3 * i + k] = sites[i][k] + 0.05 * (rng.nextDouble() - 0.5);
        EnergyEvaluator ev = Fixtures.evaluator(new ParticleSystem(new Box.Open(3), x, new int[7], a), new EnergyModel(lj));
        Fixtures.minimize(ev, 1e-10);
        assertTrue(NewtonPolish.polish(ev, 20, 1e-13).finalMaxForce() < 1e-11);
        ZeroModes z = ZeroModes.rigid(ev.system().box(), ev.positions());
        assertEquals(6, z.count());
        double[] out = new double[21];
        for (int k = 0; k < 6; k++) {
            ev.hessianProduct(z.mode(k), out);
            assertTrue(Fixtures.norm(out) < 1e-9, "mode " + k + ": |H z| = " + Fixtures.norm(out));
        }
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        assertEquals(SensitivityStatus.OK, s.status(), "lambda " + s.smallestEigenvalue());
        assertEquals(6, s.zeroModeCount());
        ParameterSensitivity j = s.jvp("sigma[A]");
        // gauge: no translation and no rotation component
        assertTrue(z.leakage(j.dx()) < 1e-12, "leakage " + z.leakage(j.dx()));
        // uniform scaling: with σ → λσ the whole minimum scales about its centroid, so dx/dσ = x − c
        double[] c = new double[3];
        for (int i = 0; i < 7; i++) for (int k = 0; k < 3; k++) c[k] += ev.positions()[3 * i + k] / 7;
        double[] expected = new double[21];
        for (int i = 0; i < 7; i++) for (int k = 0; k < 3; k++) expected[3 * i + k] = ev.positions()[3 * i + k] - c[k];
        z.project(expected);
        assertTrue(Fixtures.distance(expected, j.dx()) < 1e-8 * Fixtures.norm(expected),
                "|dx/dsigma − (x − c)| = " + Fixtures.distance(expected, j.dx()));
    }
}
