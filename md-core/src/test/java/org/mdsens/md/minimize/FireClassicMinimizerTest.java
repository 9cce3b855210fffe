package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Classic FIRE specifics: JAX-MD defaults and update. */
class FireClassicMinimizerTest {

    static final MinimizerConfig CONFIG = MinimizerConfig.defaults().withAlgorithm(MinimizerKind.FIRE_CLASSIC);

    @Test
    void defaultsAreThoseOfJaxMd() {
        assertEquals(new FireClassicMinimizer.Settings(4.0, 5, 1.1, 0.5, 0.1, 0.99), FireClassicMinimizer.Settings.defaults());
    }

    @Test
    void settingsAreValidated() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FireClassicMinimizer.Settings(4.0, 5, 1.1, 1.5, 0.1, 0.99));
        assertEquals("f_dec must be in (0, 1], got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FireClassicMinimizer.Settings(0.5, 5, 1.1, 0.5, 0.1, 0.99));
    }

    /**
     * Two iterations of jax_md.minimize.fire_descent by hand: x₁ = x₀ + Δt² F₀ (v₀ = 0);
     * v = ½Δt(F₀ + F₁), P = F₁·v, v₁ = v + α(|v| F₁/|F₁| − v); n₊ = 1 ≤ n_min so Δt stays;
     * x₂ = x₁ + Δt v₁ + Δt² F₁.
     */
    @Test
    void firstTwoIterationsFollowJaxMdSeed8() {
        var s = TestSurfaces.QuadraticWell.anisotropic(3, 2, 1.0, 4.0, 8);
        int len = s.x.length;
        double dt = CONFIG.timestep();
        double alpha = 0.1;
        double[] x0 = s.x.clone();
        double[] f0 = new double[len];
        s.energyAndForces(f0);
        Recorder rec = new Recorder(s, 2);
        new FireClassicMinimizer(CONFIG).minimize(s, rec);

        double[] x1 = new double[len];
        for (int k = 0; k < len; k++) {
            x1[k] = x0[k] + dt * dt * f0[k];
            assertEquals(x1[k], rec.positions.get(0)[k], 1e-15);
        }
        double[] f1 = new double[len];
        new TestSurfaces.QuadraticWell(3, x1, s.stiffness, s.center).energyAndForces(f1);
        double[] v = new double[len];
        double vv = 0;
        double ff = 0;
        for (int k = 0; k < len; k++) {
            v[k] = 0.5 * dt * (f0[k] + f1[k]);
            vv += v[k] * v[k];
            ff += f1[k] * f1[k];
        }
        for (int k = 0; k < len; k++) {
            double v1 = v[k] + alpha * (f1[k] * Math.sqrt(vv) / Math.sqrt(ff) - v[k]);
            assertEquals(x1[k] + dt * v1 + dt * dt * f1[k], rec.positions.get(1)[k], 1e-15);
        }
    }
}
