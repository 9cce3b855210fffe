package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Traces: every iteration up to 20000 entries, then evenly thinned, plus the last. */
class TraceRecorderTest {

    @Test
    void thinsEvenlyAndKeepsTheLast() {
        TraceRecorder t = new TraceRecorder(1_000_000);
        int last = 45_001;
        for (int i = 0; i <= last; i++) t.record(i, -i, 1.0 / (i + 1));
        assertTrue(t.size() <= TraceRecorder.CAPACITY);
        t.close(last, -last, 1.0 / (last + 1));
        int[] it = t.iterations();
        double[] e = t.energies();
        assertTrue(it.length <= TraceRecorder.CAPACITY + 1);
        assertTrue(it.length > TraceRecorder.CAPACITY / 2, "not thinned more than needed: " + it.length);
        assertEquals(0, it[0]);
        assertEquals(last, it[it.length - 1]);
        int stride = it[1] - it[0];
        assertEquals(4, stride, "45002 entries need stride 4 to fit 20000");
        for (int k = 1; k < it.length - 1; k++) {
            assertEquals(stride, it[k] - it[k - 1]);
            assertEquals(-it[k], e[k], 0.0);
        }
    }

    @Test
    void shortRunsKeepEveryIteration() {
        TraceRecorder t = new TraceRecorder(10);
        for (int i = 0; i <= 10; i++) t.record(i, i, i);
        t.close(10, 10, 10);
        assertEquals(11, t.size());
    }

    @ParameterizedTest @EnumSource(MinimizerKind.class)
    void longRunOnAConstantSlopeKeepsABoundedTrace(MinimizerKind kind) {
        var s = new TestSurfaces.Slope(2, new double[] {0.0, 0.0, 1.0, 1.0}, 1.0);
        MinimizerConfig cfg = MinimizerConfig.defaults().withAlgorithm(kind).withMaxIterations(45_000);
        MinimizationResult r = Minimizers.create(cfg).minimize(s);
        assertEquals(Status.MAX_ITERATIONS, r.status(), r::toString);
        assertEquals(45_000, r.iterations());
        int[] it = r.traceIterations();
        assertTrue(it.length <= TraceRecorder.CAPACITY + 1, "trace length " + it.length);
        assertEquals(0, it[0]);
        assertEquals(45_000, it[it.length - 1]);
        assertEquals(r.energy(), r.energyTrace()[it.length - 1], 0.0);
        for (int k = 1; k < it.length; k++) assertTrue(it[k] > it[k - 1]);
    }
}
