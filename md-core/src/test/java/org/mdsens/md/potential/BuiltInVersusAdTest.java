package org.mdsens.md.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in against the same formula differentiated by Hipparchus forward-mode AD
 * ({@link CustomPairPotential}): φ, φ', φ'' and, for every parameter (through the mixing chain rule
 * written in {@link Fixtures}), ∂φ/∂θ, ∂φ'/∂θ, ∂φ''/∂θ and ∂²φ/∂θ², at many r, relative 1e-10.
 */
class BuiltInVersusAdTest {

    static List<Fixtures.Fixture> fixtures() { return Fixtures.all(); }

    private static void close(double expected, double actual, String what) {
        double tol = 1e-10 * Math.abs(expected) + 1e-12;
        assertTrue(Math.abs(expected - actual) <= tol,
                () -> what + ": expected " + expected + ", got " + actual + " (diff " + (actual - expected) + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void radialFunctionMatchesAd(Fixtures.Fixture f) {
        int n = f.potential().speciesNames().size();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                RadialFunction p = f.potential().pair(a, b), q = f.twin().pair(a, b);
                assertEquals(q.cutoff(), p.cutoff(), 1e-12 * q.cutoff(), "cutoff");
                for (double r : f.sample(a, b, 41, 1e-6)) {
                    String at = f + " pair (" + a + "," + b + ") r=" + r;
                    close(q.energy(r), p.energy(r), "phi " + at);
                    close(q.firstDerivative(r), p.firstDerivative(r), "phi' " + at);
                    close(q.secondDerivative(r), p.secondDerivative(r), "phi'' " + at);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void parameterDerivativesMatchAd(Fixtures.Fixture f) {
        AbstractPairPotential p = f.potential();
        CustomPairPotential twin = f.twin();
        int n = p.speciesNames().size();
        int nonZero = 0;
        for (int k = 0; k < p.parameterNames().size(); k++) {
            String name = p.parameterNames().get(k);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    List<Fixtures.Term> terms = f.chain().terms(p, name, a, b);
                    RadialFunction d = p.parameterDerivative(k, a, b);
                    if (terms.isEmpty()) {
                        assertTrue(d == RadialFunction.ZERO, () -> f + ": d/d" + name + " of pair " + " should be ZERO");
                        continue;
                    }
                    nonZero++;
                    for (double r : f.sample(a, b, 23, 1e-6)) {
                        double e0 = 0, e1 = 0, e2 = 0, ee = 0;
                        for (Fixtures.Term t : terms) {
                            int j = twin.parameterIndex(t.twinName());
                            RadialFunction q = twin.parameterDerivative(j, a, b);
                            e0 += t.first() * q.energy(r);
                            e1 += t.first() * q.firstDerivative(r);
                            e2 += t.first() * q.secondDerivative(r);
                            ee += t.first() * t.first() * twin.parameterSecondDerivative(j, a, b, r)
                                    + t.second() * q.energy(r);
                        }
                        String at = f + " d/d" + name + " pair (" + a + "," + b + ") r=" + r;
                        close(e0, d.energy(r), "dphi " + at);
                        close(e1, d.firstDerivative(r), "dphi' " + at);
                        close(e2, d.secondDerivative(r), "dphi'' " + at);
                        close(ee, p.parameterSecondDerivative(k, a, b, r), "d2phi " + at);
                    }
                }
            }
        }
        assertTrue(nonZero >= p.parameterNames().size(), "every parameter reaches at least one pair");
    }
}
