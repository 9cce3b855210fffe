package org.mdsens.examples.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The cost benchmark end to end on a small packing: statuses and finite ratios, never timings. */
class JvpCostBenchmarkTest {

    @Test
    void runsAt256Seed3() {
        JvpCostBenchmark.Result r = JvpCostBenchmark.run(256, 3);
        assertTrue(r.converged(), r.toString());
        for (JvpCostBenchmark.JvpRun j : new JvpCostBenchmark.JvpRun[] {r.withEstimates(), r.plain()}) {
            JvpCostBenchmark.Timing toFire = j.time().over(r.fireTime());
            JvpCostBenchmark.Timing toFd = j.time().over(r.fdTime());
            assertTrue(Double.isFinite(toFire.cpuSeconds()) && toFire.cpuSeconds() > 0, "JVP/FIRE " + toFire);
            assertTrue(Double.isFinite(toFd.wallSeconds()) && toFd.wallSeconds() > 0, "JVP/FD " + toFd);
            assertTrue(j.solveProducts() > 0 && j.totalProducts() >= j.solveProducts() + j.lanczosProducts(), j.toString());
            assertTrue(j.sensitivity().report().relativeResidual() <= JvpCostBenchmark.KRYLOV_TOLERANCE, j.toString());
        }
        assertTrue(r.withEstimates().lambda() > 0, "lambda " + r.withEstimates().lambda());
        assertTrue(Double.isNaN(r.plain().lambda()));
        assertEquals(0, r.plain().lanczosProducts());
        // h = 1e-4·D_B with FIRE to 1e-10: truncation and minimization error together stay well below 1e-2
        assertTrue(r.fdError() < 1e-2, "FD error " + r.fdError());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JvpCostBenchmark.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(table);
        assertTrue(table.contains("JVP/FIRE") && table.contains("FD pair"), table);
    }
}
