package org.mdsens.viz.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArrowScaleTest {

    private static final double D = 1.2;

    @Test
    void allZeroFieldGetsAFinitePositiveScale() {
        ArrowScale s = ArrowScale.automatic(new double[50], null, D);
        assertTrue(s.zeroField());
        assertTrue(s.worldPerUnit() > 0 && Double.isFinite(s.worldPerUnit()));
        assertTrue(s.referenceValue() > 0);
        assertTrue(ArrowScale.automatic(new double[0], null, D).zeroField());
    }

    @Test
    void ninetyFifthPercentileIsOneMeanDiameter() {
        double[] m = new double[100];
        for (int i = 0; i < 100; i++) m[i] = i + 1; // q95 (nearest rank) = 95, max = 100
        ArrowScale s = ArrowScale.automatic(m, null, D);
        assertEquals(D / 95, s.worldPerUnit(), 1e-15);
        assertEquals(95 * s.worldPerUnit(), D, 1e-12);
        assertTrue(100 * s.worldPerUnit() <= 3 * D);
        assertEquals(50, s.referenceValue(), 0, "largest 1-2-5 number below the field drawn one diameter long");
        assertEquals(100, s.maxMagnitude());
        assertFalse(s.zeroField());
    }

    @Test
    void outlierIsCappedAtThreeDiameters() {
        double[] m = new double[100];
        java.util.Arrays.fill(m, 1.0);
        m[17] = 1000;
        ArrowScale s = ArrowScale.automatic(m, null, D);
        assertEquals(3 * D, 1000 * s.worldPerUnit(), 1e-12);
    }

    @Test
    void sparseFieldIsScaledByItsMaximum() {
        double[] m = new double[100];
        m[3] = 5;
        ArrowScale s = ArrowScale.automatic(m, null, D);
        assertEquals(3 * D, 5 * s.worldPerUnit(), 1e-12);
    }

    @Test
    void rattlersDoNotSetTheScale() {
        double[] m = {1, 1, 1, 1, 500};
        boolean[] rattler = {false, false, false, false, true};
        ArrowScale s = ArrowScale.automatic(m, rattler, D);
        assertEquals(D, s.worldPerUnit(), 1e-15);
        assertEquals(1, s.maxMagnitude());
        assertThrows(IllegalArgumentException.class, () -> ArrowScale.automatic(m, new boolean[2], D));
        assertThrows(IllegalArgumentException.class, () -> ArrowScale.automatic(new double[] {-1}, null, D));
    }

    @Test
    void fixedScaleKeepsTheOverride() {
        ArrowScale s = ArrowScale.fixed(7.0, new double[] {0.1, 0.2}, null, D);
        assertEquals(7.0, s.worldPerUnit());
        assertEquals(0.1, s.referenceValue(), 1e-15); // D/7 = 0.171 → 0.1
        assertThrows(IllegalArgumentException.class, () -> ArrowScale.fixed(0, new double[1], null, D));
    }

    @Test
    void referenceShrinksToFit() {
        ArrowScale s = ArrowScale.automatic(new double[] {1, 1, 1}, null, D); // s = D, reference 1
        ArrowScale fit = s.withReferenceAtMost(0.5);
        assertTrue(fit.referenceValue() * fit.worldPerUnit() <= 0.5);
        assertEquals(0.2, fit.referenceValue(), 1e-15);
        assertEquals(s.worldPerUnit(), fit.worldPerUnit());
    }

    @Test
    void niceFloorPicksOneTwoFive() {
        assertEquals(0.2, ArrowScale.niceFloor(0.37), 1e-15);
        assertEquals(1, ArrowScale.niceFloor(1.0), 0);
        assertEquals(5, ArrowScale.niceFloor(7), 0);
        assertEquals(2e-7, ArrowScale.niceFloor(3e-7), 1e-22);
        assertEquals(1000, ArrowScale.niceFloor(1000), 0);
        for (double x = 1e-9; x < 1e9; x *= 1.37) {
            double v = ArrowScale.niceFloor(x);
            assertTrue(v <= x && v > x / 2.6, "niceFloor(" + x + ") = " + v);
        }
    }

    @Test
    void roundOffFieldIsZeroUnderTheDefaultThreshold() {
        // a symmetric crystal: dx/dσ is pure round-off, |v| ~ 1e-10 everywhere
        double[] m = new double[64];
        for (int i = 0; i < m.length; i++) m[i] = 1e-10 * (1 + (i % 7) / 3.0);
        ArrowScale s = ArrowScale.automatic(m, null, D);
        assertTrue(s.zeroField(), "round-off field must draw no arrows");
        assertEquals(ArrowScale.ROUND_OFF_RELATIVE * D, s.zeroThreshold(), 0);
        assertEquals(3e-10, s.maxMagnitude(), 1e-24, "the maximum is still reported");
        assertTrue(ArrowScale.fixed(5.0, m, null, D).zeroField(), "a fixed scale obeys the same rule");
        // the threshold is the documented one, relative to the mean diameter
        assertEquals(1e-8 * 0.5, ArrowScale.defaultZeroThreshold(0.5), 0);
        // τ = 0 (override) draws even round-off; a field just above τ is real
        assertFalse(ArrowScale.automatic(m, null, D, 0).zeroField());
        double[] small = {2 * ArrowScale.ROUND_OFF_RELATIVE * D, 0};
        assertFalse(ArrowScale.automatic(small, null, D).zeroField());
        assertThrows(IllegalArgumentException.class, () -> ArrowScale.automatic(m, null, D, -1));
        assertThrows(IllegalArgumentException.class, () -> ArrowScale.automatic(m, null, D, Double.NaN));
    }
}
