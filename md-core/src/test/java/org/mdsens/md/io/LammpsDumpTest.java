package org.mdsens.md.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.md.space.Box;

class LammpsDumpTest {

    @TempDir Path dir;

    @Test
    void lastFrameSortedByIdWithImagesAndExtraColumns() throws IOException {
        Path f = ExtendedXyzAseTest.resource("lammps.dump");
        LammpsDumpFrame last = LammpsDump.read(f, 3, null);
        assertEquals(100, last.timestep());
        assertEquals(Box.Periodic.cube(3, 10.0), last.system().box());
        assertArrayEquals(new long[] {1, 2, 3}, last.atomIds());
        assertArrayEquals(new int[] {0, 1, 0}, last.system().species());
        assertArrayEquals(new double[] {9, 9, -1, 5, 5.5, 4.5, 11, 1, 1}, last.system().positions());
        assertArrayEquals(new double[] {0.0, -0.5, 0.5}, last.column("fx"));
        assertArrayEquals(new double[] {0.0, 1.0, -1.0}, last.column("fz"));
        assertEquals(List.of("fx", "fy", "fz"), List.copyOf(last.columns().keySet()));

        List<LammpsDumpFrame> all = LammpsDump.readAll(f, 3, List.of("A", "B"));
        assertEquals(2, all.size());
        assertEquals(0, all.get(0).timestep());
        assertEquals(List.of("A", "B"), all.get(0).system().speciesNames());
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2, 3, 3, 3}, all.get(0).system().positions());
    }

    private static String frame(String bounds, String columns, String... atoms) {
        return "ITEM: TIMESTEP\n5\nITEM: NUMBER OF ATOMS\n" + atoms.length + "\nITEM: BOX BOUNDS " + bounds
                + "\n-1 1\n0 4\n0 2\nITEM: ATOMS " + columns + "\n" + String.join("\n", atoms) + "\n";
    }

    @Test
    void scaledUnwrappedAndOpenCoordinates() throws IOException {
        LammpsDumpFrame s = LammpsDump.read(new StringReader(frame("pp pp pp", "id type xs ys zs", "2 1 0.5 0.25 0.5",
                "1 1 0 0 0")), "s.dump", 3, null);
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, s.system().positions());
        LammpsDumpFrame u = LammpsDump.read(new StringReader(frame("pp pp pp", "id type x y z xu yu zu",
                "1 1 0 0 0 5 6 7")), "u.dump", 3, null);
        assertArrayEquals(new double[] {6, 6, 7}, u.system().positions(), "unwrapped preferred, shifted by lo");
        LammpsDumpFrame o = LammpsDump.read(new StringReader(frame("ff ff ff", "id type x y z", "1 1 -0.5 1 1")),
                "o.dump", 3, null);
        assertInstanceOf(Box.Open.class, o.system().box());
        assertArrayEquals(new double[] {-0.5, 1, 1}, o.system().positions());
        LammpsDumpFrame two = LammpsDump.read(new StringReader(frame("pp pp pp", "id type x y z element",
                "1 1 0 1 0 Cu", "2 1 0.5 3 0 Cu")), "2d.dump", 2, null);
        assertEquals(new Box.Periodic(new double[] {2, 4}), two.system().box());
        assertArrayEquals(new double[] {1, 1, 1.5, 3}, two.system().positions());
        assertEquals(0, two.columns().size());
    }

    private void expect(String name, String text, int line, String... fragments) throws IOException {
        MalformedInput.expect(dir, name, text, f -> LammpsDump.read(f, 3, null), line, fragments);
    }

    @Test
    void malformedDumps() throws IOException {
        String ok = frame("pp pp pp", "id type x y z", "1 1 0 0 0", "2 1 1 1 1");
        // lines: 1 TIMESTEP, 2 5, 3 NUMBER, 4 2, 5 BOX, 6-8 bounds, 9 ATOMS, 10-11 atoms
        expect("trunc.dump", ok.substring(0, ok.lastIndexOf("2 1 1 1 1")), 11, "ends after 1 of 2 atom lines");
        expect("coord.dump", ok.replace("2 1 1 1 1", "2 1 1 x 1"), 11, "y 'x'");
        expect("cols.dump", ok.replace("2 1 1 1 1", "2 1 1 1"), 11, "4 columns", "id type x y z");
        expect("tri.dump", ok.replace("BOX BOUNDS pp pp pp", "BOX BOUNDS xy xz yz pp pp pp"), 5, "triclinic");
        expect("mixed.dump", ok.replace("BOX BOUNDS pp pp pp", "BOX BOUNDS pp pp ff"), 5, "mixes periodic");
        expect("count.dump", ok.replace("ATOMS\n2\n", "ATOMS\ntwo\n"), 4, "'two'");
        expect("nocoord.dump", ok.replace("id type x y z", "id type x y q"), 9, "no complete set of coordinates");
        expect("junk.dump", ok + "garbage\n", 12, "not an ITEM: line");
        String missing = frame("pp pp pp", "id type x y z", "1 1 0 0 0", "2 1 1 1 1").replace("1 1 0 0 0\n", "");
        expect("short.dump", ok + missing, 22, "ends after 1 of 2 atom lines");
        expect("short2.dump", ok + missing + ok, 22, "frame ends after 1 of 2", "declared on line 15");
        expect("dupid.dump", ok.replace("2 1 1 1 1", "1 1 1 1 1"), 11, "appears twice");
        expect("empty.dump", "", 1, "empty");
        expect("bounds.dump", ok.replace("0 4\n", "0\n"), 7, "box bounds line has 1 numbers");
    }
}
