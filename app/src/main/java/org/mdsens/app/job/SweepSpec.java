package org.mdsens.app.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code [sweep]} of a sweep file (DESIGN.md §5): replicas, warm starts and the varied parameters
 * with their values expanded ({@code linspace}, {@code logspace} or a list), sorted by name
 * (points are numbered in the lexicographic order of the names). Only {@link JobReader#readSweep}
 * accepts it.
 *
 * @param replicas  replicas per point (≥ 1); generated systems use seeds seed, seed+1, ...
 * @param warmStart start each point of a chain from the previous one's first-order prediction
 * @param vary      parameter name → values in the order given, names sorted
 * @param writeXyz  write the minimum of every point and replica as extended XYZ ({@code write_xyz})
 */
public record SweepSpec(int replicas, boolean warmStart, Map<String, List<Double>> vary, boolean writeXyz) {

    /** Without per-point XYZ files. */
    public SweepSpec(int replicas, boolean warmStart, Map<String, List<Double>> vary) {
        this(replicas, warmStart, vary, false);
    }

    public SweepSpec {
        if (replicas < 1) throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
        TreeMap<String, List<Double>> copy = new TreeMap<>();
        vary.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        vary = Collections.unmodifiableSortedMap(copy);
    }

    /** n points from a to b inclusive, evenly spaced (n ≥ 2, or n = 1 giving a). */
    public static List<Double> linspace(double a, double b, int n) {
        List<Double> v = new ArrayList<>(n);
        for (int i = 0; i < n; i++) v.add(n == 1 ? a : i == n - 1 ? b : a + (b - a) * i / (n - 1));
        return v;
    }

    /**
     * n points from a to b inclusive, geometrically spaced (a and b non-zero with the same sign, as
     * numpy's {@code geomspace}); throws {@link IllegalArgumentException} otherwise.
     */
    public static List<Double> logspace(double a, double b, int n) {
        if (!(a > 0 && b > 0) && !(a < 0 && b < 0)) {
            throw new IllegalArgumentException("logspace endpoints must be non-zero with the same sign, got " + a + ", " + b);
        }
        double sign = a > 0 ? 1 : -1;
        List<Double> v = new ArrayList<>(n);
        double la = Math.log(sign * a);
        double lb = Math.log(sign * b);
        for (int i = 0; i < n; i++) {
            v.add(n == 1 || i == 0 ? a : i == n - 1 ? b : sign * Math.exp(la + (lb - la) * i / (n - 1)));
        }
        return v;
    }
}
