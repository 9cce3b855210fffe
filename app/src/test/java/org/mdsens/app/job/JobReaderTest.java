package org.mdsens.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.potential.PotentialKind;

class JobReaderTest {

    @TempDir
    Path dir;

    /** A valid 2D bidisperse soft-sphere job; tests edit copies of it. */
    static final String SOFT = String.join("\n",
            "[system.generate]",                       // 1
            "kind = \"random\"",                       // 2
            "dimension = 2",                           // 3
            "count = 32",                              // 4
            "composition = { A = 0.5, B = 0.5 }",      // 5
            "packing_fraction = 0.9",                  // 6
            "seed = 3",                                // 7
            "",                                        // 8
            "[species.A]",                             // 9
            "diameter = 1.0",                          // 10
            "",                                        // 11
            "[species.B]",                             // 12
            "diameter = 1.4",                          // 13
            "",                                        // 14
            "[potential]",                             // 15
            "kind = \"soft-sphere\"",                  // 16
            "alpha = 2.0",                             // 17
            "",                                        // 18
            "[potential.pairs.\"A-B\"]",               // 19
            "sigma = 1.25",                            // 20
            "");

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private JobFileException fails(String text) throws IOException {
        Path p = write("job.toml", text);
        return assertThrows(JobFileException.class, () -> JobReader.readJob(p));
    }

    private String at(int line) {
        return dir.resolve("job.toml") + ":" + line + ": ";
    }

    @Test
    void readsAValidJobWithDefaults() throws IOException {
        JobSpec job = JobReader.readJob(write("paper.toml", SOFT));
        GenerateSpec g = job.system().generate();
        assertEquals(GenerateKind.RANDOM, g.kind());
        assertEquals(2, g.dimension());
        assertEquals(32, g.count());
        assertEquals(Map.of("A", 0.5, "B", 0.5), g.composition());
        assertEquals(List.of("A", "B"), List.copyOf(g.composition().keySet()));
        assertEquals(0.9, g.packingFraction());
        assertNull(g.density());
        assertEquals(3L, g.seed());
        assertEquals(1.4, job.species().get("B").diameter());
        assertEquals(PotentialKind.SOFT_SPHERE, job.potential().kind());
        assertEquals(1, job.potential().pairs().size());
        assertTrue(job.potential().pairs().get(0).is("B", "A"));
        assertEquals(1.25, job.potential().pairs().get(0).sigma());
        assertEquals(MinimizerKind.FIRE, job.minimize().algorithm());
        assertEquals(1e-10, job.minimize().forceTolerance());
        assertEquals(200_000, job.minimize().maxIterations());
        assertNull(job.minimize().timestep());
        assertEquals(Path.of("out", "paper"), job.output().directory());
        assertTrue(job.output().plots());
        assertTrue(job.sensitivity().isEmpty());
        assertNull(job.sweep());
    }

    @Test
    void misspelledKeyIsNamedWithItsLineAndASuggestion() throws IOException {
        JobFileException e = fails(SOFT.replace("packing_fraction = 0.9", "packing_fracton = 0.9"));
        assertEquals(at(6) + "[system.generate] unknown key 'packing_fracton'; did you mean 'packing_fraction'?",
                e.getMessage());
    }

    @Test
    void unknownKeyWithoutACloseMatchListsTheValidKeys() throws IOException {
        JobFileException e = fails(SOFT + "[minimize]\ntemperature = 0.1\n");
        assertTrue(e.getMessage().startsWith(at(22) + "[minimize] unknown key 'temperature'; valid keys are algorithm, "),
                e.getMessage());
    }

    @Test
    void unknownTopLevelTable() throws IOException {
        JobFileException e = fails(SOFT + "[minimise]\nalgorithm = \"fire\"\n");
        assertEquals(at(21) + "unknown table or key 'minimise'; did you mean 'minimize'?", e.getMessage());
    }

    @Test
    void unknownSpeciesInAPairTable() throws IOException {
        JobFileException e = fails(SOFT.replace("\"A-B\"", "\"A-C\""));
        assertEquals(at(19) + "[potential.pairs.\"A-C\"] unknown species 'C': the species are A, B", e.getMessage());
    }

    @Test
    void pairTableThatIsNotAPair() throws IOException {
        JobFileException e = fails(SOFT.replace("\"A-B\"", "\"A_B\""));
        assertTrue(e.getMessage().startsWith(at(19) + "[potential.pairs] A_B is not a pair of species"), e.getMessage());
    }

    @Test
    void repeatedPairInTheOtherOrder() throws IOException {
        JobFileException e = fails(SOFT + "[potential.pairs.\"B-A\"]\nsigma = 1.3\n");
        assertTrue(e.getMessage().startsWith(at(21) + "[potential.pairs.\"B-A\"] repeats the pair \"A-B\""), e.getMessage());
    }

    @Test
    void speciesNameWithPunctuation() throws IOException {
        JobFileException e = fails(SOFT.replace("[species.B]", "[species.\"B.1\"]"));
        assertEquals(at(12) + "[species.\"B.1\"] species name must match [A-Za-z0-9]+ (letters and digits), got 'B.1'",
                e.getMessage());
    }

    @Test
    void negativeDiameter() throws IOException {
        JobFileException e = fails(SOFT.replace("diameter = 1.4", "diameter = -1.4"));
        assertEquals(at(13) + "[species.B] diameter must be > 0, got -1.4", e.getMessage());
    }

    @Test
    void keyOfAnotherPotentialFamily() throws IOException {
        JobFileException e = fails(SOFT.replace("diameter = 1.4", "sigma = 1.4"));
        assertEquals(at(13) + "[species.B] sigma is not used by soft-sphere potentials; valid keys here are diameter, mass",
                e.getMessage());
    }

    @Test
    void compositionMustSumToOne() throws IOException {
        JobFileException e = fails(SOFT.replace("B = 0.5 }", "B = 0.4 }"));
        assertTrue(e.getMessage().startsWith(at(5) + "[system.generate] composition fractions must sum to 1, got 0.9"),
                e.getMessage());
    }

    @Test
    void speciesTableWithoutParticles() throws IOException {
        JobFileException e = fails(SOFT + "[species.C]\ndiameter = 2\n");
        assertTrue(e.getMessage().startsWith(at(21) + "[species.C] species C has no particles"), e.getMessage());
    }

    @Test
    void wrongTypes() throws IOException {
        assertEquals(at(4) + "[system.generate] count must be an integer, got \"many\"",
                fails(SOFT.replace("count = 32", "count = \"many\"")).getMessage());
        assertEquals(at(4) + "[system.generate] count must be an integer, got 32.5",
                fails(SOFT.replace("count = 32", "count = 32.5")).getMessage());
        assertEquals(at(2) + "[system.generate] kind must be one of random, sc, bcc, fcc, square, triangular, got \"radnom\"; "
                        + "did you mean \"random\"?",
                fails(SOFT.replace("kind = \"random\"", "kind = \"radnom\"")).getMessage());
    }

    @Test
    void missingAndConflictingKeys() throws IOException {
        assertEquals(at(1) + "[system.generate] needs count = the number of particles for kind = \"random\"",
                fails(SOFT.replace("count = 32\n", "")).getMessage());
        assertEquals(at(7) + "[system.generate] density cannot be combined with packing_fraction: set one of them",
                fails(SOFT.replace("packing_fraction = 0.9", "packing_fraction = 0.9\ndensity = 1")).getMessage());
        assertTrue(fails(SOFT.replace("[potential]\nkind = \"soft-sphere\"\n", "[potential]\n")).getMessage()
                .startsWith(at(15) + "[potential] needs kind = one of soft-sphere"));
    }

    @Test
    void tomlSyntaxErrorHasItsLine() throws IOException {
        JobFileException e = fails(SOFT.replace("alpha = 2.0", "alpha = "));
        assertTrue(e.getMessage().startsWith(at(17) + "TOML syntax error: "), e.getMessage());
    }

    @Test
    void missingJobFile() {
        Path p = dir.resolve("nope.toml");
        JobFileException e = assertThrows(JobFileException.class, () -> JobReader.readJob(p));
        assertEquals(p + ": no such job file", e.getMessage());
    }

    @Test
    void latticesTakeCellsAndImplyTheDimension() throws IOException {
        String lj = String.join("\n", "[system.generate]", "kind = \"fcc\"", "cells = [2, 3, 4]", "density = 0.8442",
                "jitter = 0.05", "[potential]", "kind = \"lennard-jones\"", "cutoff = 2.5", "shift = true", "");
        JobSpec job = JobReader.readJob(write("lj.toml", lj));
        assertEquals(3, job.system().generate().dimension());
        assertEquals(List.of(2, 3, 4), job.system().generate().cells());
        assertEquals(Map.of("A", 1.0), job.system().generate().composition());
        assertEquals(2.5, job.potential().cutoff());
        assertTrue(job.potential().shift());
        JobFileException e = fails(lj.replace("cells = [2, 3, 4]", "cells = [2, 3]"));
        assertEquals(at(3) + "[system.generate] cells must have 3 entries for kind = \"fcc\", got [2,3]", e.getMessage());
        e = fails(lj.replace("cells = [2, 3, 4]", "cells = [2, 3, 4]\ncount = 10"));
        assertTrue(e.getMessage().startsWith(at(4) + "[system.generate] count is for kind = \"random\""), e.getMessage());
    }

    @Test
    void switchAndShiftAreExclusiveAndCutoffMustMatchTheSwitch() throws IOException {
        String lj = String.join("\n", "[system.generate]", "kind = \"fcc\"", "cells = [3, 3, 3]", "density = 0.8",
                "[potential]", "kind = \"lennard-jones\"", "switch = [2.0, 2.5]", "cutoff_in_sigma = true", "");
        JobSpec job = JobReader.readJob(write("lj.toml", lj));
        assertEquals(new SwitchRange(2.0, 2.5), job.potential().switchRange());
        assertTrue(job.potential().cutoffInSigma());
        assertTrue(fails(lj + "shift = true\n").getMessage().startsWith(at(9) + "[potential] shift cannot be combined with switch"));
        assertTrue(fails(lj + "cutoff = 3.0\n").getMessage().startsWith(at(9) + "[potential] cutoff must equal the end of switch (2.5), got 3"));
        assertTrue(fails(lj.replace("[2.0, 2.5]", "[2.5, 2.0]")).getMessage()
                .startsWith(at(7) + "[potential] switch must be [r_on, r_c] with 0 < r_on < r_c"));
    }

    @Test
    void structureFilesResolveAgainstTheJobDirectory() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/start.xyz"), "1\nLattice=\"1 0 0 0 1 0 0 0 1\" Properties=species:S:1:pos:R:3\nA 0 0 0\n");
        String text = "[system]\nfile = \"start.xyz\"\n[potential]\nkind = \"wca\"\n";
        JobSpec job = JobReader.readJob(write("sub/job.toml", text));
        assertEquals(dir.resolve("sub/start.xyz"), job.system().file());
        assertEquals(SystemSpec.FileFormat.EXTENDED_XYZ, job.system().format());
        JobFileException e = assertThrows(JobFileException.class,
                () -> JobReader.readJob(write("job.toml", text)));
        assertTrue(e.getMessage().startsWith(at(2) + "[system] file \"start.xyz\" does not exist"), e.getMessage());
        e = assertThrows(JobFileException.class,
                () -> JobReader.readJob(write("job.toml", text.replace("start.xyz", "start.pdb"))));
        assertTrue(e.getMessage().startsWith(at(2) + "[system] file must end in .xyz"), e.getMessage());
    }

    @Test
    void sweepSectionOnlyInSweepFiles() throws IOException {
        String sweep = SOFT + "[sweep]\nreplicas = 2\n[sweep.vary]\n\"diameter[B]\" = { linspace = [1.2, 1.6, 5] }\n"
                + "\"alpha\" = [2.0, 2.5]\n";
        Path p = write("job.toml", sweep);
        JobFileException e = assertThrows(JobFileException.class, () -> JobReader.readJob(p));
        assertTrue(e.getMessage().startsWith(at(21) + "[sweep] belongs in a sweep file"), e.getMessage());
        JobSpec job = JobReader.readSweep(p);
        assertEquals(2, job.sweep().replicas());
        assertTrue(job.sweep().warmStart());
        assertEquals(List.of("alpha", "diameter[B]"), List.copyOf(job.sweep().vary().keySet()));
        List<Double> d = job.sweep().vary().get("diameter[B]");
        assertEquals(5, d.size());
        assertEquals(1.2, d.get(0));
        assertEquals(1.3, d.get(1), 1e-15);
        assertEquals(1.6, d.get(4));
        assertEquals(List.of(2.0, 2.5), job.sweep().vary().get("alpha"));
        assertFalse(JobReader.readAny(p).sweep() == null);
        JobFileException noSweep = assertThrows(JobFileException.class, () -> JobReader.readSweep(write("plain.toml", SOFT)));
        assertTrue(noSweep.getMessage().contains("has no [sweep] section"), noSweep.getMessage());
    }

    @Test
    void logspaceIsGeometric() {
        List<Double> v = SweepSpec.logspace(1e-3, 1e-1, 3);
        assertEquals(1e-3, v.get(0));
        assertEquals(1e-2, v.get(1), 1e-17);
        assertEquals(1e-1, v.get(2));
    }

    @Test
    void sensitivityNamesAreCheckedForForm() throws IOException {
        JobSpec job = JobReader.readJob(write("s.toml", SOFT + "[sensitivity]\nparameters = [\"diameter[B]\", \"sigma[A,B]\"]\n"
                + "observables = [\"energy\", \"position[17]\"]\n"));
        assertEquals(List.of("diameter[B]", "sigma[A,B]"), job.sensitivity().parameters());
        assertEquals(List.of("energy", "position[17]"), job.sensitivity().observables());
        JobFileException e = fails(SOFT + "[sensitivity]\nparameters = [\"diameter(B)\"]\n");
        assertTrue(e.getMessage().startsWith(at(22) + "[sensitivity] parameters entries must be name, name[A] or name[A,B]"),
                e.getMessage());
    }

    @Test
    void bondsNeedKnownTypes() throws IOException {
        String bonds = SOFT + "[bonds]\npairs = [[0, 1, \"stiff\"], [1, 2, \"stif\"]]\n[bonds.types.stiff]\nk = 10.0\nr0 = 1.0\n";
        JobFileException e = fails(bonds);
        assertEquals(at(22) + "[bonds] pairs entry 1 uses bond type \"stif\", which has no [bonds.types.stif] table; "
                + "did you mean \"stiff\"?", e.getMessage());
        JobSpec job = JobReader.readJob(write("b.toml", bonds.replace("\"stif\"", "\"stiff\"")));
        assertEquals(2, job.bonds().bonds().size());
        assertEquals(new BondsSpec.Bond(1, 2, "stiff"), job.bonds().bonds().get(1));
        assertEquals(10.0, job.bonds().types().get("stiff").k());
    }
}
