package org.mdsens.md.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.md.model.HarmonicBonds;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

class LammpsDataTest {

    @TempDir Path dir;

    private static void assertBitIdentical(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                    "entry " + k + ": " + expected[k] + " vs " + actual[k]);
        }
    }

    private static ParticleSystem system(Box box, int n, long seed) {
        int d = box.dimension();
        double[] x = ExtendedXyzRoundTripTest.awkwardDoubles(d * n, seed);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = (i * 5) % 2;
        return new ParticleSystem(box, x, s, List.of("A", "B"), new double[] {1.0 / 3, 2.5});
    }

    @Test
    void roundTrip3dWithBondsSeed101() throws IOException {
        ParticleSystem sys = system(new Box.Periodic(new double[] {3.3, 0.1 + 0.2, 12}), 30, 101);
        BondTopology bonds = new BondTopology(new int[] {0, 4, 29}, new int[] {1, 2, 0}, new int[] {1, 0, 1}, 2);
        Path f = dir.resolve("rt.data");
        LammpsData.write(f, sys, bonds);
        LammpsDataFile r = LammpsData.read(f, 3, List.of("A", "B"));
        assertEquals(sys.box(), r.system().box());
        assertBitIdentical(sys.positions(), r.system().positions());
        assertArrayEquals(sys.species(), r.system().species());
        assertBitIdentical(sys.speciesMasses(), r.system().speciesMasses());
        assertEquals(bonds, r.bonds());
        assertEquals("bond", r.atomStyle());
        assertEquals(30, r.atomIds().length);
        assertEquals(30, r.atomIds()[29]);
    }

    @Test
    void roundTrip2dAtomicSeed102() throws IOException {
        ParticleSystem sys = system(new Box.Periodic(new double[] {5.0, 1e-3}), 20, 102);
        Path f = dir.resolve("rt2.data");
        LammpsData.write(f, sys, null);
        String text = java.nio.file.Files.readString(f);
        assertTrue(text.contains("-0.5 0.5 zlo zhi"), text);
        assertTrue(text.contains("Atoms # atomic"), text);
        LammpsDataFile r = LammpsData.read(f, 2, null);
        assertEquals(sys.box(), r.system().box());
        assertBitIdentical(sys.positions(), r.system().positions());
        assertEquals(List.of("1", "2"), r.system().speciesNames());
        assertEquals(0, r.bonds().size());
        // the same file read as 3D: z = 0 shifted by zlo = -0.5, Lz = 1
        LammpsDataFile r3 = LammpsData.read(f, 3, null);
        assertEquals(new Box.Periodic(new double[] {5.0, 1e-3, 1.0}), r3.system().box());
        assertEquals(0.5, r3.system().positions()[2]);
    }

    @Test
    void roundTripOpenBoxSeed103() throws IOException {
        ParticleSystem sys = system(new Box.Open(3), 12, 103);
        Path f = dir.resolve("open.data");
        LammpsData.write(f, sys, null);
        LammpsDataFile r = LammpsData.read(f, 3, List.of("A", "B"), false);
        assertInstanceOf(Box.Open.class, r.system().box());
        assertBitIdentical(sys.positions(), r.system().positions());
    }

    @Test
    void readsWriteDataStyleFileWithImagesUnsortedIdsAndSkippedSections() throws IOException {
        LammpsDataFile r = LammpsData.read(ExtendedXyzAseTest.resource("lammps_write_data.data"), 3, List.of("A", "B"));
        ParticleSystem s = r.system();
        assertEquals(new Box.Periodic(new double[] {10, 8, 6}), s.box());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, r.atomIds());
        assertArrayEquals(new int[] {0, 1, 1, 0, 0}, s.species());
        assertArrayEquals(new double[] {1, 0, 2, 2, 9, 3, 2.5, 2.5, 2.5, 4, 3, 5, -0.5, 7.5, 11.5}, s.positions());
        assertArrayEquals(new double[] {1.0, 2.5}, s.speciesMasses());
        BondTopology b = r.bonds();
        assertArrayEquals(new int[] {0, 1, 3}, b.first());
        assertArrayEquals(new int[] {1, 2, 4}, b.second());
        assertArrayEquals(new int[] {0, 1, 0}, b.type());
        assertEquals(2, b.typeCount());
        HarmonicBonds h = b.toHarmonicBonds(new double[] {10, 5}, new double[] {1, 1.5});
        assertEquals(List.of("1", "2"), h.typeNames());
        assertEquals(5.0, h.stiffness(h.type(1)));
        assertTrue(r.title().startsWith("LAMMPS data file via write_data"));
    }

    @Test
    void reads2dFileUsingXy() throws IOException {
        LammpsDataFile r = LammpsData.read(ExtendedXyzAseTest.resource("lammps_2d.data"), 2, List.of("P"));
        assertEquals(new Box.Periodic(new double[] {3, 2}), r.system().box());
        assertArrayEquals(new double[] {0.5, 0.5, 1.5, 0.5, 2.5, 1.5}, r.system().positions());
        assertEquals(List.of("P"), r.system().speciesNames());
    }

    @Test
    void fullAndChargeStylesAndNoStyleComment() throws IOException {
        String head = "t\n\n2 atoms\n1 atom types\n0 1 xlo xhi\n0 1 ylo yhi\n0 1 zlo zhi\n\n";
        double[] expected = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        String full = head + "Atoms # full\n\n1 7 1 -0.5 0.1 0.2 0.3\n2 7 1 0.5 0.4 0.5 0.6\n";
        assertArrayEquals(expected, LammpsData.read(new StringReader(full), "f", 3, null, true).system().positions());
        String charge = head + "Atoms # charge\n\n1 1 -0.5 0.1 0.2 0.3\n2 1 0.5 0.4 0.5 0.6 0 0 0\n";
        assertArrayEquals(expected, LammpsData.read(new StringReader(charge), "c", 3, null, true).system().positions());
        String plain = head + "Atoms\n\n1 1 0.1 0.2 0.3\n2 1 0.4 0.5 0.6 # a comment\n";
        assertArrayEquals(expected, LammpsData.read(new StringReader(plain), "p", 3, null, true).system().positions());
    }

    @Test
    void writerRejectsBondsBeyondTheSystem() {
        ParticleSystem sys = system(Box.Periodic.cube(3, 2), 3, 104);
        BondTopology bad = new BondTopology(new int[] {0}, new int[] {3}, new int[] {0}, 1);
        assertThrows(IllegalArgumentException.class, () -> LammpsData.format(sys, bad));
        assertThrows(IllegalArgumentException.class, () -> new BondTopology(new int[] {1}, new int[] {1}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new BondTopology(new int[] {0}, new int[] {1}, new int[] {1}, 1));
    }

    // ------------------------------------------------------------------ malformed files

    private static final String HEADER = "title\n\n3 atoms\n2 atom types\n\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\n";
    // line numbers:                     1      2 3       4              5 6           7           8           9
    private static final String ATOMS = "Atoms # atomic\n\n1 1 0 0 0\n2 2 1 1 1\n3 1 2 2 2\n";
    // line numbers:                     10             11 12        13        14

    private void expect(String name, String text, int line, String... fragments) throws IOException {
        MalformedInput.expect(dir, name, text, f -> LammpsData.read(f, 3, null), line, fragments);
    }

    @Test
    void wellFormedBaseReads() throws IOException {
        java.nio.file.Files.writeString(dir.resolve("ok.data"), HEADER + ATOMS);
        assertEquals(3, LammpsData.read(dir.resolve("ok.data"), 3, null).system().size());
    }

    @Test
    void missingAtomsSection() throws IOException {
        expect("noatoms.data", HEADER + "Masses\n\n1 1.0\n2 1.0\n", 3, "no Atoms section");
    }

    @Test
    void missingBondsSection() throws IOException {
        expect("nobonds.data", "t\n\n3 atoms\n2 atom types\n2 bonds\n1 bond types\n0 4 xlo xhi\n0 4 ylo yhi\n"
                + "0 4 zlo zhi\n\n" + ATOMS.replace("atomic", "bond").replace("\n1 1 ", "\n1 1 1 ")
                .replace("\n2 2 ", "\n2 1 2 ").replace("\n3 1 ", "\n3 1 1 "), 5, "no Bonds section");
    }

    @Test
    void triclinicTilt() throws IOException {
        expect("tilt.data", HEADER.replace("0 4 zlo zhi\n", "0 4 zlo zhi\n0.5 0 0 xy xz yz\n") + ATOMS, 9, "triclinic");
        // zero tilt is an orthogonal box
        java.nio.file.Files.writeString(dir.resolve("tilt0.data"),
                HEADER.replace("0 4 zlo zhi\n", "0 4 zlo zhi\n0 0 0 xy xz yz\n") + ATOMS);
        assertEquals(3, LammpsData.read(dir.resolve("tilt0.data"), 3, null).system().size());
    }

    @Test
    void truncatedAtomsSection() throws IOException {
        expect("short.data", HEADER + "Atoms # atomic\n\n1 1 0 0 0\n2 2 1 1 1\n", 14, "ends after 2 of 3 lines");
        expect("short2.data", HEADER + "Atoms # atomic\n\n1 1 0 0 0\n2 2 1 1 1\n\nVelocities\n\n1 0 0 0\n", 15,
                "ends after 2 of 3", "'Velocities'");
    }

    @Test
    void badAtomLines() throws IOException {
        expect("coord.data", HEADER + ATOMS.replace("2 2 1 1 1", "2 2 1 one 1"), 13, "y coordinate 'one'");
        expect("ncols.data", HEADER + ATOMS.replace("2 2 1 1 1", "2 2 1 1"), 13, "4 columns", "id type x y z");
        expect("type.data", HEADER + ATOMS.replace("2 2 1 1 1", "2 3 1 1 1"), 13, "atom type 3");
        expect("dupid.data", HEADER + ATOMS.replace("3 1 2 2 2", "2 1 2 2 2"), 14, "atom id 2 appears twice");
        expect("style.data", HEADER + ATOMS.replace("atomic", "sphere"), 10, "'sphere'");
    }

    @Test
    void badHeader() throws IOException {
        expect("count.data", HEADER.replace("3 atoms", "three atoms"), 3, "unknown header or section line 'three atoms'");
        expect("count2.data", HEADER.replace("3 atoms", "3.5 atoms"), 3, "number of atoms '3.5'");
        expect("box.data", HEADER.replace("0 4 ylo yhi", "4 0 ylo yhi"), 7, "empty box range");
        expect("nobox.data", HEADER.replace("0 4 zlo zhi\n", "") + ATOMS.replace("\n1 1", "\n1 1"), 9, "zlo zhi");
        expect("section.data", HEADER + ATOMS + "\nEllipsoids\n\n", 16, "unknown section 'Ellipsoids'");
        expect("empty.data", "", 1, "empty");
    }

    @Test
    void bondsReferToKnownAtoms() throws IOException {
        String text = "t\n\n3 atoms\n1 atom types\n1 bonds\n1 bond types\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\n"
                + "Atoms # bond\n\n1 1 1 0 0 0\n2 1 1 1 1 1\n3 1 1 2 2 2\n\nBonds\n\n1 1 1 9\n";
        expect("bondid.data", text, 19, "atom id 9");
    }

    @Test
    void twoDimensionalZMustBeCommon() throws IOException {
        MalformedInput.expect(dir, "z.data", HEADER + ATOMS.replace("2 2 1 1 1", "2 2 1 1 0").replace("3 1 2 2 2", "3 1 2 2 0.5"),
                f -> LammpsData.read(f, 2, null), 14, "z = 0.5 of atom 3 differs");
    }

    @Test
    void tooFewSpeciesNames() throws IOException {
        MalformedInput.expect(dir, "names.data", HEADER + ATOMS, f -> LammpsData.read(f, 3, List.of("A")), 4,
                "2 atom types", "only 1 species");
    }
}
