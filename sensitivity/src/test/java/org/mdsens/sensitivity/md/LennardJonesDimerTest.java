package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * The closed form of DESIGN.md §8: an LJ dimer has r* = 2^{1/6}σ, so dr*&#47;dσ = 2^{1/6}; in the
 * zero-mean gauge each particle moves 2^{1/6}/2 outward along the bond. E* = −ε, so dE*&#47;dσ = 0,
 * d²E*&#47;dσ² = 0 and dE*&#47;dε = −1, d²E*&#47;dε² = 0 (plain cut, no shift, so E* is exactly −ε).
 */
class LennardJonesDimerTest {

    private static final double R_STAR = Math.pow(2, 1.0 / 6);

    private static EnergyEvaluator dimer(int d, double[] direction) {
        List<String> names = List.of("A");
        LennardJones lj = LennardJones.builder(names).sigma("A", 1).epsilon("A", 1).cutoff(2.5).shift(false).build();
        double[] x = new double[2 * d];
        for (int a = 0; a < d; a++) {
            x[a] = 0.3 + 0.2 * a;
            x[d + a] = x[a] + 1.05 * direction[a];   // start compressed; Newton takes it to r*
        }
        ParticleSystem system = new ParticleSystem(new Box.Open(d), x, new int[2], names);
        EnergyEvaluator ev = Fixtures.evaluator(system, new EnergyModel(lj));
        PolishReport p = NewtonPolish.polish(ev, 50, 1e-13);
        assertTrue(p.converged(), p.toString());
        return ev;
    }

    private static void check(int d, double[] direction, int expectedZeroModes) {
        EnergyEvaluator ev = dimer(d, direction);
        double[] x = ev.positions();
        double r = 0;
        for (int a = 0; a < d; a++) r += (x[d + a] - x[a]) * (x[d + a] - x[a]);
        assertEquals(R_STAR, Math.sqrt(r), 1e-12);

        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        assertEquals(expectedZeroModes, s.zeroModeCount(), "zero modes");
        assertEquals(EquilibriumSensitivity.GAUGE_OPEN, s.gauge());
        assertEquals(0, s.rattlers().length);
        assertEquals(SensitivityStatus.OK, s.status(), () -> "status; lambda = " + s.smallestEigenvalue());

        ParameterSensitivity sigma = s.jvp("sigma[A]");
        assertEquals(SensitivityStatus.OK, sigma.status(), sigma.toString());
        double[] dx = sigma.dx();
        for (int a = 0; a < d; a++) {
            // particle 1 sits at +direction from particle 0: it moves +R*/2 along it, particle 0 −R*/2
            assertEquals(R_STAR / 2 * direction[a], dx[d + a], 1e-9, "particle 1 axis " + a);
            assertEquals(-R_STAR / 2 * direction[a], dx[a], 1e-9, "particle 0 axis " + a);
        }
        double dr = 0;
        for (int a = 0; a < d; a++) dr += (dx[d + a] - dx[a]) * direction[a];
        assertEquals(R_STAR, dr, 1e-9, "dr*/dsigma");
        assertEquals(R_STAR / Math.sqrt(2), sigma.norm(), 1e-9);
        assertEquals(0.0, sigma.dEnergy(), 1e-9, "dE*/dsigma");
        assertEquals(0.0, sigma.d2Energy(), 1e-7, "d2E*/dsigma2");
        assertTrue(sigma.errorEstimate() < 1e-10, "error estimate " + sigma.errorEstimate());

        ParameterSensitivity eps = s.jvp("epsilon[A]");
        assertEquals(0.0, eps.norm(), 1e-9, "dx*/depsilon");
        assertEquals(-1.0, eps.dEnergy(), 1e-12, "dE*/depsilon");
        assertEquals(0.0, eps.d2Energy(), 1e-9, "d2E*/depsilon2");
    }

    @Test
    void dimer3dAlongGenericAxisHasFiveZeroModesAndClosedFormSensitivity() {
        check(3, new double[] {1.0 / 3, 2.0 / 3, 2.0 / 3}, 5);
    }

    @Test
    void dimer2dHasThreeZeroModesAndClosedFormSensitivity() {
        check(2, new double[] {0.6, 0.8}, 3);
    }

    @Test
    void bondDistanceObservableHasDerivativeTwoToTheSixth() {
        EnergyEvaluator ev = dimer(3, new double[] {0, 0, 1});
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        // L = z_1 − z_0 (invariant under translations; rotations do not change it to first order here)
        Observable bond = new Observable() {
            @Override public String name() { return "bond_z"; }
            @Override public double value(EnergyEvaluator e) { return e.positions()[5] - e.positions()[2]; }
            @Override public void gradient(EnergyEvaluator e, double[] out) {
                java.util.Arrays.fill(out, 0);
                out[5] = 1;
                out[2] = -1;
            }
            @Override public double parameterDerivative(EnergyEvaluator e, int k) { return 0; }
        };
        ObservableSensitivity o = s.vjp(bond, List.of("sigma[A]", "epsilon[A]"));
        assertEquals(SensitivityStatus.OK, o.status(), o.toString());
        assertEquals(R_STAR, o.value(), 1e-12);
        assertEquals(R_STAR, o.derivative("sigma[A]"), 1e-9);
        assertEquals(0.0, o.derivative("epsilon[A]"), 1e-9);
        ObservableSensitivity e = s.vjp(Observables.energy(), List.of("sigma[A]", "epsilon[A]"));
        assertEquals(-1.0, e.value(), 1e-12);
        assertEquals(0.0, e.derivative("sigma[A]"), 1e-9);
        assertEquals(-1.0, e.derivative("epsilon[A]"), 1e-12);
        assertEquals(0, e.report().iterations(), "energy needs no solve");
    }
}
