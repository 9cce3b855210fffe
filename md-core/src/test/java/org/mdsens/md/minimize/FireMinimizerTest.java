package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FIRE 2.0 specifics: LAMMPS defaults and semantics, vdfmax stagnation, option branches. */
class FireMinimizerTest {

    static final MinimizerConfig CONFIG = MinimizerConfig.defaults();

    @Test
    void defaultsAreThoseOfLammps() {
        assertEquals(new FireMinimizer.Settings(20, 1.1, 0.5, 0.25, 0.99, 10.0, 0.02, true, true, 2000),
                FireMinimizer.Settings.defaults());
        assertEquals(FireMinimizer.Settings.defaults(), new FireMinimizer(CONFIG).settings());
    }

    @Test
    void settingsAreValidated() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new FireMinimizer.Settings(20, 0.9, 0.5, 0.25, 0.99, 10.0, 0.02, true, true, 2000));
        assertEquals("dtgrow must be >= 1, got 0.9", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new FireMinimizer.Settings(20, 1.1, 0.5, 0.25, 0.99, 0.01, 0.02, true, true, 2000));
        assertEquals("tmax must be >= tmin = 0.02, got 0.01", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new FireMinimizer.Settings(-1, 1.1, 0.5, 0.25, 0.99, 10.0, 0.02, true, true, 2000));
        assertThrows(IllegalArgumentException.class, () -> new FireMinimizer(CONFIG, null));
    }

    /**
     * The first two iterations by hand (LAMMPS semantics): from rest P = 0, so no mixing and,
     * inside the initial delay, no Δt change: v₁ = Δt F₀, x₁ = x₀ + Δt² F₀. Then P = v₁·F₁ &gt; 0:
     * c₁ = 1 − α₀, c₂ = α₀|v₁|/|F₁|, v₂ = c₁(v₁ + ΔtF₁) + c₂F₁, x₂ = x₁ + Δt v₂.
     */
    @Test
    void firstTwoIterationsFollowLammpsSemanticsSeed8() {
        var s = TestSurfaces.QuadraticWell.anisotropic(2, 3, 1.0, 3.0, 8);
        int len = s.x.length;
        double dt = CONFIG.timestep();
        double[] x0 = s.x.clone();
        double[] f0 = new double[len];
        s.energyAndForces(f0);
        Recorder rec = new Recorder(s, 2);
        new FireMinimizer(CONFIG).minimize(s, rec);

        double[] x1 = new double[len];
        double[] v1 = new double[len];
        for (int k = 0; k < len; k++) {
            v1[k] = dt * f0[k];
            x1[k] = x0[k] + dt * v1[k];
            assertEquals(x1[k], rec.positions.get(0)[k], 1e-15);
        }
        double[] f1 = new double[len];
        var probe = new TestSurfaces.QuadraticWell(2, x1, s.stiffness, s.center);
        probe.energyAndForces(f1);
        double vv = 0;
        double ff = 0;
        for (int k = 0; k < len; k++) {
            vv += v1[k] * v1[k];
            ff += f1[k] * f1[k];
        }
        double alpha0 = 0.25;
        double c1 = 1 - alpha0;
        double c2 = alpha0 * Math.sqrt(vv / ff);
        for (int k = 0; k < len; k++) {
            double v2 = c1 * (v1[k] + dt * f1[k]) + c2 * f1[k];
            assertEquals(x1[k] + dt * v2, rec.positions.get(1)[k], 1e-15);
        }
    }

    @Test
    void consecutiveNonPositivePowerStagnatesAfterVdfmax() {
        // forces that flip sign on every evaluation: P ≤ 0 in every iteration
        var s = new TestSurfaces.Inconsistent(2, new double[] {0.5, 1.0, 2.0, 3.0}, 1.0, true);
        MinimizationResult r = new FireMinimizer(CONFIG).minimize(s);
        assertEquals(Status.STAGNATED, r.status(), r::toString);
        assertEquals(2000, r.iterations());
    }

    @ParameterizedTest(name = "vdfmax {0}") @ValueSource(ints = {1, 50})
    void vdfmaxIsConfigurable(int vdfMax) {
        var settings = new FireMinimizer.Settings(20, 1.1, 0.5, 0.25, 0.99, 10.0, 0.02, true, true, vdfMax);
        var s = new TestSurfaces.Inconsistent(2, new double[] {0.5, 1.0, 2.0, 3.0}, 1.0, true);
        MinimizationResult r = new FireMinimizer(CONFIG, settings).minimize(s);
        assertEquals(Status.STAGNATED, r.status());
        assertEquals(vdfMax, r.iterations());
    }

    @Test
    void vdfmaxZeroNeverStagnates() {
        var settings = new FireMinimizer.Settings(20, 1.1, 0.5, 0.25, 0.99, 10.0, 0.02, true, true, 0);
        var s = new TestSurfaces.Inconsistent(2, new double[] {0.5, 1.0, 2.0, 3.0}, 1.0, true);
        MinimizationResult r = new FireMinimizer(CONFIG.withMaxIterations(5000), settings).minimize(s);
        assertEquals(Status.MAX_ITERATIONS, r.status());
    }

    @ParameterizedTest(name = "halfStepBack {0}") @ValueSource(booleans = {true, false})
    void bothRestartVariantsAndNoInitialDelayReachLennardJones13MinimumSeed77(boolean halfStepBack) {
        var settings = new FireMinimizer.Settings(20, 1.1, 0.5, 0.25, 0.99, 10.0, 0.02, halfStepBack, false, 2000);
        var s = TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, 77);
        MinimizationResult r = new FireMinimizer(CONFIG, settings).minimize(s);
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        assertEquals(MinimizerContractTest.LJ13_GLOBAL_MINIMUM, r.energy(), 1e-6);
    }

    @Test
    void restartsCostAnExtraEvaluationOnlyWhenStepping() {
        var s = TestSurfaces.LennardJones.icosahedron13(1.05, 0.15, 99);
        MinimizationResult r = new FireMinimizer(CONFIG).minimize(s);
        assertTrue(r.converged());
        int restarts = r.forceEvaluations() - 1 - r.iterations();
        assertTrue(restarts > 0 && restarts < r.iterations() / 2, r::toString);
    }
}
