package org.mdsens.viz.desktop;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One key of a job-file draft as the desktop app edits it: the TOML table it sits in, the key, the
 * kind of value, and the value as text.
 *
 * <p>Text forms: a number as typed ({@code 1.4}, {@code 1e-10}), an integer ({@code 128}), a boolean
 * ({@code true}/{@code false}), a string without quotes ({@code soft-sphere}), or, for
 * {@link ValueType#RAW}, a TOML value written out ({@code [2.0, 2.5]}, {@code ["diameter[B]"]}). An
 * empty text means "not set": the key is left out of the job and its default applies.
 *
 * <p>{@link #withText} checks the form only (a number must be a finite number, a choice one of its
 * choices); whether the value is allowed (a diameter must be &gt; 0) is the job reader's business,
 * asked through {@link JobGateway#check}. Immutable.
 *
 * @param table   the table in TOML header form without brackets: {@code potential}, {@code species.A},
 *                {@code potential.pairs."A-B"}, {@code system.generate.composition}
 * @param key     the key (bare or as TOML would need it quoted is the writer's concern)
 * @param type    the kind of value
 * @param text    the value as text; empty for "not set"
 * @param choices allowed values of a {@link ValueType#STRING} key with a fixed set (empty: any)
 * @param hint    what the default is or what the key means, for tooltips (never null)
 */
public record DraftEntry(String table, String key, ValueType type, String text, List<String> choices, String hint) {

    /** The kinds of value the editor tells apart. */
    public enum ValueType {
        /** A floating-point number (TOML float or integer). */
        NUMBER,
        /** An integer (counts, seeds, iteration caps, dimensions). */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A string, written quoted. */
        STRING,
        /** Any other TOML value (arrays), kept as written. */
        RAW
    }

    /** TOML decimal numbers: what is written back verbatim. */
    private static final Pattern TOML_NUMBER =
            Pattern.compile("[+-]?(0|[1-9][0-9_]*)(\\.[0-9][0-9_]*)?([eE][+-]?[0-9][0-9_]*)?");
    private static final Pattern TOML_INTEGER = Pattern.compile("[+-]?(0|[1-9][0-9_]*)");

    public DraftEntry {
        if (table == null || key == null || key.isEmpty() || type == null) {
            throw new IllegalArgumentException("table, key and type must be given, got " + table + ", " + key + ", " + type);
        }
        text = text == null ? "" : text.strip();
        choices = choices == null ? List.of() : List.copyOf(choices);
        hint = hint == null ? "" : hint;
    }

    /** An entry without fixed choices and without a hint. */
    public static DraftEntry of(String table, String key, ValueType type, String text) {
        return new DraftEntry(table, key, type, text, List.of(), "");
    }

    /** {@code table.key} as a reader would say it: {@code species.B.diameter}. */
    public String qualifiedKey() {
        return table.isEmpty() ? key : table + "." + key;
    }

    /** Whether the key is set (non-empty text). */
    public boolean isSet() { return !text.isEmpty(); }

    /** Whether this entry is the same key as {@code other} (same table and key). */
    public boolean sameKey(DraftEntry other) {
        return table.equals(other.table) && key.equals(other.key);
    }

    /**
     * This entry with another value, after checking its form. Numbers typed in a form TOML does not
     * take ({@code .5}, {@code 1.}) are normalized ({@code 0.5}, {@code 1.0}).
     *
     * @param newText the value as typed; empty or blank clears the key
     * @throws IllegalArgumentException "&lt;key&gt; must be &lt;form&gt;, got '&lt;text&gt;'"
     */
    public DraftEntry withText(String newText) {
        String t = newText == null ? "" : newText.strip();
        if (t.isEmpty()) return new DraftEntry(table, key, type, "", choices, hint);
        String normalized = switch (type) {
            case NUMBER -> number(t);
            case INTEGER -> integer(t);
            case BOOLEAN -> bool(t);
            case STRING -> string(t);
            case RAW -> t;
        };
        return new DraftEntry(table, key, type, normalized, choices, hint);
    }

    /** The value as a double (NUMBER and INTEGER entries that are set). */
    public double number() {
        if (!isSet() || (type != ValueType.NUMBER && type != ValueType.INTEGER)) {
            throw new IllegalStateException(qualifiedKey() + " has no number");
        }
        return Double.parseDouble(text.replace("_", ""));
    }

    private String number(String t) {
        if (TOML_NUMBER.matcher(t).matches()) return t;
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw invalid("a number", t);
        }
        if (!Double.isFinite(v) || t.chars().anyMatch(Character::isLetter) && !t.toLowerCase(Locale.ROOT).contains("e")) {
            throw invalid("a finite number", t);
        }
        return Double.toString(v);
    }

    private String integer(String t) {
        if (!TOML_INTEGER.matcher(t).matches()) throw invalid("a whole number", t);
        try {
            Long.parseLong(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid("a whole number of at most 19 digits", t);
        }
        return t;
    }

    private String bool(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        if (l.equals("true") || l.equals("false")) return l;
        throw invalid("true or false", t);
    }

    private String string(String t) {
        if (!choices.isEmpty() && !choices.contains(t)) throw invalid("one of " + String.join(", ", choices), t);
        if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) throw invalid("a single line", t);
        return t;
    }

    private IllegalArgumentException invalid(String what, String got) {
        return new IllegalArgumentException(qualifiedKey() + " must be " + what + ", got '" + got + "'");
    }

    @Override public String toString() {
        return qualifiedKey() + " = " + (isSet() ? text : "(default)");
    }
}
