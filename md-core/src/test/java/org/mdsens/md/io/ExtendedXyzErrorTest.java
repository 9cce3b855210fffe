package org.mdsens.md.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed extended-XYZ case names the file and the right line. */
class ExtendedXyzErrorTest {

    @TempDir Path dir;

    private static final String HEAD = "Lattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n";

    private void expect(String name, String text, int line, String... fragments) throws IOException {
        MalformedInput.expect(dir, name, text, ExtendedXyz::readLast, line, fragments);
    }

    @Test
    void truncatedAtomBlock() throws IOException {
        expect("truncated.xyz", "4\n" + HEAD + "A 0 0 0\nA 1 0 0\nA 2 0 0\n", 6, "ends after 3 of 4 atom lines");
    }

    @Test
    void moreAtomLinesThanTheCount() throws IOException {
        expect("count.xyz", "2\n" + HEAD + "A 0 0 0\nA 1 0 0\nA 2 0 0\n", 5, "'A 2 0 0'", "declares 2 atoms");
    }

    @Test
    void nonIntegerCount() throws IOException {
        expect("count2.xyz", "2.5\n" + HEAD + "A 0 0 0\nA 1 0 0\n", 1, "atom count '2.5'");
        expect("count3.xyz", "0\n" + HEAD, 1, "atom count '0'");
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws IOException {
        expect("empty.xyz", "", 1, "empty");
        expect("nocomment.xyz", "3\n", 2, "ends after the atom count");
    }

    @Test
    void nonNumericCoordinate() throws IOException {
        expect("coord.xyz", "3\n" + HEAD + "A 0 0 0\nA 1 zero 0\nA 2 0 0\n", 4, "pos[1] 'zero' is not a finite number");
        expect("nan.xyz", "1\n" + HEAD + "A 0 NaN 0\n", 3, "'NaN'");
        expect("suffix.xyz", "1\n" + HEAD + "A 0 1.0d 0\n", 3, "'1.0d'");
    }

    @Test
    void wrongNumberOfColumns() throws IOException {
        expect("cols.xyz", "2\n" + HEAD + "A 0 0 0\nA 1 0\n", 4, "3 columns", "declares 4");
        expect("blank.xyz", "2\n" + HEAD + "A 0 0 0\n\nA 1 0 0\n", 4, "blank");
    }

    @Test
    void badSpeciesName() throws IOException {
        expect("species.xyz", "2\n" + HEAD + "A 0 0 0\nC-1 1 0 0\n", 4, "'C-1'", "[A-Za-z0-9]+");
    }

    @Test
    void speciesMissingFromTheGivenList() throws IOException {
        Path f = dir.resolve("list.xyz");
        java.nio.file.Files.writeString(f, "2\n" + HEAD + "A 0 0 0\nB 1 0 0\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> ExtendedXyz.read(f, List.of("A")));
        assertEquals(4, e.line());
    }

    @Test
    void triclinicLattice() throws IOException {
        expect("tri.xyz", "1\nLattice=\"4 0 0 1 4 0 0 0 4\" Properties=species:S:1:pos:R:3\nA 0 0 0\n", 2,
                "not orthorhombic");
    }

    @Test
    void badLatticeAndPbc() throws IOException {
        expect("lat8.xyz", "1\nLattice=\"4 0 0 0 4 0 0 0\"\nA 0 0 0\n", 2, "Lattice has 8 numbers");
        expect("latneg.xyz", "1\nLattice=\"-4 0 0 0 4 0 0 0 4\"\nA 0 0 0\n", 2, "axis x");
        expect("pbcmix.xyz", "1\nLattice=\"4 0 0 0 4 0 0 0 4\" pbc=\"T F T\"\nA 0 0 0\n", 2, "mixes periodic and open");
        expect("pbcbad.xyz", "1\nLattice=\"4 0 0 0 4 0 0 0 4\" pbc=\"T T X\"\nA 0 0 0\n", 2, "'X'");
        expect("nolat.xyz", "1\npbc=\"T T T\"\nA 0 0 0\n", 2, "no Lattice");
    }

    @Test
    void twoDimensionalRules() throws IOException {
        String head2 = "Lattice=\"4 0 0 0 4 0 0 0 1\" Properties=species:S:1:pos:R:3 pbc=\"T T F\"\n";
        expect("z2d.xyz", "3\n" + head2 + "A 0 0 0\nA 1 0 0\nA 2 0 0.5\n", 5, "z = 0.5");
        Path f = dir.resolve("z2d3.xyz");
        java.nio.file.Files.writeString(f, "1\n" + head2 + "A 0 0 0\n");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> ExtendedXyz.read(f, XyzReadOptions.defaults().withDimension(3)));
        assertEquals(2, e.line());
        // requested 2D accepts a common non-zero z but not differing ones
        Path g = dir.resolve("zc.xyz");
        java.nio.file.Files.writeString(g, "2\n" + HEAD + "A 0 0 0.5\nA 1 0 0.25\n");
        e = assertThrows(InputFormatException.class, () -> ExtendedXyz.read(g, XyzReadOptions.defaults().withDimension(2)));
        assertEquals(4, e.line());
    }

    @Test
    void unknownPropertyTypeAndBadProperties() throws IOException {
        expect("ptype.xyz", "1\nProperties=species:S:1:pos:R:3:forces:X:3\nA 0 0 0 0 0 0\n", 2,
                "unknown type 'X'", "R (real)");
        expect("pcount.xyz", "1\nProperties=species:S:1:pos:R:3:forces:R:zero\nA 0 0 0\n", 2, "'zero'");
        expect("ptriple.xyz", "1\nProperties=species:S:1:pos:R\nA 0 0 0\n", 2, "triples");
        expect("nopos.xyz", "1\nProperties=species:S:1:positions:R:3\nA 0 0 0\n", 2, "no pos column");
        expect("pos2.xyz", "1\nProperties=species:S:1:pos:R:2\nA 0 0\n", 2, "pos:R:2");
        expect("intcol.xyz", "1\nProperties=species:S:1:pos:R:3:tags:I:1\nA 0 0 0 1.5\n", 3, "tags '1.5'");
        expect("logcol.xyz", "1\nProperties=species:S:1:pos:R:3:mask:L:1\nA 0 0 0 yes\n", 3, "mask 'yes'");
    }

    @Test
    void commentLineSyntax() throws IOException {
        expect("quote.xyz", "1\nProperties=species:S:1:pos:R:3 note=\"unterminated\nA 0 0 0\n", 2, "never closed");
        expect("dup.xyz", "1\nenergy=1 energy=2\nA 0 0 0\n", 2, "appears twice");
        expect("noval.xyz", "1\nenergy=\nA 0 0 0\n", 2, "no value");
    }

    @Test
    void errorInASecondFrameNamesItsLine() throws IOException {
        String ok = "1\n" + HEAD + "A 0 0 0\n";
        expect("frames.xyz", ok + ok + "1\n" + HEAD + "A 0 x 0\n", 9, "'x'");
        // read() only parses the first frame
        ExtendedXyz.read(new StringReader(ok + "garbage\n"), "first.xyz");
    }

    @Test
    void stringSourceIsNamed() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> ExtendedXyz.read(new StringReader("x\n"), null));
        assertEquals("<string>", e.source());
        assertEquals(1, e.line());
    }
}
