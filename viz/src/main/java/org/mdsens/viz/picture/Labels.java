package org.mdsens.viz.picture;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Number formatting for legends and colour bars: three significant digits, plain decimals for
 * 10⁻³ ≤ |v| &lt; 10⁴, otherwise {@code m×10ⁿ} with Unicode superscripts. Stateless and thread-safe.
 */
public final class Labels {

    private static final char[] SUPERSCRIPT = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

    private Labels() { }

    /** Formats {@code v} as described in the class comment; non-finite values as "NaN", "∞", "−∞". */
    public static String format(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        String sign = v < 0 ? "−" : "";
        if (a >= 1e-3 && a < 1e4) {
            return sign + strip(new BigDecimal(a).round(new MathContext(3)).toPlainString());
        }
        int e = (int) Math.floor(Math.log10(a));
        double m = a / Math.pow(10, e);
        if (m >= 9.995) { m /= 10; e++; }
        String ms = strip(new BigDecimal(m).round(new MathContext(3)).toPlainString());
        return sign + ("1".equals(ms) ? "" : ms + "×") + "10" + superscript(e);
    }

    /** An integer in Unicode superscript digits, with a superscript minus. */
    public static String superscript(int n) {
        StringBuilder sb = new StringBuilder();
        if (n < 0) sb.append('⁻');
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) sb.append(SUPERSCRIPT[c - '0']);
        return sb.toString();
    }

    private static String strip(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
