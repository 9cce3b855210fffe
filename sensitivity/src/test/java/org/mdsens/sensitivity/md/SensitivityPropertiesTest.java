package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mdsens.md.model.EnergyEvaluator;

/**
 * Seeded properties of the sensitivities on a 2D soft-sphere packing (N = 128, φ = 0.9, α = 2,
 * seed 7) and a Morse elastic network with bonds (seed 11): duality ⟨w, J v⟩ = ⟨Jᵀw, v⟩ (VJP of a
 * random linear observable against JVPs, at Krylov tolerance 1e-12), zero backbone sum, and the
 * second-order and observable derivatives against central finite differences (with Richardson
 * extrapolation from h = 1e-4 and 1e-5) of re-minimized systems.
 */
class SensitivityPropertiesTest {

    private static final List<String> PACKING_PARAMETERS = List.of("diameter[B]", "alpha", "epsilon", "sigma[A,B]");
    private static EnergyEvaluator packing;
    private static EnergyEvaluator network;

    @BeforeAll
    static void minimize() {
        packing = Fixtures.softSpherePacking(128, 0.9, 2.0, 7);
        Fixtures.minimizeAndPolish(packing);
        network = Fixtures.elasticNetwork(5, 6, 11);
        Fixtures.minimizeAndPolish(network);
    }

    /** A user-defined observable L = wᵀx (no explicit parameter dependence). */
    private record Linear(double[] w) implements Observable {
        @Override public String name() { return "linear"; }
        @Override public double value(EnergyEvaluator e) {
            double s = 0;
            for (int q = 0; q < w.length; q++) s += w[q] * e.positions()[q];
            return s;
        }
        @Override public void gradient(EnergyEvaluator e, double[] out) { System.arraycopy(w, 0, out, 0, w.length); }
        @Override public double parameterDerivative(EnergyEvaluator e, int k) { return 0; }
    }

    private static void duality(EnergyEvaluator ev, List<String> parameters, long seed) {
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev, SensitivityConfig.defaults().withRelativeTolerance(1e-12));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] w = new double[ev.positions().length];
        for (int q = 0; q < w.length; q++) w[q] = rng.nextDouble() - 0.5;
        double[] v = new double[parameters.size()];
        for (int k = 0; k < v.length; k++) v[k] = rng.nextDouble() - 0.5;
        List<ParameterSensitivity> jac = s.jacobian(parameters);
        ObservableSensitivity vjp = s.vjp(new Linear(w), parameters);
        assertEquals(SensitivityStatus.OK, vjp.status(), vjp.toString());
        double left = 0, right = 0, scale = 0;
        for (int k = 0; k < v.length; k++) {
            double[] dx = jac.get(k).dx();
            double wJ = 0;
            for (int q = 0; q < w.length; q++) wJ += w[q] * dx[q];
            left += v[k] * wJ;
            right += v[k] * vjp.derivative(parameters.get(k));
            scale += Math.abs(v[k] * wJ);
        }
        System.out.printf("duality seed %d: <w, J v> = %.15g, <J^T w, v> = %.15g, relative difference %.2e%n", seed,
                left, right, Math.abs(left - right) / scale);
        assertEquals(left, right, 1e-10 * scale);
    }

    @Test
    void dualityOnPackingSeed7() {
        duality(packing, PACKING_PARAMETERS, 7);
    }

    @Test
    void dualityOnNetworkWithBondsSeed11() {
        duality(network, List.of("r0[A,A]", "epsilon[A,A]", "bond_k[soft]", "bond_k[stiff]", "bond_r0[soft]"), 11);
    }

    @Test
    void displacementsSumToZeroOverTheBackbone() {
        EquilibriumSensitivity s = new EquilibriumSensitivity(packing);
        for (String p : PACKING_PARAMETERS) {
            ParameterSensitivity j = s.jvp(p);
            double[] dx = j.dx();
            double sx = 0, sy = 0;
            for (int i = 0; i < s.size(); i++) {
                sx += dx[2 * i];
                sy += dx[2 * i + 1];
            }
            assertTrue(Math.abs(sx) <= 1e-12 * Math.max(1, j.norm()) && Math.abs(sy) <= 1e-12 * Math.max(1, j.norm()),
                    p + ": sum = (" + sx + ", " + sy + "), |dx| = " + j.norm());
        }
    }

    @Test
    void positionObservableMatchesJvpComponentInTheGauge() {
        EquilibriumSensitivity s = new EquilibriumSensitivity(packing);
        int particle = 17;
        ParameterSensitivity j = s.jvp("diameter[B]");
        List<Observable> xy = Observables.position(particle, packing.system());
        for (int a = 0; a < 2; a++) {
            ObservableSensitivity o = s.vjp(xy.get(a), List.of("diameter[B]"));
            assertEquals(packing.positions()[2 * particle + a], o.value(), 0.0);
            assertEquals(j.dx(particle, a, 2), o.derivative("diameter[B]"), 1e-9 * Math.max(1, j.norm()), o.name());
        }
    }

    /** Central difference with Richardson extrapolation of a scalar function of re-minimized systems. */
    private interface Scalar {
        double at(EnergyEvaluator reminimized);
    }

    private static double finiteDifference(EnergyEvaluator base, EquilibriumSensitivity s, String parameter, Scalar f) {
        double[] d = new double[2];
        double[] steps = {1e-4, 1e-5};
        ParameterSensitivity u = s.jvp(parameter);
        for (int q = 0; q < 2; q++) {
            double h = steps[q];
            EnergyEvaluator plus = Fixtures.reminimizedEvaluator(base, parameter, h,
                    EquilibriumSensitivity.predict(s.positions(), u, h));
            EnergyEvaluator minus = Fixtures.reminimizedEvaluator(base, parameter, -h,
                    EquilibriumSensitivity.predict(s.positions(), u, -h));
            d[q] = (f.at(plus) - f.at(minus)) / (2 * h);
        }
        return (100 * d[1] - d[0]) / 99;
    }

    @Test
    void secondEnergyDerivativeMatchesFiniteDifferenceOfEnvelope() {
        check2(packing, List.of("diameter[B]", "alpha", "epsilon"));
        check2(network, List.of("r0[A,A]", "bond_k[soft]", "bond_r0[stiff]"));
    }

    private static void check2(EnergyEvaluator ev, List<String> parameters) {
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        for (String p : parameters) {
            ParameterSensitivity j = s.jvp(p);
            double fd = finiteDifference(ev, s, p,
                    e -> e.parameterEnergyDerivative(e.model().parameterIndex(p)));
            System.out.printf("d2E*/d%s^2: implicit %.12g, finite difference %.12g (dE*/d = %.12g)%n", p, j.d2Energy(),
                    fd, j.dEnergy());
            assertEquals(fd, j.d2Energy(), 1e-6 * Math.max(1, Math.abs(fd)), p);
            assertEquals(j.dEnergy(), s.energyDerivative(p), 0.0);
        }
    }

    @Test
    void observableDerivativesMatchFiniteDifferences() {
        EquilibriumSensitivity s = new EquilibriumSensitivity(packing);
        List<Observable> observables = List.of(Observables.energy(), Observables.pressure(),
                Observables.meanContactDistance());
        List<ObservableSensitivity> vjp = s.vjp(observables, PACKING_PARAMETERS);
        assertEquals(packing.pressure(), vjp.get(1).value(), 1e-14 * Math.abs(packing.pressure()));
        for (int o = 0; o < observables.size(); o++) {
            Observable obs = observables.get(o);
            assertEquals(SensitivityStatus.OK, vjp.get(o).status(), vjp.get(o).toString());
            for (String p : PACKING_PARAMETERS) {
                double fd = finiteDifference(packing, s, p, obs::value);
                double implicit = vjp.get(o).derivative(p);
                System.out.printf("d%s/d%s: implicit %.12g, finite difference %.12g%n", obs.name(), p, implicit, fd);
                assertEquals(fd, implicit, 1e-6 * Math.max(1, Math.abs(fd)), obs.name() + " / " + p);
            }
        }
    }

    @Test
    void energyObservableUsesEnvelopeTheoremWithoutSolve() {
        EquilibriumSensitivity s = new EquilibriumSensitivity(packing);
        ObservableSensitivity e = s.vjp(Observables.energy(), PACKING_PARAMETERS);
        assertEquals(0, e.report().iterations());
        for (String p : PACKING_PARAMETERS) assertEquals(s.energyDerivative(p), e.derivative(p), 0.0);
        assertEquals(Arrays.asList(PACKING_PARAMETERS.toArray()), List.copyOf(e.derivatives().keySet()));
    }
}
