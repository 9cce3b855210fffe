package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** L-BFGS specifics: the monotonicity contract, failure statuses, memory, interpolation. */
class LbfgsMinimizerTest {

    static final MinimizerConfig CONFIG = MinimizerConfig.defaults().withAlgorithm(MinimizerKind.LBFGS);

    /** Energies of the start and of every accepted iterate. */
    static List<Double> acceptedEnergies(Minimizer m, TestSurfaces.Base s, MinimizationResult[] out) {
        List<Double> e = new ArrayList<>();
        e.add(s.energyAndForces(new double[s.positions().length]));
        Recorder rec = new Recorder();
        out[0] = m.minimize(s, rec);
        e.addAll(rec.energies);
        return e;
    }

    /**
     * Asserts E_k ≤ E_{k−1} + B(E_{k−1}, N) for every accepted step; returns how many steps had
     * an energy change within the bound (the gradient-only regime).
     */
    static int assertMonotoneWithinBound(List<Double> e, int n) {
        int unresolved = 0;
        for (int k = 1; k < e.size(); k++) {
            double bound = LbfgsMinimizer.roundoffBound(e.get(k - 1), n);
            assertTrue(e.get(k) <= e.get(k - 1) + bound,
                    "step " + k + ": " + e.get(k - 1) + " -> " + e.get(k) + " rises beyond bound " + bound);
            if (Math.abs(e.get(k) - e.get(k - 1)) <= bound) unresolved++;
        }
        return unresolved;
    }

    @ParameterizedTest(name = "seed {0}") @ValueSource(longs = {1, 2, 3, 4, 5})
    void energyNeverRisesBeyondRoundoffBoundOnLennardJones13Seeded(long seed) {
        var s = TestSurfaces.LennardJones.icosahedron13(1.09, 0.15, seed);
        MinimizationResult[] r = new MinimizationResult[1];
        List<Double> e = acceptedEnergies(new LbfgsMinimizer(CONFIG), s, r);
        assertEquals(Status.CONVERGED, r[0].status(), r[0]::toString);
        assertMonotoneWithinBound(e, 13);
    }

    @Test
    void energyStaysMonotoneWhileSpinningAtRoundoffSeed12345() {
        // tolerance below round-off: the gradient-only regime runs until the step underflows
        var s = TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, 12345);
        MinimizationResult[] r = new MinimizationResult[1];
        List<Double> e = acceptedEnergies(new LbfgsMinimizer(CONFIG.withForceTolerance(1e-300)), s, r);
        assertEquals(Status.STAGNATED, r[0].status(), r[0]::toString);
        int unresolved = assertMonotoneWithinBound(e, 13);
        assertTrue(unresolved >= 10, "gradient-only acceptance exercised, steps within bound: " + unresolved);
        assertTrue(r[0].maxForce() < 1e-12, r[0]::toString);
    }

    @Test
    void energyNeverRisesBeyondRoundoffBoundOnRosenbrockSeed99() {
        var s = TestSurfaces.Rosenbrock.near(6, 100.0, 0.3, 99);
        MinimizationResult[] r = new MinimizationResult[1];
        List<Double> e = acceptedEnergies(new LbfgsMinimizer(CONFIG.withForceTolerance(1e-300)), s, r);
        assertTrue(r[0].status() == Status.STAGNATED || r[0].status() == Status.LINE_SEARCH_FAILED, r[0]::toString);
        assertMonotoneWithinBound(e, 6);
        assertTrue(r[0].maxForce() < 1e-12, r[0]::toString);
    }

    @Test
    void roundoffBoundFormula() {
        assertEquals(1e-14 * 45.0 * Math.sqrt(13.0), LbfgsMinimizer.roundoffBound(-44.0, 13), 1e-28);
        assertEquals(1e-14, LbfgsMinimizer.roundoffBound(0.0, 1), 0.0);
        assertEquals(1e-14, LbfgsMinimizer.roundoffBound(0.0, 0), 0.0, "n < 1 counts as 1");
    }

    @Test
    void unreachableToleranceStagnatesAtTheLastAcceptedIterate() {
        var s = TestSurfaces.LennardJones.dimer(1.3);
        Recorder rec = new Recorder(s, -1);
        MinimizationResult r = MinimizerContractTest.run(new LbfgsMinimizer(CONFIG.withForceTolerance(1e-300)), s, rec);
        assertEquals(Status.STAGNATED, r.status());
        assertArrayEquals(rec.positions.get(rec.positions.size() - 1), s.x, 0.0, "restored to the last accepted iterate");
    }

    @Test
    void discontinuousEnergyGivesLineSearchFailedAndRestoresPositions() {
        double[] start = {0.5, 1.0, 2.0, 3.0};
        var s = new TestSurfaces.Cusp(2, start);
        MinimizationResult r = new LbfgsMinimizer(CONFIG).minimize(s, new Recorder());
        assertEquals(Status.LINE_SEARCH_FAILED, r.status());
        assertEquals(0, r.iterations());
        assertEquals(1 + LbfgsMinimizer.MAX_LINE_SEARCH_EVALUATIONS, r.forceEvaluations());
        assertArrayEquals(start, s.x, 0.0);
        assertEquals(0.0, r.energy());
    }

    @ParameterizedTest(name = "m = {0}") @ValueSource(ints = {1, 3, 10, 25})
    void anyMemoryConvergesOnLennardJones13Seed12345(int m) {
        var s = TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, 12345);
        LbfgsMinimizer min = new LbfgsMinimizer(CONFIG, m);
        assertEquals(m, min.memory());
        MinimizationResult r = min.minimize(s);
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        assertEquals(MinimizerContractTest.LJ13_GLOBAL_MINIMUM, r.energy(), 1e-6);
    }

    @Test
    void memoryAndConfigAreValidated() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LbfgsMinimizer(CONFIG, 0));
        assertEquals("L-BFGS memory must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LbfgsMinimizer(null));
    }

    @Test
    void fewerForceEvaluationsThanGradientDescentOnLennardJones13Seed2024() {
        MinimizationResult l = new LbfgsMinimizer(CONFIG).minimize(TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, 2024));
        MinimizationResult g = new GradientDescentMinimizer(CONFIG).minimize(TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, 2024));
        assertTrue(l.converged() && g.converged());
        assertTrue(l.forceEvaluations() < g.forceEvaluations(), l + " vs " + g);
    }

    @Test
    void cubicInterpolationIsExactOnACubic() {
        // φ(α) = α³ − 1.5α², φ'(α) = 3α² − 3α, minimum at α = 1
        double lo = 0.2;
        double hi = 1.6;
        double a = LbfgsMinimizer.interpolate(lo, phi(lo), dphi(lo), hi, phi(hi), dphi(hi), 1e-300);
        assertEquals(1.0, a, 1e-14);
        // from the other side too (hi < lo)
        a = LbfgsMinimizer.interpolate(1.5, phi(1.5), dphi(1.5), 0.5, phi(0.5), dphi(0.5), 1e-300);
        assertEquals(1.0, a, 1e-14);
    }

    private static double phi(double a) { return a * a * a - 1.5 * a * a; }
    private static double dphi(double a) { return 3 * a * a - 3 * a; }

    @Test
    void unresolvedEnergiesUseTheSecantOnSlopesAndBisectionGuardsTheEnds() {
        // φ' = 2(α − 0.3); energies given as garbage within a huge bound must be ignored
        assertEquals(0.3, LbfgsMinimizer.interpolate(0.0, 5.0, -0.6, 1.0, -7.0, 1.4, 100.0), 1e-15);
        // secant at 0.01 lies in the outer 10% of [0, 1]: bisection instead
        assertEquals(0.5, LbfgsMinimizer.interpolate(0.0, 0.0, -0.02, 1.0, 0.0, 1.98, 100.0), 0.0);
    }
}
