package org.mdsens.app.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The grid of a sweep and its chains (DESIGN.md §5).
 *
 * <p>Points: the cartesian product of the varied parameters' values, numbered in the lexicographic
 * order of the sorted names with values in the order given (the last-sorted name varies fastest).
 * Every point is run once per replica r = 0..R−1; a generated system uses seed + r.
 *
 * <p>Chains: one replica, every coordinate but the last-sorted ("chain") parameter fixed, its points
 * in the chain parameter's order. With P points, L values of the chain parameter and R replicas
 * there are C = (P/L)·R chains; chain c holds replica c mod R and the points
 * ⌊c/R⌋·L + k, k = 0..L−1. Chains are the unit of warm starts, parallel work, sharding (chain c
 * belongs to shard c mod N) and resume, so results never depend on scheduling. Immutable.
 */
public final class SweepPlan {

    private final List<String> names;
    private final double[][] values;
    private final int replicas;
    private final Long baseSeed;
    private final int points;

    /**
     * @param vary     parameter name → values (names sorted, values in the order given; each non-empty)
     * @param replicas replicas per point, ≥ 1
     * @param baseSeed the seed of replica 0 for generated systems, or null for a system read from a file
     */
    public SweepPlan(Map<String, List<Double>> vary, int replicas, Long baseSeed) {
        if (vary.isEmpty()) throw new IllegalArgumentException("a sweep must vary at least one parameter, got none");
        if (replicas < 1) throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
        List<String> sorted = new ArrayList<>(vary.keySet());
        sorted.sort(null);
        this.names = List.copyOf(sorted);
        this.values = new double[names.size()][];
        long p = 1;
        for (int k = 0; k < names.size(); k++) {
            List<Double> v = vary.get(names.get(k));
            if (v.isEmpty()) throw new IllegalArgumentException("values of " + names.get(k) + " must not be empty");
            values[k] = new double[v.size()];
            for (int i = 0; i < v.size(); i++) values[k][i] = v.get(i);
            p *= v.size();
        }
        if (p * replicas > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("points x replicas must be < 2^31, got " + p + " x " + replicas);
        }
        this.points = (int) p;
        this.replicas = replicas;
        this.baseSeed = baseSeed;
    }

    /** The varied parameter names, sorted. */
    public List<String> names() { return names; }

    /** The values of varied parameter {@code k} (a copy), in the order given. */
    public double[] values(int k) { return values[k].clone(); }

    /** The chain parameter: the last-sorted varied name. */
    public String chainParameter() { return names.get(names.size() - 1); }

    /** The number of values of the chain parameter (points per chain). */
    public int chainLength() { return values[values.length - 1].length; }

    /** The number of grid points P. */
    public int pointCount() { return points; }

    /** Replicas per point. */
    public int replicas() { return replicas; }

    /** Rows of the full table: P·R. */
    public int rowCount() { return points * replicas; }

    /** The number of chains C = (P/L)·R. */
    public int chainCount() { return points / chainLength() * replicas; }

    /** True when the system is generated (replicas use seed + r). */
    public boolean generated() { return baseSeed != null; }

    /** The seed of replica r for a generated system, or null for a system read from a file. */
    public Long seed(int replica) {
        checkReplica(replica);
        return baseSeed == null ? null : baseSeed + replica;
    }

    /** The value index of every varied parameter at {@code point} (mixed radix, the last name fastest). */
    public int[] indices(int point) {
        checkPoint(point);
        int[] idx = new int[names.size()];
        int rest = point;
        for (int k = names.size() - 1; k >= 0; k--) {
            idx[k] = rest % values[k].length;
            rest /= values[k].length;
        }
        return idx;
    }

    /** The parameter values at {@code point}, in the order of {@link #names()}. */
    public double[] point(int point) {
        int[] idx = indices(point);
        double[] v = new double[idx.length];
        for (int k = 0; k < idx.length; k++) v[k] = values[k][idx[k]];
        return v;
    }

    /** The chain that runs {@code point} for {@code replica}. */
    public int chainOf(int point, int replica) {
        checkPoint(point);
        checkReplica(replica);
        return point / chainLength() * replicas + replica;
    }

    /** Chain {@code c}. */
    public Chain chain(int c) {
        if (c < 0 || c >= chainCount()) {
            throw new IllegalArgumentException("chain must be in [0, " + (chainCount() - 1) + "], got " + c);
        }
        int length = chainLength();
        int first = c / replicas * length;
        int[] pts = new int[length];
        for (int k = 0; k < length; k++) pts[k] = first + k;
        return new Chain(c, c % replicas, pts);
    }

    /** The chains of a shard, ascending. */
    public List<Chain> chains(ShardSpec shard) {
        List<Chain> out = new ArrayList<>();
        for (int c = 0; c < chainCount(); c++) if (shard.owns(c)) out.add(chain(c));
        return out;
    }

    /** The number of rows (point, replica) a shard runs. */
    public int rowCount(ShardSpec shard) {
        int n = 0;
        for (int c = 0; c < chainCount(); c++) if (shard.owns(c)) n += chainLength();
        return n;
    }

    private void checkPoint(int point) {
        if (point < 0 || point >= points) {
            throw new IllegalArgumentException("point must be in [0, " + (points - 1) + "], got " + point);
        }
    }

    private void checkReplica(int replica) {
        if (replica < 0 || replica >= replicas) {
            throw new IllegalArgumentException("replica must be in [0, " + (replicas - 1) + "], got " + replica);
        }
    }

    /**
     * One chain: a replica and its points in the order of the chain parameter's values.
     *
     * @param index   chain number c
     * @param replica c mod R
     * @param points  the point numbers, consecutive (a copy is held)
     */
    public record Chain(int index, int replica, int[] points) {
        public Chain {
            points = points.clone();
        }

        @Override public int[] points() { return points.clone(); }

        /** The number of points. */
        public int length() { return points.length; }

        /** Point number k of the chain. */
        public int point(int k) { return points[k]; }

        @Override public boolean equals(Object o) {
            return o instanceof Chain c && c.index == index && c.replica == replica && Arrays.equals(c.points, points);
        }

        @Override public int hashCode() { return 31 * index + replica; }

        @Override public String toString() {
            return "Chain[" + index + ", replica " + replica + ", points " + points[0] + ".." + points[points.length - 1] + "]";
        }
    }
}
