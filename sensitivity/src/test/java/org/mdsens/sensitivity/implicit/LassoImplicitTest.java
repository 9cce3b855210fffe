package org.mdsens.sensitivity.implicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.mdsens.sensitivity.condition.LeastSquaresObjective;
import org.mdsens.sensitivity.condition.ProximalGradientCondition;
import org.mdsens.sensitivity.linalg.LanczosConfig;
import org.mdsens.sensitivity.linalg.SolveStatus;

/**
 * Lasso ½‖Xx − s·y‖² + λ‖x‖₁ solved by FISTA to a fixed-point residual of 1e-14, differentiated through the
 * proximal-gradient fixed point with θ = (μ = 0, s, λ): against central differences of re-solves and against the
 * closed form on the support S, x_S = (X_SᵀX_S)⁻¹(s X_Sᵀy − λ sign_S).
 */
class LassoImplicitTest {

    private static final long SEED = 71;
    private final LeastSquaresObjective objective = Problems.leastSquares(SEED, 30, 10, 3);
    private final RealMatrix xMat = objective.design();
    private final double eta = 1.0 / Problems.largestEigenvalue(xMat.transposeMultiply(xMat));
    private final ProximalGradientCondition condition = ProximalGradientCondition.withPenaltyParameter(objective, eta, 2);
    private final double lambda = 0.3 * Problems.maxAbs(objective.xty());

    /** FISTA (Beck & Teboulle 2009) until ‖F(x)‖∞ ≤ 1e-14 (then a few plain ISTA steps to settle the support). */
    private double[] fista(double[] theta) {
        int n = 10;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] g = new double[n];
        double[] f = new double[n];
        double t = 1;
        for (int it = 0; it < 200_000; it++) {
            objective.gradient(y, theta, g);
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = y[i] - eta * g[i];
            }
            condition.proximal(next, theta);
            double tNext = 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
            for (int i = 0; i < n; i++) {
                y[i] = next[i] + (t - 1) / tNext * (next[i] - x[i]);
            }
            x = next;
            t = tNext;
            condition.residual(x, theta, f);
            if (Problems.maxAbs(f) <= 1e-14) {
                break;
            }
        }
        for (int it = 0; it < 50; it++) { // ISTA polish: monotone, keeps the support exact
            condition.residual(x, theta, f);
            for (int i = 0; i < n; i++) {
                x[i] += f[i];
            }
        }
        condition.residual(x, theta, f);
        assertTrue(Problems.maxAbs(f) <= 1e-14, "FISTA did not converge: " + Problems.maxAbs(f));
        return x;
    }

    @Test
    void jacobianSeed71MatchesCentralDifferencesOfResolvesAndClosedForm() {
        double[] theta = {0.0, 1.0, lambda};
        double[] xStar = fista(theta);
        int nonZero = 0;
        for (double v : xStar) {
            nonZero += v != 0 ? 1 : 0;
        }
        assertTrue(nonZero >= 2 && nonZero <= 8, "the test needs a sparse solution, non-zeros " + nonZero);

        ImplicitDifferentiation id = ImplicitDifferentiation.builder()
                .eigenvalueEstimation(EigenvalueEstimation.lanczos(LanczosConfig.defaults(), EigenvalueEstimation.Scope.ALL))
                .build();
        JacobianResult jac = id.jacobian(condition, xStar, theta);
        assertEquals(SolveStatus.CONVERGED, jac.report().status(), jac::toString);
        assertTrue(jac.report().solverName().startsWith("GMRES"), jac::toString);
        assertTrue(jac.report().eigenvalueEstimate() > 0 && Double.isFinite(jac.report().errorEstimate()), jac::toString);

        for (int j = 1; j <= 2; j++) { // s and λ
            double h = 1e-6 * Math.max(1, Math.abs(theta[j]));
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += h;
            tm[j] -= h;
            double[] xp = fista(tp);
            double[] xm = fista(tm);
            double[] fd = new double[10];
            for (int i = 0; i < 10; i++) {
                fd[i] = (xp[i] - xm[i]) / (2 * h);
            }
            double err = Problems.relativeError(jac.column(j), fd);
            assertTrue(err < 1e-6, "column " + j + " vs FD of re-solves: " + err);
        }

        // closed form on the support
        int[] support = new int[nonZero];
        int k = 0;
        for (int i = 0; i < 10; i++) {
            if (xStar[i] != 0) {
                support[k++] = i;
            }
        }
        int[] rows = new int[30];
        for (int r = 0; r < 30; r++) {
            rows[r] = r;
        }
        RealMatrix xs = xMat.getSubMatrix(rows, support);
        RealMatrix gram = xs.transposeMultiply(xs);
        double[] sign = new double[nonZero];
        double[] xsty = new double[nonZero];
        for (int a = 0; a < nonZero; a++) {
            sign[a] = -Math.signum(xStar[support[a]]);
            xsty[a] = objective.xty()[support[a]];
        }
        double[] dLambda = Problems.solve(gram, sign);
        double[] dScale = Problems.solve(gram, xsty);
        for (int i = 0; i < 10; i++) {
            int a = java.util.Arrays.binarySearch(support, i);
            assertEquals(a >= 0 ? dLambda[a] : 0.0, jac.get(i, 2), 1e-9 * Problems.maxAbs(dLambda), "dx/dλ at " + i);
            assertEquals(a >= 0 ? dScale[a] : 0.0, jac.get(i, 1), 1e-9 * Problems.maxAbs(dScale), "dx/ds at " + i);
        }
        // with μ = 0 in the smooth part, dx/dμ = −(X_SᵀX_S)⁻¹x_S on the support
        double[] xsStar = new double[nonZero];
        for (int a = 0; a < nonZero; a++) {
            xsStar[a] = -xStar[support[a]];
        }
        double[] dMu = Problems.solve(gram, xsStar);
        for (int a = 0; a < nonZero; a++) {
            assertEquals(dMu[a], jac.get(support[a], 0), 1e-9 * Problems.maxAbs(dMu));
        }
        assertTrue(MatrixUtils.createRealMatrix(jac.toArray()).getRowDimension() == 10);
    }

    @Test
    void vjpSeed72IsTheTransposeOfJvp() {
        double[] theta = {0.0, 1.0, lambda};
        double[] xStar = fista(theta);
        UniformRandomProvider rng = Problems.rng(72);
        double[] w = Problems.random(rng, 10);
        double[] v = Problems.random(rng, 3);
        Linearization lin = ImplicitDifferentiation.withDefaults().at(condition, xStar, theta);
        VjpResult vjp = lin.vjp(w);
        JvpResult jvp = lin.jvp(v);
        assertTrue(vjp.converged() && jvp.converged());
        double lhs = Problems.dot(w, jvp.tangent());
        double rhs = Problems.dot(vjp.cotangent(), v);
        assertEquals(lhs, rhs, 1e-10 * Math.max(1, Math.abs(lhs)));
        // nonsymmetric condition with the default scope: no λ̂, so no error estimate
        assertTrue(Double.isNaN(vjp.report().errorEstimate()));
    }
}
