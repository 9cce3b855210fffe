package org.mdsens.md.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/** Files in the style ASE and OVITO write (hand-written test resources under io/). */
class ExtendedXyzAseTest {

    static Path resource(String name) {
        try {
            return Path.of(ExtendedXyzAseTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aseTrajectoryFirstAndLastFrame() throws IOException {
        Path f = resource("ase_trajectory.extxyz");
        XyzFrame first = ExtendedXyz.read(f);
        ParticleSystem s = first.system();
        assertEquals(new Box.Periodic(new double[] {5.0, 5.5, 6.0}), s.box());
        assertEquals(List.of("Cu", "Ni"), s.speciesNames());
        assertArrayEquals(new int[] {0, 1, 0}, s.species());
        assertArrayEquals(new double[] {0, 0, 0, 2.5, 2.75, 0, 2.5, 0, 3}, s.positions());
        assertArrayEquals(new double[] {0.1, 0, -0.2, 0, 0, 0, -0.1, 0, 0.2}, first.realColumn("momenta"));
        assertArrayEquals(new long[] {0, 1, 2}, first.integerColumns().get("tags"));
        assertEquals(Map.of("energy", "-1.2345", "config_type", "start"), first.info());

        XyzFrame last = ExtendedXyz.readLast(f);
        assertEquals(2, ExtendedXyz.readAll(f, XyzReadOptions.defaults()).size());
        assertArrayEquals(new boolean[] {true, false, true}, last.logicalColumns().get("move_mask"));
        assertEquals("relaxed with \"FIRE\" twice", last.info().get("comment"));
        assertEquals("-2.5", last.info().get("energy"));
        assertEquals(5.99, last.system().positions()[5]);
        assertEquals(List.of("species", "pos", "momenta", "tags", "move_mask"),
                last.properties().stream().map(XyzProperty::name).toList());
        assertEquals(XyzProperty.Type.LOGICAL, last.properties().get(4).type());
    }

    @Test
    void speciesOrderFromTheJob() throws IOException {
        XyzFrame f = ExtendedXyz.read(resource("ase_trajectory.extxyz"), List.of("Ni", "Cu"));
        assertArrayEquals(new int[] {1, 0, 1}, f.system().species());
    }

    @Test
    void ovitoOriginIsSubtracted() throws IOException {
        XyzFrame f = ExtendedXyz.read(resource("ovito_origin.xyz"));
        assertEquals(Box.Periodic.cube(3, 10.0), f.system().box());
        assertArrayEquals(new double[] {0.0, 1.0, 9.5, 5.0, 5.0, 5.0}, f.system().positions());
        assertArrayEquals(new double[] {-3.25, -3.5}, f.realColumn("c_pe"));
        assertEquals(Map.of("Time", "100"), f.info());
    }

    @Test
    void ase2dWithZeroThirdLatticeVector() throws IOException {
        XyzFrame f = ExtendedXyz.read(resource("ase_2d.xyz"));
        assertEquals(new Box.Periodic(new double[] {4.0, 3.0}), f.system().box());
        assertArrayEquals(new double[] {0, 0, 2, 0, 0, 1.5, 2, 1.5}, f.system().positions());
        assertEquals(1e-3, f.realColumn("forces")[9]);
        assertEquals(-2.5e-4, f.realColumn("forces")[10]);
    }

    @Test
    void aseMoleculeIsOpen() throws IOException {
        XyzFrame f = ExtendedXyz.read(resource("ase_molecule.xyz"));
        assertInstanceOf(Box.Open.class, f.system().box());
        assertEquals(3, f.system().dimension());
        assertEquals(List.of("O", "H"), f.system().speciesNames());
        assertEquals(-0.763239, f.system().positions()[7]);
    }

    @Test
    void plainXyzWithoutPropertiesUsesTheDefaultColumns() throws IOException {
        XyzFrame f = ExtendedXyz.read(new java.io.StringReader("1\nmade by hand\nAr 1 2 3\n"), "plain.xyz");
        assertInstanceOf(Box.Open.class, f.system().box());
        assertArrayEquals(new double[] {1, 2, 3}, f.system().positions());
        assertEquals(Map.of("made", "T", "by", "T", "hand", "T"), f.info());
    }

    @Test
    void byteOrderMarkAndLatin1CommentAreTolerated(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("bom.xyz");
        byte[] head = "\uFEFF1\nnote=\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] latin1 = {(byte) 0xC5}; // 'Å' in Latin-1, malformed as UTF-8
        byte[] tail = "ngstrom\" pbc=\"1 1 1\" Lattice=\"2 0 0 0 2 0 0 0 2\"\r\nA 1 1 1\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(head);
        out.write(latin1);
        out.write(tail);
        java.nio.file.Files.write(f, out.toByteArray());
        XyzFrame frame = ExtendedXyz.read(f);
        assertEquals(Box.Periodic.cube(3, 2.0), frame.system().box());
        assertEquals("\uFFFDngstrom", frame.info().get("note"));
    }
}
