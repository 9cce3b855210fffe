package org.mdsens.md.potential;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Species names and the numbering of unordered species pairs shared by every built-in potential.
 *
 * <p>Pairs (a, b) with a ≤ b are numbered row by row: (0,0), (0,1), ..., (0,n−1), (1,1), ...; the
 * pair index of (a, b) and (b, a) is the same. Immutable and thread-safe.
 */
final class SpeciesTable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+");

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final int n;
    private final int[] pairOf;      // n·n, pair index of (a, b)
    private final int[] first;       // per pair, the smaller species index
    private final int[] second;      // per pair, the larger species index

    SpeciesTable(List<String> species) {
        if (species == null || species.isEmpty()) {
            throw new IllegalArgumentException("species list must be non-empty, got " + species);
        }
        this.names = List.copyOf(species);
        this.n = names.size();
        for (int i = 0; i < n; i++) {
            String s = names.get(i);
            if (!NAME.matcher(s).matches()) {
                throw new IllegalArgumentException("species name must match [A-Za-z0-9]+, got '" + s + "'");
            }
            if (index.put(s, i) != null) {
                throw new IllegalArgumentException("species names must be unique, got '" + s + "' twice in " + names);
            }
        }
        int pairs = n * (n + 1) / 2;
        pairOf = new int[n * n];
        first = new int[pairs];
        second = new int[pairs];
        int p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                pairOf[a * n + b] = p;
                pairOf[b * n + a] = p;
                first[p] = a;
                second[p] = b;
                p++;
            }
        }
    }

    List<String> names() { return names; }

    int size() { return n; }

    int pairCount() { return first.length; }

    /** Species index of a name; throws naming the species and the valid ones. */
    int species(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown species '" + name + "'; species are " + String.join(", ", names));
        }
        return i;
    }

    /** Species index or −1. */
    int speciesOrMinusOne(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    int pairIndex(int a, int b) {
        if (a < 0 || b < 0 || a >= n || b >= n) {
            throw new IndexOutOfBoundsException("species indices must be in [0, " + n + "), got (" + a + ", " + b + ")");
        }
        return pairOf[a * n + b];
    }

    int pairIndex(String a, String b) { return pairOf[species(a) * n + species(b)]; }

    int first(int pair) { return first[pair]; }

    int second(int pair) { return second[pair]; }

    /** "A,B" with A before B in species order. */
    String pairLabel(int pair) { return names.get(first[pair]) + "," + names.get(second[pair]); }
}
