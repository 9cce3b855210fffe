package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mdsens.md.build.LatticeKind;
import org.mdsens.md.build.Lattices;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Known Lennard-Jones minima reached through the real stack (the {@link LennardJones} built-in,
 * {@link EnergyEvaluator} with its neighbor list, {@link Lattices}, every {@link MinimizerKind}):
 * the perfect fcc crystal at number density 0.8442 with an unshifted cutoff 2.5 has
 * E/N = −6.773368053253057 (the brute-force lattice sum of {@code LatticeSumTest}); a copy
 * perturbed by ±0.05 per coordinate minimizes back to it; a dimer minimizes to r = 2^{1/6}σ.
 */
class LennardJonesMinimaTest {

    static final double FCC_ENERGY_PER_PARTICLE = -6.773368053253057;
    static final double DENSITY = 0.8442;
    static final int[] CELLS = {6, 6, 6};
    static final MinimizerConfig BASE = MinimizerConfig.defaults().withMaxIterations(1_000_000);

    static ParticleSystem fcc(double jitter, long seed) {
        return Lattices.build(LatticeKind.FCC, CELLS, DENSITY, List.of("A"), null, jitter, seed);
    }

    static EnergyEvaluator lennardJones(ParticleSystem system) {
        return new EnergyEvaluator(system, new EnergyModel(LennardJones.builder(List.of("A")).cutoff(2.5).build()));
    }

    @Test
    void perfectFccCrystalHasTheLatticeSumEnergyAndNoForces() {
        ParticleSystem s = fcc(0, 1);
        assertEquals(864, s.size());
        EnergyEvaluator ev = lennardJones(s);
        double[] f = new double[s.positions().length];
        double e = ev.computeForces(f);
        assertEquals(FCC_ENERGY_PER_PARTICLE, e / s.size(), 1e-12);
        assertTrue(Vectors.maxParticleNorm(f, s.size(), 3) < 1e-12, "a perfect crystal is force-free");
    }

    @ParameterizedTest(name = "{0}") @EnumSource(MinimizerKind.class)
    void fccPerturbedByFiveHundredthsSeed5ReturnsToThePerfectLattice(MinimizerKind kind) {
        ParticleSystem perfect = fcc(0, 5);
        ParticleSystem s = fcc(0.05, 5);
        EnergyEvaluator ev = lennardJones(s);
        double e0 = ev.energy();
        assertTrue(e0 / s.size() > FCC_ENERGY_PER_PARTICLE + 1e-3, "the perturbation raises the energy: " + e0 / s.size());
        Recorder rec = new Recorder();
        MinimizationResult r = Minimizers.create(BASE.withAlgorithm(kind)).minimize(ev, rec);
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        assertTrue(r.maxForce() < 1e-10, r::toString);
        double perParticle = r.energy() / s.size();
        assertEquals(FCC_ENERGY_PER_PARTICLE, perParticle, 1e-10 * Math.abs(FCC_ENERGY_PER_PARTICLE),
                "E/N after minimization");
        // the same lattice up to a rigid translation: every minimum-image displacement from the
        // perfect site equals the mean displacement
        double deviation = deviationFromRigidTranslation(perfect, s);
        assertTrue(deviation < 1e-9, "largest deviation from the translated lattice " + deviation);
        if (kind == MinimizerKind.LBFGS) RealSystemsTest.assertMonotoneWithinBound(rec, e0, s.size());
    }

    /** max_i |δ_i − mean δ| with δ_i the minimum-image displacement of particle i (3D, periodic). */
    static double deviationFromRigidTranslation(ParticleSystem reference, ParticleSystem moved) {
        int n = reference.size();
        int d = reference.dimension();
        double[] len = reference.box().imageLengths();
        double[] inv = reference.box().inverseImageLengths();
        double[] delta = new double[d * n];
        double[] mean = new double[d];
        for (int q = 0; q < d * n; q++) {
            int a = q % d;
            delta[q] = Box.minimumImage(moved.positions()[q] - reference.positions()[q], len[a], inv[a]);
            mean[a] += delta[q] / n;
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double s2 = 0;
            for (int a = 0; a < d; a++) {
                double u = delta[d * i + a] - mean[a];
                s2 += u * u;
            }
            worst = Math.max(worst, Math.sqrt(s2));
        }
        return worst;
    }

    static double dimerDistance(ParticleSystem s) {
        int d = s.dimension();
        double[] x = s.positions();
        double[] len = s.box().imageLengths();
        double[] inv = s.box().inverseImageLengths();
        double r2 = 0;
        for (int a = 0; a < d; a++) {
            double dx = Box.minimumImage(x[d + a] - x[a], len[a], inv[a]);
            r2 += dx * dx;
        }
        return Math.sqrt(r2);
    }

    @ParameterizedTest(name = "{0}") @EnumSource(MinimizerKind.class)
    void dimerInAnOpen3dBoxReachesTwoToTheOneSixthSigma(MinimizerKind kind) {
        // σ = 1.3 so that r* = 2^{1/6}σ is not the σ = 1 value by accident; a generic direction
        double sigma = 1.3;
        ParticleSystem s = new ParticleSystem(new Box.Open(3), new double[] {0.2, -0.1, 0.4, 1.6, 0.35, 0.05},
                new int[2], List.of("A"));
        EnergyEvaluator ev = new EnergyEvaluator(s,
                new EnergyModel(LennardJones.builder(List.of("A")).sigma("A", sigma).epsilon("A", 0.7).cutoffInSigma(2.5).build()));
        MinimizationResult r = Minimizers.create(BASE.withAlgorithm(kind)).minimize(ev);
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        assertEquals(Math.pow(2, 1.0 / 6) * sigma, dimerDistance(s), 1e-10);
        assertEquals(-0.7, r.energy(), 1e-14, "E* = −ε with an unshifted cutoff");
    }

    @ParameterizedTest(name = "{0}") @EnumSource(MinimizerKind.class)
    void dimerAcrossAPeriodic2dBoundaryReachesTwoToTheOneSixthSigma(MinimizerKind kind) {
        // the pair interacts through the boundary (x = 0.3 and x = 9.2 in a box of 10)
        ParticleSystem s = new ParticleSystem(Box.Periodic.cube(2, 10), new double[] {0.3, 5.0, 9.2, 5.4},
                new int[2], List.of("A"));
        EnergyEvaluator ev = lennardJones(s);
        MinimizationResult r = Minimizers.create(BASE.withAlgorithm(kind)).minimize(ev);
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        assertEquals(Math.pow(2, 1.0 / 6), dimerDistance(s), 1e-10);
        assertEquals(-1.0, r.energy(), 1e-14);
    }
}
