package org.mdsens.app.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mdsens.viz.export.AtomicFiles;

/**
 * The result tables of a sweep (DESIGN.md §5): {@code results.csv} (RFC 4180, a header line, one
 * row per point and replica) and {@code results.jsonl} (one JSON object per line, the same
 * columns), rows in the order given (callers pass them sorted by point, then replica), columns in
 * {@link SweepLayout} order. Reals are written with {@link Double#toString(double)}, which reads
 * back to the same bits; a NaN or infinite real is {@code NaN} / {@code Infinity} in CSV and
 * {@code null} in JSON; an absent integer (the seed of a file system) is empty / {@code null}.
 * Each file is written atomically. Stateless.
 */
public final class SweepTables {

    /** The CSV table. */
    public static final String CSV = "results.csv";
    /** The JSON-lines table. */
    public static final String JSONL = "results.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepTables() { }

    /** Writes both tables into {@code dir}. */
    public static void write(Path dir, SweepLayout layout, Collection<? extends JsonNode> rows) throws IOException {
        AtomicFiles.writeFile(dir.resolve(CSV), tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(csvHeader(layout));
                w.write('\n');
                for (JsonNode row : rows) {
                    w.write(csvLine(layout, row));
                    w.write('\n');
                }
            }
        });
        AtomicFiles.writeFile(dir.resolve(JSONL), tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (JsonNode row : rows) {
                    w.write(JSON.writeValueAsString(jsonRow(layout, row)));
                    w.write('\n');
                }
            }
        });
    }

    static String csvHeader(SweepLayout layout) {
        StringBuilder sb = new StringBuilder();
        for (SweepLayout.Column c : layout.columns()) {
            if (sb.length() > 0) sb.append(',');
            sb.append(quote(c.name()));
        }
        return sb.toString();
    }

    static String csvLine(SweepLayout layout, JsonNode row) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (SweepLayout.Column c : layout.columns()) {
            if (!first) sb.append(',');
            first = false;
            sb.append(csvCell(c, row.get(c.name())));
        }
        return sb.toString();
    }

    /** One CSV cell. */
    static String csvCell(SweepLayout.Column c, JsonNode v) {
        if (v == null || v.isNull()) return "";
        return switch (c.type()) {
            case INTEGER -> v.isNumber() ? Long.toString(v.longValue()) : quote(v.asText());
            case REAL -> v.isNumber() ? Double.toString(v.doubleValue()) : quote(v.asText());
            case TEXT -> quote(v.asText());
        };
    }

    /** One JSON row: the layout's columns in order. */
    static ObjectNode jsonRow(SweepLayout layout, JsonNode row) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (SweepLayout.Column c : layout.columns()) {
            JsonNode v = row.get(c.name());
            if (v == null || v.isNull()) {
                o.putNull(c.name());
                continue;
            }
            switch (c.type()) {
                case INTEGER -> {
                    if (v.isNumber()) o.put(c.name(), v.longValue()); else o.putNull(c.name());
                }
                case REAL -> {
                    double d = ChainRunner.real(row, c.name());
                    if (Double.isFinite(d)) o.put(c.name(), d); else o.putNull(c.name());
                }
                case TEXT -> o.put(c.name(), v.asText());
            }
        }
        return o;
    }

    /** RFC 4180 quoting where needed. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
