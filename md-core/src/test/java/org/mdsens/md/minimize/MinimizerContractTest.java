package org.mdsens.md.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Minimizer} contract, parameterized over every {@link MinimizerKind} (through
 * {@link Minimizers#create}): known minima reached to max force ≤ 1e-10, statuses, counters,
 * listener calls, traces and the max-step cap.
 */
class MinimizerContractTest {

    static final double TOL = 1e-10;
    static final MinimizerConfig BASE = MinimizerConfig.defaults().withMaxIterations(1_000_000);
    static final double LJ13_GLOBAL_MINIMUM = -44.326801;

    static Minimizer create(MinimizerKind kind) {
        return Minimizers.create(BASE.withAlgorithm(kind));
    }

    /** Checks counters, listener calls and traces against each other and the surface. */
    static void assertBookkeeping(MinimizationResult r, TestSurfaces.Base s, Recorder rec, double initialEnergy) {
        assertEquals(s.evaluations, r.forceEvaluations(), "force evaluations counted");
        assertEquals(r.iterations(), rec.iterations.size(), "one onIteration per iteration");
        for (int i = 0; i < rec.iterations.size(); i++) assertEquals(i + 1, rec.iterations.get(i));
        assertTrue(r.forceEvaluations() >= r.iterations() + 1, "at least one evaluation per iteration plus the start");
        int[] it = r.traceIterations();
        double[] et = r.energyTrace();
        double[] ft = r.maxForceTrace();
        if (r.iterations() < TraceRecorder.CAPACITY) {
            assertEquals(r.iterations() + 1, it.length, "every iteration traced below 20000");
        } else {
            assertTrue(it.length <= TraceRecorder.CAPACITY + 1, "thinned trace: " + it.length);
        }
        assertEquals(0, it[0]);
        assertEquals(r.iterations(), it[it.length - 1]);
        assertEquals(initialEnergy, et[0], 0.0, "trace starts at the initial energy");
        for (int i = 1; i < it.length; i++) {
            assertTrue(it[i] > it[i - 1]);
            assertEquals(rec.energies.get(it[i] - 1), et[i], 0.0);
            assertEquals(rec.maxForces.get(it[i] - 1), ft[i], 0.0);
        }
        assertTrue(r.seconds() >= 0.0);
        if (r.status() != Status.NON_FINITE) {
            assertEquals(r.energy(), et[et.length - 1], 0.0, "result energy is the last accepted one");
            double[] f = new double[s.positions().length];
            double e = s.energyAndForces(f);
            assertEquals(e, r.energy(), 0.0, "result energy is the energy at the final positions");
            assertEquals(Vectors.maxParticleNorm(f, s.size(), s.dimension()), r.maxForce(), 0.0);
        }
    }

    static MinimizationResult run(Minimizer m, TestSurfaces.Base s, Recorder rec) {
        double e0 = s.energyAndForces(new double[s.positions().length]);
        int before = s.evaluations;
        MinimizationResult r = m.minimize(s, rec);
        s.evaluations -= before;
        assertBookkeeping(r, s, rec, e0);
        s.evaluations += before;
        return r;
    }

    @ParameterizedTest @EnumSource(MinimizerKind.class)
    void anisotropicQuadraticWellSeed7ReachesExactMinimum(MinimizerKind kind) {
        var s = TestSurfaces.QuadraticWell.anisotropic(3, 10, 1.0, 50.0, 7);
        MinimizationResult r = run(create(kind), s, new Recorder());
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        assertTrue(r.maxForce() <= TOL);
        for (int k = 0; k < s.x.length; k++) {
            assertEquals(s.center[k], s.x[k], TOL / s.stiffness[k] * (1 + 1e-6), "coordinate " + k);
        }
        assertTrue(r.energy() >= 0.0 && r.energy() < 10 * 0.5 * TOL * TOL, r::toString);
    }

    @ParameterizedTest @EnumSource(MinimizerKind.class)
    void lennardJonesDimerReachesTwoToTheOneSixth(MinimizerKind kind) {
        var s = TestSurfaces.LennardJones.dimer(1.3);
        MinimizationResult r = run(create(kind), s, new Recorder());
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        double dx = s.x[3] - s.x[0];
        double dy = s.x[4] - s.x[1];
        double dz = s.x[5] - s.x[2];
        double dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
        assertEquals(Math.pow(2.0, 1.0 / 6.0), dist, 1e-10);
        assertEquals(-1.0, r.energy(), 1e-15);
    }

    static Stream<Arguments> kindsAndSeeds() {
        return Stream.of(MinimizerKind.values()).flatMap(k -> Stream.of(12345L, 2024L, 7L).map(seed -> Arguments.of(k, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}") @MethodSource("kindsAndSeeds")
    void lennardJones13FromPerturbedIcosahedronSeededReachesGlobalMinimum(MinimizerKind kind, long seed) {
        var s = TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, seed);
        MinimizationResult r = run(create(kind), s, new Recorder());
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        assertTrue(r.maxForce() <= TOL);
        assertEquals(LJ13_GLOBAL_MINIMUM, r.energy(), 1e-6);
    }

    @ParameterizedTest @EnumSource(MinimizerKind.class)
    void chainedRosenbrockSeed99ReachesOnes(MinimizerKind kind) {
        // Δt₀ = 0.002 keeps FIRE's Δt_max below the stability limit 2/√λ_max of this valley
        var s = TestSurfaces.Rosenbrock.near(4, 100.0, 0.3, 99);
        MinimizationResult r = run(Minimizers.create(BASE.withAlgorithm(kind).withTimestep(0.002)), s, new Recorder());
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        for (double u : s.x) assertEquals(1.0, u, 1e-8);
    }

    @ParameterizedTest @EnumSource(MinimizerKind.class)
    void alreadyConvergedStopsAfterZeroIterations(MinimizerKind kind) {
        var well = TestSurfaces.QuadraticWell.anisotropic(2, 3, 1.0, 5.0, 11);
        var s = new TestSurfaces.QuadraticWell(2, well.center, well.stiffness, well.center);
        Recorder rec = new Recorder();
        MinimizationResult r = run(create(kind), s, rec);
        assertEquals(Status.CONVERGED, r.status());
        assertEquals(0, r.iterations());
        assertEquals(1, r.forceEvaluations());
        assertEquals(1, r.energyTrace().length);
        assertArrayEquals(well.center, s.x, 0.0, "positions untouched");
    }

    static Stream<Arguments> kindsAndPoisons() {
        return Stream.of(MinimizerKind.values())
                .flatMap(k -> Stream.of(TestSurfaces.Poisoned.Kind.values()).map(p -> Arguments.of(k, p)));
    }

    @ParameterizedTest(name = "{0} {1}") @MethodSource("kindsAndPoisons")
    void nonFiniteEnergyOrForceStopsAtOnce(MinimizerKind kind, TestSurfaces.Poisoned.Kind poison) {
        var s = new TestSurfaces.Poisoned(TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, 3), 6, poison);
        Recorder rec = new Recorder();
        MinimizationResult r = create(kind).minimize(s, rec);
        assertEquals(Status.NON_FINITE, r.status(), r::toString);
        assertEquals(6, r.forceEvaluations(), "stops at the first bad evaluation");
        assertEquals(6, s.evaluations);
        assertFalse(Double.isFinite(r.energy()) && Double.isFinite(r.maxForce()), r::toString);
        assertEquals(r.iterations(), rec.iterations.size());
        for (double e : r.energyTrace()) assertTrue(Double.isFinite(e), "trace holds accepted states only");
    }

    @ParameterizedTest(name = "{0} {1}") @MethodSource("kindsAndPoisons")
    void nonFiniteAtStartGivesZeroIterations(MinimizerKind kind, TestSurfaces.Poisoned.Kind poison) {
        var s = new TestSurfaces.Poisoned(TestSurfaces.LennardJones.dimer(1.2), 1, poison);
        MinimizationResult r = create(kind).minimize(s, new Recorder());
        assertEquals(Status.NON_FINITE, r.status());
        assertEquals(0, r.iterations());
        assertEquals(1, r.forceEvaluations());
    }

    @ParameterizedTest @EnumSource(MinimizerKind.class)
    void tinyIterationCapGivesMaxIterations(MinimizerKind kind) {
        var s = TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, 5);
        Recorder rec = new Recorder();
        MinimizationResult r = run(Minimizers.create(BASE.withAlgorithm(kind).withMaxIterations(3)), s, rec);
        assertEquals(Status.MAX_ITERATIONS, r.status());
        assertEquals(3, r.iterations());
        assertTrue(r.maxForce() > TOL);
    }

    @ParameterizedTest @EnumSource(MinimizerKind.class)
    void cancellationStopsWhenAsked(MinimizerKind kind) {
        var s = TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, 5);
        Recorder rec = new Recorder(null, 4);
        MinimizationResult r = run(create(kind), s, rec);
        assertEquals(Status.CANCELLED, r.status());
        assertEquals(4, r.iterations());
        assertEquals(5, rec.polls, "polled before every iteration");
    }

    @ParameterizedTest @EnumSource(MinimizerKind.class)
    void noParticleMovesFurtherThanMaxStepPerIteration(MinimizerKind kind) {
        double maxStep = 0.01;
        var s = TestSurfaces.LennardJones.icosahedron13(1.05, 0.15, 99);
        Recorder rec = new Recorder(s, -1);
        double[] start = s.x.clone();
        MinimizationResult r = run(Minimizers.create(BASE.withAlgorithm(kind).withMaxStep(maxStep)), s, rec);
        assertEquals(Status.CONVERGED, r.status(), r::toString);
        // FIRE 2.0 may also undo up to half of its previous step (the half step back) in one iteration
        double allowed = (kind == MinimizerKind.FIRE ? 1.5 : 1.0) * maxStep * (1 + 1e-12);
        double largest = 0.0;
        double[] prev = start;
        for (double[] x : rec.positions) {
            double[] dx = new double[x.length];
            for (int k = 0; k < x.length; k++) dx[k] = x[k] - prev[k];
            largest = Math.max(largest, Vectors.maxParticleNorm(dx, 13, 3));
            prev = x;
        }
        assertTrue(largest <= allowed, "largest move " + largest);
        assertTrue(largest > 0.5 * maxStep, "the cap was active: " + largest);
    }

    @ParameterizedTest @EnumSource(MinimizerKind.class)
    void oneInstanceServesSeveralSizesDeterministically(MinimizerKind kind) {
        Minimizer m = create(kind);
        MinimizationResult a = m.minimize(TestSurfaces.LennardJones.dimer(1.3));
        MinimizationResult b = m.minimize(TestSurfaces.LennardJones.icosahedron13(1.09, 0.05, 1));
        MinimizationResult c = m.minimize(TestSurfaces.Rosenbrock.near(3, 10.0, 0.2, 4));
        MinimizationResult a2 = m.minimize(TestSurfaces.LennardJones.dimer(1.3));
        assertTrue(a.converged() && b.converged() && c.converged(), a + " " + b + " " + c);
        assertEquals(a.iterations(), a2.iterations());
        assertEquals(a.forceEvaluations(), a2.forceEvaluations());
        assertEquals(a.energy(), a2.energy(), 0.0, "same input, same bits");
        assertArrayEquals(a.maxForceTrace(), a2.maxForceTrace(), 0.0);
    }
}
