package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.sensitivity.linalg.EigenSolverKind;
import org.mdsens.sensitivity.linalg.PreconditionerKind;

/**
 * The assembled Hessian and the preconditioners change the cost, not the answer: on a 2D soft-sphere packing with
 * rattlers, a 3D Kob–Andersen glass, an open 2D elastic network with bonds (Morse + two bond types, rotations in
 * the null space) and a 3D LJ crystal with a vacancy, every combination of {@link HessianKind} and
 * {@link PreconditionerKind} gives the matrix-free, unpreconditioned JVP to 1e-8 (all solved to 1e-12), with fewer
 * Krylov iterations when preconditioned by IC(0) or two-level; LOBPCG's λ̂ agrees with an exact Lanczos run; the
 * Newton correction moves a loosely minimized packing an order of magnitude closer to its minimum.
 */
class PreconditionedSensitivityTest {

    private static final double TOLERANCE = 1e-12;

    static List<Arguments> systems() {
        return List.of(
                Arguments.of("packing 2D seed 5", (Supplier<EnergyEvaluator>) () -> Fixtures.softSpherePacking(256, 0.9, 2.0, 5),
                        "diameter[B]"),
                Arguments.of("KA 3D seed 6", (Supplier<EnergyEvaluator>) () -> Fixtures.kobAndersen(250, 1.2, 6), "sigma[A,B]"),
                Arguments.of("elastic network open 2D seed 7", (Supplier<EnergyEvaluator>) () -> Fixtures.elasticNetwork(8, 9, 7),
                        "bond_r0[stiff]"),
                Arguments.of("vacancy crystal 3D seed 8", (Supplier<EnergyEvaluator>) () -> Fixtures.vacancyCrystal(8), "sigma[A]"));
    }

    private static SensitivityConfig bare() {
        return SensitivityConfig.defaults().withRelativeTolerance(TOLERANCE).withEigenvalueEstimate(false)
                .withErrorEstimates(false).withForceTolerance(1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void everyHessianAndPreconditionerGivesTheSameJvp(String name, Supplier<EnergyEvaluator> system, String parameter) {
        EnergyEvaluator ev = system.get();
        Fixtures.minimizeAndPolish(ev);
        EquilibriumSensitivity reference = new EquilibriumSensitivity(ev, bare().withHessian(HessianKind.MATRIX_FREE)
                .withPreconditioner(PreconditionerKind.NONE));
        assertEquals(HessianKind.MATRIX_FREE, reference.hessianKind());
        assertEquals(PreconditionerKind.NONE, reference.preconditionerKind());
        ParameterSensitivity u0 = reference.jvp(parameter);
        assertTrue(u0.status().usable(), u0::toString);
        for (HessianKind h : HessianKind.values()) {
            for (PreconditionerKind p : PreconditionerKind.values()) {
                EquilibriumSensitivity s = new EquilibriumSensitivity(ev, bare().withHessian(h).withPreconditioner(p));
                ParameterSensitivity u = s.jvp(parameter);
                assertEquals(h, s.hessianKind(), name);
                assertEquals(p, s.preconditionerKind(), name);
                assertTrue(u.status().usable(), name + " " + h + " " + p + ": " + u);
                double err = Fixtures.distance(u.dx(), u0.dx()) / Fixtures.norm(u0.dx());
                assertTrue(err < 1e-8, name + " " + h + " " + p + ": relative difference " + err);
                assertEquals(u0.d2Energy(), u.d2Energy(), 1e-8 * Math.abs(u0.d2Energy()), name + " d2E " + h + " " + p);
                if (p == PreconditionerKind.INCOMPLETE_CHOLESKY || p == PreconditionerKind.TWO_LEVEL) {
                    assertTrue(u.report().iterations() < u0.report().iterations(), name + " " + p + ": "
                            + u.report().iterations() + " vs " + u0.report().iterations());
                }
                if (h == HessianKind.ASSEMBLED) assertTrue(s.hessianApplications() >= u.report().operatorApplications());
            }
        }
    }

    @Test
    void lobpcgLambdaAgreesWithExactLanczosOnKaGlassSeed9() {
        EnergyEvaluator ev = Fixtures.kobAndersen(250, 1.2, 9);
        Fixtures.minimizeAndPolish(ev);
        EquilibriumSensitivity lobpcg = new EquilibriumSensitivity(ev, SensitivityConfig.defaults());
        EquilibriumSensitivity lanczos = new EquilibriumSensitivity(ev, SensitivityConfig.defaults()
                .withEigenSolver(EigenSolverKind.LANCZOS).withLanczosSteps(750));
        double exact = lanczos.smallestEigenvalue();
        double estimate = lobpcg.smallestEigenvalue();
        assertTrue(exact > 0, "lambda " + exact);
        assertTrue(estimate >= exact * (1 - 1e-9), "a Ritz value bounds the eigenvalue from above: " + estimate + " vs " + exact);
        assertTrue(estimate <= 1.05 * exact, estimate + " vs " + exact);
        assertEquals(SensitivityStatus.OK, lobpcg.status());
        assertTrue(lobpcg.spectrum().operatorApplications() < lanczos.spectrum().operatorApplications());
    }

    @Test
    void newtonCorrectionPointsToTheMinimumSeed10() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(256, 0.9, 2.0, 10);
        Fixtures.minimize(ev, 1e-6);
        double[] xHat = ev.positions().clone();
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev, SensitivityConfig.defaults().withForceTolerance(1e-6));
        double[] delta = s.newtonCorrection();
        PolishReport polish = Fixtures.minimizeAndPolish(ev);
        double[] toMinimum = Fixtures.toGauge(s, Fixtures.difference(ev.system().box(), ev.positions(), xHat, 1.0));
        double before = Fixtures.norm(toMinimum);
        double after = Fixtures.distance(toMinimum, delta);
        assertTrue(before > 0 && after < 0.1 * before, "|x* − x̂| = " + before + ", |x* − x̂ − δ| = " + after + "; " + polish);
        for (int r : s.rattlers()) for (int a = 0; a < 2; a++) assertEquals(0.0, delta[2 * r + a], 0.0);
    }
}
