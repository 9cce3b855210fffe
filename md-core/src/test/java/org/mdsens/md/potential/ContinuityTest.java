package org.mdsens.md.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Behaviour at contact, at the switch onset and at the cutoff. */
class ContinuityTest {

    private static final List<String> AB = List.of("A", "B");

    @Test
    void softSphereVanishesContinuouslyAtContact() {
        for (double alpha : new double[] {1.5, 2.0, 2.5, 3.0}) {
            SoftSphere p = SoftSphere.builder(AB).diameter("A", 1).diameter("B", 1.4).epsilon(2).alpha(alpha).build();
            RadialFunction g = p.pair(0, 1);
            double sigma = p.sigma(0, 1);
            assertEquals(1.2, sigma, 1e-15);
            assertEquals(sigma, g.cutoff(), 0);
            double d = 1e-10 * sigma;
            assertEquals(0, g.energy(sigma - d), 1e-9, "phi -> 0 at contact, alpha " + alpha);
            assertEquals(0, g.firstDerivative(sigma - d), 1e-3, "phi' -> 0 at contact, alpha " + alpha);
            assertTrue(g.energy(sigma - d) > 0 && g.firstDerivative(sigma - d) < 0, "repulsive inside");
            assertEquals(0, g.energy(sigma), 0);
            for (int k = 0; k < p.parameterNames().size(); k++) {
                assertEquals(0, p.parameterDerivative(k, 0, 1).energy(sigma - d), 1e-4,
                        "d phi/d" + p.parameterNames().get(k) + " -> 0 at contact");
            }
        }
        // alpha = 2: harmonic, constant curvature eps/sigma^2 up to contact (the documented jump)
        SoftSphere h = SoftSphere.builder(AB).epsilon(3).build();
        assertEquals(3.0, h.pair(0, 0).secondDerivative(1 - 1e-9), 1e-12);
        assertEquals(0.5 * 3 * 0.25, h.pair(0, 0).energy(0.5), 1e-15);
    }

    @Test
    void smoothSwitchIsC2AtOnsetAndCutoff() {
        LennardJones p = LennardJones.builder(AB).sigma("B", 1.2).epsilon("B", 0.7).smoothSwitch(2.0, 2.5).build();
        LennardJones plain = LennardJones.builder(AB).sigma("B", 1.2).epsilon("B", 0.7).cutoff(2.5).build();
        for (int a = 0; a < 2; a++) {
            for (int b = a; b < 2; b++) {
                RadialFunction g = p.pair(a, b), v = plain.pair(a, b);
                assertEquals(2.5, g.cutoff(), 0);
                assertEquals(2.0, p.switchOn(a, b), 0);
                double d = 1e-8;
                // at r_on the switched function joins the plain one to second order
                for (double r : new double[] {2.0 - d, 2.0}) {
                    assertEquals(v.energy(r), g.energy(r), 1e-15);
                    assertEquals(v.firstDerivative(r), g.firstDerivative(r), 1e-15);
                    assertEquals(v.secondDerivative(r), g.secondDerivative(r), 1e-15);
                }
                assertEquals(g.energy(2.0), g.energy(2.0 + d), 1e-7);
                assertEquals(g.firstDerivative(2.0), g.firstDerivative(2.0 + d), 1e-6);
                assertEquals(g.secondDerivative(2.0), g.secondDerivative(2.0 + d), 1e-5);
                // at r_c everything goes to 0 from below
                double below = 2.5 - 1e-6;
                assertEquals(0, g.energy(below), 1e-15);
                assertEquals(0, g.firstDerivative(below), 1e-10);
                assertEquals(0, g.secondDerivative(below), 1e-3);
                for (int k = 0; k < p.parameterNames().size(); k++) {
                    RadialFunction dk = p.parameterDerivative(k, a, b);
                    assertEquals(0, dk.energy(below), 1e-15);
                    assertEquals(0, dk.firstDerivative(below), 1e-10);
                }
                // and the switch really switches: halfway it is strictly between 0 and V
                double mid = 2.25;
                assertTrue(Math.abs(g.energy(mid)) < Math.abs(v.energy(mid)) && g.energy(mid) * v.energy(mid) > 0);
            }
        }
    }

    @Test
    void shiftedLennardJonesVanishesAtCutoffWithItsParameterDerivatives() {
        LennardJones ka = Fixtures.kobAndersen();
        LennardJones cut = ka.isShifted() ? LennardJones.builder(AB).sigma("B", 0.88).epsilon("B", 0.5)
                .pairSigma("A", "B", 0.8).pairEpsilon("A", "B", 1.5).cutoffInSigma(2.5).build() : null;
        for (int a = 0; a < 2; a++) {
            for (int b = a; b < 2; b++) {
                RadialFunction g = ka.pair(a, b);
                double rc = g.cutoff();
                double below = rc * (1 - 1e-12);
                assertEquals(0, g.energy(below), 1e-12, "phi(r_c-) = 0");
                assertTrue(Math.abs(cut.pair(a, b).energy(below)) > 1e-3, "the unshifted one does not vanish");
                assertEquals(cut.pair(a, b).energy(0.9 * rc) - cut.pair(a, b).energy(below), g.energy(0.9 * rc), 1e-12);
                assertEquals(cut.pair(a, b).firstDerivative(0.9 * rc), g.firstDerivative(0.9 * rc), 0, "shift leaves forces");
                for (int k = 0; k < ka.parameterNames().size(); k++) {
                    assertEquals(0, ka.parameterDerivative(k, a, b).energy(below), 1e-10,
                            "d phi/d" + ka.parameterNames().get(k) + " (r_c-) = 0: the shift is differentiated too");
                }
            }
        }
    }

    @Test
    void wcaVanishesWithItsForceAtTheMinimum() {
        Wca p = Wca.builder(AB).sigma("A", 1).sigma("B", 1.4).epsilon("A", 1).epsilon("B", 0.5).build();
        for (int a = 0; a < 2; a++) {
            for (int b = a; b < 2; b++) {
                RadialFunction g = p.pair(a, b);
                double sigma = p.sigma(a, b), eps = p.epsilon(a, b);
                double rc = Math.pow(2, 1.0 / 6) * sigma;
                assertEquals(rc, g.cutoff(), 1e-15 * rc);
                assertEquals(rc, p.cutoff(a, b), 1e-15 * rc);
                double below = rc * (1 - 1e-7);
                assertEquals(0, g.energy(below), 1e-12 * eps);
                assertEquals(0, g.firstDerivative(below), 1e-5 * eps / sigma);
                assertEquals(eps, g.energy(sigma), 1e-12, "phi(sigma) = eps");
                // curvature at the minimum: 72 * 2^(-1/3) eps / sigma^2
                assertEquals(72 * Math.pow(2, -1.0 / 3) * eps / (sigma * sigma), g.secondDerivative(below), 1e-3);
            }
        }
        // the cutoff follows sigma
        Wca q = (Wca) p.withParameter("sigma[A,B]", 1.5);
        assertEquals(Math.pow(2, 1.0 / 6) * 1.5, q.cutoff(0, 1), 1e-14);
        assertEquals(Math.pow(2, 1.0 / 6) * 1.5, q.maxCutoff(), 1e-14, "maxCutoff: the (A,B) pair now");
        assertEquals(Math.pow(2, 1.0 / 6) * 1.5, ((Wca) q.withParameter("sigma[B]", 1.2)).cutoff(0, 1), 1e-14,
                "explicit pair sigma kept");
    }

    @Test
    void morseShiftedVanishesAtCutoffAndHasItsMinimumAtR0() {
        Morse p = Morse.builder(AB).all(1.5, 1.1, 2.0).cutoff(2.5).shift(true).build();
        Morse u = Morse.builder(AB).all(1.5, 1.1, 2.0).cutoff(2.5).build();
        RadialFunction g = p.pair(0, 1);
        assertEquals(0, g.energy(2.5 * (1 - 1e-12)), 1e-12);
        assertEquals(-1.5, u.pair(0, 1).energy(1.1), 1e-15, "well depth at r0");
        assertEquals(0, u.pair(0, 1).firstDerivative(1.1), 1e-15);
        assertEquals(2 * 2.0 * 2.0 * 1.5, u.pair(0, 1).secondDerivative(1.1), 1e-13, "curvature 2 a^2 eps");
        assertTrue(p.isShifted() && !u.isShifted());
    }
}
