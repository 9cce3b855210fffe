package org.mdsens.sensitivity.implicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mdsens.sensitivity.condition.FixedPointCondition;
import org.mdsens.sensitivity.condition.FixedPointMap;
import org.mdsens.sensitivity.condition.LeastSquaresObjective;
import org.mdsens.sensitivity.condition.StationarityCondition;
import org.mdsens.sensitivity.linalg.MinresSolver;
import org.mdsens.sensitivity.linalg.NullSpaceProjector;
import org.mdsens.sensitivity.linalg.SolveStatus;
import org.mdsens.sensitivity.linalg.SolverConfig;

/** Settings and failure paths of {@link ImplicitDifferentiation}. */
class ImplicitDifferentiationTest {

    /** A chain of n = 9 particles, 8 springs with stiffness k_i; equilibrium x_{i+1} − x_i = θ_i. */
    private static final double[] K = {1.0, 2.0, 1.5, 0.7, 1.2, 3.0, 0.9, 1.1};

    private static double[] chainEquilibrium(double[] theta) {
        double[] x = new double[K.length + 1];
        for (int i = 0; i < K.length; i++) {
            x[i + 1] = x[i] + theta[i];
        }
        return x;
    }

    @Test
    void translationNullSpaceGivesMinimumNormSensitivities() {
        Problems.Chain chain = new Problems.Chain(K);
        StationarityCondition c = new StationarityCondition(chain);
        double[] theta = {1, 1.1, 0.9, 1, 1.2, 0.8, 1, 1.05};
        double[] xStar = chainEquilibrium(theta);
        int n = K.length + 1;
        NullSpaceProjector translations = NullSpaceProjector.translations(1, n);
        ImplicitDifferentiation id = ImplicitDifferentiation.builder().projector(translations).build();
        JacobianResult jac = id.jacobian(c, xStar, theta);
        assertEquals(SolveStatus.CONVERGED, jac.report().status(), jac::toString);
        // dx/dθ_j: particles beyond spring j move by 1; minimum norm removes the mean
        for (int j = 0; j < K.length; j++) {
            double mean = (double) (n - 1 - j) / n;
            for (int i = 0; i < n; i++) {
                double expected = (i > j ? 1.0 : 0.0) - mean;
                assertEquals(expected, jac.get(i, j), 1e-10, "dx_" + i + "/dθ_" + j);
            }
        }
        // λ̂: the smallest non-zero eigenvalue of the chain Laplacian (dense reference)
        double[][] h = new double[n][n];
        for (int i = 0; i < K.length; i++) {
            h[i][i] += K[i];
            h[i + 1][i + 1] += K[i];
            h[i][i + 1] -= K[i];
            h[i + 1][i] -= K[i];
        }
        double[] e = new org.hipparchus.linear.EigenDecompositionSymmetric(
                new org.hipparchus.linear.Array2DRowRealMatrix(h)).getEigenvalues();
        java.util.Arrays.sort(e);
        assertEquals(0.0, e[0], 1e-12);
        assertEquals(e[1], jac.report().eigenvalueEstimate(), 1e-6 * e[1], jac::toString);
        // without the projector the zero mode makes λ̂ ≈ 0 and the error estimate useless
        JvpResult raw = ImplicitDifferentiation.withDefaults().jvp(c, xStar, theta, new double[] {1, 0, 0, 0, 0, 0, 0, 0});
        assertTrue(raw.report().eigenvalueEstimate() < 1e-8 * e[n - 1], raw::toString);
        assertTrue(raw.report().errorEstimate() > 1e3 * jac.report().errorEstimate(), raw::toString);
    }

    @Test
    void negativeDefiniteSymmetricConditionFallsBackFromCgToMinres() {
        LeastSquaresObjective f = Problems.leastSquares(101, 30, 10, 2);
        double eta = 0.01;
        FixedPointMap step = new FixedPointMap() { // T(x) = x − η∇f: ∂ₓF = −ηH, symmetric negative definite
            @Override public int dimension() { return 10; }

            @Override public int parameterCount() { return 2; }

            @Override public void apply(double[] x, double[] theta, double[] out) {
                f.gradient(x, theta, out);
                for (int i = 0; i < 10; i++) {
                    out[i] = x[i] - eta * out[i];
                }
            }

            @Override public void jvpX(double[] x, double[] theta, double[] v, double[] out) {
                f.hessianVectorProduct(x, theta, v, out);
                for (int i = 0; i < 10; i++) {
                    out[i] = v[i] - eta * out[i];
                }
            }

            @Override public void vjpX(double[] x, double[] theta, double[] w, double[] out) { jvpX(x, theta, w, out); }

            @Override public void jvpTheta(double[] x, double[] theta, double[] u, double[] out) {
                f.mixedProduct(x, theta, u, out);
                for (int i = 0; i < 10; i++) {
                    out[i] *= -eta;
                }
            }

            @Override public void vjpTheta(double[] x, double[] theta, double[] w, double[] out) {
                f.mixedProductTranspose(x, theta, w, out);
                out[0] *= -eta;
                out[1] *= -eta;
            }

            @Override public boolean symmetric() { return true; }
        };
        double[] theta = {0.5, 1.0};
        StationarityCondition stationarity = new StationarityCondition(f);
        // x* from a converged stationarity solve: the fixed point and stationarity share their solution and Jacobian
        // x*(s) is linear in the data scale s with x*(0) = 0, so x* at s = 1 is dx*∕ds, a JVP taken at any x
        double[] xStar = ImplicitDifferentiation.withDefaults().jvp(stationarity, new double[10], theta, new double[] {0, 1})
                .tangent();
        JacobianResult viaFixedPoint = ImplicitDifferentiation.withDefaults().jacobian(new FixedPointCondition(step), xStar, theta);
        JacobianResult viaStationarity = ImplicitDifferentiation.withDefaults().jacobian(stationarity, xStar, theta);
        assertEquals("CG→MINRES", viaFixedPoint.reports().get(0).solverName(), viaFixedPoint::toString);
        assertTrue(viaFixedPoint.converged(), viaFixedPoint::toString);
        for (int j = 0; j < 2; j++) {
            assertTrue(Problems.relativeError(viaFixedPoint.column(j), viaStationarity.column(j)) < 1e-8);
        }
        // an explicit MINRES needs no fallback
        JacobianResult direct = ImplicitDifferentiation.builder().symmetricSolver(MinresSolver.withDefaults()).build()
                .jacobian(new FixedPointCondition(step), xStar, theta);
        assertEquals("MINRES", direct.report().solverName());
    }

    @Test
    void eigenvalueSettingsAndRidgeTermSeed102() {
        LeastSquaresObjective f = Problems.leastSquares(102, 30, 10, 2);
        StationarityCondition c = new StationarityCondition(f);
        double[] theta = {0.5, 1.0};
        double[] x0 = new double[10];
        JvpResult none = ImplicitDifferentiation.builder().eigenvalueEstimation(EigenvalueEstimation.none()).build()
                .jvp(c, x0, theta, new double[] {1, 0});
        assertTrue(Double.isNaN(none.report().eigenvalueEstimate()) && Double.isNaN(none.report().errorEstimate()));
        JvpResult given = ImplicitDifferentiation.builder().eigenvalueEstimation(EigenvalueEstimation.given(2.0)).build()
                .jvp(c, x0, theta, new double[] {0, 1});
        SolveReport g = given.report();
        assertEquals(2.0, g.eigenvalueEstimate());
        assertEquals((g.conditionResidualNorm() + g.krylovResidualNorm()) / 2.0, g.errorEstimate(), 1e-15);
        double ridge = 0.1;
        JvpResult ridged = ImplicitDifferentiation.builder().eigenvalueEstimation(EigenvalueEstimation.given(2.0))
                .solverConfig(SolverConfig.defaults().withRidge(ridge)).build().jvp(c, x0, theta, new double[] {0, 1});
        SolveReport r = ridged.report();
        double expected = (r.conditionResidualNorm() + r.krylovResidualNorm() + ridge * Problems.norm(ridged.tangent())) / 2.0;
        assertEquals(expected, r.errorEstimate(), 1e-15);
        assertTrue(Problems.relativeError(ridged.tangent(), given.tangent()) > 1e-3, "the ridge biases the tangent");
        assertThrows(IllegalArgumentException.class, () -> EigenvalueEstimation.given(0));
    }

    @Test
    void nonConvergenceIsReportedNotHiddenSeed103() {
        LeastSquaresObjective f = Problems.leastSquares(103, 30, 10, 2);
        ImplicitDifferentiation capped = ImplicitDifferentiation.builder()
                .solverConfig(SolverConfig.defaults().withMaxIterations(2)).build();
        JacobianResult jac = capped.jacobian(new StationarityCondition(f), new double[10], new double[] {0.01, 1.0});
        assertEquals(SolveStatus.MAX_ITERATIONS, jac.report().status(), jac::toString);
        assertTrue(!jac.converged() && jac.report().relativeResidual() > 1e-10);
        assertTrue(jac.toString().contains("MAX_ITERATIONS"));
    }

    @Test
    void misuseThrows() {
        LeastSquaresObjective f = Problems.leastSquares(104, 30, 10, 2);
        StationarityCondition c = new StationarityCondition(f);
        ImplicitDifferentiation id = ImplicitDifferentiation.withDefaults();
        assertThrows(IllegalArgumentException.class, () -> id.at(c, new double[9], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> id.at(c, new double[10], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> id.at(c, new double[10], new double[] {Double.NaN, 1}));
        Linearization lin = id.at(c, new double[10], new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> lin.jvp(new double[1]));
        assertThrows(IllegalArgumentException.class, () -> lin.vjp(new double[11]));
        // a zero direction is a converged zero tangent without work
        JvpResult zero = lin.jvp(new double[2]);
        assertTrue(zero.converged() && Problems.maxAbs(zero.tangent()) == 0 && zero.report().iterations() == 0);
    }
}
