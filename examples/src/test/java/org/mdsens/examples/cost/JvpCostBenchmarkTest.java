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
        JvpCostBenchmark.Result r = JvpCostBenchmark.run(256, 3, false);
        assertTrue(r.converged(), r.toString());
        for (JvpCostBenchmark.JvpRun j : new JvpCostBenchmark.JvpRun[] {r.withEstimates(), r.plain(), r.reference()}) {
            JvpCostBenchmark.Timing toFire = j.total().over(r.fireTime());
            JvpCostBenchmark.Timing toFd = j.total().over(r.fd().time());
            assertTrue(Double.isFinite(toFire.cpuSeconds()) && toFire.cpuSeconds() > 0, "JVP/FIRE " + toFire);
            assertTrue(Double.isFinite(toFd.wallSeconds()) && toFd.wallSeconds() > 0, "JVP/FD " + toFd);
            assertTrue(j.solveProducts() > 0 && j.totalProducts() >= j.solveProducts() + j.lambdaProducts(), j.toString());
            assertTrue(j.sensitivity().report().relativeResidual() <= JvpCostBenchmark.KRYLOV_TOLERANCE, j.toString());
        }
        assertEquals("INCOMPLETE_CHOLESKY".equals(r.plain().preconditioner()) || "TWO_LEVEL".equals(r.plain().preconditioner()),
                true, r.plain().preconditioner());
        assertEquals("NONE", r.reference().preconditioner());
        assertTrue(r.withEstimates().lambda() > 0, "lambda " + r.withEstimates().lambda());
        assertTrue(Double.isNaN(r.plain().lambda()));
        assertEquals(0, r.plain().lambdaProducts());
        // the preconditioned and the plain solve agree to their tolerance
        double[] a = r.plain().sensitivity().dx(), b = r.reference().sensitivity().dx();
        double diff = 0, norm = 0;
        for (int q = 0; q < a.length; q++) {
            diff += (a[q] - b[q]) * (a[q] - b[q]);
            norm += b[q] * b[q];
        }
        assertTrue(Math.sqrt(diff / norm) < 1e-5, "preconditioned vs plain " + Math.sqrt(diff / norm));
        // h = 1e-6·D_B keeps the contact set; after Newton polish only truncation and round-off remain
        assertEquals(0, r.fd().contactChanges(), r.fd().toString());
        assertTrue(r.fd().polishedError() < 1e-4, "FD error after polish " + r.fd().polishedError());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JvpCostBenchmark.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(table);
        assertTrue(table.contains("JVP/FIRE") && table.contains("FD pair"), table);
    }
}
