package org.mdsens.md.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdsens.md.kernel.ScalarKernelProvider;
import org.mdsens.md.model.ModelCases.Case;
import org.mdsens.md.model.ModelCases.PotentialSpec;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.system.ParticleSystem;

/**
 * Energies and forces of {@link EnergyEvaluator} (cell list + Verlet list, rebuilt by the skin/2
 * rule) equal direct all-pairs sums to 1e-12 relative, for every built-in potential, 2D and 3D, periodic
 * and open, along a trajectory that forces many rebuilds. N = 200 is above
 * {@link NeighborList#ALL_PAIRS_BELOW}, so the lists come from the cell grid (the kernel tests'
 * 36–40 particle systems use the all-pairs build).
 */
class NeighborListSumsTest {

    static final int N = 200;
    static final int STEPS = 60;
    /** Amplitude of each coordinate's oscillation about its start (keeps pairs apart). */
    static final double AMPLITUDE = 0.12;

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        long seed = 500;
        for (PotentialSpec p : BuiltInCases.potentials()) {
            for (int d = 2; d <= 3; d++) {
                for (boolean periodic : new boolean[] {true, false}) out.add(new Case(p, d, periodic, false, seed++));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cellListSumsEqualAllPairsThroughManyRebuilds(Case c) {
        assertTrue(N >= NeighborList.ALL_PAIRS_BELOW);
        PairPotential p = c.potential();
        int d = c.dimension();
        double rho = d == 3 ? c.spec().density3() : c.spec().density2();
        double length = Math.max(Math.pow(N / rho, 1.0 / d), 2 * (p.maxCutoff() + Case.SKIN) + 0.05);
        ParticleSystem s = TestSystems.random(c.seed(), d, N, length, c.periodic(), p.speciesNames(),
                c.spec().minDistance(), new double[0], 0);
        EnergyEvaluator ev = new EnergyEvaluator(s, new EnergyModel(p), ScalarKernelProvider.INSTANCE, Case.SKIN);
        double[] x = s.positions();
        double[] x0 = x.clone();
        UniformRandomProvider rng = TestSystems.rng(c.seed() + 1);
        double[] phase = new double[x.length], omega = new double[x.length];
        for (int q = 0; q < x.length; q++) {
            phase[q] = 2 * Math.PI * rng.nextDouble();
            omega[q] = 0.2 + 0.3 * rng.nextDouble();
        }
        double[] f = new double[x.length], ref = new double[x.length];
        double worstE = 0, worstF = 0;
        for (int step = 0; step < STEPS; step++) {
            for (int q = 0; q < x.length; q++) x[q] = x0[q] + AMPLITUDE * Math.sin(phase[q] + omega[q] * step);
            double e = ev.computeForces(f);
            double eRef = TestSystems.allPairs(s, p, ref);
            double scale = TestSystems.absolutePairEnergy(s, p);
            worstE = Math.max(worstE, Math.abs(e - eRef) / scale);
            worstF = Math.max(worstF, TestSystems.relativeError(f, ref));
        }
        assertTrue(worstE <= 1e-12, "energy relative error " + worstE);
        assertTrue(worstF <= 1e-12, "forces relative error " + worstF);
        int rebuilds = ev.neighborList().rebuildCount();
        assertTrue(rebuilds >= 15, "rebuilds " + rebuilds);
    }
}
