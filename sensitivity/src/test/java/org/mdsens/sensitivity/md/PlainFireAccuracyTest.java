package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.system.ParticleSystem;

/**
 * Issue 4 acceptance, "tol = 1e-4 with plain FIRE minima at max force 1e-12": no Newton polish anywhere.
 * The 2D bidisperse soft-sphere packing (N = 128, D 1.0/1.4, φ = 0.9, α = 2, seed 7) is minimized by plain
 * FIRE 2.0 (dt 0.05, the app's soft-sphere step) to max force {@value #FORCE_TOLERANCE}; the implicit J is taken
 * there. For θ ± h the system is re-minimized by the same FIRE to the same tolerance, warm-started from the
 * base minimum x̂ (not from the first-order prediction, so the finite difference owes nothing to J). With
 * J_FD(h) = (x̂(θ+h) − x̂(θ−h))/2h by minimum image, brought to the gauge of J (rattlers 0, backbone mean
 * removed), the best of h ∈ {1e-4, 1e-5} must satisfy ‖J − J_FD‖₂ ≤ 1e-4·max(‖J_FD‖₂, 1) for diameter[B],
 * epsilon and alpha. FIRE reaches 1e-12 on this system (no round-off floor above it: forces there are O(1e-2),
 * round-off O(1e-17)); the test fails, rather than loosening, if it does not. Expected size of the error: the
 * minimizations leave ‖x̂ − x*‖ ≲ ‖F‖/λ̂ ≈ 1e-12·√N/4e-3, i.e. ~ 1e-5 relative at h = 1e-5 and ~ 1e-6 at
 * h = 1e-4, where the O(h²) truncation is of similar size. For ε the check is weak by nature: α = 2 soft spheres
 * have E ∝ ε, so x* does not depend on ε (J = 0 up to round-off, and FIRE at ε ± h stops at once since the
 * scaled forces stay under the tolerance); it asserts the implicit J is ≈ 0 there.
 */
class PlainFireAccuracyTest {

    static final double FORCE_TOLERANCE = 1e-12;
    static final double TOLERANCE = 1e-4;
    static final double[] STEPS = {1e-4, 1e-5};

    private static MinimizationResult fire(EnergyEvaluator ev) {
        MinimizationResult r = Minimizers.create(MinimizerConfig.defaults().withAlgorithm(MinimizerKind.FIRE)
                .withForceTolerance(FORCE_TOLERANCE).withTimestep(0.05).withMaxIterations(2_000_000)).minimize(ev);
        assertTrue(r.converged() && r.maxForce() <= FORCE_TOLERANCE, "plain FIRE did not reach 1e-12: " + r);
        return r;
    }

    /** x̂(θ + delta) by plain FIRE from {@code start}. */
    private static double[] reminimized(EnergyEvaluator base, String parameter, double delta, double[] start) {
        ParticleSystem copy = base.system().copy();
        copy.setPositions(start);
        EnergyEvaluator ev = new EnergyEvaluator(copy,
                base.model().withParameter(parameter, base.model().parameter(parameter) + delta), base.provider(), base.skin());
        fire(ev);
        return ev.positions().clone();
    }

    @Test
    void softSpherePacking2dPlainFireSeed7() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(128, 0.9, 2.0, 7);
        MinimizationResult base = fire(ev);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev, SensitivityConfig.defaults().withRelativeTolerance(1e-12));
        assertEquals(SensitivityStatus.OK, s.status());
        System.out.println("plain FIRE N=128 seed 7: " + base + "; " + s + ", lambda = " + s.smallestEigenvalue());
        double[] x0 = s.positions();
        for (String parameter : List.of("diameter[B]", "epsilon", "alpha")) {
            ParameterSensitivity j = s.jvp(parameter);
            assertTrue(j.status().usable(), j.toString());
            double best = Double.POSITIVE_INFINITY;
            StringBuilder line = new StringBuilder(String.format("%-12s |J| = %.4e", parameter, j.norm()));
            for (double h : STEPS) {
                double[] plus = reminimized(ev, parameter, h, x0);
                double[] minus = reminimized(ev, parameter, -h, x0);
                double[] fd = Fixtures.toGauge(s, Fixtures.difference(ev.system().box(), plus, minus, 2 * h));
                double err = Fixtures.distance(j.dx(), fd) / Math.max(Fixtures.norm(fd), 1);
                line.append(String.format("  e(%.0e) = %.2e", h, err));
                best = Math.min(best, err);
            }
            System.out.println(line);
            assertTrue(best <= TOLERANCE, parameter + ": best relative error " + best + " > " + TOLERANCE);
        }
    }
}
