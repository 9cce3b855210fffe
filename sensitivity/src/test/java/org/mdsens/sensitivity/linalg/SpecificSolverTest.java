package org.mdsens.sensitivity.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Behaviour specific to each method: indefinite, nonsymmetric and singular systems. */
class SpecificSolverTest {

    private static final SolverConfig TIGHT = SolverConfig.defaults().withRelativeTolerance(1e-12);

    private static double[] indefiniteSpectrum(int n) {
        double[] e = TestMatrices.logSpaced(n, 0.05, 20);
        for (int i = 0; i < n; i += 2) {
            e[i] = -e[i];
        }
        return e;
    }

    @Test
    void minresSolvesSymmetricIndefiniteSeed21() {
        UniformRandomProvider rng = TestMatrices.rng(21);
        int n = 40;
        RealMatrix a = TestMatrices.withSpectrum(rng, indefiniteSpectrum(n));
        double[] b = TestMatrices.randomVector(rng, n);
        SolveResult res = new MinresSolver(TIGHT).solve(MatrixFreeOperator.dense(a), b, null);
        assertEquals(SolveStatus.CONVERGED, res.status(), res::toString);
        assertTrue(TestMatrices.relativeError(res.x(), TestMatrices.luSolve(a, b)) < 1e-9);
    }

    @Test
    void minresWithJacobiOnSymmetricIndefiniteSeed22() {
        UniformRandomProvider rng = TestMatrices.rng(22);
        int n = 40;
        RealMatrix a = TestMatrices.withSpectrum(rng, indefiniteSpectrum(n));
        double[] s = TestMatrices.logSpaced(n, 0.1, 10);
        RealMatrix sa = MatrixUtils.createRealDiagonalMatrix(s).multiply(a).multiply(MatrixUtils.createRealDiagonalMatrix(s));
        double[] b = TestMatrices.randomVector(rng, n);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = s[i] * s[i]; // an SPD scaling (the diagonal of sa may be negative)
        }
        SolveResult res = new MinresSolver(TIGHT.withJacobiDiagonal(d)).solve(MatrixFreeOperator.dense(sa), b, null);
        assertEquals(SolveStatus.CONVERGED, res.status(), res::toString);
        assertTrue(TestMatrices.relativeError(res.x(), TestMatrices.luSolve(sa, b)) < 1e-8);
    }

    @Test
    void conjugateGradientIsNeverSilentlyWrongOnIndefiniteSeed23() {
        for (long seed = 23; seed < 33; seed++) {
            UniformRandomProvider rng = TestMatrices.rng(seed);
            int n = 30;
            RealMatrix a = TestMatrices.withSpectrum(rng, indefiniteSpectrum(n));
            double[] b = TestMatrices.randomVector(rng, n);
            SolveResult res = new ConjugateGradientSolver(TIGHT.withMaxIterations(300))
                    .solve(MatrixFreeOperator.dense(a), b, null);
            if (res.converged()) {
                assertTrue(TestMatrices.relativeResidual(a, res.x(), b) <= 1e-12, res::toString);
            } else {
                assertNotEquals(SolveStatus.NON_FINITE, res.status(), res::toString);
            }
        }
    }

    @Test
    void conjugateGradientReportsIndefiniteOnNegativeDefiniteSeed24() {
        UniformRandomProvider rng = TestMatrices.rng(24);
        int n = 20;
        double[] e = TestMatrices.logSpaced(n, 1, 10);
        for (int i = 0; i < n; i++) {
            e[i] = -e[i];
        }
        RealMatrix a = TestMatrices.withSpectrum(rng, e);
        double[] b = TestMatrices.randomVector(rng, n);
        SolveResult res = new ConjugateGradientSolver(TIGHT).solve(MatrixFreeOperator.dense(a), b, null);
        assertEquals(SolveStatus.INDEFINITE, res.status(), res::toString);
        assertEquals(TestMatrices.relativeResidual(a, res.x(), b), res.relativeResidual(), 1e-12);
        // the same system is fine for MINRES
        assertEquals(SolveStatus.CONVERGED, new MinresSolver(TIGHT).solve(MatrixFreeOperator.dense(a), b, null).status());
    }

    @Test
    void gmresSolvesNonsymmetricSeed25() {
        UniformRandomProvider rng = TestMatrices.rng(25);
        int n = 60;
        RealMatrix a = TestMatrices.randomMatrix(rng, n, n).scalarMultiply(0.3)
                .add(MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(3));
        double[] b = TestMatrices.randomVector(rng, n);
        for (int restart : new int[] {5, 30, 100}) {
            SolveResult res = new GmresSolver(TIGHT, restart).solve(MatrixFreeOperator.dense(a), b, null);
            assertEquals(SolveStatus.CONVERGED, res.status(), () -> restart + ": " + res);
            assertTrue(TestMatrices.relativeError(res.x(), TestMatrices.luSolve(a, b)) < 1e-10);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a.getEntry(i, i);
        }
        SolveResult pre = new GmresSolver(TIGHT.withJacobiDiagonal(d)).solve(MatrixFreeOperator.dense(a), b, null);
        assertEquals(SolveStatus.CONVERGED, pre.status(), pre::toString);
        assertTrue(TestMatrices.relativeError(pre.x(), TestMatrices.luSolve(a, b)) < 1e-10);
    }

    @Test
    void gmresRestartStagnationIsBreakdown() {
        // the cyclic shift: GMRES(m) with m < n makes no progress on b = e1 (a classic stagnation example)
        int n = 12;
        RealMatrix a = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            a.setEntry((i + 1) % n, i, 1.0);
        }
        double[] b = new double[n];
        b[0] = 1;
        SolveResult res = new GmresSolver(TIGHT, 4).solve(MatrixFreeOperator.dense(a), b, null);
        assertEquals(SolveStatus.BREAKDOWN, res.status(), res::toString);
        assertEquals(1.0, res.relativeResidual(), 1e-12);
        SolveResult full = new GmresSolver(TIGHT, n).solve(MatrixFreeOperator.dense(a), b, null);
        assertEquals(SolveStatus.CONVERGED, full.status(), full::toString);
    }

    @Test
    void singularConsistentSystemSeed26GivesMinimumNormWithMinres() {
        UniformRandomProvider rng = TestMatrices.rng(26);
        int n = 24;
        double[] e = TestMatrices.logSpaced(n, 0.5, 5);
        e[0] = 0;
        e[1] = 0;
        RealMatrix q = TestMatrices.randomOrthogonal(rng, n);
        RealMatrix a = q.multiply(MatrixUtils.createRealDiagonalMatrix(e)).multiplyTransposed(q);
        // b in the range; minimum-norm solution x = Σ_{i≥2} (q_iᵀb/e_i) q_i
        double[] c = TestMatrices.randomVector(rng, n);
        c[0] = 0;
        c[1] = 0;
        double[] b = q.operate(c);
        double[] xc = new double[n];
        for (int i = 2; i < n; i++) {
            xc[i] = c[i] / e[i];
        }
        double[] minNorm = q.operate(xc);
        SolveResult res = new MinresSolver(TIGHT).solve(MatrixFreeOperator.dense(a), b, null);
        assertEquals(SolveStatus.CONVERGED, res.status(), res::toString);
        assertTrue(TestMatrices.relativeError(res.x(), minNorm) < 1e-9, res::toString);
        SolveResult cg = new ConjugateGradientSolver(TIGHT).solve(MatrixFreeOperator.dense(a), b, null);
        assertEquals(SolveStatus.CONVERGED, cg.status(), cg::toString);
        assertTrue(TestMatrices.relativeError(cg.x(), minNorm) < 1e-9, cg::toString);
    }

    @Test
    void singularInconsistentSystemSeed27IsNeverConverged() {
        UniformRandomProvider rng = TestMatrices.rng(27);
        int n = 16;
        double[] e = TestMatrices.logSpaced(n, 1, 3);
        e[0] = 0;
        RealMatrix a = TestMatrices.withSpectrum(rng, e);
        double[] b = TestMatrices.randomVector(rng, n);
        for (LinearSolver s : new LinearSolver[] {new MinresSolver(TIGHT.withMaxIterations(200)),
                new GmresSolver(TIGHT.withMaxIterations(200)), new ConjugateGradientSolver(TIGHT.withMaxIterations(200))}) {
            SolveResult res = s.solve(MatrixFreeOperator.dense(a), b, null);
            assertTrue(!res.converged() && res.relativeResidual() > 1e-3, () -> s.name() + ": " + res);
            if (!(s instanceof ConjugateGradientSolver)) {
                // MINRES and GMRES minimize the residual: they stop near the least-squares residual, not beyond
                assertEquals(SolveStatus.BREAKDOWN, res.status(), () -> s.name() + ": " + res);
                assertTrue(res.relativeResidual() < 1.0, () -> s.name() + ": " + res);
            }
        }
    }

    @Test
    void solverKindCreatesEachSolver() {
        assertEquals("CG", SolverKind.CG.create(TIGHT).name());
        assertEquals("MINRES", SolverKind.MINRES.create(TIGHT).name());
        assertEquals("GMRES(30)", SolverKind.GMRES.create(TIGHT).name());
        assertEquals(TIGHT, SolverKind.GMRES.create(TIGHT).config());
    }
}
