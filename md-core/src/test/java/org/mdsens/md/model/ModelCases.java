package org.mdsens.md.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.system.ParticleSystem;

/**
 * The potentials × dimension × boundary × bonds grid the kernel and evaluator tests run over.
 * Each potential comes with the configuration it is tested in (minimum distance, density).
 */
public final class ModelCases {

    private ModelCases() { }

    /** A potential under test with its sampling: minimum pair distance and number density per dimension. */
    public record PotentialSpec(String name, Supplier<PairPotential> potential, double minDistance,
                                double density2, double density3) {
        @Override public String toString() { return name; }
    }

    /** One test configuration. */
    public record Case(PotentialSpec spec, int dimension, boolean periodic, boolean bonds, long seed) {
        public static final double SKIN = 0.3;
        /** Distance band kept free around every cutoff (finite differences never straddle a kink). */
        public static final double BAND = 0.01;

        public int count() { return dimension == 3 ? 40 : 36; }

        public PairPotential potential() { return spec.potential().get(); }

        public ParticleSystem system() {
            PairPotential p = potential();
            double rho = dimension == 3 ? spec.density3() : spec.density2();
            double length = Math.pow(count() / rho, 1.0 / dimension);
            length = Math.max(length, 2 * (p.maxCutoff() + SKIN) + 0.05);
            return TestSystems.random(seed, dimension, count(), length, periodic, p.speciesNames(),
                    spec.minDistance(), TestSystems.cutoffs(p), BAND);
        }

        public EnergyModel model(ParticleSystem system) {
            PairPotential p = potential();
            return bonds ? new EnergyModel(p, TestSystems.bonds(seed, system, 1.6)) : new EnergyModel(p);
        }

        @Override public String toString() {
            return spec.name() + " " + dimension + "D " + (periodic ? "periodic" : "open") + (bonds ? " +bonds" : "")
                    + " seed=" + seed;
        }
    }

    /** Every potential under test (the test-scope closed forms; built-ins join once merged). */
    public static List<PotentialSpec> potentials() {
        List<PotentialSpec> list = new ArrayList<>();
        list.add(new PotentialSpec("toy-lj-cut", () -> TestPotentials.Lj.binary(false), 0.95, 0.6, 0.5));
        list.add(new PotentialSpec("toy-lj-shift", () -> TestPotentials.Lj.binary(true), 0.95, 0.6, 0.5));
        list.add(new PotentialSpec("toy-soft-sphere-2", () -> TestPotentials.SoftSphere.binary(2.0), 0.5, 1.0, 1.0));
        list.add(new PotentialSpec("toy-soft-sphere-2.5", () -> TestPotentials.SoftSphere.binary(2.5), 0.5, 1.0, 1.0));
        list.addAll(BuiltInCases.potentials());
        return list;
    }

    /** The full grid: every potential, 2D and 3D, periodic and open, with and without bonds. */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        long seed = 11;
        for (PotentialSpec p : potentials()) {
            for (int d = 2; d <= 3; d++) {
                for (boolean periodic : new boolean[] {true, false}) {
                    for (boolean bonds : new boolean[] {false, true}) cases.add(new Case(p, d, periodic, bonds, seed++));
                }
            }
        }
        return cases;
    }
}
