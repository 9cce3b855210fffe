package org.mdsens.md.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link PairPotential} contract, over every built-in configuration and the AD custom potential. */
class PairPotentialContractTest {

    static List<Object[]> potentials() {
        List<Object[]> list = new ArrayList<>();
        for (Fixtures.Fixture f : Fixtures.all()) {
            list.add(new Object[] {f.toString(), f.potential()});
        }
        list.add(new Object[] {"custom LJ", Fixtures.all().get(4).twin()});
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void pairFunctionsArePrecomputedAndSymmetric(String name, PairPotential p) {
        int n = p.speciesNames().size();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                assertSame(p.pair(a, b), p.pair(b, a), name + " pair(a,b) is pair(b,a)");
                assertSame(p.pair(a, b), p.pair(a, b), name + " pair(a,b) is precomputed");
                for (int k = 0; k < p.parameterNames().size(); k++) {
                    RadialFunction d1 = p.parameterDerivative(k, a, b), d2 = p.parameterDerivative(k, b, a);
                    double r = 0.9 * p.pair(a, b).cutoff();
                    assertEquals(d1.energy(r), d2.energy(r), 0, name + " parameter derivative symmetric");
                    assertEquals(d1.firstDerivative(r), d2.firstDerivative(r), 0, name);
                }
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> p.pair(0, n));
        assertThrows(IndexOutOfBoundsException.class, () -> p.pair(-1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> p.parameterDerivative(p.parameterNames().size(), 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void everythingVanishesAtAndBeyondTheCutoff(String name, PairPotential p) {
        int n = p.speciesNames().size();
        double max = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                RadialFunction g = p.pair(a, b);
                double rc = g.cutoff();
                assertTrue(rc > 0 && Double.isFinite(rc), name + " cutoff positive");
                assertTrue(p.maxCutoff() >= rc, name + " maxCutoff >= every pair cutoff");
                max = Math.max(max, rc);
                for (double r : new double[] {rc, Math.nextUp(rc), 1.5 * rc, 10 * rc}) {
                    assertEquals(0, g.energy(r), name + " phi(" + r + ")");
                    assertEquals(0, g.firstDerivative(r), name);
                    assertEquals(0, g.secondDerivative(r), name);
                    for (int k = 0; k < p.parameterNames().size(); k++) {
                        RadialFunction d = p.parameterDerivative(k, a, b);
                        assertEquals(0, d.energy(r), name + " d/d" + p.parameterNames().get(k));
                        assertEquals(0, d.firstDerivative(r), name);
                        assertEquals(0, d.secondDerivative(r), name);
                        assertEquals(0, p.parameterSecondDerivative(k, a, b, r), name);
                    }
                }
                double inside = 0.97 * rc;
                assertTrue(g.energy(inside) != 0 || g.firstDerivative(inside) != 0, name + " interacts inside the cutoff");
            }
        }
        assertEquals(max, p.maxCutoff(), 0, name + " maxCutoff is the largest pair cutoff");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void parameterVectorIsConsistentAndImmutable(String name, PairPotential p) {
        List<String> names = p.parameterNames();
        double[] values = p.parameterValues();
        assertEquals(names.size(), values.length);
        assertEquals(names.size(), names.stream().distinct().count(), name + " names unique");
        for (int k = 0; k < names.size(); k++) {
            assertEquals(k, p.parameterIndex(names.get(k)));
            assertEquals(values[k], p.parameter(names.get(k)), 0);
        }
        values[0] = 12345;
        assertTrue(p.parameterValues()[0] != 12345, name + " parameterValues returns a copy");
        assertThrows(UnsupportedOperationException.class, () -> names.set(0, "x"));
        assertThrows(UnsupportedOperationException.class, () -> p.speciesNames().set(0, "x"));

        // withParameter: a new object with exactly one value changed (pair values derived from it may follow)
        double[] before = p.parameterValues();
        String first = names.get(0);
        double changed = before[0] * 1.01;
        PairPotential q = p.withParameter(first, changed);
        assertNotSame(p, q);
        assertEquals(p.kind(), q.kind());
        assertEquals(changed, q.parameter(first), 0);
        assertArrayEquals(before, p.parameterValues(), 0, name + " original unchanged");
        // same values again: identical functions
        PairPotential same = p.withParameter(first, before[0]);
        int n = p.speciesNames().size();
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double r = 0.8 * p.pair(a, b).cutoff();
                assertEquals(p.pair(a, b).energy(r), same.pair(a, b).energy(r), 0, name);
                assertEquals(p.pair(a, b).cutoff(), same.pair(a, b).cutoff(), 0, name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void finiteInsideAndKindLabelled(String name, PairPotential p) {
        int n = p.speciesNames().size();
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                RadialFunction g = p.pair(a, b);
                for (int i = 1; i < 50; i++) {
                    double r = g.cutoff() * (0.5 + 0.5 * i / 50.0);
                    assertTrue(Double.isFinite(g.energy(r)) && Double.isFinite(g.firstDerivative(r))
                            && Double.isFinite(g.secondDerivative(r)), name + " finite at " + r);
                }
            }
        }
        assertEquals(p.kind(), PotentialKind.fromLabel(p.kind().label()));
        assertTrue(p.toString().contains(p.speciesNames().get(0)), name + " toString names species");
    }
}
