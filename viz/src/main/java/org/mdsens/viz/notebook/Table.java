package org.mdsens.viz.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small table of results: a caption, column names and rows of numbers or text, shown in a notebook as
 * an HTML table ({@code text/html}) and as aligned text by {@link #toString()}.
 *
 * <p>Numbers are formatted for reading, not for round trips: integers as they are, other values with six
 * significant digits ({@code 0.123457}, {@code 1.23457e-11}); {@link #toCsv()} writes full precision
 * ({@link Double#toString}). Cells are {@link Number}s, text, or anything else (its {@code toString()}).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Table t = Table.of("energies", List.of("seed", "E/N"), List.of(List.of(7, 0.0123), List.of(8, 0.0119)));
 * t.toHtml();   // <table>...</table>
 * }</pre>
 */
public final class Table implements Displayable {

    private final String caption;
    private final List<String> columns;
    private final List<List<Object>> rows;

    private Table(String caption, List<String> columns, List<List<Object>> rows) {
        this.caption = caption == null ? "" : caption;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    /**
     * A table from rows of cells.
     *
     * @param caption shown above the table (may be empty)
     * @param columns column names, at least one
     * @param rows    each with one cell per column (null cells print as empty)
     */
    public static Table of(String caption, List<String> columns, List<? extends List<?>> rows) {
        if (columns == null || columns.isEmpty()) throw new IllegalArgumentException("columns must not be empty");
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " must have " + columns.size() + " cells, got "
                        + row.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        return new Table(caption, columns, Collections.unmodifiableList(copy));
    }

    /** A two-column table {@code quantity | value} from an ordered map. */
    public static Table keyValue(String caption, Map<String, ?> values) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, ?> e : values.entrySet()) rows.add(Arrays.asList(e.getKey(), e.getValue()));
        return of(caption, List.of("quantity", "value"), rows);
    }

    public String caption() { return caption; }
    public List<String> columns() { return columns; }
    public int rowCount() { return rows.size(); }

    /** The cell at (row, column), as given. */
    public Object cell(int row, int column) { return rows.get(row).get(column); }

    /** The values of a numeric column (NaN where a cell is not a number). */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) throw new IllegalArgumentException("column must be one of " + columns + ", got '" + name + "'");
        double[] v = new double[rows.size()];
        for (int r = 0; r < v.length; r++) {
            Object o = rows.get(r).get(c);
            v[r] = o instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return v;
    }

    /** The cell as shown: integers plainly, other numbers with six significant digits. */
    static String format(Object o) {
        if (o == null) return "";
        if (o instanceof Double || o instanceof Float) {
            double v = ((Number) o).doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
            if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v) + ".0";
            double a = Math.abs(v);
            String s = a >= 1e-4 && a < 1e6 ? String.format(Locale.ROOT, "%.6g", v) : String.format(Locale.ROOT, "%.5e", v);
            return trimZeros(s);
        }
        return o.toString();
    }

    private static String trimZeros(String s) {
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) mantissa = mantissa + "0";
        }
        return mantissa + exponent;
    }

    /** An HTML {@code <table>} with the caption. */
    public String toHtml() {
        StringBuilder b = new StringBuilder("<table class=\"mdsens-table\">");
        if (!caption.isEmpty()) b.append("<caption>").append(Html.escape(caption)).append("</caption>");
        b.append("<thead><tr>");
        for (String c : columns) b.append("<th>").append(Html.escape(c)).append("</th>");
        b.append("</tr></thead><tbody>");
        for (List<Object> row : rows) {
            b.append("<tr>");
            for (Object o : row) {
                boolean number = o instanceof Number;
                b.append(number ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                        .append(Html.escape(format(o))).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** A Markdown (GitHub pipe) table, caption in bold above it. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        if (!caption.isEmpty()) b.append("**").append(caption).append("**\n\n");
        b.append('|');
        for (String c : columns) b.append(' ').append(c.replace("|", "\\|")).append(" |");
        b.append("\n|");
        for (int c = 0; c < columns.size(); c++) b.append(" --- |");
        for (List<Object> row : rows) {
            b.append("\n|");
            for (Object o : row) b.append(' ').append(format(o).replace("|", "\\|")).append(" |");
        }
        return b.append('\n').toString();
    }

    /** Comma-separated values with a header line; numbers at full precision, text quoted when needed. */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) b.append(c > 0 ? "," : "").append(csv(columns.get(c)));
        b.append('\n');
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                Object o = row.get(c);
                b.append(c > 0 ? "," : "").append(o instanceof Number ? o.toString() : csv(o == null ? "" : o.toString()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Writes {@link #toCsv()} to a file (parent directories are created).
     *
     * @return the file
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, toCsv(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@link #save(Path)} of a path given as text. */
    public Path save(String file) { return save(Path.of(file)); }

    @Override public List<String> displayTypes() { return List.of(HTML); }
    @Override public List<String> supportedDisplayTypes() { return List.of(HTML, MARKDOWN); }

    @Override public String displayData(String mimeType) {
        return switch (Html.checkType(this, mimeType)) {
            case HTML -> toHtml();
            default -> toMarkdown();
        };
    }

    /** Aligned plain text: caption, header, rule, rows. */
    @Override public String toString() {
        int n = columns.size();
        int[] w = new int[n];
        for (int c = 0; c < n; c++) w[c] = columns.get(c).length();
        List<String[]> cells = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            String[] s = new String[n];
            for (int c = 0; c < n; c++) {
                s[c] = format(row.get(c));
                w[c] = Math.max(w[c], s[c].length());
            }
            cells.add(s);
        }
        StringBuilder b = new StringBuilder();
        if (!caption.isEmpty()) b.append(caption).append('\n');
        for (int c = 0; c < n; c++) b.append(c > 0 ? "  " : "").append(pad(columns.get(c), w[c], false));
        b.append('\n');
        for (int c = 0; c < n; c++) b.append(c > 0 ? "  " : "").append("-".repeat(w[c]));
        for (int r = 0; r < cells.size(); r++) {
            b.append('\n');
            for (int c = 0; c < n; c++) {
                b.append(c > 0 ? "  " : "").append(pad(cells.get(r)[c], w[c], rows.get(r).get(c) instanceof Number));
            }
        }
        return b.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
