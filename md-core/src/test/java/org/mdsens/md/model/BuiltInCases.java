package org.mdsens.md.model;

import java.util.List;

import org.hipparchus.CalculusFieldElement;
import org.mdsens.md.model.ModelCases.PotentialSpec;
import org.mdsens.md.potential.CustomPairPotential;
import org.mdsens.md.potential.FieldPairFormula;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.Morse;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.potential.Wca;

/**
 * Every built-in potential family (and a user potential through AD), binary A/B, with mixing,
 * explicit pair values and per-pair cutoffs exercised.
 */
final class BuiltInCases {

    private BuiltInCases() { }

    static final List<String> AB = List.of("A", "B");

    /** Lennard-Jones written as a user formula (parameters epsilon, sigma). */
    static final FieldPairFormula LJ_FORMULA = new FieldPairFormula() {
        @Override public List<String> parameterNames() { return List.of("epsilon", "sigma"); }

        @Override public <T extends CalculusFieldElement<T>> T energy(T r, T[] p) {
            T s6 = p[1].divide(r).pow(6);
            return p[0].multiply(4).multiply(s6.multiply(s6).subtract(s6));
        }
    };

    static List<PotentialSpec> potentials() {
        return List.of(
                new PotentialSpec("soft-sphere-2", () -> SoftSphere.builder(AB).diameter("A", 1).diameter("B", 1.4)
                        .epsilon(1).alpha(2).build(), 0.5, 1.0, 1.0),
                new PotentialSpec("soft-sphere-2.5-pairs", () -> SoftSphere.builder(AB).diameter("A", 1)
                        .diameter("B", 1.4).alpha(2.5).pairSigma("A", "B", 1.25).pairEpsilon("A", "B", 0.8).build(),
                        0.5, 1.0, 1.0),
                new PotentialSpec("lj-cut", () -> lj().cutoff(2.5).build(), 0.95, 0.6, 0.5),
                new PotentialSpec("lj-shift-in-sigma", () -> lj().cutoffInSigma(2.5).shift(true).build(), 0.95, 0.6, 0.5),
                new PotentialSpec("lj-switch", () -> lj().smoothSwitch(2.0, 2.5).build(), 0.95, 0.6, 0.5),
                new PotentialSpec("wca", () -> Wca.builder(AB).sigma("A", 1).sigma("B", 1.2).epsilon("B", 0.7).build(),
                        0.85, 0.75, 0.9),
                new PotentialSpec("morse", () -> Morse.builder(AB).all(1.0, 1.0, 2.0).pair("A", "B", 0.8, 1.1, 1.5)
                        .cutoff(2.5).build(), 0.6, 0.6, 0.5),
                new PotentialSpec("morse-shift-pair-cutoff", () -> Morse.builder(AB).all(1.0, 1.0, 2.0)
                        .pairCutoff("A", "B", 2.1).cutoff(2.5).shift(true).build(), 0.6, 0.6, 0.5),
                new PotentialSpec("custom-lj-shift", () -> CustomPairPotential.builder(AB, LJ_FORMULA).all(1.0, 1.0)
                        .pair("A", "B", 0.9, 1.1).cutoff(2.5).shift(true).build(), 0.95, 0.6, 0.5));
    }

    static LennardJones.Builder lj() {
        return LennardJones.builder(AB).sigma("A", 1).sigma("B", 1.2).epsilon("A", 1).epsilon("B", 0.8)
                .pairEpsilon("A", "B", 1.1);
    }
}
