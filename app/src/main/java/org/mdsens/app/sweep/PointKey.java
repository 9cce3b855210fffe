package org.mdsens.app.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a sweep: a grid point and a replica. Its files in {@code DIR/points/} are named
 * {@code p<point, 6 digits>-r<replica, 4 digits>} plus an extension. Ordered by (point, replica),
 * the order of the final table.
 *
 * @param point   the point number (≥ 0)
 * @param replica the replica (≥ 0)
 */
public record PointKey(int point, int replica) implements Comparable<PointKey> {

    private static final Pattern STEM = Pattern.compile("p(\\d+)-r(\\d+)");

    public PointKey {
        if (point < 0 || replica < 0) {
            throw new IllegalArgumentException("point and replica must be >= 0, got " + point + ", " + replica);
        }
    }

    /** {@code p000012-r0001}. */
    public String stem() {
        return String.format(java.util.Locale.ROOT, "p%06d-r%04d", point, replica);
    }

    /** The key of a file stem, or null when it is not one. */
    public static PointKey parseStem(String stem) {
        Matcher m = STEM.matcher(stem);
        if (!m.matches()) return null;
        try {
            return new PointKey(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override public int compareTo(PointKey o) {
        int c = Integer.compare(point, o.point);
        return c != 0 ? c : Integer.compare(replica, o.replica);
    }

    /** {@code (point, replica)}. */
    @Override public String toString() {
        return "(" + point + ", " + replica + ")";
    }
}
