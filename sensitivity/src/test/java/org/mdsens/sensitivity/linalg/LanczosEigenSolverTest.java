package org.mdsens.sensitivity.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class LanczosEigenSolverTest {

    private static double[] ascendingEigenvalues(RealMatrix a) {
        double[] e = new EigenDecompositionSymmetric(a).getEigenvalues();
        Arrays.sort(e);
        return e;
    }

    @Test
    void smallestEigenvaluesOfRandomSpdSeed31MatchHipparchus() {
        UniformRandomProvider rng = TestMatrices.rng(31);
        int n = 80;
        RealMatrix b = TestMatrices.randomMatrix(rng, n, n);
        RealMatrix a = b.transposeMultiply(b).add(MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(0.01));
        double[] exact = ascendingEigenvalues(a);
        EigenEstimate est = LanczosEigenSolver.withDefaults().smallest(MatrixFreeOperator.dense(a), null, 3);
        assertEquals(SolveStatus.CONVERGED, est.status(), est::toString);
        for (int i = 0; i < 3; i++) {
            assertEquals(exact[i], est.eigenvalues()[i], 1e-9 * exact[n - 1], "eigenvalue " + i);
            assertTrue(est.residualNorms()[i] < 1e-6 * exact[n - 1], est::toString);
            // the explicit residual bounds the eigenvalue error (symmetric Bauer–Fike)
            assertTrue(Math.abs(exact[i] - est.eigenvalues()[i]) <= est.residualNorms()[i] + 1e-12 * exact[n - 1]);
        }
        double[] y = est.vector();
        double[] ay = a.operate(y);
        assertEquals(1.0, TestMatrices.norm(y), 1e-12);
        assertEquals(est.eigenvalue(), TestMatrices.dot(y, ay), 1e-9 * exact[n - 1]);
        assertEquals(exact[n - 1], est.largestMagnitude(), 1e-6 * exact[n - 1]);
    }

    @Test
    void sameSeedSameBits() {
        UniformRandomProvider rng = TestMatrices.rng(32);
        RealMatrix a = TestMatrices.withSpectrum(rng, TestMatrices.logSpaced(30, 0.1, 10));
        LanczosEigenSolver s = new LanczosEigenSolver(LanczosConfig.defaults().withSeed(7));
        EigenEstimate e1 = s.smallest(MatrixFreeOperator.dense(a), null);
        EigenEstimate e2 = s.smallest(MatrixFreeOperator.dense(a), null);
        assertEquals(e1.eigenvalue(), e2.eigenvalue(), 0.0);
        assertArrayEquals(e1.vector(), e2.vector(), 0.0);
    }

    @Test
    void deflatedNullSpaceSeed33GivesSmallestNonzeroEigenvalue() {
        UniformRandomProvider rng = TestMatrices.rng(33);
        int n = 60;
        double[] e = TestMatrices.logSpaced(n, 0.2, 50);
        e[0] = 0;
        e[1] = 0;
        e[2] = 0;
        RealMatrix q = TestMatrices.randomOrthogonal(rng, n);
        RealMatrix a = q.multiply(MatrixUtils.createRealDiagonalMatrix(e)).multiplyTransposed(q);
        // null space given by non-orthonormal, redundant spanning vectors
        double[] u0 = q.getColumn(0);
        double[] u1 = q.getColumn(1);
        double[] u2 = q.getColumn(2);
        double[] mix = new double[n];
        for (int i = 0; i < n; i++) {
            mix[i] = 2 * u0[i] - 3 * u1[i];
            u1[i] = u1[i] + 0.5 * u0[i];
        }
        NullSpaceProjector p = NullSpaceProjector.of(n, u0, u1, mix, u2);
        assertEquals(3, p.nullity());
        EigenEstimate deflated = LanczosEigenSolver.withDefaults().smallest(MatrixFreeOperator.dense(a), p);
        assertEquals(SolveStatus.CONVERGED, deflated.status(), deflated::toString);
        assertEquals(e[3], deflated.eigenvalue(), 1e-9 * e[n - 1], deflated::toString);
        double[] y = deflated.vector();
        assertEquals(0.0, TestMatrices.dot(y, q.getColumn(0)), 1e-10);
        EigenEstimate plain = LanczosEigenSolver.withDefaults().smallest(MatrixFreeOperator.dense(a), null);
        assertEquals(0.0, plain.eigenvalue(), 1e-9 * e[n - 1], plain::toString);
    }

    @Test
    void smallOperatorBecomesInvariant() {
        RealMatrix a = MatrixUtils.createRealDiagonalMatrix(new double[] {3, -1, 2});
        EigenEstimate est = LanczosEigenSolver.withDefaults().smallest(MatrixFreeOperator.dense(a), null, 3);
        assertEquals(SolveStatus.CONVERGED, est.status());
        assertArrayEquals(new double[] {-1, 2, 3}, est.eigenvalues(), 1e-12);
        assertEquals(1.0, est.smallestMagnitude(), 1e-12);
        assertTrue(est.steps() <= 3);
    }

    @Test
    void misuseThrows() {
        RealMatrix a = MatrixUtils.createRealIdentityMatrix(2);
        LanczosEigenSolver s = LanczosEigenSolver.withDefaults();
        assertThrows(IllegalArgumentException.class, () -> s.smallest(MatrixFreeOperator.dense(a), null, 3));
        assertThrows(IllegalArgumentException.class, () -> s.smallest(MatrixFreeOperator.dense(a), v -> Arrays.fill(v, 0)));
        assertThrows(IllegalArgumentException.class, () -> new LanczosConfig(0, 1e-8, 1));
    }
}
