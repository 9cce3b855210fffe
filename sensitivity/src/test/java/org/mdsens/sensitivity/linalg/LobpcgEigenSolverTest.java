package org.mdsens.sensitivity.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * LOBPCG against dense eigen-decompositions: the smallest eigenvalues within their explicit residuals (symmetric
 * Bauer–Fike), with a deflating projector, with a preconditioner (an exact inverse converges in a few iterations),
 * the stagnation stop, and reproducibility.
 */
class LobpcgEigenSolverTest {

    private static double[] ascending(RealMatrix a) {
        double[] e = new EigenDecompositionSymmetric(a).getEigenvalues();
        Arrays.sort(e);
        return e;
    }

    @Test
    void smallestEigenvaluesOfAnIllConditionedSpdMatrixSeed51() {
        UniformRandomProvider rng = TestMatrices.rng(51);
        RealMatrix a = TestMatrices.withSpectrum(rng, TestMatrices.logSpaced(120, 1e-2, 10));
        double[] exact = ascending(a);
        LobpcgConfig tight = LobpcgConfig.defaults().withRelativeTolerance(1e-5).withStagnationTolerance(0)
                .withMaxIterations(2000);
        EigenEstimate e = new LobpcgEigenSolver(tight).smallest(MatrixFreeOperator.dense(a), null, null, 2);
        assertEquals(SolveStatus.CONVERGED, e.status(), () -> e + " " + Arrays.toString(e.residualNorms()) + " "
                + Arrays.toString(Arrays.copyOf(exact, 3)));
        for (int i = 0; i < 2; i++) {
            assertTrue(e.residualNorms()[i] <= 2e-5 * exact[i] + 1e-14 * exact[119], e::toString);
            assertTrue(Math.abs(e.eigenvalues()[i] - exact[i]) <= e.residualNorms()[i] + 1e-12 * exact[119],
                    "eigenvalue " + i + ": " + e.eigenvalues()[i] + " vs " + exact[i]);
        }
        double[] y = e.vector();
        assertEquals(1.0, TestMatrices.norm(y), 1e-12);
        assertEquals(e.eigenvalue(), TestMatrices.dot(y, a.operate(y)), 1e-12 * exact[119]);
    }

    @Test
    void deflatedNullSpaceAndSpringNetworkWithPreconditionerSeed52() {
        SpringNetworks.Network net = SpringNetworks.network(52, 10, -0.05, 0.0);
        double[] exact = ascending(net.dense());
        // two exact zeros (translations), then the smallest non-deflated eigenvalue
        assertEquals(0.0, exact[1], 1e-10);
        double lambda = exact[2];
        LobpcgConfig cfg = LobpcgConfig.defaults().withRelativeTolerance(1e-6).withStagnationTolerance(0)
                .withMaxIterations(3000);
        EigenEstimate plain = new LobpcgEigenSolver(cfg).smallest(net.operator(), net.projector(), null, 1);
        Preconditioner ic = Preconditioner.projected(new IncompleteCholeskyPreconditioner(net.matrix()), net.projector());
        EigenEstimate pre = new LobpcgEigenSolver(cfg).smallest(net.operator(), net.projector(), ic, 1);
        for (EigenEstimate e : new EigenEstimate[] {plain, pre}) {
            assertEquals(SolveStatus.CONVERGED, e.status(), e::toString);
            assertEquals(lambda, e.eigenvalue(), 1e-5 * lambda, e::toString);
            assertTrue(e.eigenvalue() >= lambda * (1 - 1e-12), "a Ritz value bounds the eigenvalue from above");
        }
        assertTrue(pre.operatorApplications() < plain.operatorApplications(),
                pre.operatorApplications() + " vs " + plain.operatorApplications());
    }

    @Test
    void exactInversePreconditionerConvergesInAFewIterationsSeed53() {
        UniformRandomProvider rng = TestMatrices.rng(53);
        double[] spectrum = TestMatrices.logSpaced(60, 1e-2, 1e2);
        RealMatrix a = TestMatrices.withSpectrum(rng, spectrum);
        RealMatrix inverse = new org.hipparchus.linear.LUDecomposition(a).getSolver().getInverse();
        Preconditioner exact = new Preconditioner() {
            @Override public void apply(double[] r, double[] z) { System.arraycopy(inverse.operate(r), 0, z, 0, z.length); }

            @Override public String name() { return "exact"; }
        };
        EigenEstimate e = new LobpcgEigenSolver(LobpcgConfig.defaults().withRelativeTolerance(1e-8)
                .withStagnationTolerance(0)).smallest(MatrixFreeOperator.dense(a), null, exact, 1);
        assertTrue(e.steps() <= 15, e::toString);
        assertEquals(1e-2, e.eigenvalue(), 1e-8);
    }

    @Test
    void stagnationStopsEarlyWithAnUpperBoundAndSameSeedSameBits() {
        SpringNetworks.Network net = SpringNetworks.network(54, 12, 0.0, 0.0);
        double lambda = ascending(net.dense())[2];
        LobpcgEigenSolver loose = new LobpcgEigenSolver(LobpcgConfig.defaults().withSeed(9));
        EigenEstimate a = loose.smallest(net.operator(), net.projector(), null, 1);
        EigenEstimate b = loose.smallest(net.operator(), net.projector(), null, 1);
        assertEquals(a.eigenvalue(), b.eigenvalue(), 0.0);
        assertArrayEquals(a.vector(), b.vector(), 0.0);
        assertTrue(a.eigenvalue() >= lambda * (1 - 1e-12) && a.eigenvalue() <= 1.1 * lambda, a + " vs " + lambda);
        assertTrue(a.residualNorm() <= 1.5 * a.eigenvalue(), a::toString);
        assertThrows(IllegalArgumentException.class, () -> loose.smallest(net.operator(), null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new LobpcgConfig(0, 10, 0.1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LobpcgConfig(2, 10, 0.1, 1.0, 1));
    }

    @Test
    void nonFiniteOperatorIsReported() {
        MatrixFreeOperator nan = MatrixFreeOperator.symmetric(10, (v, out) -> Arrays.fill(out, Double.NaN));
        EigenEstimate e = LobpcgEigenSolver.withDefaults().smallest(nan, null, null, 1);
        assertEquals(SolveStatus.NON_FINITE, e.status());
    }
}
