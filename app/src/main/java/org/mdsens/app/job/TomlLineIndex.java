package org.mdsens.app.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A key → line index of a TOML text, so that errors found after tree parsing (which loses
 * positions) can still name the line.
 *
 * <p>A small scanner, not a parser: it recognizes table headers ({@code [a.b]},
 * {@code [a."A-B"]}, {@code [[a]]}), {@code key = value} lines with bare, quoted and dotted keys,
 * and the keys of inline tables ({@code composition = { A = 0.5 }}), and skips over values
 * (strings of all four kinds, multi-line arrays) so that their contents are never mistaken for
 * keys. It assumes the text is valid TOML (the tree parser has already said so) and never throws.
 * A path that was not seen (an element inside an array, say) resolves to its longest recorded
 * prefix. Lines are 1-based. Immutable after construction; thread-safe.
 */
public final class TomlLineIndex {

    private final Map<List<String>, Integer> lines = new HashMap<>();
    private final String text;
    private int pos;
    private int line = 1;

    private TomlLineIndex(String text) {
        this.text = text;
    }

    /** Scans {@code text}. */
    public static TomlLineIndex of(String text) {
        TomlLineIndex index = new TomlLineIndex(text);
        index.scan();
        return index;
    }

    /**
     * The 1-based line where {@code path} (table names and keys from the root) is defined, or of
     * its longest defined prefix; 0 when nothing of it was seen.
     */
    public int lineOf(List<String> path) {
        for (int n = path.size(); n > 0; n--) {
            Integer l = lines.get(path.subList(0, n));
            if (l != null) return l;
        }
        return 0;
    }

    /** True when exactly this path was seen as a table header or key. */
    public boolean contains(List<String> path) {
        return lines.containsKey(path);
    }

    // ---- scanner -------------------------------------------------------------------------

    private void record(List<String> path, boolean exact) {
        List<String> copy = List.copyOf(path);
        for (int n = 1; n < copy.size(); n++) lines.putIfAbsent(copy.subList(0, n), line);
        if (exact) lines.put(copy, line); else lines.putIfAbsent(copy, line);
    }

    private void scan() {
        List<String> table = List.of();
        while (pos < text.length()) {
            skipBlankAndComments();
            if (pos >= text.length()) break;
            char c = text.charAt(pos);
            if (c == '[') {
                boolean arrayTable = pos + 1 < text.length() && text.charAt(pos + 1) == '[';
                pos += arrayTable ? 2 : 1;
                List<String> header = readKeyPath(']');
                if (header.isEmpty()) { skipLine(); continue; }
                table = header;
                record(table, true);
                skipLine();
            } else {
                int start = pos;
                List<String> key = readKeyPath('=');
                if (key.isEmpty() || pos >= text.length() || text.charAt(pos) != '=') {
                    if (pos == start) pos++;
                    skipLine();
                    continue;
                }
                pos++; // '='
                List<String> full = concat(table, key);
                record(full, true);
                skipValue(full);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a.size() + b.size());
        r.addAll(a);
        r.addAll(b);
        return r;
    }

    /** Reads {@code part(.part)*} up to (not past) {@code end}, a newline, or a stray character. */
    private List<String> readKeyPath(char end) {
        List<String> parts = new ArrayList<>();
        while (pos < text.length()) {
            skipSpaces();
            if (pos >= text.length()) break;
            char c = text.charAt(pos);
            if (c == end || c == '\n' || c == '\r') break;
            if (c == '"' || c == '\'') {
                parts.add(readSingleLineString(c));
            } else if (isBare(c)) {
                int s = pos;
                while (pos < text.length() && isBare(text.charAt(pos))) pos++;
                parts.add(text.substring(s, pos));
            } else {
                break;
            }
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '.') pos++; else break;
        }
        skipSpaces();
        return parts;
    }

    private static boolean isBare(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private String readSingleLineString(char quote) {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == quote) { pos++; break; }
            if (c == '\n') break;
            if (c == '\\' && quote == '"' && pos + 1 < text.length()) {
                char e = text.charAt(pos + 1);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    default -> sb.append('\\').append(e);
                }
                pos += 2;
                continue;
            }
            sb.append(c);
            pos++;
        }
        return sb.toString();
    }

    /** Skips one value; records the keys of inline tables under {@code path}. */
    private void skipValue(List<String> path) {
        skipSpaces();
        if (pos >= text.length()) return;
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            skipString(c);
        } else if (c == '[') {
            pos++;
            while (pos < text.length()) {
                skipBlankAndComments();
                if (pos >= text.length()) return;
                char d = text.charAt(pos);
                if (d == ']') { pos++; return; }
                if (d == ',') { pos++; continue; }
                int before = pos;
                skipValue(path);
                if (pos == before) pos++;
            }
        } else if (c == '{') {
            pos++;
            while (pos < text.length()) {
                skipSpaces();
                if (pos >= text.length()) return;
                char d = text.charAt(pos);
                if (d == '}') { pos++; return; }
                if (d == ',') { pos++; continue; }
                if (d == '\n' || d == '\r') { skipBlankAndComments(); continue; }
                int before = pos;
                List<String> key = readKeyPath('=');
                if (!key.isEmpty() && pos < text.length() && text.charAt(pos) == '=') {
                    pos++;
                    List<String> full = concat(path, key);
                    record(full, true);
                    skipValue(full);
                } else if (pos == before) {
                    pos++;
                }
            }
        } else {
            // number, boolean, date: up to a delimiter
            while (pos < text.length()) {
                char d = text.charAt(pos);
                if (d == ',' || d == ']' || d == '}' || d == '\n' || d == '\r' || d == '#') break;
                pos++;
            }
        }
    }

    private void skipString(char quote) {
        boolean multi = text.startsWith(String.valueOf(quote).repeat(3), pos);
        if (!multi) {
            readSingleLineString(quote);
            return;
        }
        pos += 3;
        String close = String.valueOf(quote).repeat(3);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && quote == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '\n') line++;
                pos += 2;
                continue;
            }
            if (text.startsWith(close, pos)) {
                pos += 3;
                // up to two more quotes may belong to the content ("""a"""" is legal)
                while (pos < text.length() && text.charAt(pos) == quote) pos++;
                return;
            }
            if (c == '\n') line++;
            pos++;
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
    }

    private void skipBlankAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                line++;
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else {
                break;
            }
        }
    }

    /** Skips the rest of the line (a trailing comment included), not the newline itself. */
    private void skipLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') pos++;
    }
}
