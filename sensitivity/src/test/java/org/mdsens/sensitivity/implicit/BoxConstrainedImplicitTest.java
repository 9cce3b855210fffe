package org.mdsens.sensitivity.implicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.mdsens.sensitivity.condition.ProjectedGradientCondition;

/**
 * A box-constrained quadratic ½xᵀQx − (Cθ)ᵀx on [−0.5, 0.5]ⁿ solved by projected gradient to 1e-14, differentiated
 * through the projected-gradient fixed point, against central differences of re-solves.
 */
class BoxConstrainedImplicitTest {

    private static final int N = 12;
    private static final int P = 3;

    @Test
    void jacobianSeed81MatchesCentralDifferencesOfResolves() {
        UniformRandomProvider rng = Problems.rng(81);
        RealMatrix b = Problems.randomMatrix(rng, N, N);
        RealMatrix q = b.transposeMultiply(b).scalarAdd(0).add(
                org.hipparchus.linear.MatrixUtils.createRealIdentityMatrix(N).scalarMultiply(2.0));
        RealMatrix c = Problems.randomMatrix(rng, N, P).scalarMultiply(4.0);
        Problems.Quadratic f = new Problems.Quadratic(q, c);
        double eta = 1.0 / Problems.largestEigenvalue(q);
        ProjectedGradientCondition condition = ProjectedGradientCondition.box(f, eta, -0.5, 0.5);
        double[] theta = Problems.random(rng, P);

        double[] xStar = projectedGradient(condition, theta);
        boolean[] free = condition.freeCoordinates(xStar, theta);
        int active = 0;
        for (boolean fr : free) {
            active += fr ? 0 : 1;
        }
        assertTrue(active >= 2 && active <= N - 2, "the test needs active and free bounds, active " + active);

        JacobianResult jac = ImplicitDifferentiation.withDefaults().jacobian(condition, xStar, theta);
        assertTrue(jac.converged(), jac::toString);
        for (int j = 0; j < P; j++) {
            double h = 1e-6;
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += h;
            tm[j] -= h;
            double[] xp = projectedGradient(condition, tp);
            double[] xm = projectedGradient(condition, tm);
            double[] fd = new double[N];
            for (int i = 0; i < N; i++) {
                fd[i] = (xp[i] - xm[i]) / (2 * h);
            }
            double err = Problems.relativeError(jac.column(j), fd);
            assertTrue(err < 1e-6, "column " + j + " vs FD: " + err);
            for (int i = 0; i < N; i++) {
                if (!free[i]) {
                    assertEquals(0.0, jac.get(i, j), 0.0, "an active coordinate does not move");
                }
            }
        }
        // duality through the transposed (nonsymmetric) products
        double[] w = Problems.random(rng, N);
        double[] v = Problems.random(rng, P);
        Linearization lin = ImplicitDifferentiation.withDefaults().at(condition, xStar, theta);
        double lhs = Problems.dot(w, lin.jvp(v).tangent());
        double rhs = Problems.dot(lin.vjp(w).cotangent(), v);
        assertEquals(lhs, rhs, 1e-10 * Math.max(1, Math.abs(lhs)));
    }

    private static double[] projectedGradient(ProjectedGradientCondition condition, double[] theta) {
        double[] x = new double[N];
        double[] f = new double[N];
        for (int it = 0; it < 100_000; it++) {
            condition.residual(x, theta, f);
            if (Problems.maxAbs(f) <= 1e-15) {
                break;
            }
            for (int i = 0; i < N; i++) {
                x[i] += f[i]; // x ← P(x − η∇f)
            }
        }
        condition.residual(x, theta, f);
        assertTrue(Problems.maxAbs(f) <= 1e-14, "projected gradient did not converge: " + Problems.maxAbs(f));
        return x;
    }
}
