package org.mdsens.viz.desktop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job the desktop app is editing, as a flat list of {@link DraftEntry} values in file order. A
 * {@link JobGateway} turns it into a job file (and a {@link DesktopJob}); the app never interprets
 * job-file keys beyond the few it shows in special widgets ({@code sensitivity.parameters}).
 * Immutable: every edit returns a new draft.
 *
 * @param file    the job file the draft came from or will be saved to (relative paths inside the
 *                job resolve against its directory); never null
 * @param entries the keys, in file order; at most one entry per (table, key)
 */
public record JobDraft(Path file, List<DraftEntry> entries) {

    /** The table and key of the sensitivity parameter list. */
    public static final String SENSITIVITY_TABLE = "sensitivity";
    /** The key of the sensitivity parameter list. */
    public static final String PARAMETERS_KEY = "parameters";

    public JobDraft {
        if (file == null) throw new IllegalArgumentException("file must not be null");
        entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (entries.get(i).sameKey(entries.get(j))) {
                    throw new IllegalArgumentException("draft entries must be distinct, got "
                            + entries.get(i).qualifiedKey() + " twice");
                }
            }
        }
    }

    /** The entry of (table, key), if present. */
    public Optional<DraftEntry> entry(String table, String key) {
        for (DraftEntry e : entries) if (e.table().equals(table) && e.key().equals(key)) return Optional.of(e);
        return Optional.empty();
    }

    /** The text of (table, key), or "" when absent. */
    public String text(String table, String key) {
        return entry(table, key).map(DraftEntry::text).orElse("");
    }

    /**
     * This draft with {@code entry} replacing the entry of the same key (in place), or appended.
     * An entry with empty text removes the key.
     */
    public JobDraft with(DraftEntry entry) {
        List<DraftEntry> out = new ArrayList<>(entries.size() + 1);
        boolean replaced = false;
        for (DraftEntry e : entries) {
            if (e.sameKey(entry)) {
                if (entry.isSet()) out.add(entry);
                replaced = true;
            } else {
                out.add(e);
            }
        }
        if (!replaced && entry.isSet()) out.add(entry);
        return new JobDraft(file, out);
    }

    /** This draft without every entry whose table is {@code table} or lies below it ({@code table.*}). */
    public JobDraft withoutTable(String table) {
        List<DraftEntry> out = new ArrayList<>();
        for (DraftEntry e : entries) if (!inTable(e, table)) out.add(e);
        return new JobDraft(file, out);
    }

    /** The entries whose table is {@code table} or lies below it. */
    public List<DraftEntry> entriesUnder(String table) {
        List<DraftEntry> out = new ArrayList<>();
        for (DraftEntry e : entries) if (inTable(e, table)) out.add(e);
        return out;
    }

    /** This draft saved under another file name (same entries). */
    public JobDraft withFile(Path newFile) {
        return new JobDraft(newFile, entries);
    }

    /**
     * The sensitivity parameter names of the draft: the strings of the TOML array
     * {@code [sensitivity] parameters}, or none. Tolerates the forms this class writes and simple
     * hand-written arrays of double-quoted or single-quoted strings.
     */
    public List<String> sensitivityParameters() {
        return parseStringArray(text(SENSITIVITY_TABLE, PARAMETERS_KEY));
    }

    /** This draft with {@code [sensitivity] parameters} set to {@code names} (removed when empty). */
    public JobDraft withSensitivityParameters(List<String> names) {
        String text = names.isEmpty() ? "" : formatStringArray(names);
        DraftEntry e = entry(SENSITIVITY_TABLE, PARAMETERS_KEY)
                .orElse(DraftEntry.of(SENSITIVITY_TABLE, PARAMETERS_KEY, DraftEntry.ValueType.RAW, ""));
        return with(e.withText(text));
    }

    static boolean inTable(DraftEntry e, String table) {
        return e.table().equals(table) || e.table().startsWith(table + ".");
    }

    /** {@code ["a", "b"]} with TOML basic-string escapes. */
    public static String formatStringArray(List<String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(quote(names.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A TOML basic string. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The strings of a one-line TOML array of strings; empty for "" or "[]". */
    static List<String> parseStringArray(String text) {
        List<String> out = new ArrayList<>();
        String t = text.strip();
        if (t.isEmpty()) return out;
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new IllegalArgumentException("sensitivity.parameters must be an array of strings, got " + text);
        }
        int i = 1;
        int end = t.length() - 1;
        while (i < end) {
            char c = t.charAt(i);
            if (c == '"' || c == '\'') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < end && t.charAt(j) != c) {
                    if (c == '"' && t.charAt(j) == '\\' && j + 1 < end) {
                        char n = t.charAt(++j);
                        sb.append(switch (n) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> n;
                        });
                    } else {
                        sb.append(t.charAt(j));
                    }
                    j++;
                }
                if (j >= end) throw new IllegalArgumentException("sensitivity.parameters has an unclosed string: " + text);
                out.add(sb.toString());
                i = j + 1;
            } else if (c == ',' || Character.isWhitespace(c)) {
                i++;
            } else {
                throw new IllegalArgumentException("sensitivity.parameters must be an array of strings, got " + text);
            }
        }
        return out;
    }
}
