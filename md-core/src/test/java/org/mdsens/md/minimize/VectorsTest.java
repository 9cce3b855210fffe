package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shared vector helpers: per-particle norms with non-finite detection, compensated dots. */
class VectorsTest {

    @Test
    void maxParticleNormIsOverEachParticlesComponents() {
        double[] f = {3, 4, 0, 1, 1, 1, -6, 0, 0};
        assertEquals(6.0, Vectors.maxParticleNorm(f, 3, 3), 0.0);
        assertEquals(Math.sqrt(26), Vectors.maxParticleNorm(new double[] {3, 4, 0, 1, 1, 1, -5, 1, 0}, 3, 3), 1e-15);
        assertEquals(5.0, Vectors.maxParticleNorm(new double[] {3, 4, 0, 1}, 2, 2), 0.0);
        assertEquals(0.0, Vectors.maxParticleNorm(new double[0], 0, 3), 0.0);
    }

    @Test
    void nonFiniteComponentsGiveNaNWhereverTheyAre() {
        for (int k = 0; k < 6; k++) {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                double[] f = {1, 2, 3, 4, 5, 6};
                f[k] = bad;
                assertTrue(Double.isNaN(Vectors.maxParticleNorm(f, 2, 3)), "component " + k + " = " + bad);
            }
        }
    }

    @Test
    void hugeButFiniteForcesStayFinite() {
        double[] f = {1e200, 1e200, 0, 1, 2, 3};
        double m = Vectors.maxParticleNorm(f, 2, 3);
        assertEquals(Math.sqrt(2) * 1e200, m, 1e186);
        assertFalse(Double.isNaN(m));
    }

    @Test
    void compensatedDotIsExactWherePlainCancels() {
        double[] a = {1e16, 1.0, -1e16, 1e-3};
        double[] b = {1.0, 1.0, 1.0, 1.0};
        assertEquals(1.001, Vectors.dotCompensated(a, b, 4), 1e-15);
        assertEquals(Vectors.dot(new double[] {1, 2}, new double[] {3, 4}, 2), Vectors.dotCompensated(new double[] {1, 2}, new double[] {3, 4}, 2), 0.0);
    }

    @Test
    void stepUnderflowIsRelativeToPositions() {
        assertTrue(Vectors.stepUnderflows(1e-17, 1.0, 1.0));
        assertFalse(Vectors.stepUnderflows(1e-15, 1.0, 1.0));
        assertFalse(Vectors.stepUnderflows(1e-200, 1.0, 0.0), "tiny steps from the origin are real");
        assertTrue(Vectors.stepUnderflows(0.0, 1.0, 0.0));
    }

    @Test
    void stepCapScalesOnlyMovesLongerThanTheCap() {
        assertEquals(0.25, Vectors.stepCap(2.0, 0.5), 0.0);
        assertEquals(1.0, Vectors.stepCap(0.5, 0.5), 0.0, "a move of exactly the cap is not scaled");
        assertEquals(1.0, Vectors.stepCap(0.0, 0.5), 0.0);
        assertEquals(0.5 / 3.0, Vectors.stepCap(3.0, 0.5), 0.0);
    }
}
