package org.mdsens.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.minimize.Status;
import org.mdsens.md.space.Box;
import org.mdsens.viz.notebook.Mdsens;

/** ParameterSweep, SweepResult and Checks: statistics, chains, tangents against secants, validation. */
class SweepTest {

    private static SweepResult.Point point(double v, long seed, Status status, double energy, double dEnergy) {
        return new SweepResult.Point(v, seed, status, energy, 1e-11, 10, new double[] {energy}, new double[] {dEnergy});
    }

    @Test
    void statisticsUseConvergedSeedsOnly() {
        SweepResult r = new SweepResult("diameter[B]", List.of("energy"), List.of(
                point(1.0, 1, Status.CONVERGED, 2.0, 1.0),
                point(1.0, 2, Status.CONVERGED, 4.0, 3.0),
                point(1.0, 3, Status.MAX_ITERATIONS, 100.0, 50.0),
                point(2.0, 1, Status.CONVERGED, 5.0, Double.NaN),
                point(2.0, 2, Status.CONVERGED, 5.0, 2.0)));
        assertArrayEquals(new double[] {1.0, 2.0}, r.values());
        assertArrayEquals(new double[] {3.0, 5.0}, r.mean("energy"), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(2.0), 0.0}, r.spread("energy"), 1e-15);
        assertArrayEquals(new double[] {2.0, 2.0}, r.derivativeMean("energy"), 1e-15, "NaN derivatives are skipped");
        assertEquals(1, r.failures());
        assertEquals("2/3", r.table().cell(0, 1));
        assertEquals(1, r.points(false).rowCount());
        assertEquals(List.of("diameter[B]", "seed", "status", "max force", "iterations", "energy",
                "d energy/d diameter[B]"), r.points(true).columns());
        assertTrue(r.toString().contains("5 points, 1 not converged"), r.toString());
        assertThrows(IllegalArgumentException.class, () -> r.chart("pressure"));
        Images.assertNotBlank(Images.decode(r.chart("energy").toPng()));
    }

    @Test
    void implicitTangentsMatchTheSecantOfAChainSeed5() {
        // two close values on one warm-started chain: (E2 - E1)/Δ equals the mean of the end slopes to O(Δ²)
        double delta = 1e-4;
        SweepResult r = ParameterSweep.over("diameter[B]", 1.4, 1.4 + delta).seeds(5)
                .setups(seed -> Mdsens.softSpheres2D(32).diameters(1.0, 1.4).packingFraction(0.9).seed(seed)
                        .setup().newtonPolish(true))
                .observables("energy", "pressure").run();
        assertEquals(0, r.failures(), r.points(true)::toString);
        for (String o : List.of("energy", "pressure")) {
            double[] m = r.mean(o);
            double[] d = r.derivativeMean(o);
            double secant = (m[1] - m[0]) / delta;
            double tangent = 0.5 * (d[0] + d[1]);
            assertEquals(secant, tangent, 1e-4 * Math.abs(tangent) + 1e-8, o + ": secant vs implicit tangent");
        }
    }

    @Test
    void sweepValidatesItsInput() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSweep.over("diameter[B]"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ParameterSweep.over("diameter[B]", 1.3, 1.3));
        assertTrue(twice.getMessage().contains("distinct"), twice.getMessage());
        IllegalArgumentException obs = assertThrows(IllegalArgumentException.class,
                () -> ParameterSweep.over("diameter[B]", 1.3).observables("volume"));
        assertTrue(obs.getMessage().contains("energy, pressure, mean_contact_distance"), obs.getMessage());
        assertThrows(IllegalStateException.class, () -> ParameterSweep.over("diameter[B]", 1.3).run());
    }

    @Test
    void centralDifferenceUsesTheMinimumImage() {
        Box box = Box.Periodic.cube(2, 10.0);
        double[] plus = {9.99, 5.0};
        double[] minus = {0.01, 5.0};
        double[] d = Checks.centralDifference(plus, minus, 0.5, box);
        assertEquals(-0.02, d[0], 1e-12, "crossing the boundary is a small step, not a jump of L");
        assertEquals(0.0, d[1], 0);
        double[] a = {1, 0, -1, 0};
        double[] b = {3, 1, 1, 1};           // a + (2, 1) everywhere: equal up to the mean
        assertEquals(0.0, Checks.relativeDifference(a, b, new int[0], 2), 1e-15);
        assertTrue(Checks.relativeDifference(a, new double[] {0, 0, 0, 0}, new int[0], 2) > 0.9);
    }
}
