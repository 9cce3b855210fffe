package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Gradient-descent specifics: the backtracking failure statuses and monotone energies. */
class GradientDescentMinimizerTest {

    static final MinimizerConfig CONFIG = MinimizerConfig.defaults().withAlgorithm(MinimizerKind.GRADIENT_DESCENT);

    @Test
    void discontinuousEnergyAtTheOriginGivesLineSearchFailed() {
        double[] start = new double[6];
        var s = new TestSurfaces.Cusp(3, start);
        MinimizationResult r = new GradientDescentMinimizer(CONFIG).minimize(s, new Recorder());
        assertEquals(Status.LINE_SEARCH_FAILED, r.status(), r::toString);
        assertEquals(2 + GradientDescentMinimizer.MAX_BACKTRACKS, r.forceEvaluations());
        assertArrayEquals(start, s.x, 0.0, "restored");
    }

    @Test
    void discontinuousEnergyAwayFromTheOriginStagnatesWhenTheStepUnderflows() {
        double[] start = {1.0, 2.0, 3.0, -1.0, 0.5, 4.0};
        var s = new TestSurfaces.Cusp(3, start);
        MinimizationResult r = new GradientDescentMinimizer(CONFIG).minimize(s, new Recorder());
        assertEquals(Status.STAGNATED, r.status(), r::toString);
        assertTrue(r.forceEvaluations() < 2 + GradientDescentMinimizer.MAX_BACKTRACKS);
        assertArrayEquals(start, s.x, 0.0, "restored");
    }

    @Test
    void energyNeverRisesBeyondRoundoffBoundOnLennardJones13Seed3() {
        var s = TestSurfaces.LennardJones.icosahedron13(1.09, 0.15, 3);
        MinimizationResult[] r = new MinimizationResult[1];
        List<Double> e = LbfgsMinimizerTest.acceptedEnergies(new GradientDescentMinimizer(CONFIG), s, r);
        assertEquals(Status.CONVERGED, r[0].status(), r[0]::toString);
        LbfgsMinimizerTest.assertMonotoneWithinBound(e, 13);
    }

    @Test
    void firstTrialStepIsTheTimestep() {
        var s = TestSurfaces.QuadraticWell.anisotropic(2, 2, 1.0, 2.0, 8);
        double[] x0 = s.x.clone();
        double[] f0 = new double[4];
        s.energyAndForces(f0);
        Recorder rec = new Recorder(s, 1);
        double dt = 0.01;
        new GradientDescentMinimizer(CONFIG.withTimestep(dt)).minimize(s, rec);
        for (int k = 0; k < 4; k++) assertEquals(x0[k] + dt * f0[k], rec.positions.get(0)[k], 1e-15);
    }
}
