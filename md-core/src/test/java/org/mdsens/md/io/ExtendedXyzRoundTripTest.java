package org.mdsens.md.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/** Write then read gives identical doubles for every box kind, dimension and extra column. */
class ExtendedXyzRoundTripTest {

    @TempDir Path dir;

    /** Doubles that stress shortest round-trip formatting: wide exponents, 0.1-like values, signed zero. */
    static double[] awkwardDoubles(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] special = {0.1, 0.2 + 0.1, 1.0 / 3, -0.0, 0.0, 1e-300, 4.9e-324, 2.2250738585072014E-308,
            1e23, 9007199254740993.0, Math.PI, -Math.E, 123456789.123456789, 1e-7, 5e-324 * 3};
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = k < special.length ? special[k]
                    : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-12, 12));
        }
        return v;
    }

    private static ParticleSystem system(Box box, int n, long seed) {
        int d = box.dimension();
        double[] x = awkwardDoubles(d * n, seed);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = (i * 7) % 3;
        return new ParticleSystem(box, x, s, List.of("A", "Bb", "C12"), new double[] {1.0, 2.5, 0.75});
    }

    private static void assertBitIdentical(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                    "entry " + k + ": " + expected[k] + " vs " + actual[k]);
        }
    }

    private static void assertSameSystem(ParticleSystem a, ParticleSystem b) {
        assertEquals(a.box(), b.box());
        assertEquals(a.dimension(), b.dimension());
        assertBitIdentical(a.positions(), b.positions());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.speciesNames().get(a.species(i)), b.speciesNames().get(b.species(i)));
        }
    }

    private XyzFrame roundTrip(ParticleSystem sys, List<XyzColumn> cols, Map<String, String> info,
                               XyzReadOptions opt) throws IOException {
        Path f = dir.resolve("rt.xyz");
        ExtendedXyz.write(f, sys, cols, info);
        return ExtendedXyz.read(f, opt.withSpeciesOrder(sys.speciesNames()));
    }

    @Test
    void periodic3dWithColumnsSeed11() throws IOException {
        ParticleSystem sys = system(new Box.Periodic(new double[] {1.1, 0.30000000000000004, 7e5}), 40, 11);
        double[] forces = awkwardDoubles(120, 12);
        double[] energy = awkwardDoubles(40, 13);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("energy", "-12.5");
        info.put("comment", "a \"quoted\" note with spaces and a back\\slash");
        info.put("empty", "");
        XyzFrame f = roundTrip(sys, List.of(new XyzColumn("forces", 3, forces), new XyzColumn("c_pe", 1, energy)),
                info, XyzReadOptions.defaults());
        assertSameSystem(sys, f.system());
        assertBitIdentical(forces, f.realColumn("forces"));
        assertBitIdentical(energy, f.realColumn("c_pe"));
        assertEquals(3, f.components("forces"));
        assertEquals(1, f.components("c_pe"));
        assertEquals(info, f.info());
        assertEquals(List.of("species", "pos", "forces", "c_pe"), f.properties().stream().map(XyzProperty::name).toList());
        assertArrayEquals(new double[] {1, 1, 1}, new double[] {f.system().mass(0), f.system().mass(1), f.system().mass(2)});
    }

    @Test
    void periodic2dIsDetectedAndVectorColumnIsPaddedSeed21() throws IOException {
        ParticleSystem sys = system(new Box.Periodic(new double[] {3.7, 1e-3}), 25, 21);
        double[] dpos = awkwardDoubles(50, 22);
        Path file = dir.resolve("two.xyz");
        ExtendedXyz.write(file, sys, List.of(new XyzColumn("dpos_d_diameter_B", 2, dpos)), Map.of());
        XyzFrame f = ExtendedXyz.read(file, sys.speciesNames());
        assertEquals(2, f.system().dimension());
        assertSameSystem(sys, f.system());
        assertEquals(3, f.components("dpos_d_diameter_B"));
        double[] padded = f.realColumn("dpos_d_diameter_B");
        for (int i = 0; i < 25; i++) {
            assertEquals(Double.doubleToRawLongBits(dpos[2 * i]), Double.doubleToRawLongBits(padded[3 * i]));
            assertEquals(Double.doubleToRawLongBits(dpos[2 * i + 1]), Double.doubleToRawLongBits(padded[3 * i + 1]));
            assertEquals(0.0, padded[3 * i + 2]);
        }
        String text = ExtendedXyz.format(sys, List.of(), Map.of());
        String comment = text.lines().skip(1).findFirst().orElseThrow();
        assertEquals("Lattice=\"3.7 0.0 0.0 0.0 0.001 0.0 0.0 0.0 1.0\" Properties=species:S:1:pos:R:3 pbc=\"T T F\"", comment);
    }

    @Test
    void open3dWritesNoLatticeSeed31() throws IOException {
        ParticleSystem sys = system(new Box.Open(3), 17, 31);
        XyzFrame f = roundTrip(sys, List.of(), Map.of(), XyzReadOptions.defaults());
        assertInstanceOf(Box.Open.class, f.system().box());
        assertSameSystem(sys, f.system());
        String comment = ExtendedXyz.format(sys, null, null).lines().skip(1).findFirst().orElseThrow();
        assertEquals("Properties=species:S:1:pos:R:3 pbc=\"F F F\"", comment);
    }

    @Test
    void open2dNeedsTheRequestedDimensionSeed41() throws IOException {
        ParticleSystem sys = system(new Box.Open(2), 9, 41);
        XyzFrame f = roundTrip(sys, List.of(), Map.of(), XyzReadOptions.defaults().withDimension(2));
        assertEquals(new Box.Open(2), f.system().box());
        assertSameSystem(sys, f.system());
        XyzFrame auto = roundTrip(sys, List.of(), Map.of(), XyzReadOptions.defaults());
        assertEquals(3, auto.system().dimension(), "an open planar file is 3D unless 2D is requested");
    }

    @Test
    void multiFrameWriterReadAllAndReadLastSeed51() throws IOException {
        ParticleSystem a = system(Box.Periodic.cube(3, 2.0), 5, 51);
        ParticleSystem b = system(Box.Periodic.cube(3, 2.5), 6, 52);
        StringWriter w = new StringWriter();
        ExtendedXyz.write(w, a, List.of(), Map.of("step", "0"));
        ExtendedXyz.write(w, b, List.of(), Map.of("step", "1"));
        String text = w + "\n\n";
        XyzReadOptions opt = XyzReadOptions.defaults().withSpeciesOrder(a.speciesNames());
        List<XyzFrame> all = ExtendedXyz.readAll(new StringReader(text), null, opt);
        assertEquals(2, all.size());
        assertSameSystem(a, all.get(0).system());
        assertSameSystem(b, all.get(1).system());
        assertSameSystem(b, ExtendedXyz.readLast(new StringReader(text), null, opt).system());
        assertSameSystem(a, ExtendedXyz.read(new StringReader(text), null, opt).system());
        assertEquals("1", ExtendedXyz.readLast(new StringReader(text), null, opt).info().get("step"));
    }

    @Test
    void massesComeFromTheMapAndSpeciesOrderFromTheList() throws IOException {
        String text = "2\nProperties=species:S:1:pos:R:3\nB 0 0 0\nA 1 0 0\n";
        XyzFrame byAppearance = ExtendedXyz.read(new StringReader(text), "m.xyz");
        assertEquals(List.of("B", "A"), byAppearance.system().speciesNames());
        XyzFrame ordered = ExtendedXyz.read(new StringReader(text), "m.xyz",
                new XyzReadOptions(0, List.of("A", "B", "C"), Map.of("B", 4.0)));
        assertEquals(List.of("A", "B", "C"), ordered.system().speciesNames());
        assertArrayEquals(new int[] {1, 0}, ordered.system().species());
        assertArrayEquals(new double[] {1.0, 4.0, 1.0}, ordered.system().speciesMasses());
    }

    @Test
    void writerRejectsBadColumnsAndInfo() {
        ParticleSystem sys = system(Box.Periodic.cube(3, 2.0), 4, 61);
        assertThrows(IllegalArgumentException.class,
                () -> ExtendedXyz.format(sys, List.of(new XyzColumn("f", 3, new double[9])), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new XyzColumn("pos", 3, new double[12]));
        assertThrows(IllegalArgumentException.class, () -> new XyzColumn("a:b", 1, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> ExtendedXyz.format(sys, List.of(), Map.of("pbc", "T")));
        assertThrows(IllegalArgumentException.class, () -> ExtendedXyz.format(sys, List.of(), Map.of("a b", "T")));
        assertThrows(IllegalArgumentException.class, () -> ExtendedXyz.format(sys, List.of(), Map.of("k", "two\nlines")));
    }
}
