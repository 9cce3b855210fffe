package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.model.EnergyEvaluator;

/**
 * Implicit dx*&#47;dθ against central finite differences of systems re-minimized (Newton-polished from
 * the first-order prediction to max force 1e-13 or the round-off floor) at θ ± h, compared in the
 * gauge (backbone, mean and rotations removed, rattlers 0). With e(h) = ‖J − J_FD(h)‖₂/max(‖J_FD‖₂, 1)
 * for h = 1e-4, 1e-5, 1e-6, and the Richardson extrapolations (100·J_FD(h/10) − J_FD(h))/99 of the two
 * consecutive pairs (which cancel the O(h²) term), the best must be ≤ 1e-6. The printed
 * e(1e-4)/e(1e-5) ≈ 100 shows the O(h²) behaviour of the truncation error; h = 1e-6 is there for
 * glasses with soft modes, where x*(θ) curves strongly and h = 1e-5 is still truncation-dominated.
 */
class ImplicitVsFiniteDifferenceTest {

    private static final double[] STEPS = {1e-4, 1e-5, 1e-6};

    /** Returns the best relative error (raw or Richardson); prints all. */
    static double compare(EnergyEvaluator ev, EquilibriumSensitivity s, String parameter) {
        ParameterSensitivity j = s.jvp(parameter);
        assertTrue(j.status().usable(), j.toString());
        double[][] fd = new double[STEPS.length][];
        for (int q = 0; q < STEPS.length; q++) fd[q] = Fixtures.finiteDifferenceJvp(ev, s, parameter, STEPS[q]);
        double scale = Math.max(1, Fixtures.norm(fd[1]));
        double[] raw = new double[STEPS.length];
        double[] rich = new double[STEPS.length - 1];
        double best = Double.POSITIVE_INFINITY;
        for (int q = 0; q < STEPS.length; q++) {
            raw[q] = Fixtures.distance(j.dx(), fd[q]) / scale;
            best = Math.min(best, raw[q]);
        }
        for (int q = 0; q + 1 < STEPS.length; q++) {
            double[] r = new double[fd[q].length];
            for (int c = 0; c < r.length; c++) r[c] = (100 * fd[q + 1][c] - fd[q][c]) / 99;
            rich[q] = Fixtures.distance(j.dx(), r) / scale;
            best = Math.min(best, rich[q]);
        }
        System.out.printf("%-14s |J| = %.4e  e(1e-4) %.2e  e(1e-5) %.2e  e(1e-6) %.2e  Richardson %.2e, %.2e  (%s)%n",
                parameter, j.norm(), raw[0], raw[1], raw[2], rich[0], rich[1], j.report());
        return best;
    }

    @Test
    void softSpherePacking2dSeed7() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(128, 0.9, 2.0, 7);
        PolishReport p = Fixtures.minimizeAndPolish(ev);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        System.out.println("soft spheres N=128 phi=0.9 seed 7: " + p + "; " + s + ", lambda = " + s.smallestEigenvalue());
        assertEquals(SensitivityStatus.OK, s.status());
        for (String parameter : List.of("diameter[B]", "epsilon", "alpha")) {
            double err = compare(ev, s, parameter);
            assertTrue(err <= 1e-6, parameter + ": relative error " + err);
        }
    }

    @Test
    void kobAndersenSwitched250Seed3() {
        EnergyEvaluator ev = Fixtures.kobAndersen(250, 1.2, 3);
        PolishReport p = Fixtures.minimizeAndPolish(ev, MinimizerKind.LBFGS);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        System.out.println("KA N=250 rho=1.2 seed 3: " + p + "; " + s + ", lambda = " + s.smallestEigenvalue());
        assertEquals(SensitivityStatus.OK, s.status());
        for (String parameter : List.of("epsilon[A,B]", "sigma[A,B]", "sigma[A]")) {
            double err = compare(ev, s, parameter);
            assertTrue(err <= 1e-6, parameter + ": relative error " + err);
        }
    }

    @Test
    void morseElasticNetworkOpenBoxSeed11() {
        EnergyEvaluator ev = Fixtures.elasticNetwork(5, 6, 11);
        PolishReport p = Fixtures.minimizeAndPolish(ev);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        System.out.println("network 5x6 seed 11: " + p + "; " + s + ", lambda = " + s.smallestEigenvalue());
        assertEquals(SensitivityStatus.OK, s.status());
        assertEquals(3, s.zeroModeCount());
        for (String parameter : List.of("r0[A,A]", "a[A,A]", "bond_k[soft]", "bond_r0[stiff]")) {
            double err = compare(ev, s, parameter);
            assertTrue(err <= 1e-6, parameter + ": relative error " + err);
        }
    }

    @Tag("slow")
    @Test
    void kobAndersenSwitched1000Seed5() {
        EnergyEvaluator ev = Fixtures.kobAndersen(1000, 1.2, 5);
        Fixtures.minimizeAndPolish(ev, MinimizerKind.LBFGS);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        assertEquals(SensitivityStatus.OK, s.status());
        for (String parameter : List.of("epsilon[A,B]", "sigma[A,B]", "sigma[A]")) {
            double err = compare(ev, s, parameter);
            assertTrue(err <= 1e-6, parameter + ": relative error " + err);
        }
    }
}
