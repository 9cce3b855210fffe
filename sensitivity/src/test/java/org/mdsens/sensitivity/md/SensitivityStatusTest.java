package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.RadialFunction;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/** Statuses instead of silent numbers: saddles, non-smooth potentials, unknown parameters, unconverged minima. */
class SensitivityStatusTest {

    private static final List<String> A = List.of("A");

    /**
     * A linear LJ trimer with spacing s solving φ'(s) + φ'(2s) = 0 (bisection): a stationary point whose
     * bending mode has curvature ∝ φ'(s)/s &lt; 0, i.e. a saddle.
     */
    private static EnergyEvaluator linearTrimer() {
        LennardJones lj = LennardJones.builder(A).cutoff(2.5).build();
        RadialFunction f = lj.pair(0, 0);
        double lo = 1.0, hi = Math.pow(2, 1.0 / 6);
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (f.firstDerivative(mid) + f.firstDerivative(2 * mid) < 0) lo = mid; else hi = mid;
        }
        double s = 0.5 * (lo + hi);
        double[] x = {0, 0, 0.6 * s, 0.8 * s, 1.2 * s, 1.6 * s};
        ParticleSystem system = new ParticleSystem(new Box.Open(2), x, new int[3], A);
        return Fixtures.evaluator(system, new EnergyModel(lj));
    }

    @Test
    void saddleIsNotAMinimumByLanczos() {
        EnergyEvaluator ev = linearTrimer();
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        assertTrue(s.maxForce() < 1e-12, "stationary: max force " + s.maxForce());
        assertEquals(3, s.zeroModeCount());
        assertTrue(s.smallestEigenvalue() < 0, "lambda = " + s.smallestEigenvalue());
        assertEquals(SensitivityStatus.NOT_A_MINIMUM, s.status());
        ParameterSensitivity j = s.jvp("sigma[A]");
        assertEquals(SensitivityStatus.NOT_A_MINIMUM, j.status());
        assertTrue(Double.isNaN(j.dx()[0]) && Double.isNaN(j.norm()), "no numbers at a saddle");
        ObservableSensitivity p = s.vjp(Observables.meanContactDistance(), List.of("sigma[A]"));
        assertEquals(SensitivityStatus.NOT_A_MINIMUM, p.status());
        assertTrue(Double.isNaN(p.derivative("sigma[A]")));
    }

    @Test
    void saddleIsNotAMinimumByNegativeCurvatureInConjugateGradientSeed5() {
        EnergyEvaluator ev = linearTrimer();
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev, SensitivityConfig.defaults().withEigenvalueEstimate(false));
        assertTrue(Double.isNaN(s.smallestEigenvalue()));
        // a random linear observable excites the bending mode, where CG meets pᵀHp < 0
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        double[] w = new double[6];
        for (int q = 0; q < 6; q++) w[q] = rng.nextDouble() - 0.5;
        Observable linear = new Observable() {
            @Override public String name() { return "linear"; }
            @Override public double value(EnergyEvaluator e) { return 0; }
            @Override public void gradient(EnergyEvaluator e, double[] out) { System.arraycopy(w, 0, out, 0, 6); }
            @Override public double parameterDerivative(EnergyEvaluator e, int k) { return 0; }
        };
        ObservableSensitivity o = s.vjp(linear, List.of("sigma[A]"));
        assertEquals(SensitivityStatus.NOT_A_MINIMUM, o.status(), o.toString());
        // later solves inherit the finding
        assertEquals(SensitivityStatus.NOT_A_MINIMUM, s.jvp("sigma[A]").status());
    }

    @Test
    void softSphereExponentBelowTwoIsNonSmoothSeed3() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(32, 0.9, 1.5, 3);
        Fixtures.minimize(ev, 1e-8);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        assertEquals(SensitivityStatus.NON_SMOOTH, s.status());
        assertTrue(s.smoothnessProblem().contains("alpha"), s.smoothnessProblem());
        ParameterSensitivity j = s.jvp("diameter[B]");
        assertEquals(SensitivityStatus.NON_SMOOTH, j.status());
        assertTrue(Double.isNaN(j.norm()));
        assertTrue(Double.isFinite(j.dEnergy()), "the envelope derivative needs no Hessian");
    }

    private static EnergyEvaluator pairAt(LennardJones lj, double r) {
        double[] x = {0, 0, 0, r, 0, 0};
        return Fixtures.evaluator(new ParticleSystem(new Box.Open(3), x, new int[2], A), new EnergyModel(lj));
    }

    @Test
    void pairOnATruncatedCutoffIsNonSmoothButNotWithTheSwitch() {
        LennardJones cut = LennardJones.builder(A).cutoff(2.5).shift(true).build();
        EquilibriumSensitivity s = new EquilibriumSensitivity(pairAt(cut, 2.5 * (1 - 1e-8)));
        assertEquals(SensitivityStatus.NON_SMOOTH, s.status());
        assertTrue(s.smoothnessProblem().contains("cutoff"), s.smoothnessProblem());
        assertNull(new EquilibriumSensitivity(pairAt(cut, 2.4)).smoothnessProblem());
        LennardJones switched = LennardJones.builder(A).smoothSwitch(2.0, 2.5).build();
        EquilibriumSensitivity w = new EquilibriumSensitivity(pairAt(switched, 2.5 * (1 - 1e-8)));
        assertNull(w.smoothnessProblem());
        assertNotEquals(SensitivityStatus.NON_SMOOTH, w.status());
    }

    @Test
    void unknownParameterThrowsListingValidNamesSeed7() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(16, 0.9, 2.0, 7);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.jvp("diameter[Z]"));
        assertTrue(e.getMessage().contains("diameter[Z]") && e.getMessage().contains("diameter[A]")
                && e.getMessage().contains("alpha"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.vjp(Observables.energy(), List.of("alpha", "beta")));
        assertThrows(IllegalArgumentException.class, () -> s.jacobian(List.of("alpha", "nope")));
    }

    @Test
    void unconvergedMinimumIsFlaggedButKeepsNumbersSeed7() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(64, 0.9, 2.0, 7);
        Fixtures.minimize(ev, 1e-5);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        assertEquals(SensitivityStatus.NOT_CONVERGED_MINIMUM, s.status());
        ParameterSensitivity j = s.jvp("diameter[B]");
        assertEquals(SensitivityStatus.NOT_CONVERGED_MINIMUM, j.status());
        assertTrue(j.status().usable() && Double.isFinite(j.norm()) && j.norm() > 0);
        assertTrue(j.errorEstimate() > 0, "error estimate " + j.errorEstimate());
        EquilibriumSensitivity loose = new EquilibriumSensitivity(ev, SensitivityConfig.defaults().withForceTolerance(1e-4));
        assertEquals(SensitivityStatus.OK, loose.status());
    }

    @Test
    void solverIterationCapGivesSolverNotConvergedWithTheLastIterateSeed7() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(64, 0.9, 2.0, 7);
        Fixtures.minimizeAndPolish(ev);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev, SensitivityConfig.defaults().withMaxIterations(3));
        ParameterSensitivity j = s.jvp("diameter[B]");
        assertEquals(SensitivityStatus.SOLVER_NOT_CONVERGED, j.status(), j.toString());
        assertTrue(j.status().hasNumbers() && !j.status().usable());
        assertTrue(Double.isFinite(j.norm()) && j.report().relativeResidual() > 1e-10);
    }

    /** An LJ dimer plus a particle beyond every cutoff: its free translations are extra zero modes. */
    @Test
    void isolatedParticleMakesTheHessianSingular() {
        LennardJones lj = LennardJones.builder(A).smoothSwitch(2.0, 2.5).build();
        double r = Math.pow(2, 1.0 / 6);
        double[] x = {0, 0, 0, r, 0, 0, 10, 10, 10};
        EnergyEvaluator ev = Fixtures.evaluator(new ParticleSystem(new Box.Open(3), x, new int[3], A), new EnergyModel(lj));
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        assertTrue(s.maxForce() < 1e-12, "stationary: " + s.maxForce());
        assertEquals(SensitivityStatus.SINGULAR, s.status(), "lambda = " + s.smallestEigenvalue());
        ParameterSensitivity j = s.jvp("sigma[A]");
        assertEquals(SensitivityStatus.SINGULAR, j.status());
        assertTrue(Double.isNaN(j.norm()));
    }
}
