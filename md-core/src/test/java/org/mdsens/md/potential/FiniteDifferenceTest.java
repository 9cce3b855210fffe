package org.mdsens.md.potential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-written derivatives against central finite differences: φ' and φ'' in r, and every
 * parameter derivative (∂φ/∂θ, ∂φ'/∂θ, ∂φ''/∂θ, ∂²φ/∂θ²) against differences of
 * {@link PairPotential#withParameter}, which exercises the mixing rules independently of the
 * chain-rule code. Built-ins and their AD twins alike.
 */
class FiniteDifferenceTest {

    static List<Object[]> potentials() {
        List<Object[]> list = new ArrayList<>();
        for (Fixtures.Fixture f : Fixtures.all()) {
            list.add(new Object[] {f.toString(), f.potential(), f});
            list.add(new Object[] {"AD twin of " + f, f.twin(), f});
        }
        return list;
    }

    /** Compares series elementwise: relative 1e-6, with a floor of 1e-6 of the largest magnitude. */
    private static void closeSeries(double[] expected, double[] actual, String what) {
        double max = 0;
        for (double e : expected) max = Math.max(max, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-6 * Math.abs(expected[i]) + 1e-6 * max + 1e-12;
            int j = i;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol,
                    () -> what + " sample " + j + ": finite difference " + expected[j] + ", analytic " + actual[j]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void radialDerivativesMatchFiniteDifferences(String name, PairPotential p, Fixtures.Fixture f) {
        int n = p.speciesNames().size();
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                RadialFunction g = p.pair(a, b);
                double[] r = f.sample(a, b, 37, 0.01);
                double[] fd1 = new double[r.length], an1 = new double[r.length];
                double[] fd2 = new double[r.length], an2 = new double[r.length];
                for (int i = 0; i < r.length; i++) {
                    double h = 1e-5 * r[i];
                    fd1[i] = (g.energy(r[i] + h) - g.energy(r[i] - h)) / (2 * h);
                    fd2[i] = (g.firstDerivative(r[i] + h) - g.firstDerivative(r[i] - h)) / (2 * h);
                    an1[i] = g.firstDerivative(r[i]);
                    an2[i] = g.secondDerivative(r[i]);
                }
                closeSeries(fd1, an1, name + " phi' pair (" + a + "," + b + ")");
                closeSeries(fd2, an2, name + " phi'' pair (" + a + "," + b + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void parameterDerivativesMatchFiniteDifferencesOfWithParameter(String name, PairPotential p, Fixtures.Fixture f) {
        int n = p.speciesNames().size();
        double[] theta = p.parameterValues();
        for (int k = 0; k < theta.length; k++) {
            String param = p.parameterNames().get(k);
            double h = 1e-5 * Math.max(1e-2, Math.abs(theta[k]));
            PairPotential up = p.withParameter(param, theta[k] + h);
            PairPotential down = p.withParameter(param, theta[k] - h);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    RadialFunction d = p.parameterDerivative(k, a, b);
                    RadialFunction u = up.pair(a, b), w = down.pair(a, b);
                    RadialFunction du = up.parameterDerivative(k, a, b), dw = down.parameterDerivative(k, a, b);
                    double[] r = f.sample(a, b, 19, 0.01);
                    double[][] fd = new double[4][r.length], an = new double[4][r.length];
                    for (int i = 0; i < r.length; i++) {
                        fd[0][i] = (u.energy(r[i]) - w.energy(r[i])) / (2 * h);
                        fd[1][i] = (u.firstDerivative(r[i]) - w.firstDerivative(r[i])) / (2 * h);
                        fd[2][i] = (u.secondDerivative(r[i]) - w.secondDerivative(r[i])) / (2 * h);
                        fd[3][i] = (du.energy(r[i]) - dw.energy(r[i])) / (2 * h);
                        an[0][i] = d.energy(r[i]);
                        an[1][i] = d.firstDerivative(r[i]);
                        an[2][i] = d.secondDerivative(r[i]);
                        an[3][i] = p.parameterSecondDerivative(k, a, b, r[i]);
                    }
                    String at = name + " d/d" + param + " pair (" + a + "," + b + ")";
                    closeSeries(fd[0], an[0], at + " phi");
                    closeSeries(fd[1], an[1], at + " phi'");
                    closeSeries(fd[2], an[2], at + " phi''");
                    closeSeries(fd[3], an[3], at + " d2phi/dtheta2");
                }
            }
        }
    }
}
