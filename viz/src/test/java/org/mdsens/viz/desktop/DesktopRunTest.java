package org.mdsens.viz.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.minimize.Status;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityConfig;

class DesktopRunTest {

    /** Records what a run reports. */
    private static final class Recorder implements RunListener {
        final List<Phase> phases = new ArrayList<>();
        final List<ParameterSensitivity> parameters = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        int iterations;
        int lastIteration = -1;
        boolean increasing = true;
        int cancelAfter = Integer.MAX_VALUE;

        @Override public void onIteration(int iteration, double energy, double maxForce) {
            if (iteration <= lastIteration) increasing = false;
            lastIteration = iteration;
            iterations++;
        }

        @Override public boolean cancelRequested() { return iterations >= cancelAfter; }

        @Override public void onPhase(Phase phase) { phases.add(phase); }

        @Override public void onParameter(ParameterSensitivity result, int index, int count) { parameters.add(result); }

        @Override public void onMessage(String line) { messages.add(line); }
    }

    @Test
    void minimizesThenDifferentiatesSeed3ReportingEachPhaseAndParameter() {
        DesktopJob job = DesktopFixtures.softSpheres(48, 3);
        double[] start = job.system().positions().clone();
        Recorder rec = new Recorder();
        RunResult r = DesktopRun.execute(job, job.system(), RunPlan.MINIMIZE_THEN_SENSITIVITY, rec);

        assertArrayEquals(start, job.system().positions(), "the starting system must not be moved");
        assertEquals(Status.CONVERGED, r.minimization().status());
        assertTrue(r.maxForce() <= 1e-10, "max force " + r.maxForce());
        assertEquals(List.of(RunListener.Phase.MINIMIZING, RunListener.Phase.PREPARING_SENSITIVITY,
                RunListener.Phase.SENSITIVITY), rec.phases);
        assertTrue(rec.increasing && rec.iterations >= r.minimization().iterations() - 1,
                "one callback per iteration: " + rec.iterations + " vs " + r.minimization().iterations());
        assertEquals(1, rec.parameters.size());
        assertTrue(rec.parameters.get(0).status().usable(), rec.parameters.get(0).toString());
        assertEquals(rec.parameters.get(0), r.sensitivity().parameter("diameter[B]"));
        assertTrue(!r.cancelled());
        assertTrue(rec.messages.size() >= 3, rec.messages.toString());

        // the same sensitivity as the library computes at the run's final positions
        ParticleSystem at = job.system().copy();
        at.setPositions(r.positions());
        EquilibriumSensitivity es = new EquilibriumSensitivity(new EnergyEvaluator(at, job.model()),
                SensitivityConfig.defaults().withForceTolerance(1e-10));
        ParameterSensitivity direct = es.jvp("diameter[B]");
        double[] a = direct.dx();
        double[] b = r.sensitivity().parameter("diameter[B]").dx();
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            norm = Math.max(norm, Math.abs(a[i]));
        }
        assertTrue(diff <= 1e-8 * norm, "run vs library: " + diff + " of " + norm);
    }

    @Test
    void cancelStopsTheMinimizerAndSkipsTheSensitivitiesSeed5() {
        DesktopJob job = DesktopFixtures.softSpheres(48, 5);
        Recorder rec = new Recorder();
        rec.cancelAfter = 10;
        RunResult r = DesktopRun.execute(job, job.system(), RunPlan.MINIMIZE_THEN_SENSITIVITY, rec);
        assertTrue(r.cancelled());
        assertEquals(Status.CANCELLED, r.minimization().status());
        assertTrue(r.minimization().iterations() <= 11, "stopped early: " + r.minimization().iterations());
        assertNull(r.sensitivity());
        assertEquals(List.of(RunListener.Phase.MINIMIZING), rec.phases);
    }

    @Test
    void sensitivityOnlyUsesTheGivenPositionsSeed7() {
        DesktopJob job = DesktopFixtures.softSpheres(40, 7);
        RunResult min = DesktopRun.execute(job, job.system(), RunPlan.MINIMIZE, new Recorder());
        assertNull(min.sensitivity());
        ParticleSystem minimized = job.system().copy();
        minimized.setPositions(min.positions());
        Recorder rec = new Recorder();
        RunResult sens = DesktopRun.execute(job, minimized, RunPlan.SENSITIVITY, rec);
        assertNull(sens.minimization());
        assertEquals(0, rec.iterations);
        assertNotNull(sens.sensitivity());
        assertArrayEquals(min.positions(), sens.positions());
        assertTrue(sens.sensitivity().parameter("diameter[B]").status().usable());
    }

    @Test
    void noParametersMeansNoSensitivityAndAMessage() {
        DesktopJob base = DesktopFixtures.softSpheres(24, 11);
        DesktopJob job = new DesktopJob(base.name(), base.draft(), base.system(), base.model(), base.minimizer(), false,
                List.of(), base.speciesDiameters(), base.description(), List.of());
        Recorder rec = new Recorder();
        RunResult r = DesktopRun.execute(job, job.system(), RunPlan.SENSITIVITY, rec);
        assertNull(r.sensitivity());
        assertTrue(rec.messages.stream().anyMatch(m -> m.contains("no sensitivity parameters")), rec.messages.toString());
    }
}
