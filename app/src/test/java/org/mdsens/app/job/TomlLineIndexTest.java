package org.mdsens.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TomlLineIndexTest {

    private static final String TEXT = String.join("\n",
            "# a comment with key = value and [fake.table]",             // 1
            "[system.generate]",                                         // 2
            "kind = \"random\"   # trailing = comment",                  // 3
            "composition = { A = 0.5, \"B\" = 0.5 }",                    // 4
            "name = \"x = 1 [not.a.table]\"",                            // 5
            "values = [",                                                // 6
            "  1, 2,  # count = 3",                                      // 7
            "  [3, 4],",                                                 // 8
            "]",                                                         // 9
            "text = '''",                                                // 10
            "multi = line",                                              // 11
            "[still.text]",                                              // 12
            "'''",                                                       // 13
            "after = 1",                                                 // 14
            "[potential.pairs.\"A-B\"]",                                 // 15
            "sigma = 1.2",                                               // 16
            "[species]",                                                 // 17
            "B.diameter = 1.4",                                          // 18
            "  \"C\" . mass = 2",                                        // 19
            "[[arr]]",                                                   // 20
            "x = 1",                                                     // 21
            "");

    private final TomlLineIndex index = TomlLineIndex.of(TEXT);

    @Test
    void tableHeadersAndKeysHaveTheirLines() {
        assertEquals(2, index.lineOf(List.of("system", "generate")));
        assertEquals(2, index.lineOf(List.of("system")));
        assertEquals(3, index.lineOf(List.of("system", "generate", "kind")));
        assertEquals(14, index.lineOf(List.of("system", "generate", "after")));
        assertEquals(15, index.lineOf(List.of("potential", "pairs", "A-B")));
        assertEquals(16, index.lineOf(List.of("potential", "pairs", "A-B", "sigma")));
        assertEquals(21, index.lineOf(List.of("arr", "x")));
    }

    @Test
    void inlineTableKeysAreIndexed() {
        assertEquals(4, index.lineOf(List.of("system", "generate", "composition", "A")));
        assertEquals(4, index.lineOf(List.of("system", "generate", "composition", "B")));
    }

    @Test
    void dottedAndQuotedKeysAreSplit() {
        assertEquals(18, index.lineOf(List.of("species", "B", "diameter")));
        assertEquals(19, index.lineOf(List.of("species", "C", "mass")));
    }

    @Test
    void contentsOfStringsCommentsAndArraysAreNotKeys() {
        assertFalse(index.contains(List.of("fake", "table")));
        assertFalse(index.contains(List.of("not", "a", "table")));
        assertFalse(index.contains(List.of("still", "text")));
        assertFalse(index.contains(List.of("system", "generate", "multi")));
        assertFalse(index.contains(List.of("system", "generate", "count")));
        assertTrue(index.contains(List.of("system", "generate", "values")));
    }

    @Test
    void unknownPathsFallBackToTheLongestKnownPrefix() {
        assertEquals(6, index.lineOf(List.of("system", "generate", "values", "3")));
        assertEquals(0, index.lineOf(List.of("nowhere")));
    }

    @Test
    void neverThrowsOnGarbage() {
        TomlLineIndex g = TomlLineIndex.of("[[[ \"unterminated\n= = =\n{ a = \n'''\n");
        assertEquals(0, g.lineOf(List.of("zzz")));
    }
}
