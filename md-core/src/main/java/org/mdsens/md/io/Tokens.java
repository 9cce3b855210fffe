package org.mdsens.md.io;

import java.util.ArrayList;
import java.util.List;

/** Whitespace splitting, strict number parsing with located errors, and round-trip number output. */
final class Tokens {

    private Tokens() { }

    /** Splits on runs of spaces and tabs (and other whitespace); no empty tokens. */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) i++;
            out.add(line.substring(start, i));
        }
        return out.toArray(new String[0]);
    }

    /** Removes a {@code #} comment and surrounding whitespace. */
    static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    /** Shortens a token for an error message and quotes it. */
    static String quote(String token) {
        String t = token.length() > 40 ? token.substring(0, 37) + "..." : token;
        return "'" + t + "'";
    }

    /**
     * Parses a finite decimal number: digits, sign, point and exponent only (no {@code NaN},
     * {@code Infinity}, hexadecimal or Java {@code d}/{@code f} suffixes).
     */
    static double real(String token, LineCursor at, String what) {
        boolean ok = !token.isEmpty();
        for (int k = 0; k < token.length() && ok; k++) {
            char c = token.charAt(k);
            ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        }
        if (ok) {
            try {
                double v = Double.parseDouble(token);
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        throw at.error(what + " " + quote(token) + " is not a finite number",
                "a finite decimal number such as 1.5, -2 or 3.0e-4");
    }

    /** Parses a (signed) integer that fits a long. */
    static long integer(String token, LineCursor at, String what) {
        try {
            return Long.parseLong(token.startsWith("+") ? token.substring(1) : token);
        } catch (NumberFormatException e) {
            throw at.error(what + " " + quote(token) + " is not an integer", "a whole number such as 3");
        }
    }

    /** Parses an integer in [min, max]. */
    static int integer(String token, LineCursor at, String what, long min, long max) {
        long v = integer(token, at, what);
        if (v < min || v > max) {
            throw at.error(what + " " + v + " is out of range",
                    max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]");
        }
        return (int) v;
    }

    /** Shortest decimal that reads back to the same double ({@link Double#toString}). */
    static String format(double v) {
        return Double.toString(v);
    }
}
