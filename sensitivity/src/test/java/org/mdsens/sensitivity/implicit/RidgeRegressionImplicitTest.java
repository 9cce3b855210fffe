package org.mdsens.sensitivity.implicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.mdsens.sensitivity.condition.LeastSquaresObjective;
import org.mdsens.sensitivity.condition.StationarityCondition;
import org.mdsens.sensitivity.linalg.SolveStatus;

/**
 * The closed-form example of Blondel et al. (2022), Fig. 1: ridge regression x*(θ) = (XᵀX + μI)⁻¹ s Xᵀy with
 * θ = (μ, s), differentiated through the stationarity condition of ½‖Xx − sy‖² + ½μ‖x‖².
 * Exact: dx*∕dμ = −(XᵀX + μI)⁻¹x*, dx*∕ds = (XᵀX + μI)⁻¹Xᵀy.
 */
class RidgeRegressionImplicitTest {

    private static final long SEED = 61;
    private final LeastSquaresObjective objective = Problems.leastSquares(SEED, 30, 10, 2);
    private final RealMatrix x = objective.design();
    private final double[] theta = {0.8, 1.0};

    private RealMatrix system(double mu) {
        return x.transposeMultiply(x).add(MatrixUtils.createRealIdentityMatrix(10).scalarMultiply(mu));
    }

    private double[] solution(double mu, double s) {
        double[] b = objective.xty();
        for (int i = 0; i < b.length; i++) {
            b[i] *= s;
        }
        return Problems.solve(system(mu), b);
    }

    private double[][] exactColumns() {
        double[] xStar = solution(theta[0], theta[1]);
        double[] dMu = Problems.solve(system(theta[0]), xStar);
        for (int i = 0; i < dMu.length; i++) {
            dMu[i] = -dMu[i];
        }
        double[] dS = Problems.solve(system(theta[0]), objective.xty());
        return new double[][] {dMu, dS};
    }

    @Test
    void jacobianSeed61MatchesClosedFormAndReportsConvergence() {
        double[] xStar = solution(theta[0], theta[1]);
        JacobianResult jac = ImplicitDifferentiation.withDefaults().jacobian(new StationarityCondition(objective), xStar, theta);
        double[][] exact = exactColumns();
        for (int j = 0; j < 2; j++) {
            double err = Problems.relativeError(jac.column(j), exact[j]);
            assertTrue(err < 1e-9, "column " + j + " error " + err);
        }
        assertEquals(SolveStatus.CONVERGED, jac.report().status(), jac::toString);
        assertEquals("CG", jac.report().solverName());
        assertEquals(2, jac.reports().size());
        assertEquals(jac.get(3, 1), jac.toArray()[3][1], 0.0);
        assertEquals(jac.get(3, 1), jac.toMatrix().getEntry(3, 1), 0.0);
        // λ̂ from Lanczos is the smallest eigenvalue of the Hessian XᵀX + μI
        double lambdaMin = Problems.smallestEigenvalue(system(theta[0]));
        assertEquals(lambdaMin, jac.report().eigenvalueEstimate(), 1e-6 * lambdaMin, jac::toString);
        SolveReport r = jac.reports().get(0);
        assertEquals((r.conditionResidualNorm() + r.krylovResidualNorm()) / r.eigenvalueEstimate(), r.errorEstimate(), 1e-20);
        assertTrue(r.errorEstimate() < 1e-8, r::toString);
    }

    @Test
    void jvpSeed61MatchesCentralDifferencesOfClosedFormSolves() {
        double[] xStar = solution(theta[0], theta[1]);
        double[] dTheta = {0.3, -0.7};
        JvpResult jvp = ImplicitDifferentiation.withDefaults().jvp(new StationarityCondition(objective), xStar, theta, dTheta);
        double h = 1e-5;
        double[] plus = solution(theta[0] + h * dTheta[0], theta[1] + h * dTheta[1]);
        double[] minus = solution(theta[0] - h * dTheta[0], theta[1] - h * dTheta[1]);
        double[] fd = new double[10];
        for (int i = 0; i < 10; i++) {
            fd[i] = (plus[i] - minus[i]) / (2 * h);
        }
        double err = Problems.relativeError(jvp.tangent(), fd);
        assertTrue(err < 1e-8, "jvp vs FD " + err);
        assertTrue(jvp.converged(), jvp::toString);
    }

    @Test
    void vjpSeed61IsTheTransposeOfJvp() {
        double[] xStar = solution(theta[0], theta[1]);
        UniformRandomProvider rng = Problems.rng(611);
        double[] w = Problems.random(rng, 10);
        double[] v = Problems.random(rng, 2);
        Linearization lin = ImplicitDifferentiation.withDefaults().at(new StationarityCondition(objective), xStar, theta);
        VjpResult vjp = lin.vjp(w);
        JvpResult jvp = lin.jvp(v);
        double lhs = Problems.dot(w, jvp.tangent());
        double rhs = Problems.dot(vjp.cotangent(), v);
        assertEquals(lhs, rhs, 1e-10 * Math.max(1, Math.abs(lhs)), "<w, Jv> = <Jᵀw, v>");
        double[][] exact = exactColumns();
        assertEquals(Problems.dot(w, exact[0]), vjp.cotangent(0), 1e-10);
        assertEquals(Problems.dot(w, exact[1]), vjp.cotangent(1), 1e-10);
        // the adjoint solves Hλ = w
        double[] hl = system(theta[0]).operate(vjp.adjoint());
        assertTrue(Problems.relativeError(hl, w) < 1e-9);
        assertTrue(vjp.converged() && vjp.toString().contains("cotangent"));
    }

    @Test
    void approximateRootSeed62RaisesTheErrorEstimate() {
        double[] xStar = solution(theta[0], theta[1]);
        double[] xHat = xStar.clone();
        UniformRandomProvider rng = Problems.rng(62);
        for (int i = 0; i < xHat.length; i++) {
            xHat[i] += 1e-6 * (2 * rng.nextDouble() - 1);
        }
        ImplicitDifferentiation id = ImplicitDifferentiation.withDefaults();
        JvpResult exact = id.jvp(new StationarityCondition(objective), xStar, theta, new double[] {1, 0});
        JvpResult approx = id.jvp(new StationarityCondition(objective), xHat, theta, new double[] {1, 0});
        assertTrue(approx.report().conditionResidualNorm() > 1e3 * exact.report().conditionResidualNorm());
        assertTrue(approx.report().errorEstimate() > 1e3 * exact.report().errorEstimate());
        // first order in ‖x̂ − x*‖ (Theorem 1): dx*∕dμ = −A⁻¹x, so the error is A⁻¹(x̂ − x*)
        double actual = Problems.norm(diff(approx.tangent(), exact.tangent()));
        double predicted = Problems.norm(Problems.solve(system(theta[0]), diff(xHat, xStar)));
        assertEquals(predicted, actual, 1e-6 * predicted);
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
