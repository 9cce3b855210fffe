package org.mdsens.sensitivity.implicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;
import org.mdsens.sensitivity.condition.FieldCondition;
import org.mdsens.sensitivity.condition.FiniteDifferenceCondition;
import org.mdsens.sensitivity.condition.NonlinearSystem;
import org.mdsens.sensitivity.condition.OptimalityCondition;

/**
 * A nonlinear nonsymmetric root F(x, θ) = Ax + θ₀ sin x + θ₁² c∘x³ − θ₂ b = 0 solved by Newton's method; its implicit
 * Jacobian through forward-mode AD (FieldCondition), hand-written products and finite-difference products, against
 * central differences of Newton re-solves.
 */
class FieldConditionImplicitTest {

    private static final int N = 8;
    private final NonlinearSystem system = new NonlinearSystem(N, 91);
    private final OptimalityCondition exact = system.handWritten();

    private double[] newton(double[] theta) {
        double[] x = new double[N];
        double[] f = new double[N];
        double[] e = new double[N];
        double[] col = new double[N];
        for (int it = 0; it < 50; it++) {
            exact.residual(x, theta, f);
            if (Problems.maxAbs(f) <= 1e-15) {
                break;
            }
            double[][] j = new double[N][N];
            for (int c = 0; c < N; c++) {
                e[c] = 1;
                exact.jvpX(x, theta, e, col);
                e[c] = 0;
                for (int r = 0; r < N; r++) {
                    j[r][c] = col[r];
                }
            }
            double[] step = Problems.solve(new Array2DRowRealMatrix(j, false), f);
            for (int i = 0; i < N; i++) {
                x[i] -= step[i];
            }
        }
        exact.residual(x, theta, f);
        assertTrue(Problems.maxAbs(f) <= 1e-14, "Newton did not converge: " + Problems.maxAbs(f));
        return x;
    }

    @Test
    void jacobianSeed91ByAdHandWrittenAndFiniteDifferencesAgree() {
        double[] theta = {0.9, 1.3, 2.0};
        double[] xStar = newton(theta);
        assertTrue(Problems.maxAbs(xStar) > 0.1, "a non-trivial root");
        ImplicitDifferentiation id = ImplicitDifferentiation.withDefaults();
        JacobianResult viaAd = id.jacobian(FieldCondition.of(system), xStar, theta);
        JacobianResult viaHand = id.jacobian(exact, xStar, theta);
        JacobianResult viaFd = id.jacobian(FiniteDifferenceCondition.of(N, 3, exact::residual), xStar, theta);
        assertTrue(viaAd.converged() && viaHand.converged() && viaFd.converged());
        for (int j = 0; j < 3; j++) {
            double h = 1e-6;
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += h;
            tm[j] -= h;
            double[] xp = newton(tp);
            double[] xm = newton(tm);
            double[] fd = new double[N];
            for (int i = 0; i < N; i++) {
                fd[i] = (xp[i] - xm[i]) / (2 * h);
            }
            assertTrue(Problems.relativeError(viaAd.column(j), fd) < 1e-7, "AD column " + j);
            assertTrue(Problems.relativeError(viaAd.column(j), viaHand.column(j)) < 1e-11, "AD vs hand-written, column " + j);
            assertTrue(Problems.relativeError(viaFd.column(j), viaHand.column(j)) < 1e-7, "FD products vs hand-written, column " + j);
        }
    }

    @Test
    void vjpSeed92ThroughTheDenseAdTransposeIsTheTransposeOfJvp() {
        double[] theta = {0.9, 1.3, 2.0};
        double[] xStar = newton(theta);
        UniformRandomProvider rng = Problems.rng(92);
        double[] w = Problems.random(rng, N);
        double[] v = Problems.random(rng, 3);
        ImplicitDifferentiation id = ImplicitDifferentiation.builder()
                .eigenvalueEstimation(EigenvalueEstimation.lanczos(
                        org.mdsens.sensitivity.linalg.LanczosConfig.defaults(), EigenvalueEstimation.Scope.ALL))
                .build();
        Linearization lin = id.at(FieldCondition.of(system), xStar, theta);
        VjpResult vjp = lin.vjp(w);
        double lhs = Problems.dot(w, lin.jvp(v).tangent());
        assertEquals(lhs, Problems.dot(vjp.cotangent(), v), 1e-10 * Math.max(1, Math.abs(lhs)));
        // λ̂ for a nonsymmetric condition is the smallest singular value of ∂ₓF
        double[][] j = new double[N][N];
        double[] e = new double[N];
        double[] col = new double[N];
        for (int c = 0; c < N; c++) {
            e[c] = 1;
            exact.jvpX(xStar, theta, e, col);
            e[c] = 0;
            for (int r = 0; r < N; r++) {
                j[r][c] = col[r];
            }
        }
        double[] sv = new org.hipparchus.linear.SingularValueDecomposition(new Array2DRowRealMatrix(j, false)).getSingularValues();
        double sigmaMin = sv[sv.length - 1];
        assertEquals(sigmaMin, lin.eigenvalueEstimate(), 1e-6 * sigmaMin);
    }
}
