package org.mdsens.examples.bilevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.mdsens.sensitivity.md.SensitivityStatus;

/** The bilevel fit reaches its target; its VJP gradient agrees with re-minimized finite differences. */
class BilevelExampleTest {

    @Test
    void fitReachesTheTargetPressureWithDecreasingLossSeed5() {
        BilevelExample.Result r = BilevelExample.fit(32, 5, 1.25, 1e-10, 30);
        assertTrue(r.converged(), r.history().toString());
        BilevelExample.Step last = r.last();
        assertEquals(1.0, last.pressure() / r.target(), 1e-6, "target within 1e-6 relative");
        List<BilevelExample.Step> h = r.history();
        assertTrue(h.size() >= 2 && h.size() <= 10, "a few Gauss-Newton steps: " + h.size());
        for (int k = 1; k < h.size(); k++) {
            assertTrue(h.get(k).loss() < h.get(k - 1).loss(), "loss goes down at step " + k + ": " + h);
        }
        assertTrue(h.get(0).loss() > 1e-3, "the start is far from the target");
        assertTrue(last.theta() > 1.4, "a higher pressure needs larger disks: " + last.theta());
        for (BilevelExample.Step s : h) assertEquals(SensitivityStatus.OK, s.status(), s.toString());
    }

    @Test
    void vjpPressureDerivativeMatchesCentralDifferencesOfReminimizedPackingsSeed5() {
        BilevelExample.Result r = BilevelExample.fit(32, 5, 1.25, 1e-10, 30);
        double theta = r.last().theta();
        double h = 1e-5;
        double plus = BilevelExample.solveInner(r.system().copy(), theta + h).pressure();
        double minus = BilevelExample.solveInner(r.system().copy(), theta - h).pressure();
        double fd = (plus - minus) / (2 * h);
        assertEquals(fd, r.last().dPressure(), 1e-5 * Math.abs(fd));
    }
}
