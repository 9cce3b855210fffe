package org.mdsens.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.job.JobBuilder;
import org.mdsens.app.job.JobFileException;
import org.mdsens.app.job.JobReader;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.minimize.MinimizationListener;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.Observable;
import org.mdsens.sensitivity.md.SensitivityResult;
import org.mdsens.sensitivity.md.SensitivityStatus;

/** Observable names at the edge, the stage's settings, and a run through {@link JobRunner}. */
class SensitivityStageTest {

    @TempDir
    Path dir;

    static final String JOB = String.join("\n",
            "[system.generate]",                       // 1
            "kind = \"random\"",                       // 2
            "dimension = 2",                           // 3
            "count = 32",                              // 4
            "composition = { A = 0.5, B = 0.5 }",      // 5
            "packing_fraction = 0.88",                 // 6
            "seed = 3",                                // 7
            "[species.A]",                             // 8
            "diameter = 1.0",                          // 9
            "[species.B]",                             // 10
            "diameter = 1.4",                          // 11
            "[potential]",                             // 12
            "kind = \"soft-sphere\"",                  // 13
            "[minimize]",                              // 14
            "force_tolerance = 1e-11",                 // 15
            "newton_polish = true",                    // 16
            "[sensitivity]",                           // 17
            "parameters = [\"diameter[B]\", \"sigma[A, B]\"]", // 18
            "");

    private BuiltJob build(String text) throws IOException {
        Path p = dir.resolve("job.toml");
        Files.writeString(p, text);
        return JobBuilder.build(JobReader.readJob(p));
    }

    private static ParticleSystem open2(int n) {
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) x[3 * i] = 1.5 * i;
        return new ParticleSystem(new Box.Open(3), x, new int[n], List.of("A"), new double[] {1});
    }

    @Test
    void observableNamesBecomeLibraryObservables() {
        ParticleSystem s = open2(4);
        assertEquals("energy", SensitivityStage.parseObservable("energy", s).get(0).name());
        assertEquals("mean_contact_distance", SensitivityStage.parseObservable("mean_contact_distance", s).get(0).name());
        List<Observable> p = SensitivityStage.parseObservable("position[3]", s);
        assertEquals(List.of("position[3].x", "position[3].y", "position[3].z"), p.stream().map(Observable::name).toList());
        assertEquals(3, SensitivityStage.parseObservable("position[ 0 ]", s).size());
    }

    @Test
    void badObservableNamesSayWhatWouldBeRight() {
        ParticleSystem s = open2(4);
        var e = assertThrows(IllegalArgumentException.class, () -> SensitivityStage.parseObservable("enrgy", s));
        assertEquals("names an unknown observable 'enrgy'; did you mean 'energy'? (known: energy, pressure, "
                + "mean_contact_distance, position[i])", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SensitivityStage.parseObservable("positon[2]", s));
        assertTrue(e.getMessage().contains("did you mean 'position[i]'?"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SensitivityStage.parseObservable("position[4]", s));
        assertTrue(e.getMessage().contains("the particle index must be < N = 4 (0-based, input order), got 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SensitivityStage.parseObservable("position[99999999999999999999]", s));
        assertTrue(e.getMessage().contains("must be < N = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SensitivityStage.parseObservable("pressure", s));
        assertTrue(e.getMessage().contains("needs a periodic box"), e.getMessage());
    }

    @Test
    void jobErrorsNameTheKeyAndLine() throws IOException {
        String text = JOB + "observables = [\"energy\", \"position[32]\"]\n";
        var e = assertThrows(JobFileException.class, () -> SensitivityStage.of(build(text)));
        assertTrue(e.getMessage().startsWith(dir.resolve("job.toml") + ":19: [sensitivity] observables lists "
                + "\"position[32]\""), e.getMessage());
    }

    @Test
    void stageTakesTheJobsToleranceAndPolishFlag() throws IOException {
        SensitivityStage stage = SensitivityStage.of(build(JOB + "observables = [\"pressure\", \"position[5]\"]\n"));
        assertEquals(List.of("diameter[B]", "sigma[A,B]"), stage.parameters(), "spaces dropped: the model's spelling");
        assertEquals(List.of("pressure", "position[5].x", "position[5].y"),
                stage.observables().stream().map(Observable::name).toList());
        assertTrue(stage.newtonPolish());
        assertTrue(stage.computes());
        assertEquals(1e-11, stage.config().forceTolerance());
        assertEquals(1e-13, stage.polishTolerance());
        SensitivityStage none = SensitivityStage.of(build(JOB.replace("newton_polish = true", "newton_polish = false")
                .replace("[sensitivity]\nparameters = [\"diameter[B]\", \"sigma[A, B]\"]\n", "")));
        assertFalse(none.computes());
        assertFalse(none.newtonPolish());
        assertNull(none.polish(null), "no polish asked, nothing done");
    }

    @Test
    void runnerPolishesAndComputesAtTheMinimumSeed3() throws IOException {
        BuiltJob job = build(JOB + "observables = [\"energy\", \"mean_contact_distance\"]\n");
        RunOutcome o = JobRunner.run(job, KernelChoice.SCALAR, 1, MinimizationListener.NONE);
        assertTrue(o.converged());
        assertTrue(o.polish() != null && o.finalMaxForce() <= 1e-13, String.valueOf(o.polish()));
        SensitivityResult r = o.sensitivity();
        assertEquals(SensitivityStatus.OK, r.status(), r.toString());
        assertTrue(SensitivityStage.allOk(r));
        assertTrue(SensitivityStage.problems(r).isEmpty());
        assertTrue(o.ok());
        assertEquals(2, r.parameters().size());
        assertEquals(2, r.observables().size());
        assertEquals(2 + 2 * r.rattlers().length, r.zeroModes());
        assertEquals(r.parameter("diameter[B]").dEnergy(), r.observable("energy").derivative("diameter[B]"), 1e-12);
        assertTrue(o.sensitivitySeconds() >= 0);
        // forces in the outcome are those of the polished positions
        double max = 0;
        double[] f = o.forces();
        for (int i = 0; i < f.length; i += 2) max = Math.max(max, Math.hypot(f[i], f[i + 1]));
        assertEquals(o.finalMaxForce(), max, 1e-20);
    }

    @Test
    void problemsNameTheStatusAndWhatItMeans() {
        SensitivityResult r = new SensitivityResult("zero-mean-backbone", 2, new int[0], SensitivityStatus.NOT_A_MINIMUM,
                -1.0, 1e-3, List.of(), List.of());
        assertFalse(SensitivityStage.allOk(r));
        assertTrue(SensitivityStage.problems(r).isEmpty(), "no entry, nothing to name");
        SensitivityResult u = new SensitivityResult("zero-mean-backbone", 2, new int[0],
                SensitivityStatus.NOT_CONVERGED_MINIMUM, 1.0, 1e-3, List.of(), List.of());
        assertTrue(SensitivityStage.problems(u).get(0).startsWith("sensitivities computed at an unconverged minimum "
                + "(max force 1.000e-03"), SensitivityStage.problems(u).toString());
    }
}
