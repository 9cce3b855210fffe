package org.mdsens.sensitivity.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link LinearSolver} contract, run for every implementation on symmetric positive definite systems. */
class LinearSolverContractTest {

    static Stream<Arguments> solvers() {
        return Stream.of(
                Arguments.of("CG", (Function<SolverConfig, LinearSolver>) ConjugateGradientSolver::new),
                Arguments.of("MINRES", (Function<SolverConfig, LinearSolver>) MinresSolver::new),
                Arguments.of("GMRES", (Function<SolverConfig, LinearSolver>) GmresSolver::new));
    }

    private static MatrixFreeOperator op(RealMatrix m) {
        return MatrixFreeOperator.dense(m);
    }

    private static SolverConfig config(double tol) {
        return SolverConfig.defaults().withRelativeTolerance(tol);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void spdSeed11MatchesDenseLu(String name, Function<SolverConfig, LinearSolver> factory) {
        UniformRandomProvider rng = TestMatrices.rng(11);
        int n = 50;
        RealMatrix a = TestMatrices.withSpectrum(rng, TestMatrices.logSpaced(n, 0.1, 100));
        double[] b = TestMatrices.randomVector(rng, n);
        SolveResult res = factory.apply(config(1e-12)).solve(op(a), b, null);
        assertEquals(SolveStatus.CONVERGED, res.status(), res::toString);
        double trueResidual = TestMatrices.relativeResidual(a, res.x(), b);
        assertTrue(trueResidual <= 1e-12, () -> "true residual " + trueResidual);
        assertEquals(trueResidual, res.relativeResidual(), 1e-14, "reported residual is the explicit one");
        assertTrue(TestMatrices.relativeError(res.x(), TestMatrices.luSolve(a, b)) < 1e-9);
        assertTrue(res.iterations() > 0 && res.iterations() <= 10 * n, res::toString);
        assertTrue(res.operatorApplications() >= res.iterations(), res::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void zeroRightHandSideGivesZeroWithoutWork(String name, Function<SolverConfig, LinearSolver> factory) {
        RealMatrix a = TestMatrices.withSpectrum(TestMatrices.rng(12), TestMatrices.logSpaced(8, 1, 10));
        double[] x0 = TestMatrices.randomVector(TestMatrices.rng(13), 8);
        SolveResult res = factory.apply(SolverConfig.defaults()).solve(op(a), new double[8], x0);
        assertEquals(SolveStatus.CONVERGED, res.status());
        assertArrayEquals(new double[8], res.x());
        assertEquals(0, res.operatorApplications());
        assertEquals(0.0, res.relativeResidual());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void tinyIterationCapSeed14ReportsMaxIterations(String name, Function<SolverConfig, LinearSolver> factory) {
        UniformRandomProvider rng = TestMatrices.rng(14);
        int n = 80;
        RealMatrix a = TestMatrices.withSpectrum(rng, TestMatrices.logSpaced(n, 1e-3, 1e3));
        double[] b = TestMatrices.randomVector(rng, n);
        SolveResult res = factory.apply(config(1e-10).withMaxIterations(3)).solve(op(a), b, null);
        assertEquals(SolveStatus.MAX_ITERATIONS, res.status(), res::toString);
        assertEquals(3, res.iterations());
        assertEquals(TestMatrices.relativeResidual(a, res.x(), b), res.relativeResidual(), 1e-12);
        assertTrue(res.relativeResidual() > 1e-10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void ridgeShiftSeed15SolvesShiftedSystem(String name, Function<SolverConfig, LinearSolver> factory) {
        UniformRandomProvider rng = TestMatrices.rng(15);
        int n = 30;
        RealMatrix a = TestMatrices.withSpectrum(rng, TestMatrices.logSpaced(n, 1e-4, 10));
        double[] b = TestMatrices.randomVector(rng, n);
        double ridge = 0.5;
        SolveResult res = factory.apply(config(1e-12).withRidge(ridge)).solve(op(a), b, null);
        assertEquals(SolveStatus.CONVERGED, res.status(), res::toString);
        RealMatrix shifted = a.add(MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(ridge));
        assertTrue(TestMatrices.relativeError(res.x(), TestMatrices.luSolve(shifted, b)) < 1e-10);
        assertTrue(TestMatrices.relativeError(res.x(), TestMatrices.luSolve(a, b)) > 1e-2, "the ridge biases x");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void jacobiReducesIterationsOnBadlyScaledSeed16(String name, Function<SolverConfig, LinearSolver> factory) {
        UniformRandomProvider rng = TestMatrices.rng(16);
        int n = 60;
        // A = S B S with B well conditioned and S spanning six decades: κ(A) ~ 1e12, κ(D⁻½AD⁻½) ~ κ(B)
        RealMatrix bMat = TestMatrices.withSpectrum(rng, TestMatrices.logSpaced(n, 1, 4));
        double[] s = TestMatrices.logSpaced(n, 1e-3, 1e3);
        RealMatrix sMat = MatrixUtils.createRealDiagonalMatrix(s);
        RealMatrix a = sMat.multiply(bMat).multiply(sMat);
        double[] b = TestMatrices.randomVector(rng, n);
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = a.getEntry(i, i);
        }
        SolverConfig base = config(1e-10).withMaxIterations(2000);
        SolveResult plain = factory.apply(base).solve(op(a), b, null);
        SolveResult jacobi = factory.apply(base.withJacobiDiagonal(diag)).solve(op(a), b, null);
        assertEquals(SolveStatus.CONVERGED, jacobi.status(), jacobi::toString);
        assertTrue(TestMatrices.relativeResidual(a, jacobi.x(), b) <= 1e-10);
        assertTrue(jacobi.iterations() < 40, jacobi::toString);
        assertTrue(!plain.converged() || plain.iterations() > 2 * jacobi.iterations(),
                () -> "plain " + plain + " vs jacobi " + jacobi);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void exactInitialGuessSeed17NeedsNoIteration(String name, Function<SolverConfig, LinearSolver> factory) {
        UniformRandomProvider rng = TestMatrices.rng(17);
        RealMatrix a = TestMatrices.withSpectrum(rng, TestMatrices.logSpaced(12, 1, 2));
        double[] b = TestMatrices.randomVector(rng, 12);
        double[] exact = TestMatrices.luSolve(a, b);
        SolveResult res = factory.apply(config(1e-8)).solve(op(a), b, exact);
        assertEquals(SolveStatus.CONVERGED, res.status());
        assertEquals(0, res.iterations());
        assertEquals(1, res.operatorApplications());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void nonFiniteOperatorIsReported(String name, Function<SolverConfig, LinearSolver> factory) {
        int n = 6;
        MatrixFreeOperator nan = MatrixFreeOperator.symmetric(n, (v, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = i == 3 ? Double.NaN : 2 * v[i];
            }
        });
        double[] b = {1, 2, 3, 4, 5, 6};
        SolveResult res = factory.apply(SolverConfig.defaults()).solve(nan, b, null);
        assertEquals(SolveStatus.NON_FINITE, res.status(), res::toString);
        SolveResult nanB = factory.apply(SolverConfig.defaults())
                .solve(op(MatrixUtils.createRealIdentityMatrix(2)), new double[] {1, Double.NaN}, null);
        assertEquals(SolveStatus.NON_FINITE, nanB.status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void misuseThrows(String name, Function<SolverConfig, LinearSolver> factory) {
        LinearSolver solver = factory.apply(SolverConfig.defaults());
        RealMatrix a = MatrixUtils.createRealIdentityMatrix(3);
        assertThrows(IllegalArgumentException.class, () -> solver.solve(op(a), new double[2], null));
        assertThrows(IllegalArgumentException.class, () -> solver.solve(op(a), new double[3], new double[4]));
        assertThrows(IllegalArgumentException.class,
                () -> solver.solve(new ArrayOperator(MatrixUtils.createRealMatrix(2, 3)), new double[2], null));
        assertThrows(IllegalArgumentException.class, () -> solver.withConfig(
                SolverConfig.defaults().withJacobiDiagonal(new double[] {1, 1})).solve(op(a), new double[] {1, 1, 1}, null));
        assertNotEquals("", solver.name());
        assertEquals(3, solver.solve(op(a), new double[] {1, 2, 3}, null).dimension());
        assertArrayEquals(new double[] {1, 2, 3},
                solver.solve(new ArrayOperator(a), new double[] {1, 2, 3}, null).x(), 1e-12);
    }

    /** An operator whose results are not ArrayRealVector instances. */
    private record ArrayOperator(RealMatrix m) implements org.hipparchus.linear.RealLinearOperator {
        @Override public int getRowDimension() { return m.getRowDimension(); }

        @Override public int getColumnDimension() { return m.getColumnDimension(); }

        @Override public org.hipparchus.linear.RealVector operate(org.hipparchus.linear.RealVector x) {
            return new org.hipparchus.linear.OpenMapRealVector(new ArrayRealVector(m.operate(x.toArray())));
        }
    }
}
