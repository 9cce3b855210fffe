package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.system.ParticleSystem;

/** Rattler detection: the recursive d+1 rule, and a planted rattler in a soft-sphere packing. */
class RattlersTest {

    @Test
    void pruningIsRecursive() {
        // K5 on 0..4 (4 contacts each); 5 touches 0, 1, 6 (3 contacts); 6 touches 5, 2; 7 touches nothing
        int[] from = {0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 5, 5, 5, 6};
        int[] to = {1, 2, 3, 4, 2, 3, 4, 3, 4, 4, 0, 1, 6, 2};
        Rattlers r = Rattlers.prune(8, 2, from, to);
        assertArrayEquals(new int[] {5, 6, 7}, r.indices());
        assertEquals(10, r.backboneContacts());
        assertEquals(4, r.contacts(0));
        assertEquals(0, r.contacts(5));
        // in 3D (4 contacts needed) K5 survives, and 5 goes at once
        assertArrayEquals(new int[] {5, 6, 7}, Rattlers.prune(8, 3, from, to).indices());
        // a K4 in 3D has 3 contacts each: everything rattles
        assertEquals(4, Rattlers.prune(4, 3, new int[] {0, 0, 0, 1, 1, 2}, new int[] {1, 2, 3, 2, 3, 3}).count());
    }

    /**
     * A packing (N = 128, φ = 0.9, seed 7) in which one large particle is replaced by a small one
     * (D = 0.3) in its cage and the system re-minimized: that particle must be found as a rattler, get
     * dx = 0, and leave the backbone sensitivities correct (finite differences).
     */
    @Test
    void plantedRattlerInACageSeed7() {
        EnergyEvaluator base = Fixtures.softSpherePacking(128, 0.9, 2.0, 7);
        Fixtures.minimizeAndPolish(base);
        int planted = 100;
        ParticleSystem old = base.system();
        int[] species = old.species().clone();
        species[planted] = 2;
        List<String> names = List.of("A", "B", "C");
        ParticleSystem system = new ParticleSystem(old.box(), old.positions(), species, names);
        SoftSphere ss = SoftSphere.builder(names).diameter("A", 1.0).diameter("B", 1.4).diameter("C", 0.3).epsilon(1)
                .alpha(2).build();
        EnergyEvaluator ev = Fixtures.evaluator(system, new EnergyModel(ss));
        Fixtures.minimizeAndPolish(ev);

        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        int[] rattlers = s.rattlers();
        System.out.println("planted rattler " + planted + ": " + s.rattlerDetection() + ", " + s + ", lambda = "
                + s.smallestEigenvalue());
        assertTrue(java.util.Arrays.binarySearch(rattlers, planted) >= 0, "planted particle is a rattler");
        assertEquals(0, s.rattlerDetection().contacts(planted));
        assertEquals(2 + 2 * rattlers.length, s.zeroModeCount());
        assertEquals(SensitivityStatus.OK, s.status(), "rattlers removed: no extra zero modes");
        ParameterSensitivity j = s.jvp("diameter[B]");
        assertEquals(SensitivityStatus.OK, j.status());
        for (int r : rattlers) {
            assertEquals(0.0, j.dx(r, 0, 2), 0.0);
            assertEquals(0.0, j.dx(r, 1, 2), 0.0);
        }
        double err = ImplicitVsFiniteDifferenceTest.compare(ev, s, "diameter[B]");
        assertTrue(err <= 1e-6, "relative error over the backbone " + err);
        // the small particle's own diameter moves nothing while it rattles
        assertEquals(0.0, s.jvp("diameter[C]").norm(), 0.0);
    }

    /** A dilute soft-sphere gas (φ = 0.3, seed 5): no contacts, every particle rattles, every sensitivity is 0. */
    @Test
    void diluteGasIsAllRattlersSeed5() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(40, 0.3, 2.0, 5);
        Fixtures.minimize(ev, 1e-12);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        assertEquals(40, s.rattlers().length);
        assertEquals(80, s.zeroModeCount());
        assertEquals(SensitivityStatus.OK, s.status());
        ParameterSensitivity j = s.jvp("diameter[B]");
        assertEquals(SensitivityStatus.OK, j.status(), j.toString());
        assertEquals(0.0, j.norm(), 0.0);
        assertEquals(0.0, s.vjp(Observables.pressure(), List.of("diameter[B]")).derivative("diameter[B]"), 0.0);
    }
}
