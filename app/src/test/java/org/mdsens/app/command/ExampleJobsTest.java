package org.mdsens.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.job.JobBuilder;
import org.mdsens.app.job.JobReader;
import org.mdsens.app.job.JobSpec;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.PotentialKind;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.space.Box;

/** The job files in examples/jobs parse, build, and the fast ones run to convergence. */
class ExampleJobsTest {

    static final Path EXAMPLES = Path.of("..", "examples", "jobs");

    @TempDir
    Path dir;

    static List<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
    }

    @Test
    void theFourExamplesArePresent() throws IOException {
        List<String> names = examples().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("lj-crystal.toml", "ka-glass.toml", "ka-glass-smooth.toml",
                "soft-sphere-paper.toml", "lj-dimer.toml", "ka-glass-sensitivity.toml")), names.toString());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleParsesAndBuilds(Path example) {
        JobSpec spec = JobReader.readAny(example); // sweep files (examples/jobs/*sweep*.toml) too
        BuiltJob built = JobBuilder.build(spec);
        assertTrue(built.system().size() > 0);
        assertEquals(0, Cli.run("check", example.toString()).code());
    }

    @Test
    void ljCrystalIsAnFcc864AtTheTriplePointDensity() {
        BuiltJob job = JobBuilder.build(JobReader.readJob(EXAMPLES.resolve("lj-crystal.toml")));
        assertEquals(864, job.system().size());
        double volume = job.system().box().volume();
        assertEquals(0.8442, 864 / volume, 1e-12);
        LennardJones lj = (LennardJones) job.model().pair();
        assertEquals(2.5, lj.cutoff(0, 0));
        assertTrue(lj.isShifted());
    }

    @Test
    void kobAndersenHasTheStandardParametersAndRelativeCutoffs() {
        for (String name : List.of("ka-glass.toml", "ka-glass-smooth.toml")) {
            BuiltJob job = JobBuilder.build(JobReader.readJob(EXAMPLES.resolve(name)));
            assertEquals(1000, job.system().size());
            assertEquals(800, job.system().speciesCounts()[0]);
            assertEquals(1.2, 1000 / job.system().box().volume(), 1e-12);
            LennardJones lj = (LennardJones) job.model().pair();
            assertEquals(1.5, job.model().parameter("epsilon[A,B]"));
            assertEquals(0.8, job.model().parameter("sigma[A,B]"));
            assertEquals(0.5, job.model().parameter("epsilon[B,B]"), 1e-15);
            assertEquals(0.88, job.model().parameter("sigma[B,B]"), 1e-15);
            assertEquals(2.5, lj.cutoff(0, 0), 1e-15);
            assertEquals(2.0, lj.cutoff(0, 1), 1e-15);
            assertEquals(2.2, lj.cutoff(1, 1), 1e-15);
            if (name.contains("smooth")) {
                assertTrue(lj.isSwitched());
                assertEquals(1.6, lj.switchOn(0, 1), 1e-15);
            } else {
                assertTrue(lj.isShifted());
            }
        }
    }

    @Test
    void softSpherePaperIsTheBidisperse2dPacking() {
        BuiltJob job = JobBuilder.build(JobReader.readJob(EXAMPLES.resolve("soft-sphere-paper.toml")));
        assertEquals(PotentialKind.SOFT_SPHERE, job.model().pair().kind());
        assertEquals(128, job.system().size());
        assertEquals(2, job.system().dimension());
        SoftSphere ss = (SoftSphere) job.model().pair();
        assertEquals(1.2, ss.sigma(0, 1), 1e-15);
        double area = 64 * Math.PI / 4 * (1.0 + 1.96);
        assertEquals(0.9, area / job.system().box().volume(), 1e-12);
        assertTrue(job.system().box() instanceof Box.Periodic);
        assertEquals(List.of("diameter[B]"), job.spec().sensitivity().parameters());
        assertEquals(List.of("energy", "pressure"), job.spec().sensitivity().observables());
        assertTrue(job.spec().minimize().newtonPolish());
        assertTrue(job.spec().output().plots());
    }

    @Test
    void glassSensitivityJobsDifferentiateByEpsilonAbAndDifferOnlyInSize() throws IOException {
        BuiltJob big = JobBuilder.build(JobReader.readJob(EXAMPLES.resolve("ka-glass-smooth.toml")));
        BuiltJob small = JobBuilder.build(JobReader.readJob(EXAMPLES.resolve("ka-glass-sensitivity.toml")));
        assertEquals(250, small.system().size());
        assertEquals(200, small.system().speciesCounts()[0]);
        assertEquals(1.2, 250 / small.system().box().volume(), 1e-12);
        for (BuiltJob job : List.of(big, small)) {
            assertEquals(List.of("epsilon[A,B]"), job.spec().sensitivity().parameters());
            assertTrue(job.spec().minimize().newtonPolish());
        }
        assertEquals(big.model().parameterNames(), small.model().parameterNames());
        assertTrue(java.util.Arrays.equals(big.model().parameterValues(), small.model().parameterValues()));
    }

    @Test
    void ljDimerIsTwoParticlesInAnOpenBox() {
        BuiltJob job = JobBuilder.build(JobReader.readJob(EXAMPLES.resolve("lj-dimer.toml")));
        assertEquals(2, job.system().size());
        assertTrue(job.system().box() instanceof Box.Open);
        assertEquals(List.of("sigma[A]"), job.spec().sensitivity().parameters());
    }

    @ParameterizedTest
    @MethodSource("fastExamples")
    void fastExamplesRunToConvergence(String name) throws IOException {
        Path out = dir.resolve(name);
        Cli.Result r = Cli.run("run", EXAMPLES.resolve(name).toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("CONVERGED", s.at("/minimization/status").asText());
        assertTrue(s.at("/minimization/max_force").asDouble() <= 1e-10);
        assertNotNull(s.get("kernel"));
        assertTrue(Files.size(out.resolve("final.xyz")) > 0);
    }

    static List<String> fastExamples() {
        return List.of("lj-crystal.toml", "soft-sphere-paper.toml", "lj-dimer.toml");
    }
}
