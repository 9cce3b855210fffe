package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.model.EnergyEvaluator;

/** Newton–Krylov polish takes FIRE and L-BFGS minima to round-off in a few steps. */
class NewtonPolishTest {

    @Test
    void polishesFireMinimumOfSoftSpherePackingSeed7() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(128, 0.9, 2.0, 7);
        Fixtures.minimize(ev, 1e-6);
        double before = ev.energy();
        PolishReport p = NewtonPolish.polish(ev, 10, 1e-13);
        System.out.println("soft spheres FIRE 1e-6: " + p);
        assertTrue(p.converged(), p.toString());
        assertTrue(p.steps() <= 3, "steps " + p.steps());
        assertTrue(p.initialMaxForce() > 1e-7 && p.finalMaxForce() <= 1e-13);
        assertTrue(p.finalEnergy() <= before + 1e-15, "energy must not rise");
        PolishReport again = NewtonPolish.polish(ev, 10, 1e-13);
        assertEquals(0, again.steps());
        assertEquals(PolishReport.Outcome.CONVERGED, again.outcome());
    }

    @Test
    void polishesLbfgsMinimumOfKobAndersenSeed3() {
        EnergyEvaluator ev = Fixtures.kobAndersen(250, 1.2, 3);
        Fixtures.minimize(ev, 1e-5, MinimizerKind.LBFGS);
        PolishReport p = NewtonPolish.polish(ev, 10, 1e-14);
        System.out.println("KA L-BFGS 1e-5: " + p);
        // |E| ≈ 2000: the force round-off floor is a few 1e-13, so the polish ends there
        assertTrue(p.finalMaxForce() < 1e-11, p.toString());
        assertTrue(p.outcome() == PolishReport.Outcome.STAGNATED || p.converged(), p.toString());
        assertTrue(p.steps() <= 5, "steps " + p.steps());
    }

    @Test
    void zeroStepsReturnsTheStateUntouched() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(32, 0.9, 2.0, 1);
        double[] x = ev.positions().clone();
        PolishReport p = NewtonPolish.polish(ev, 0, 1e-13);
        assertEquals(PolishReport.Outcome.MAX_STEPS, p.outcome());
        assertEquals(0, Fixtures.distance(x, ev.positions()), 0.0);
    }
}
