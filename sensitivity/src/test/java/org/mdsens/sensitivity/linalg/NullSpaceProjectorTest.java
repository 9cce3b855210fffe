package org.mdsens.sensitivity.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class NullSpaceProjectorTest {

    @Test
    void translationsSeed41AreRemovedAndProjectionIsOrthogonal() {
        int d = 3;
        int particles = 7;
        NullSpaceProjector p = NullSpaceProjector.translations(d, particles);
        assertEquals(3, p.nullity());
        UniformRandomProvider rng = TestMatrices.rng(41);
        double[] v = TestMatrices.randomVector(rng, d * particles);
        double[] w = TestMatrices.randomVector(rng, d * particles);
        double[] pv = v.clone();
        p.project(pv);
        for (int a = 0; a < d; a++) {
            double mean = 0;
            for (int i = 0; i < particles; i++) {
                mean += pv[d * i + a];
            }
            assertEquals(0.0, mean, 1e-13);
        }
        double[] ppv = pv.clone();
        p.project(ppv);
        assertArrayEquals(pv, ppv, 1e-14, "idempotent");
        double[] pw = w.clone();
        p.project(pw);
        assertEquals(TestMatrices.dot(pv, w), TestMatrices.dot(v, pw), 1e-13, "symmetric");
    }

    @Test
    void dependentAndZeroVectorsAreDropped() {
        NullSpaceProjector p = NullSpaceProjector.of(3, new double[] {1, 0, 0}, new double[] {2, 0, 0},
                new double[3], new double[] {1, 1, 0});
        assertEquals(2, p.nullity());
        double[] v = {5, 6, 7};
        p.project(v);
        assertArrayEquals(new double[] {0, 0, 7}, v, 1e-14);
        assertThrows(IllegalArgumentException.class, () -> NullSpaceProjector.of(3, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> NullSpaceProjector.of(2, new double[] {Double.NaN, 0}));
    }

    @Test
    void solverConfigValidatesAndCopies() {
        double[] d = {1, 2};
        SolverConfig c = SolverConfig.defaults().withJacobiDiagonal(d);
        d[0] = 99;
        assertEquals(1.0, c.jacobiDiagonal()[0]);
        assertEquals(c, SolverConfig.defaults().withJacobiDiagonal(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> SolverConfig.defaults().withRelativeTolerance(0));
        assertThrows(IllegalArgumentException.class, () -> SolverConfig.defaults().withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> SolverConfig.defaults().withRidge(-1));
        assertThrows(IllegalArgumentException.class, () -> SolverConfig.defaults().withJacobiDiagonal(new double[] {0}));
    }
}
