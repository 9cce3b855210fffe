package org.mdsens.examples.dimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.mdsens.sensitivity.md.SensitivityStatus;

/** The dimer's closed form: r* = 2^{1/6}σ, dr*&#47;dσ = 2^{1/6}, each particle 2^{1/6}/2 outward. */
class LjDimerExampleTest {

    static final double SIXTH = Math.pow(2, 1.0 / 6);

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.3})
    void matchesTheClosedForm(double sigma) {
        LjDimerExample.Result r = LjDimerExample.run(sigma);
        assertTrue(r.minimization().converged(), r.minimization().toString());
        assertEquals(SIXTH * sigma, r.bondLength(), 1e-12 * sigma);
        assertEquals(SensitivityStatus.OK, r.sensitivity().status());
        assertEquals(SIXTH, r.bondLengthDerivative(), 1e-9, "dr*/dsigma does not depend on sigma");
        double[] dx = r.sensitivity().dx();
        assertEquals(-SIXTH / 2, dx[0], 1e-9);
        assertEquals(SIXTH / 2, dx[3], 1e-9);
        for (int k : new int[] {1, 2, 4, 5}) assertEquals(0.0, dx[k], 1e-12, "no motion off the bond axis");
        assertEquals(SIXTH / 2 * Math.sqrt(2), r.sensitivity().norm(), 1e-9);
        assertEquals(SIXTH, r.contact().derivative("sigma[A]"), 1e-9, "VJP of the mean contact distance");
        assertEquals(5, r.zeroModes());
        assertEquals("zero-mean-no-rotation", r.gauge());
        // envelope theorem: dE*/dsigma = d/dsigma of -phi(r_c) only (the well's own part vanishes at r*)
        double rc = 2.5 * sigma;
        double shiftDerivative = -4 * (12 * Math.pow(sigma, 11) / Math.pow(rc, 12) - 6 * Math.pow(sigma, 5) / Math.pow(rc, 6));
        assertEquals(shiftDerivative, r.sensitivity().dEnergy(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0"})
    void mainRuns(String sigma) {
        LjDimerExample.main(new String[] {sigma});
    }
}
