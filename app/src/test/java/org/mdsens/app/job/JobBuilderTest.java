package org.mdsens.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.model.HarmonicBonds;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.Morse;
import org.mdsens.md.potential.PotentialKind;
import org.mdsens.md.space.Box;

class JobBuilderTest {

    @TempDir
    Path dir;

    private JobSpec spec(String text) throws IOException {
        Path p = dir.resolve("job.toml");
        Files.writeString(p, text);
        return JobReader.readAny(p);
    }

    private String at(int line) {
        return dir.resolve("job.toml") + ":" + line + ": ";
    }

    @Test
    void latticeAtAPackingFractionSeed4() throws IOException {
        BuiltJob job = JobBuilder.build(spec(String.join("\n", "[system.generate]", "kind = \"triangular\"",
                "cells = [4, 3]", "composition = { S = 0.5, L = 0.5 }", "packing_fraction = 0.8", "jitter = 0.01",
                "seed = 4", "[species.S]", "diameter = 1.0", "[species.L]", "diameter = 1.4",
                "[potential]", "kind = \"soft-sphere\"", "")));
        assertEquals(24, job.system().size());
        assertEquals(List.of("S", "L"), job.system().speciesNames());
        double solid = 12 * Math.PI / 4 * (1.0 + 1.96);
        assertEquals(0.8, solid / job.system().box().volume(), 1e-12);
        assertEquals(0.05, JobBuilder.minimizer(job.spec()).timestep());
        assertTrue(job.describe().startsWith("24 particles (S 12, L 12), 2D periodic box "), job.describe());
    }

    @Test
    void randomPackingIsReproducibleForASeed13() throws IOException {
        String text = String.join("\n", "[system.generate]", "kind = \"random\"", "dimension = 3", "count = 50",
                "density = 0.5", "seed = 13", "[potential]", "kind = \"wca\"", "");
        double[] a = JobBuilder.build(spec(text)).system().positions();
        double[] b = JobBuilder.build(spec(text)).system().positions();
        assertEquals(150, a.length);
        for (int k = 0; k < a.length; k++) assertEquals(a[k], b[k]);
        double[] c = JobBuilder.build(spec(text.replace("seed = 13", "seed = 14"))).system().positions();
        assertTrue(a[0] != c[0] || a[1] != c[1]);
    }

    @Test
    void impossibleMinDistanceNamesTheKey() throws IOException {
        JobSpec s = spec(String.join("\n", "[system.generate]", "kind = \"random\"", "dimension = 2", "count = 100",
                "density = 1.0", "min_distance = 1.5", "seed = 2", "[potential]", "kind = \"wca\"", ""));
        JobFileException e = assertThrows(JobFileException.class, () -> JobBuilder.build(s));
        assertTrue(e.getMessage().startsWith(at(6) + "[system.generate] cannot place 100 particles at least 1.5 apart: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; set a smaller min_distance"), e.getMessage());
    }

    @Test
    void pairCutoffsInSigmaUseThePairSigma() throws IOException {
        BuiltJob job = JobBuilder.build(spec(String.join("\n", "[system.generate]", "kind = \"random\"",
                "dimension = 3", "count = 200", "composition = { A = 0.5, B = 0.5 }", "density = 0.8", "seed = 3",
                "[species.A]", "sigma = 1.0", "[species.B]", "sigma = 1.2", "[potential]", "kind = \"lennard-jones\"",
                "cutoff = 2.0", "cutoff_in_sigma = true", "[potential.pairs.\"A-B\"]", "sigma = 0.9", "cutoff = 3.0", "")));
        LennardJones lj = (LennardJones) job.model().pair();
        assertEquals(2.0, lj.cutoff(0, 0), 1e-15);
        assertEquals(2.4, lj.cutoff(1, 1), 1e-15);
        assertEquals(2.7, lj.cutoff(0, 1), 1e-15);   // 3.0 x sigma_AB = 0.9
        assertEquals(0.005, job.minimizer().timestep());
        assertEquals(MinimizerKind.FIRE, job.minimizer().algorithm());
    }

    @Test
    void morseTakesGlobalValuesAndPairOverrides() throws IOException {
        BuiltJob job = JobBuilder.build(spec(String.join("\n", "[system.generate]", "kind = \"sc\"", "cells = [4, 4, 4]",
                "composition = { A = 0.5, B = 0.5 }", "density = 0.5", "seed = 1", "[potential]", "kind = \"morse\"",
                "epsilon = 1.0", "r0 = 1.1", "a = 3.0", "cutoff = 2.5", "shift = true",
                "[potential.pairs.\"A-B\"]", "epsilon = 2.0", "")));
        assertEquals(PotentialKind.MORSE, job.model().pair().kind());
        assertEquals(2.0, job.model().parameter("epsilon[A,B]"));
        assertEquals(1.1, job.model().parameter("r0[A,B]"));
        assertEquals(1.0, job.model().parameter("epsilon[B,B]"));
        assertTrue(((Morse) job.model().pair()).isShifted());
        JobFileException e = assertThrows(JobFileException.class, () -> spec(String.join("\n", "[system.generate]",
                "kind = \"sc\"", "cells = [4, 4, 4]", "density = 0.5", "[potential]", "kind = \"morse\"",
                "epsilon = 1.0", "r0 = 1.1", "a = 3.0", "")));
        assertTrue(e.getMessage().startsWith(at(5) + "[potential] needs cutoff for morse"), e.getMessage());
    }

    @Test
    void lammpsDataWithBondsSeedless() throws IOException {
        Files.writeString(dir.resolve("chain.data"), String.join("\n", "chain of three",
                "", "3 atoms", "1 atom types", "2 bonds", "1 bond types", "",
                "0 10 xlo xhi", "0 10 ylo yhi", "0 10 zlo zhi", "",
                "Masses", "", "1 2.0", "",
                "Atoms # bond", "", "1 1 1 1.0 1.0 1.0", "2 1 1 2.2 1.0 1.0", "3 1 1 3.1 1.0 1.0", "",
                "Bonds", "", "1 1 1 2", "2 1 2 3", ""));
        String text = String.join("\n", "[system]", "file = \"chain.data\"", "species = [\"M\"]", "[potential]",
                "kind = \"wca\"", "[bonds]", "pairs = [[0, 2, \"extra\"]]",
                "[bonds.types.\"1\"]", "k = 50.0", "r0 = 1.0", "[bonds.types.extra]", "k = 5.0", "r0 = 2.0", "");
        BuiltJob job = JobBuilder.build(spec(text));
        assertEquals(List.of("M"), job.system().speciesNames());
        assertEquals(2.0, job.system().mass(0));
        assertTrue(job.system().box() instanceof Box.Periodic);
        HarmonicBonds b = job.model().bonds();
        assertEquals(3, b.size());
        assertEquals(List.of("1", "extra"), b.typeNames());
        assertEquals(0, b.first(0));
        assertEquals(1, b.second(0));
        assertEquals(50.0, b.stiffness(b.type(0)));
        assertEquals(2, b.second(2));
        assertEquals(5.0, b.stiffness(b.type(2)));
        assertTrue(job.model().parameterNames().contains("bond_k[1]"));

        JobFileException e = assertThrows(JobFileException.class, () -> JobBuilder.build(spec(text
                .replace("[bonds.types.\"1\"]", "[bonds.types.x1]"))));
        assertTrue(e.getMessage().startsWith(at(6) + dir.resolve("chain.data") + " has bonds of type 1: give their k "
                + "and r0 in a [bonds.types.\"1\"] table"), e.getMessage());

        BuiltJob massive = JobBuilder.build(spec(text + "[species.M]\nmass = 3.5\n"));
        assertEquals(3.5, massive.system().mass(1));
    }

    @Test
    void sweepParametersAreCheckedAgainstTheModel() throws IOException {
        String base = String.join("\n", "[system.generate]", "kind = \"square\"", "cells = [4, 4]", "density = 0.9",
                "[potential]", "kind = \"soft-sphere\"", "[sweep]", "[sweep.vary]", "");
        assertEquals(1, JobBuilder.build(spec(base + "\"diameter[A]\" = [0.9, 1.0]\n")).spec().sweep().vary().size());
        JobFileException e = assertThrows(JobFileException.class,
                () -> JobBuilder.build(spec(base + "\"diameter[B]\" = [0.9, 1.0]\n")));
        assertTrue(e.getMessage().startsWith(at(9) + "[sweep.vary] names an unknown parameter 'diameter[B]'; "
                + "did you mean 'diameter[A]'?"), e.getMessage());
    }
}
