package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.sensitivity.condition.FiniteDifferenceCondition;
import org.mdsens.sensitivity.implicit.ImplicitDifferentiation;
import org.mdsens.sensitivity.implicit.JvpResult;
import org.mdsens.sensitivity.implicit.VjpResult;
import org.mdsens.sensitivity.linalg.SolverConfig;

/**
 * The MD stationarity condition through the generic {@link ImplicitDifferentiation}: the two independent
 * paths (generic layer with the rigid-mode projector, and {@link EquilibriumSensitivity}) agree, and the
 * condition's θ-products match finite differences of its residual.
 */
class EnergyStationarityConditionTest {

    @Test
    void genericImplicitDifferentiationAgreesWithEquilibriumSensitivityOnNetworkSeed11() {
        EnergyEvaluator ev = Fixtures.elasticNetwork(5, 6, 11);
        Fixtures.minimizeAndPolish(ev);
        List<String> names = List.of("r0[A,A]", "bond_k[soft]", "bond_r0[stiff]");
        EnergyStationarityCondition condition = new EnergyStationarityCondition(ev, names);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
        ImplicitDifferentiation id = ImplicitDifferentiation.builder()
                .solverConfig(SolverConfig.defaults().withRelativeTolerance(1e-12))
                .projector(s.rigidModes()::project).build();
        double[] x = ev.positions().clone();
        double[] theta = condition.theta(ev.model());
        for (int k = 0; k < names.size(); k++) {
            double[] e = new double[names.size()];
            e[k] = 1;
            JvpResult generic = id.jvp(condition, x, theta, e);
            double[] md = s.jvp(names.get(k)).dx();
            double diff = Fixtures.distance(generic.tangent(), md);
            System.out.printf("generic vs md dx/d%s: |diff| = %.2e, |dx| = %.4e, %s%n", names.get(k), diff,
                    Fixtures.norm(md), generic.report());
            assertTrue(diff <= 1e-8 * Math.max(1, Fixtures.norm(md)), names.get(k) + ": " + diff);
        }
        // VJP of the mean contact distance through both paths
        double[] g = new double[x.length];
        Observables.meanContactDistance().gradient(ev, g);
        VjpResult generic = id.vjp(condition, x, theta, g);
        ObservableSensitivity md = s.vjp(Observables.meanContactDistance(), names);
        for (int k = 0; k < names.size(); k++) {
            assertEquals(md.derivative(names.get(k)), generic.cotangent(k),
                    1e-8 * Math.max(1, Math.abs(md.derivative(names.get(k)))), names.get(k));
        }
    }

    @Test
    void thetaProductsMatchFiniteDifferencesOfTheResidualSeed7() {
        EnergyEvaluator ev = Fixtures.softSpherePacking(32, 0.9, 2.0, 7);
        Fixtures.minimize(ev, 1e-6);
        List<String> names = List.of("diameter[B]", "alpha", "sigma[A,B]");
        EnergyStationarityCondition condition = new EnergyStationarityCondition(ev, names);
        double[] x = ev.positions().clone();
        double[] theta = condition.theta(ev.model());
        FiniteDifferenceCondition fd = FiniteDifferenceCondition.symmetric(x.length, names.size(), condition::residual);
        double[] u = {0.3, -0.7, 0.5};
        double[] exact = new double[x.length], approx = new double[x.length];
        condition.jvpTheta(x, theta, u, exact);
        fd.jvpTheta(x, theta, u, approx);
        double diff = Fixtures.distance(exact, approx);
        assertTrue(diff <= 1e-6 * Fixtures.norm(exact), "jvpTheta vs FD: " + diff + " of " + Fixtures.norm(exact));
        double[] w = new double[x.length];
        for (int q = 0; q < w.length; q++) w[q] = Math.sin(q + 1.0);
        double[] wb = new double[3], wbFd = new double[3];
        condition.vjpTheta(x, theta, w, wb);
        fd.vjpTheta(x, theta, w, wbFd);
        for (int k = 0; k < 3; k++) assertEquals(wbFd[k], wb[k], 1e-6 * Math.max(1, Math.abs(wb[k])), names.get(k));
        condition.jvpX(x, theta, w, exact);
        fd.jvpX(x, theta, w, approx);
        diff = Fixtures.distance(exact, approx);
        assertTrue(diff <= 1e-6 * Fixtures.norm(exact), "jvpX vs FD: " + diff + " of " + Fixtures.norm(exact));
        assertThrows(IllegalArgumentException.class, () -> new EnergyStationarityCondition(ev, List.of("nope")));
    }
}
