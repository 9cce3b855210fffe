package org.mdsens.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input: exit 2, exactly one line on stderr naming the file and line (or key) and what
 * is wrong, nothing on stdout, no output directory.
 */
class BadInputTest {

    @TempDir
    Path dir;

    static final String SOFT = String.join("\n",
            "[system]",                                // 1
            "file = \"start.xyz\"",                    // 2
            "[species.A]",                             // 3
            "diameter = 1.0",                          // 4
            "[species.B]",                             // 5
            "diameter = 1.4",                          // 6
            "[potential]",                             // 7
            "kind = \"soft-sphere\"",                  // 8
            "[potential.pairs.\"A-B\"]",               // 9
            "sigma = 1.2",                             // 10
            "");

    static final String GENERATED = String.join("\n",
            "[system.generate]",                       // 1
            "kind = \"random\"",                       // 2
            "dimension = 2",                           // 3
            "count = 16",                              // 4
            "composition = { A = 0.5, B = 0.5 }",      // 5
            "packing_fraction = 0.9",                  // 6
            "[species.A]",                             // 7
            "diameter = 1.0",                          // 8
            "[species.B]",                             // 9
            "diameter = 1.4",                          // 10
            "[potential]",                             // 11
            "kind = \"soft-sphere\"",                  // 12
            "[potential.pairs.\"A-B\"]",               // 13
            "sigma = 1.2",                             // 14
            "");

    static final String HEADER = "Lattice=\"6 0 0 0 6 0 0 0 6\" Properties=species:S:1:pos:R:3";

    /** Runs the job and checks the common contract; returns the one stderr line. */
    private String failsWith(String job, String xyz) throws IOException {
        Path jobFile = dir.resolve("job.toml");
        Files.writeString(jobFile, job);
        if (xyz != null) Files.writeString(dir.resolve("start.xyz"), xyz);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", jobFile.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        String[] lines = r.errLines();
        assertEquals(1, lines.length, r.err());
        assertFalse(Files.exists(out), "output directory must not be created");
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
        Cli.Result check = Cli.run("check", jobFile.toString());
        assertEquals(2, check.code());
        assertEquals(r.err(), check.err(), "check reports the same problem");
        return lines[0];
    }

    private String job() {
        return dir.resolve("job.toml").toString();
    }

    private String xyzFile() {
        return dir.resolve("start.xyz").toString();
    }

    private static final String GOOD_XYZ = "3\n" + HEADER + "\nA 0 0 0\nB 1.5 0 0\nA 0 1.5 0\n";

    @Test
    void misspelledKey() throws IOException {
        assertEquals("mdsens: " + job() + ":6: [system.generate] unknown key 'packing_fracton'; did you mean 'packing_fraction'?",
                failsWith(GENERATED.replace("packing_fraction", "packing_fracton"), null));
    }

    @Test
    void unknownSpeciesInAPairTableOfAGeneratedSystem() throws IOException {
        assertEquals("mdsens: " + job() + ":13: [potential.pairs.\"A-C\"] unknown species 'C': the species are A, B",
                failsWith(GENERATED.replace("A-B", "A-C"), null));
    }

    @Test
    void unknownSpeciesInAPairTableOfAFile() throws IOException {
        assertEquals("mdsens: " + job() + ":9: [potential.pairs.\"A-C\"] unknown species 'C': " + xyzFile()
                        + " has species A, B",
                failsWith(SOFT.replace("A-B", "A-C"), GOOD_XYZ));
    }

    @Test
    void speciesTableForASpeciesTheFileLacks() throws IOException {
        assertEquals("mdsens: " + job() + ":11: [species.C] names species C, but " + xyzFile() + " has species A, B",
                failsWith(SOFT + "[species.C]\ndiameter = 2.0\n", GOOD_XYZ));
    }

    @Test
    void speciesNameWithPunctuation() throws IOException {
        assertEquals("mdsens: " + job() + ":5: [species.\"B-1\"] species name must match [A-Za-z0-9]+ (letters and digits), got 'B-1'",
                failsWith(SOFT.replace("[species.B]", "[species.\"B-1\"]"), GOOD_XYZ));
    }

    @Test
    void negativeDiameter() throws IOException {
        assertEquals("mdsens: " + job() + ":6: [species.B] diameter must be > 0, got -1.4",
                failsWith(SOFT.replace("1.4", "-1.4"), GOOD_XYZ));
    }

    @Test
    void truncatedXyz() throws IOException {
        String line = failsWith(SOFT, "4\n" + HEADER + "\nA 0 0 0\nB 1.5 0 0\n");
        assertTrue(line.startsWith("mdsens: " + xyzFile() + ":"), line);
        assertTrue(line.contains("expected"), line);
    }

    @Test
    void wrongAtomCount() throws IOException {
        String line = failsWith(SOFT, "2\n" + HEADER + "\nA 0 0 0\nB 1.5 0 0\nA 0 1.5 0\n");
        assertTrue(line.startsWith("mdsens: " + xyzFile() + ":5: "), line);
    }

    @Test
    void nonNumericCoordinates() throws IOException {
        String line = failsWith(SOFT, "3\n" + HEADER + "\nA 0 0 0\nB 1.5 zero 0\nA 0 1.5 0\n");
        assertTrue(line.startsWith("mdsens: " + xyzFile() + ":4: "), line);
        assertTrue(line.contains("zero"), line);
    }

    @Test
    void coincidentParticles() throws IOException {
        assertEquals("mdsens: " + xyzFile() + ": particles 0 and 2 (0-based, input order) are at the same position "
                        + "(closer than 1.4e-08): remove or move one of them",
                failsWith(SOFT, "3\n" + HEADER + "\nA 1 1 1\nB 2.5 1 1\nA 1 1 1\n"));
    }

    @Test
    void coincidentAcrossThePeriodicBoundary() throws IOException {
        String line = failsWith(SOFT, "3\n" + HEADER + "\nA 0 1 1\nB 2.5 1 1\nA 6 1 1\n");
        assertTrue(line.contains("particles 0 and 2 (0-based, input order) are at the same position"), line);
    }

    @Test
    void boxShorterThanTwiceTheCutoff() throws IOException {
        String lj = "[system]\nfile = \"start.xyz\"\n[potential]\nkind = \"lennard-jones\"\ncutoff = 3.5\n";
        assertEquals("mdsens: " + job() + ":5: [potential] the largest cutoff 3.5 needs periodic box lengths >= 7 "
                        + "(minimum image), got 6 (N = 3): use more particles or cells, or a shorter cutoff",
                failsWith(lj, GOOD_XYZ.replace("B", "A")));
    }

    @Test
    void unknownSensitivityParameter() throws IOException {
        String line = failsWith(SOFT + "[sensitivity]\nparameters = [\"diameter[C]\"]\n", GOOD_XYZ);
        assertTrue(line.startsWith("mdsens: " + job() + ":12: [sensitivity] parameters names an unknown parameter "
                + "'diameter[C]'; did you mean 'diameter[A]'? (this model has "), line);
    }

    @Test
    void bondIndexBeyondN() throws IOException {
        String line = failsWith(SOFT + "[bonds]\npairs = [[0, 3, \"s\"]]\n[bonds.types.s]\nk = 1.0\nr0 = 1.0\n", GOOD_XYZ);
        assertEquals("mdsens: " + job() + ":12: [bonds] pairs entry 0 joins particles 0 and 3, but indices must be "
                + "< N = 3 (0-based)", line);
    }

    @Test
    void missingJobFile() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", dir.resolve("none.toml").toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("mdsens: " + dir.resolve("none.toml") + ": no such job file", r.errLines()[0]);
        assertFalse(Files.exists(out));
    }

    @Test
    void outPointsAtAFile() throws IOException {
        Files.writeString(dir.resolve("start.xyz"), GOOD_XYZ);
        Files.writeString(dir.resolve("job.toml"), SOFT);
        Files.writeString(dir.resolve("taken"), "x");
        Cli.Result r = Cli.run("run", job(), "--out", dir.resolve("taken").toString());
        assertEquals(2, r.code());
        assertEquals("mdsens: --out " + dir.resolve("taken") + " exists and is not a directory; choose another output "
                + "directory", r.errLines()[0]);
    }

    @Test
    void verbosePrintsTheStackTrace() throws IOException {
        Files.writeString(dir.resolve("job.toml"), SOFT.replace("1.4", "-1.4"));
        Cli.Result r = Cli.run("run", job(), "--verbose");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
