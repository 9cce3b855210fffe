package org.mdsens.app.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One table of a parsed job file with typed, checked access to its keys. Every failure is a
 * {@link JobFileException} whose message names the file, the line, the table and the key. Not
 * part of the API: the reader's helper.
 */
final class TomlTable {

    private final JobSource source;
    private final List<String> path;
    private final ObjectNode node;

    TomlTable(JobSource source, List<String> path, ObjectNode node) {
        this.source = source;
        this.path = List.copyOf(path);
        this.node = node;
    }

    List<String> path() { return path; }
    JobSource source() { return source; }
    String label() { return JobSource.label(path); }

    /** Keys in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) keys.add(it.next());
        return keys;
    }

    boolean has(String key) { return node.has(key); }

    /** An error located at {@code key} of this table: "file:line: [table] key what". */
    JobFileException error(String key, String what) {
        return source.error(JobSource.child(path, key), label() + " " + key + " " + what);
    }

    /** An error located at this table's header: "file:line: [table] what". */
    JobFileException error(String what) {
        return source.error(path, label() + " " + what);
    }

    /** Rejects every key not in {@code allowed}, with a typo suggestion or the list of valid keys. */
    void allowOnly(Collection<String> allowed) {
        for (String key : keys()) {
            if (!allowed.contains(key)) throw unknownKey(key, allowed);
        }
    }

    JobFileException unknownKey(String key, Collection<String> allowed) {
        String hint = Suggestions.closest(key, allowed);
        String tail = hint != null ? "; did you mean '" + hint + "'?"
                : allowed.isEmpty() ? "; this table takes no keys" : "; valid keys are " + String.join(", ", allowed);
        String where = path.isEmpty() ? "unknown table or key '" + key + "'" : label() + " unknown key '" + key + "'";
        return source.error(JobSource.child(path, key), where + tail);
    }

    /** A required sub-table, or an error naming it. */
    TomlTable table(String key) {
        TomlTable t = optTable(key);
        if (t == null) throw source.error(path, label() + " needs a [" + String.join(".", JobSource.child(path, key)) + "] table");
        return t;
    }

    /** A sub-table, or null when absent. */
    TomlTable optTable(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isObject()) throw error(key, "must be a table, got " + v);
        return new TomlTable(source, JobSource.child(path, key), (ObjectNode) v);
    }

    JsonNode raw(String key) { return node.get(key); }

    String optString(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isTextual()) throw error(key, "must be a string, got " + v);
        return v.textValue();
    }

    String requireString(String key, String hint) {
        String s = optString(key);
        if (s == null) throw error("needs " + key + " (" + hint + ")");
        return s;
    }

    /** One of {@code choices}, with a typo suggestion. */
    String optChoice(String key, List<String> choices) {
        String s = optString(key);
        if (s == null) return null;
        if (!choices.contains(s)) {
            String hint = Suggestions.closest(s, choices);
            throw error(key, "must be one of " + String.join(", ", choices) + ", got \"" + s + "\""
                    + (hint != null ? "; did you mean \"" + hint + "\"?" : ""));
        }
        return s;
    }

    Double optDouble(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isNumber()) throw error(key, "must be a number, got " + v);
        double d = v.doubleValue();
        if (!Double.isFinite(d)) throw error(key, "must be finite, got " + v);
        return d;
    }

    double doubleOr(String key, double fallback) {
        Double d = optDouble(key);
        return d == null ? fallback : d;
    }

    /** A number &gt; 0, or null when absent. */
    Double optPositive(String key) {
        Double d = optDouble(key);
        if (d != null && !(d > 0)) throw error(key, "must be > 0, got " + fmt(d));
        return d;
    }

    /** A number ≥ 0, or null when absent. */
    Double optNonNegative(String key) {
        Double d = optDouble(key);
        if (d != null && !(d >= 0)) throw error(key, "must be >= 0, got " + fmt(d));
        return d;
    }

    Long optLong(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw error(key, "must be an integer, got " + v);
        return v.longValue();
    }

    Integer optInt(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw error(key, "must be an integer, got " + v);
        return v.intValue();
    }

    Boolean optBoolean(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isBoolean()) throw error(key, "must be true or false, got " + v);
        return v.booleanValue();
    }

    boolean booleanOr(String key, boolean fallback) {
        Boolean b = optBoolean(key);
        return b == null ? fallback : b;
    }

    /** An array of numbers, or null. */
    List<Double> optDoubleList(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isArray()) throw error(key, "must be an array of numbers, got " + v);
        List<Double> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isNumber() || !Double.isFinite(e.doubleValue())) throw error(key, "must be an array of numbers, got " + v);
            out.add(e.doubleValue());
        }
        return out;
    }

    /** An array of integers, or null. */
    List<Integer> optIntList(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isArray()) throw error(key, "must be an array of integers, got " + v);
        List<Integer> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isIntegralNumber() || !e.canConvertToInt()) throw error(key, "must be an array of integers, got " + v);
            out.add(e.intValue());
        }
        return out;
    }

    /** An array of strings, or null. */
    List<String> optStringList(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isArray()) throw error(key, "must be an array of strings, got " + v);
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) throw error(key, "must be an array of strings, got " + v);
            out.add(e.textValue());
        }
        return out;
    }

    /** A table of numbers ({@code { A = 0.5, B = 0.5 }}), in file order, or null. */
    Map<String, Double> optNumberTable(String key) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isObject()) throw error(key, "must be a table of numbers like { A = 0.5, B = 0.5 }, got " + v);
        Map<String, Double> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().doubleValue())) {
                throw source.error(JobSource.child(JobSource.child(path, key), e.getKey()),
                        label() + " " + key + "." + e.getKey() + " must be a number, got " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().doubleValue());
        }
        return out;
    }

    /** Shortest decimal form of a double for messages ({@code -1.4}, {@code 2}, {@code 1e-10}). */
    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d).replace("E", "e");
    }

    /** A double to 6 significant digits without trailing zeros ({@code 3.5}, {@code 10.0795}, {@code 1e-10}). */
    static String num(double d) {
        if (!Double.isFinite(d)) return Double.toString(d);
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        java.math.BigDecimal b = new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros();
        double a = Math.abs(d);
        return a >= 1e-4 && a < 1e7 ? b.toPlainString() : b.toString().replace("E", "e").replace("e+", "e");
    }
}
