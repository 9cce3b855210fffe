package org.mdsens.md.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hipparchus.CalculusFieldElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Parameter names, order, lookup, mixing re-derivation, frozen cutoffs and validation messages. */
class ParameterHandlingTest {

    private static final List<String> AB = List.of("A", "B");

    private static void fails(String expectedMessagePart, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expectedMessagePart),
                () -> "message '" + ex.getMessage() + "' should contain '" + expectedMessagePart + "'");
    }

    @Test
    void namesAreCanonicalAndOrdered() {
        assertEquals(List.of("diameter[A]", "diameter[B]", "epsilon", "alpha", "sigma[A,A]", "sigma[A,B]", "sigma[B,B]",
                "epsilon[A,A]", "epsilon[A,B]", "epsilon[B,B]"), SoftSphere.builder(AB).build().parameterNames());
        assertEquals(List.of("sigma[A]", "sigma[B]", "epsilon[A]", "epsilon[B]", "sigma[A,A]", "sigma[A,B]", "sigma[B,B]",
                "epsilon[A,A]", "epsilon[A,B]", "epsilon[B,B]"), LennardJones.builder(AB).build().parameterNames());
        assertEquals(LennardJones.builder(AB).build().parameterNames(), Wca.builder(AB).build().parameterNames());
        assertEquals(List.of("epsilon[A,A]", "epsilon[A,B]", "epsilon[B,B]", "r0[A,A]", "r0[A,B]", "r0[B,B]",
                "a[A,A]", "a[A,B]", "a[B,B]"), Morse.builder(AB).all(1, 1, 1).cutoff(2).build().parameterNames());
        assertEquals(List.of("sigma[A,A]", "sigma[A,B]", "sigma[B,B]", "epsilon[A,A]", "epsilon[A,B]", "epsilon[B,B]"),
                CustomPairPotential.builder(AB, Fixtures.LJ).all(1, 1).cutoff(2.5).build().parameterNames());
        // species order, not alphabetical order, decides the canonical pair
        List<String> ba = SoftSphere.builder(List.of("B", "A")).build().parameterNames();
        assertTrue(ba.contains("sigma[B,A]") && !ba.contains("sigma[A,B]"), ba.toString());
    }

    @Test
    void pairNamesResolveInEitherOrder() {
        SoftSphere p = SoftSphere.builder(List.of("A", "B", "C")).build();
        int k = p.parameterIndex("sigma[A,C]");
        assertEquals(k, p.parameterIndex("sigma[C,A]"));
        assertEquals(k, p.parameterIndex("sigma[C, A]"));
        assertEquals("sigma[A,C]", p.parameterNames().get(k));
        assertEquals(p.parameter("sigma[A,C]"), p.parameter("sigma[C,A]"), 0);
        assertEquals(p.parameterIndex("epsilon[B,C]"), p.parameterIndex("epsilon[C,B]"));
        assertEquals(2 + 1, p.parameterIndex("epsilon"), "global epsilon after the three diameters");
    }

    @Test
    void unknownNamesListTheValidOnes() {
        SoftSphere p = SoftSphere.builder(AB).build();
        fails("unknown parameter 'foo'; valid parameters are diameter[A], diameter[B], epsilon, alpha, sigma[A,A]",
                () -> p.parameterIndex("foo"));
        fails("unknown parameter 'diameter[A,B]'", () -> p.parameterIndex("diameter[A,B]"));
        fails("unknown parameter 'sigma[A'", () -> p.parameterIndex("sigma[A"));
        fails("unknown parameter 'sigma[A,B,A]'", () -> p.parameterIndex("sigma[A,B,A]"));
        fails("unknown parameter 'alpha[A]'", () -> p.withParameter("alpha[A]", 3));
        fails("unknown parameter 'r0[A,B]'", () -> LennardJones.builder(AB).build().parameterIndex("r0[A,B]"));
        fails("unknown parameter 'epsilon'", () -> LennardJones.builder(AB).build().parameterIndex("epsilon"));
    }

    @Test
    void unknownSpeciesAreNamed() {
        SoftSphere p = SoftSphere.builder(AB).build();
        fails("unknown species 'C' in parameter 'sigma[A,C]'; species are A, B", () -> p.parameterIndex("sigma[A,C]"));
        fails("unknown species 'C' in parameter 'diameter[C]'", () -> p.withParameter("diameter[C]", 1));
        fails("unknown species 'C'; species are A, B", () -> SoftSphere.builder(AB).diameter("C", 1));
        fails("unknown species 'X'", () -> LennardJones.builder(AB).pairSigma("A", "X", 1));
        fails("unknown species 'X'", () -> Morse.builder(AB).pair("X", "A", 1, 1, 1));
        fails("unknown species 'X'", () -> CustomPairPotential.builder(AB, Fixtures.LJ).pair("X", "A", 1, 1));
    }

    @Test
    void speciesListsAreValidated() {
        fails("species names must be unique", () -> SoftSphere.builder(List.of("A", "A")));
        fails("species name must match [A-Za-z0-9]+, got 'A-1'", () -> LennardJones.builder(List.of("A-1")));
        fails("species list must be non-empty", () -> Wca.builder(List.of()));
    }

    @Test
    void invalidValuesHaveClearMessages() {
        fails("diameter[A] must be > 0, got -1.0", () -> SoftSphere.builder(AB).diameter("A", -1).build());
        fails("alpha must be > 1, got 1.0", () -> SoftSphere.builder(AB).alpha(1).build());
        fails("epsilon must be >= 0, got -0.5", () -> SoftSphere.builder(AB).epsilon(-0.5).build());
        fails("sigma[A,B] must be > 0, got 0.0", () -> SoftSphere.builder(AB).pairSigma("B", "A", 0).build());
        fails("diameter[B] must be > 0, got NaN", () -> SoftSphere.builder(AB).build().withParameter("diameter[B]", Double.NaN));
        fails("alpha must be > 1, got 0.5", () -> SoftSphere.builder(AB).build().withParameter("alpha", 0.5));
        fails("sigma[B] must be > 0, got 0.0", () -> LennardJones.builder(AB).sigma("B", 0).build());
        fails("epsilon[A,B] must be >= 0, got -1.0", () -> Wca.builder(AB).pairEpsilon("A", "B", -1).build());
        fails("epsilon[A] must be >= 0, got Infinity",
                () -> LennardJones.builder(AB).build().withParameter("epsilon[A]", Double.POSITIVE_INFINITY));
        fails("a[A,B] must be > 0, got 0.0", () -> Morse.builder(AB).all(1, 1, 1).pair("A", "B", 1, 1, 0).cutoff(2).build());
        fails("r0[A,A] must be > 0, got -1.0", () -> Morse.builder(AB).all(1, -1, 1).cutoff(2).build());
        fails("sigma[A,A] must be finite, got NaN",
                () -> CustomPairPotential.builder(AB, Fixtures.LJ).all(Double.NaN, 1).cutoff(2).build());
    }

    @Test
    void builderMisuseHasClearMessages() {
        fails("shift must be false with a smooth switch", () -> LennardJones.builder(AB).shift(true).smoothSwitch(2, 2.5).build());
        fails("switch r_on must be < r_c = 2.0, got 2.5", () -> LennardJones.builder(AB).smoothSwitch(2.5, 2.0).build());
        fails("cutoff of pair A,A must equal the switch r_c 2.5 (give the cutoff once), got 3.0",
                () -> LennardJones.builder(AB).cutoff(3.0).smoothSwitch(2, 2.5).build());
        fails("switch r_on of pair A,B must be < its cutoff 1.5, got 2.0",
                () -> LennardJones.builder(AB).smoothSwitch(2, 2.5).pairCutoff("A", "B", 1.5).build());
        fails("cutoff must be > 0, got -1.0", () -> LennardJones.builder(AB).cutoff(-1).build());
        fails("cutoff of pair A,B must be set", () -> Morse.builder(AB).all(1, 1, 1).pairCutoff("A", "A", 2).build());
        fails("Morse parameters of pair A,B must be set", () -> Morse.builder(AB).pair("A", "A", 1, 1, 1)
                .pair("B", "B", 1, 1, 1).cutoff(2).build());
        fails("number of values must be 2 [sigma, epsilon], got 3", () -> CustomPairPotential.builder(AB, Fixtures.LJ).all(1, 1, 1));
        fails("parameters of pair A,A must be set", () -> CustomPairPotential.builder(AB, Fixtures.LJ).cutoff(2).build());
        FieldPairFormula bad = new FieldPairFormula() {
            @Override public List<String> parameterNames() { return List.of("k", "k"); }
            @Override public <T extends CalculusFieldElement<T>> T energy(T r, T[] p) { return r; }
        };
        fails("formula parameter names must be unique, got 'k' twice", () -> CustomPairPotential.builder(AB, bad));
        // consistent cutoff and switch given twice are fine
        assertEquals(2.5, LennardJones.builder(AB).cutoff(2.5).smoothSwitch(2, 2.5).build().maxCutoff(), 0);
    }

    @Test
    void softSphereMixingAndExplicitPairs() {
        SoftSphere p = SoftSphere.builder(AB).diameter("A", 1).diameter("B", 1.4).epsilon(2).pairEpsilon("B", "B", 0.5).build();
        assertEquals(1.2, p.sigma(0, 1), 1e-15);
        assertEquals(1.2, p.sigma(1, 0), 1e-15);
        assertEquals(1.4, p.sigma(1, 1), 0);
        assertEquals(2, p.epsilon(0, 1), 0);
        assertEquals(0.5, p.epsilon(1, 1), 0);
        assertFalse(p.isExplicit("sigma[A,B]"));
        assertTrue(p.isExplicit("epsilon[B,B]"));
        assertFalse(p.isExplicit("diameter[A]"));

        // a species parameter re-derives the non-explicit pairs
        SoftSphere q = (SoftSphere) p.withParameter("diameter[B]", 1.6);
        assertEquals(1.3, q.sigma(0, 1), 1e-15);
        assertEquals(1.6, q.sigma(1, 1), 0);
        assertEquals(1.3, q.pair(0, 1).cutoff(), 1e-15, "cutoff of the soft sphere follows sigma");
        assertEquals(1.6, q.maxCutoff(), 0);
        // a pair parameter becomes explicit and survives later species changes
        SoftSphere r = (SoftSphere) p.withParameter("sigma[B,A]", 1.25);
        assertTrue(r.isExplicit("sigma[A,B]"));
        assertEquals(1.25, ((SoftSphere) r.withParameter("diameter[B]", 2.0)).sigma(0, 1), 0);
        assertSame(RadialFunction.ZERO, r.parameterDerivative(r.parameterIndex("diameter[B]"), 0, 1),
                "an explicit pair does not depend on the diameters");
        assertSame(RadialFunction.ZERO, p.parameterDerivative(p.parameterIndex("epsilon"), 1, 1),
                "an explicit pair epsilon does not depend on the global epsilon");
        assertSame(RadialFunction.ZERO, p.parameterDerivative(p.parameterIndex("diameter[A]"), 1, 1));
        // the global epsilon re-derives the others
        SoftSphere s = (SoftSphere) p.withParameter("epsilon", 3);
        assertEquals(3, s.epsilon(0, 0), 0);
        assertEquals(0.5, s.epsilon(1, 1), 0);
        assertEquals(2.5, ((SoftSphere) p.withParameter("alpha", 2.5)).alpha(), 0);
    }

    @Test
    void kobAndersenAndFrozenCutoffs() {
        LennardJones ka = Fixtures.kobAndersen();
        assertEquals(1.0, ka.sigma(0, 0), 0);
        assertEquals(0.8, ka.sigma(0, 1), 0);
        assertEquals(0.88, ka.sigma(1, 1), 0);
        assertEquals(1.0, ka.epsilon(0, 0), 0);
        assertEquals(1.5, ka.epsilon(1, 0), 0);
        assertEquals(0.5, ka.epsilon(1, 1), 0);
        assertEquals(2.5, ka.cutoff(0, 0), 1e-15);
        assertEquals(2.0, ka.cutoff(0, 1), 1e-15);
        assertEquals(2.2, ka.cutoff(1, 1), 1e-15);
        assertEquals(2.5, ka.maxCutoff(), 1e-15);
        assertTrue(ka.isShifted() && !ka.isSwitched());
        // phi_AB(r) = 4*1.5[(0.8/r)^12 - (0.8/r)^6] - same at 2.0
        double r = 0.95;
        double v = 6 * (Math.pow(0.8 / r, 12) - Math.pow(0.8 / r, 6));
        double vc = 6 * (Math.pow(0.4, 12) - Math.pow(0.4, 6));
        assertEquals(v - vc, ka.pair(0, 1).energy(r), 1e-13);
        // cutoffs frozen under withParameter (cutoffInSigma was evaluated at build)
        LennardJones moved = (LennardJones) ka.withParameter("sigma[A,B]", 0.9).withParameter("sigma[A]", 1.1);
        assertEquals(2.0, moved.cutoff(0, 1), 1e-15);
        assertEquals(2.5, moved.cutoff(0, 0), 1e-15);
        assertEquals(1.1, moved.sigma(0, 0), 0);
        assertEquals(0.9, moved.sigma(0, 1), 0);
        // Lorentz-Berthelot when not explicit
        LennardJones lb = LennardJones.builder(AB).sigma("A", 1).sigma("B", 1.4).epsilon("A", 0.5).epsilon("B", 2).build();
        assertEquals(1.2, lb.sigma(0, 1), 1e-15);
        assertEquals(1.0, lb.epsilon(0, 1), 1e-15);
        assertEquals(2.5 * 1.4, lb.maxCutoff(), 1e-14, "default cutoff 2.5 sigma_ab");
        assertEquals(2.5 * 1.2, lb.cutoff(0, 1), 1e-14);
        assertEquals(3.0, LennardJones.builder(AB).cutoff(3).pairCutoff("B", "A", 2).build().cutoff(1, 1), 0);
        assertEquals(2.0, LennardJones.builder(AB).cutoff(3).pairCutoff("B", "A", 2).build().cutoff(0, 1), 0);
    }

    @Test
    void lorentzBerthelotDerivativeAtZeroEpsilon() {
        LennardJones p = LennardJones.builder(AB).epsilon("A", 0).epsilon("B", 1).build();
        assertEquals(0, p.epsilon(0, 1), 0);
        int eb = p.parameterIndex("epsilon[B]");
        int ea = p.parameterIndex("epsilon[A]");
        // epsilon_AB = sqrt(0 * epsilon_B) = 0 whatever epsilon_B: derivative 0, no NaN
        assertSame(RadialFunction.ZERO, p.parameterDerivative(eb, 0, 1));
        assertEquals(0, p.parameterSecondDerivative(eb, 0, 1, 1.1), 0);
        // with respect to epsilon_A it is unbounded: said clearly, for that pair only
        fails("d epsilon[A,B]/d epsilon[A] is unbounded at epsilon[A] = 0", () -> p.parameterDerivative(ea, 0, 1));
        fails("is unbounded", () -> p.parameterDerivative(ea, 1, 0));
        assertEquals(1, p.parameterDerivative(ea, 0, 0).energy(1.1) / (4 * (Math.pow(1.1, -12) - Math.pow(1.1, -6))), 1e-14);
        assertSame(RadialFunction.ZERO, p.parameterDerivative(ea, 1, 1));
    }
}
