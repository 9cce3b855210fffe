package org.mdsens.md.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.DoubleVector;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mdsens.md.model.TestSystems;

/** The reproducible lane operations: exp to a couple of ulps, sums in a fixed order. */
class LanesTest {

    @Test
    void expMatchesMathExpWithinTwoUlpsSeed31() {
        VectorKernels.assumeVectorApi();
        UniformRandomProvider rng = TestSystems.rng(31);
        double[] in = new double[Lanes.WIDTH], out = new double[Lanes.WIDTH];
        double worst = 0;
        for (int rep = 0; rep < 20000; rep++) {
            for (int l = 0; l < in.length; l++) in[l] = (rng.nextDouble() - 0.5) * (rep % 2 == 0 ? 20 : 1400);
            Lanes.exp(DoubleVector.fromArray(Lanes.SPECIES, in, 0)).intoArray(out, 0);
            for (int l = 0; l < in.length; l++) {
                double expected = Math.exp(Math.max(-708, Math.min(709, in[l])));
                worst = Math.max(worst, Math.abs(out[l] - expected) / Math.ulp(expected));
            }
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp");
    }

    @Test
    void sumAddsLanesPairwiseInAFixedOrder() {
        VectorKernels.assumeVectorApi();
        double[] v = new double[Lanes.WIDTH];
        for (int l = 0; l < v.length; l++) v[l] = l == 0 ? 1e16 : 1.0;   // order-sensitive
        double expected;
        if (Lanes.WIDTH == 8) expected = ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));
        else if (Lanes.WIDTH == 4) expected = (v[0] + v[1]) + (v[2] + v[3]);
        else {
            expected = 0;
            for (double x : v) expected += x;
        }
        assertEquals(expected, Lanes.sum(DoubleVector.fromArray(Lanes.SPECIES, v, 0), new double[Lanes.WIDTH]));
    }
}
