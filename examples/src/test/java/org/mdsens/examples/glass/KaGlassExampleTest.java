package org.mdsens.examples.glass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityStatus;

/** The KA glass sensitivity to ε_AB: status, gauge, and agreement with re-minimized finite differences. */
class KaGlassExampleTest {

    @Test
    void sensitivityToEpsilonAbMatchesCentralDifferencesN250Seed11() {
        KaGlassExample.Result r = KaGlassExample.run(250, 11);
        assertTrue(r.minimization().converged(), r.minimization().toString());
        assertTrue(r.polish().finalMaxForce() <= 1e-11, r.polish().toString());
        assertEquals(SensitivityStatus.OK, r.sensitivity().status(), r.sensitivity().toString());
        assertEquals(3, r.sensitivity().zeroModes(), "3D periodic, no rattlers in an LJ glass");
        ParameterSensitivity p = r.sensitivity().parameter(KaGlassExample.PARAMETER);
        assertTrue(p.norm() > 0 && Double.isFinite(p.norm()));
        double[] dx = p.dx();
        double[] mean = new double[3];
        for (int i = 0; i < 250; i++) for (int a = 0; a < 3; a++) mean[a] += dx[3 * i + a];
        for (int a = 0; a < 3; a++) assertEquals(0.0, mean[a], 1e-10 * p.norm(), "zero-mean gauge, axis " + a);
        assertTrue(p.dEnergy() < 0, "a deeper A-B well lowers the energy");
        assertEquals(p.dEnergy(), r.sensitivity().observable("energy").derivative(KaGlassExample.PARAMETER), 1e-12 * Math.abs(p.dEnergy()));
        double[] fd = KaGlassExample.finiteDifference(r, 1e-4);
        double rel = KaGlassExample.relativeDifference(dx, fd);
        assertTrue(rel < 1e-5, "implicit vs finite difference: " + rel);
        assertTrue(p.errorEstimate() < 1e-6 * p.norm(), "error estimate " + p.errorEstimate());
    }
}
