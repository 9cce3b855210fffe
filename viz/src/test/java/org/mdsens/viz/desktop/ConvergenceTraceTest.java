package org.mdsens.viz.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConvergenceTraceTest {

    @Test
    void keepsEveryRecordUntilFullThenThinsAndAlwaysEndsWithTheLatest() {
        ConvergenceTrace t = new ConvergenceTrace();
        int total = 3 * ConvergenceTrace.CAPACITY + 17;
        for (int i = 0; i < total; i++) t.add(i, 100.0 / (i + 1), 1.0 / (i + 1));
        ConvergenceTrace.Snapshot s = t.snapshot();
        assertTrue(s.size() <= ConvergenceTrace.CAPACITY + 1, "bounded: " + s.size());
        assertTrue(s.size() >= ConvergenceTrace.CAPACITY / 2, "representative: " + s.size());
        assertEquals(0, s.iterations()[0]);
        assertEquals(total - 1, s.iterations()[s.size() - 1]);
        for (int k = 1; k < s.size(); k++) assertTrue(s.iterations()[k] > s.iterations()[k - 1]);
        for (int k = 0; k < s.size(); k++) {
            assertEquals(100.0 / (s.iterations()[k] + 1), s.energies()[k]);
            assertEquals(1.0 / (s.iterations()[k] + 1), s.maxForces()[k]);
        }
    }

    @Test
    void skipsNonFiniteRecordsAndClears() {
        ConvergenceTrace t = new ConvergenceTrace();
        t.add(0, 1.0, 0.5);
        t.add(1, Double.NaN, 0.5);
        t.add(2, 1.0, Double.POSITIVE_INFINITY);
        assertEquals(1, t.snapshot().size());
        t.clear();
        assertEquals(0, t.snapshot().size());
    }
}
