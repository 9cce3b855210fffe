package org.mdsens.viz.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Table formatting, HTML escaping, Markdown, CSV and validation. */
class TableTest {

    @Test
    void numbersAreFormattedForReading() {
        assertEquals("12", Table.format(12));
        assertEquals("2.0", Table.format(2.0));
        assertEquals("0.123457", Table.format(0.123456789));
        assertEquals("1.0e-11", Table.format(1e-11));
        assertEquals("-3.14159e+07", Table.format(-31415926.5));
        assertEquals("NaN", Table.format(Double.NaN));
        assertEquals("", Table.format(null));
        assertEquals("CONVERGED", Table.format("CONVERGED"));
    }

    @Test
    void htmlEscapesAndAlignsNumbersRight() {
        Table t = Table.of("a <caption> & more", List.of("name", "value"),
                List.of(List.of("<b>x</b>", 1.5), Arrays.asList("y", null)));
        String html = t.toHtml();
        assertTrue(html.contains("<caption>a &lt;caption&gt; &amp; more</caption>"), html);
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">1.5</td>"), html);
        assertEquals(List.of(Displayable.HTML), t.displayTypes());
        assertEquals(html, t.displayData(Displayable.HTML));
        assertThrows(IllegalArgumentException.class, () -> t.displayData(Displayable.PNG));
    }

    @Test
    void markdownCsvAndTextKeepEveryCell() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("energy", 0.25);
        v.put("note", "a, \"quoted\" | piped");
        Table t = Table.keyValue("summary", v);
        assertEquals("quantity,value\nenergy,0.25\nnote,\"a, \"\"quoted\"\" | piped\"\n", t.toCsv());
        assertTrue(t.toMarkdown().contains("| note | a, \"quoted\" \\| piped |"), t.toMarkdown());
        String[] lines = t.toString().split("\n");
        assertEquals("summary", lines[0]);
        assertEquals(lines[1].length(), lines[2].length(), "header and rule have the same width");
        assertArrayEquals(new double[] {0.25, Double.NaN}, t.column("value"));
    }

    @Test
    void rowsMustMatchTheColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Table.of("", List.of("a", "b"), List.of(List.of(1))));
        assertTrue(e.getMessage().contains("row 0 must have 2 cells, got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Table.of("", List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Table.of("", List.of("a"), List.of()).column("b"));
    }
}
