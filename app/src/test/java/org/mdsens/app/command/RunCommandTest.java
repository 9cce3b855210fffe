package org.mdsens.app.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.XyzFrame;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.system.ParticleSystem;

class RunCommandTest {

    @TempDir
    Path dir;

    static final String LJ_JOB = String.join("\n",
            "[system]",
            "file = \"start.xyz\"",
            "[species.A]",
            "sigma = 1.0",
            "[species.B]",
            "sigma = 1.0",
            "epsilon = 1.0",
            "[potential]",
            "kind = \"lennard-jones\"",
            "cutoff = 2.5",
            "shift = true",
            "[minimize]",
            "force_tolerance = 1e-10",
            "");

    private Path job(String text) throws IOException {
        Path p = dir.resolve("job.toml");
        Files.writeString(p, text);
        return p;
    }

    private static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    @Test
    void runsAnFccCrystalSeed5AndWritesSummaryAndFinalXyz() throws IOException {
        ParticleSystem start = TestSystems.fcc(4, 0.8442, 0.05, 5);
        TestSystems.writeXyz(dir.resolve("start.xyz"), start);
        Path out = dir.resolve("results");
        Cli.Result r = Cli.run("run", job(LJ_JOB).toString(), "--out", out.toString(), "--kernel", "scalar", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("CONVERGED job: N=256 "), r.out());
        assertEquals("", r.err());

        JsonNode s = json(out.resolve("summary.json"));
        assertTrue(s.get("converged").asBoolean());
        assertEquals("CONVERGED", s.get("status").asText());
        assertEquals(256, s.at("/system/n").asInt());
        assertEquals(3, s.at("/system/dimension").asInt());
        assertEquals("periodic", s.at("/system/box/kind").asText());
        assertEquals(((org.mdsens.md.space.Box.Periodic) start.box()).length(0), s.at("/system/box/lengths/0").asDouble());
        assertEquals("A", s.at("/system/species/0").asText());
        assertEquals("B", s.at("/system/species/1").asText());
        assertEquals(85, s.at("/system/species_counts/B").asInt());
        assertEquals("scalar", s.get("kernel").asText());
        assertEquals("read from " + dir.resolve("start.xyz"), s.at("/system/origin").asText());
        assertEquals("lennard-jones", s.at("/potential/kind").asText());
        JsonNode m = s.get("minimization");
        assertEquals("fire", m.get("algorithm").asText());
        assertEquals("CONVERGED", m.get("status").asText());
        assertTrue(m.get("iterations").asInt() > 0);
        assertTrue(m.get("force_evaluations").asInt() >= m.get("iterations").asInt());
        assertTrue(m.get("max_force").asDouble() <= 1e-10);
        assertEquals(m.get("energy").asDouble() / 256, m.get("energy_per_particle").asDouble(), 1e-15);
        assertTrue(m.get("seconds").asDouble() >= 0);
        assertTrue(m.get("pressure").isNumber());
        assertEquals(List.of("final.xyz", "convergence.png", "convergence.svg", "summary.json"),
                List.of(s.at("/files/0").asText(), s.at("/files/1").asText(), s.at("/files/2").asText(),
                        s.at("/files/3").asText()));
        assertFalse(s.has("sensitivity"), "no [sensitivity], no section");

        // final.xyz: input order, species kept, forces = -grad E at the written positions
        XyzFrame f = ExtendedXyz.read(out.resolve("final.xyz"));
        ParticleSystem fin = f.system();
        assertEquals(256, fin.size());
        for (int i = 0; i < 256; i++) {
            assertEquals(start.speciesNames().get(start.species(i)), fin.speciesNames().get(fin.species(i)), "particle " + i);
        }
        assertFalse(java.util.Arrays.equals(start.positions(), fin.positions()), "particles should have moved");
        LennardJones lj = LennardJones.builder(fin.speciesNames()).cutoff(2.5).shift(true).build();
        EnergyEvaluator ev = new EnergyEvaluator(fin, new EnergyModel(lj), Kernels.select(KernelChoice.SCALAR), 0.3);
        double[] forces = new double[3 * 256];
        double e = ev.computeForces(forces);
        assertEquals(m.get("energy").asDouble(), e, 1e-9 * Math.abs(e));
        double[] written = f.realColumn("forces");
        assertEquals(3 * 256, written.length);
        for (int k = 0; k < forces.length; k++) assertEquals(forces[k], written[k], 1e-12);
        assertEquals("CONVERGED", f.info().get("status"));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("convergence.png", "convergence.svg", "final.xyz", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void divergingJobEndsNonFiniteWithExitOne() throws IOException {
        // two LJ particles far inside the core, with a huge time step and no step cap
        Files.writeString(dir.resolve("start.xyz"), "2\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3\n"
                + "A 5.0 5.0 5.0\nA 5.05 5.0 5.0\n");
        String text = LJ_JOB.replace("force_tolerance = 1e-10", "force_tolerance = 1e-10\ntimestep = 1e6\nmax_step = 1e300")
                .replace("[species.B]\nsigma = 1.0\nepsilon = 1.0\n", "");
        Path out = dir.resolve("diverged");
        Cli.Result r = Cli.run("run", job(text).toString(), "--out", out.toString(), "--quiet");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("NON_FINITE job: N=2"), r.out());
        JsonNode s = json(out.resolve("summary.json"));
        assertFalse(s.get("converged").asBoolean());
        assertEquals("NON_FINITE", s.get("status").asText());
        assertEquals("NON_FINITE", s.at("/minimization/status").asText());
        assertTrue(s.get("message").asText().startsWith("not converged: the energy or forces became NaN"), s.toString());
        assertTrue(s.has("plots_skipped") || s.get("files").toString().contains("convergence.png"),
                "a diverged trace is drawn or its absence explained");
    }

    @Test
    void notConvergedWithinTheIterationCapExitsOne() throws IOException {
        TestSystems.writeXyz(dir.resolve("start.xyz"), TestSystems.fcc(4, 0.8442, 0.05, 9));
        Path out = dir.resolve("capped");
        Cli.Result r = Cli.run("run", job(LJ_JOB + "max_iterations = 3\n").toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        JsonNode s = json(out.resolve("summary.json"));
        assertEquals("MAX_ITERATIONS", s.get("status").asText());
        assertEquals(3, s.at("/minimization/iterations").asInt());
        assertTrue(s.get("message").asText().startsWith("not converged: the iteration cap max_iterations = 3 was reached"),
                s.get("message").asText());
        assertTrue(Files.exists(out.resolve("final.xyz")));
    }

    @Test
    void unwritableResultsExitThree() throws IOException {
        TestSystems.writeXyz(dir.resolve("start.xyz"), TestSystems.fcc(4, 0.8442, 0.05, 5));
        Path out = dir.resolve("blocked");
        Files.createDirectories(out.resolve("summary.json").resolve("occupied"));
        Cli.Result r = Cli.run("run", job(LJ_JOB).toString(), "--out", out.toString(), "-q");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("mdsens: cannot write the results: "), r.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("convergence.png", "convergence.svg", "final.xyz", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void checkValidatesWithoutWriting() throws IOException {
        TestSystems.writeXyz(dir.resolve("start.xyz"), TestSystems.fcc(4, 0.8442, 0.05, 5));
        Cli.Result r = Cli.run("check", job(LJ_JOB).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(": OK: 256 particles (A 171, B 85), 3D periodic box"), r.out());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("job.toml", "start.xyz"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void outputDirectoryFromTheJob() throws IOException {
        TestSystems.writeXyz(dir.resolve("start.xyz"), TestSystems.fcc(4, 0.8442, 0.05, 5));
        Path out = dir.resolve("from-job");
        Cli.Result r = Cli.run("run", job(LJ_JOB + "[output]\ndirectory = \"" + out + "\"\n").toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("summary.json")));
        assertArrayEquals(new String[0], r.errLines());
    }

    @Test
    void threadsSplitTheKernelsWithoutChangingABitSeed7() throws IOException {
        // 864 particles: two blocks of the vector kernels, so three threads really share the work
        // (where the Vector API is absent the scalar kernels run on one thread whatever is asked)
        TestSystems.writeXyz(dir.resolve("start.xyz"), TestSystems.fcc(6, 0.8442, 0.05, 7));
        Path job = job(LJ_JOB);
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        Cli.Result r1 = Cli.run("run", job.toString(), "--out", one.toString(), "--threads", "1", "--quiet");
        Cli.Result r3 = Cli.run("run", job.toString(), "--out", three.toString(), "--threads", "3", "--quiet");
        assertEquals(0, r1.code(), r1.err());
        assertEquals(0, r3.code(), r3.err());
        assertArrayEquals(Files.readAllBytes(one.resolve("final.xyz")), Files.readAllBytes(three.resolve("final.xyz")));
        assertEquals(1, json(one.resolve("summary.json")).get("threads").asInt());
        assertEquals(3, json(three.resolve("summary.json")).get("threads").asInt());
        assertEquals(json(one.resolve("summary.json")).get("kernel"), json(three.resolve("summary.json")).get("kernel"));

        Path dflt = dir.resolve("default");
        Cli.Result rd = Cli.run("run", job.toString(), "--out", dflt.toString(), "--quiet");
        assertEquals(0, rd.code(), rd.err());
        assertEquals(Runtime.getRuntime().availableProcessors(), json(dflt.resolve("summary.json")).get("threads").asInt(),
                "--threads defaults to the cores");
    }
}
