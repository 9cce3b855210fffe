package org.mdsens.sensitivity.condition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Every ready-made condition: products against central differences of F, duality, declared symmetry. */
class ConditionProductsTest {

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    private static double[] random(UniformRandomProvider rng, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return v;
    }

    static LeastSquaresObjective leastSquares(long seed, int m, int n, int p) {
        UniformRandomProvider rng = rng(seed);
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            a[i] = random(rng, n, 1.0);
        }
        RealMatrix x = new Array2DRowRealMatrix(a, false);
        return new LeastSquaresObjective(x, random(rng, m, 1.0), p);
    }

    @Test
    void stationaritySeed51() {
        LeastSquaresObjective f = leastSquares(51, 30, 10, 2);
        StationarityCondition c = new StationarityCondition(f);
        assertTrue(c.symmetric());
        ConditionChecks.check(c, random(rng(510), 10, 1.0), new double[] {0.7, 1.3}, 511, 1e-4, 1e-9, 1e-13);
    }

    @Test
    void fixedPointOfGradientStepSeed52() {
        LeastSquaresObjective f = leastSquares(52, 30, 10, 2);
        double eta = 0.01;
        FixedPointMap t = new FixedPointMap() {
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
        FixedPointCondition c = new FixedPointCondition(t);
        double[] x = random(rng(520), 10, 1.0);
        double[] theta = {0.2, 0.9};
        ConditionChecks.check(c, x, theta, 521, 1e-4, 1e-9, 1e-13);
        // F = T(x) − x = −η∇f
        double[] fOut = new double[10];
        double[] g = new double[10];
        c.residual(x, theta, fOut);
        f.gradient(x, theta, g);
        for (int i = 0; i < 10; i++) {
            assertEquals(-eta * g[i], fOut[i], 1e-14);
        }
    }

    @Test
    void projectedGradientOnBoxSeed53() {
        LeastSquaresObjective f = leastSquares(53, 30, 10, 2);
        ProjectedGradientCondition c = ProjectedGradientCondition.box(f, 0.02, -0.3, 0.4);
        double[] x = random(rng(530), 10, 0.6);
        double[] theta = {0.5, 4.0}; // scaled data: the unconstrained solution leaves the box
        double[] g = new double[10];
        for (int it = 0; it < 30; it++) { // a few projected-gradient steps: the bounds that bind become active
            f.gradient(x, theta, g);
            for (int i = 0; i < 10; i++) {
                x[i] -= 0.02 * g[i];
            }
            c.project(x);
        }
        boolean[] free = c.freeCoordinates(x, theta);
        int active = 0;
        for (boolean b : free) {
            active += b ? 0 : 1;
        }
        assertTrue(active > 0 && active < 10, "the test point must have free and active coordinates, active " + active);
        assertMarginFromKinks(f, x, theta, 0.02, -0.3, 0.4);
        ConditionChecks.check(c, x, theta, 531, 1e-6, 1e-7, 1e-13);
        // active coordinates: (∂ₓF v)_i = −v_i and (∂_θF u)_i = 0
        double[] v = random(rng(532), 10, 1.0);
        double[] av = new double[10];
        double[] bu = new double[10];
        c.jvpX(x, theta, v, av);
        c.jvpTheta(x, theta, new double[] {1, 1}, bu);
        for (int i = 0; i < 10; i++) {
            if (!free[i]) {
                assertEquals(-v[i], av[i], 0.0);
                assertEquals(0.0, bu[i], 0.0);
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> new ProjectedGradientCondition(f, 0.1, new double[10], new double[9]));
        assertThrows(IllegalArgumentException.class, () -> ProjectedGradientCondition.box(f, 0.1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ProjectedGradientCondition.box(f, 0, 0, 1));
    }

    private static void assertMarginFromKinks(Objective f, double[] x, double[] theta, double eta, double lo, double hi) {
        double[] g = new double[x.length];
        f.gradient(x, theta, g);
        for (int i = 0; i < x.length; i++) {
            double z = x[i] - eta * g[i];
            assertTrue(Math.abs(z - lo) > 1e-4 && Math.abs(z - hi) > 1e-4, "z too close to a bound at " + i);
        }
    }

    @Test
    void proximalGradientWithPenaltyParameterSeed54() {
        LeastSquaresObjective f = leastSquares(54, 30, 10, 3);
        ProximalGradientCondition c = ProximalGradientCondition.withPenaltyParameter(f, 0.02, 2);
        double[] theta = {0.0, 1.0, 3.0};
        double[] x = random(rng(540), 10, 0.5);
        for (int i = 0; i < 10; i += 3) {
            x[i] = 0; // a few zero coordinates
        }
        double[] g = new double[10];
        f.gradient(x, theta, g);
        double t = 0.02 * 3.0;
        int zeros = 0;
        for (int i = 0; i < 10; i++) {
            double z = x[i] - 0.02 * g[i];
            assertTrue(Math.abs(Math.abs(z) - t) > 1e-4, "z too close to the threshold at " + i);
            zeros += Math.abs(z) <= t ? 1 : 0;
        }
        assertTrue(zeros > 0 && zeros < 10, "the test point must have zero and non-zero coordinates, zeros " + zeros);
        ConditionChecks.check(c, x, theta, 541, 1e-6, 1e-7, 1e-13);
        assertThrows(IllegalArgumentException.class, () -> c.residual(x, new double[] {0, 1, -1}, new double[10]));
        assertThrows(IllegalArgumentException.class, () -> ProximalGradientCondition.withPenaltyParameter(f, 0.1, 3));
    }

    @Test
    void proximalGradientWithFixedPenaltySeed55() {
        LeastSquaresObjective f = leastSquares(55, 30, 10, 2);
        ProximalGradientCondition c = ProximalGradientCondition.withFixedPenalty(f, 0.02, 2.0);
        double[] x = random(rng(550), 10, 0.5);
        ConditionChecks.check(c, x, new double[] {0.1, 1.0}, 551, 1e-6, 1e-7, 1e-13);
        double[] z = {1.0, -0.01, 0.03, -2.0};
        c.proximal(z, new double[] {0.1, 1.0});
        assertArrayEquals(new double[] {0.96, 0.0, 0.0, -1.96}, z, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ProximalGradientCondition.withFixedPenalty(f, 0.02, -1));
    }

    @Test
    void fieldConditionMatchesHandWrittenProductsSeed56() {
        NonlinearSystem sys = new NonlinearSystem(7, 56);
        OptimalityCondition exact = sys.handWritten();
        FieldCondition ad = FieldCondition.of(sys);
        assertFalse(ad.symmetric());
        UniformRandomProvider rng = rng(560);
        double[] x = random(rng, 7, 1.0);
        double[] theta = {0.8, 1.2, 0.5};
        double[] v = random(rng, 7, 1.0);
        double[] u = random(rng, 3, 1.0);
        double[] e = new double[7];
        double[] a = new double[7];
        exact.residual(x, theta, e);
        ad.residual(x, theta, a);
        assertArrayEquals(e, a, 1e-13);
        exact.jvpX(x, theta, v, e);
        ad.jvpX(x, theta, v, a);
        assertArrayEquals(e, a, 1e-13);
        exact.vjpX(x, theta, v, e);
        ad.vjpX(x, theta, v, a);
        assertArrayEquals(e, a, 1e-13);
        exact.jvpTheta(x, theta, u, e);
        ad.jvpTheta(x, theta, u, a);
        assertArrayEquals(e, a, 1e-13);
        double[] et = new double[3];
        double[] at = new double[3];
        exact.vjpTheta(x, theta, v, et);
        ad.vjpTheta(x, theta, v, at);
        assertArrayEquals(et, at, 1e-13);
        // a new point invalidates the cached dense Jacobian
        double[] x2 = x.clone();
        x2[0] += 0.5;
        exact.vjpX(x2, theta, v, e);
        ad.vjpX(x2, theta, v, a);
        assertArrayEquals(e, a, 1e-13);
        ConditionChecks.check(exact, x, theta, 561, 1e-5, 1e-8, 1e-13);
        ConditionChecks.check(ad, x, theta, 562, 1e-5, 1e-8, 1e-13);
    }

    @Test
    void fieldConditionRefusesLargeDenseTranspose() {
        NonlinearSystem sys = new NonlinearSystem(5, 57);
        FieldCondition ad = FieldCondition.of(sys, 4);
        double[] x = new double[5];
        double[] out = new double[5];
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> ad.vjpX(x, new double[] {1, 1, 1}, x, out));
        assertTrue(e.getMessage().contains("dimension must be <= 4, got 5"), e.getMessage());
        // a symmetric residual never needs the dense Jacobian
        FieldResidual sym = new FieldResidual() {
            @Override public int dimension() { return 5; }

            @Override public int parameterCount() { return 1; }

            @Override public <T extends CalculusFieldElement<T>> void residual(T[] xs, T[] th, T[] o) {
                for (int i = 0; i < 5; i++) {
                    o[i] = xs[i].multiply(th[0]).add(xs[(i + 1) % 5]).add(xs[(i + 4) % 5]).add(xs[i].pow(3));
                }
            }

            @Override public boolean symmetric() { return true; }
        };
        FieldCondition s = FieldCondition.of(sym, 0);
        double[] xs = {0.1, -0.2, 0.3, 0.4, -0.5};
        ConditionChecks.check(s, xs, new double[] {2.0}, 571, 1e-5, 1e-8, 1e-13);
    }

    @Test
    void finiteDifferenceConditionSeed58() {
        NonlinearSystem sys = new NonlinearSystem(6, 58);
        OptimalityCondition exact = sys.handWritten();
        FiniteDifferenceCondition fd = FiniteDifferenceCondition.of(6, 3, exact::residual);
        UniformRandomProvider rng = rng(580);
        double[] x = random(rng, 6, 1.0);
        double[] theta = {0.8, 1.2, 0.5};
        double[] v = random(rng, 6, 1.0);
        double[] u = random(rng, 3, 1.0);
        double[] e = new double[6];
        double[] a = new double[6];
        exact.jvpX(x, theta, v, e);
        fd.jvpX(x, theta, v, a);
        ConditionChecks.assertClose(e, a, 1e-8, "FD jvpX");
        exact.vjpX(x, theta, v, e);
        fd.vjpX(x, theta, v, a);
        ConditionChecks.assertClose(e, a, 1e-8, "FD vjpX");
        exact.jvpTheta(x, theta, u, e);
        fd.jvpTheta(x, theta, u, a);
        ConditionChecks.assertClose(e, a, 1e-8, "FD jvpTheta");
        double[] et = new double[3];
        double[] at = new double[3];
        exact.vjpTheta(x, theta, v, et);
        fd.vjpTheta(x, theta, v, at);
        ConditionChecks.assertClose(et, at, 1e-8, "FD vjpTheta");
        fd.jvpX(x, theta, new double[6], a);
        assertArrayEquals(new double[6], a, 0.0);
        assertThrows(UnsupportedOperationException.class,
                () -> FiniteDifferenceCondition.of(6, 3, exact::residual, 5).vjpX(x, theta, v, new double[6]));
        LeastSquaresObjective f = leastSquares(59, 20, 6, 2);
        FiniteDifferenceCondition sym = FiniteDifferenceCondition.symmetric(6, 2, f::gradient);
        assertTrue(sym.symmetric());
        ConditionChecks.check(sym, x, new double[] {0.3, 1.0}, 581, 1e-4, 1e-7, 1e-9);
    }
}
