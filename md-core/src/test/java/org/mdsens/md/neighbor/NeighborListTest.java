package org.mdsens.md.neighbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdsens.md.model.TestSystems;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/** NeighborList against a brute-force all-pairs reference, its rebuild rule, full list and errors. */
class NeighborListTest {

    /** Uniform random positions (no exclusion), optionally unwrapped by random multiples of L. */
    static ParticleSystem uniform(long seed, int d, int n, double length, boolean periodic, boolean unwrap) {
        UniformRandomProvider rng = TestSystems.rng(seed);
        double[] x = new double[d * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = length * rng.nextDouble();
            if (unwrap) x[i] += length * (rng.nextInt(7) - 3);
        }
        Box box = periodic ? Box.Periodic.cube(d, length) : new Box.Open(d);
        return new ParticleSystem(box, x, new int[n], List.of("A"));
    }

    /** Brute force: sorted rows of j &gt; i with minimum-image distance below range. */
    static List<int[]> reference(ParticleSystem s, double range) {
        int d = s.dimension();
        double[] x = s.positions();
        double[] len = s.box().imageLengths();
        double[] inv = s.box().inverseImageLengths();
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            List<Integer> row = new ArrayList<>();
            for (int j = i + 1; j < s.size(); j++) {
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                    r2 += dx * dx;
                }
                if (r2 < range * range) row.add(j);
            }
            rows.add(row.stream().mapToInt(Integer::intValue).toArray());
        }
        return rows;
    }

    static void assertMatches(List<int[]> expected, NeighborList list) {
        int[] off = list.offsets();
        int[] nb = list.neighbors();
        assertEquals(expected.size() + 1, off.length);
        int total = 0;
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), Arrays.copyOfRange(nb, off[i], off[i + 1]), "row " + i);
            total += expected.get(i).length;
        }
        assertEquals(total, list.pairCount());
        assertEquals(total, nb.length);
    }

    static Stream<Arguments> layouts() {
        List<Arguments> a = new ArrayList<>();
        long seed = 100;
        // sizes on both sides of the all-pairs threshold; box lengths giving 2, 3 and many cells per axis
        for (int d = 2; d <= 3; d++) {
            for (int n : new int[] {1, 5, 63, 64, 300}) {
                for (double length : new double[] {2.0, 2.9, 3.1, 7.7}) {
                    for (boolean periodic : new boolean[] {true, false}) {
                        a.add(Arguments.of(seed++, d, n, length, periodic));
                    }
                }
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "seed={0} d={1} n={2} L={3} periodic={4}")
    @MethodSource("layouts")
    void cellBuildEqualsAllPairs(long seed, int d, int n, double length, boolean periodic) {
        double cutoff = 0.8, skin = 0.2;
        ParticleSystem s = uniform(seed, d, n, length, periodic, periodic);
        NeighborList list = new NeighborList(cutoff, skin);
        assertTrue(list.update(s));
        assertMatches(reference(s, cutoff + skin), list);
        assertEquals(1, list.rebuildCount());
    }

    @Test
    void openBoxWithFarApartClustersUsesBoundedCells() {
        // two clusters 1e6 apart: the bounding box would need ~1e6 cells per axis; the grid caps it
        int n = 200;
        UniformRandomProvider rng = TestSystems.rng(31);
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) x[3 * i + a] = 4 * rng.nextDouble() + (i % 2 == 0 ? 0 : 1e6);
        }
        ParticleSystem s = new ParticleSystem(new Box.Open(3), x, new int[n], List.of("A"));
        NeighborList list = new NeighborList(1.0, 0.3);
        list.update(s);
        assertMatches(reference(s, 1.3), list);
    }

    @Test
    void rebuildsOnlyWhenAParticleMovedMoreThanHalfTheSkinOrTheBoxChanged() {
        ParticleSystem s = uniform(7, 3, 100, 6.0, true, false);
        NeighborList list = new NeighborList(1.0, 0.4);
        assertTrue(list.update(s));
        assertFalse(list.update(s));
        double[] x = s.positions();
        x[30] += 0.19; // below skin/2 = 0.2
        x[31] -= 0.05;
        assertFalse(list.update(s));
        x[30] += 0.02; // |Δ| = sqrt(0.21² + 0.05²) > 0.2
        assertTrue(list.update(s));
        assertEquals(2, list.rebuildCount());
        ParticleSystem bigger = s.withBox(Box.Periodic.cube(3, 6.5));
        assertTrue(list.update(bigger));
        assertMatches(reference(bigger, 1.4), list);
        // a wrapped copy moves particles by whole box lengths: a rebuild, same pairs
        ParticleSystem shifted = bigger.copy();
        shifted.positions()[0] += 6.5;
        assertTrue(list.update(shifted));
        assertMatches(reference(bigger, 1.4), list);
    }

    @Test
    void fullListHoldsEachPairUnderBothParticlesInAscendingRows() {
        ParticleSystem s = uniform(9, 2, 250, 9.0, true, true);
        NeighborList list = new NeighborList(1.0, 0.25);
        list.update(s);
        int[] off = list.offsets(), nb = list.neighbors();
        int[] fo = list.fullOffsets(), fn = list.fullNeighbors();
        assertEquals(2 * list.pairCount(), fn.length);
        for (int i = 0; i < s.size(); i++) {
            int[] row = Arrays.copyOfRange(fn, fo[i], fo[i + 1]);
            int[] sorted = row.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, row, "row " + i + " ascending");
            List<Integer> expected = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                for (int q = off[j]; q < off[j + 1]; q++) if (nb[q] == i) expected.add(j);
            }
            for (int q = off[i]; q < off[i + 1]; q++) expected.add(nb[q]);
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), row, "row " + i);
        }
        // rebuilt lazily after the next build
        s.positions()[0] += 1.0;
        list.update(s);
        assertEquals(2 * list.pairCount(), list.fullNeighbors().length);
    }

    @Test
    void rejectsBoxesShorterThanTwiceTheInteractionRange() {
        ParticleSystem s = uniform(3, 3, 10, 5.0, true, false);
        NeighborList list = new NeighborList(2.0, 0.6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> list.update(s));
        assertEquals("box length L=5.0 must be at least 2·(cutoff+skin)=5.2 for the minimum image; "
                + "use a larger box or a smaller cutoff", e.getMessage());
        // open boxes have no such limit
        new NeighborList(2.0, 0.6).update(uniform(3, 3, 10, 5.0, false, false));
        assertThrows(IllegalArgumentException.class, () -> new NeighborList(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new NeighborList(1, -0.1));
    }

    static int[] bruteCoincident(ParticleSystem s, double min) {
        List<int[]> rows = reference(s, min);
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).length > 0) return new int[] {i, rows.get(i)[0]};
        return null;
    }

    @ParameterizedTest(name = "seed={0} d={1} periodic={2}")
    @MethodSource("coincidentCases")
    void findCoincidentReturnsTheFirstClosePairOrNull(long seed, int d, boolean periodic) {
        double length = 10;
        int n = 400;
        UniformRandomProvider rng = TestSystems.rng(seed);
        // a jittered lattice: no pair closer than 0.4 ...
        int side = (int) Math.ceil(Math.pow(n, 1.0 / d));
        double a = length / side;
        double[] x = new double[d * n];
        for (int i = 0; i < n; i++) {
            int rest = i;
            for (int ax = 0; ax < d; ax++) {
                x[d * i + ax] = (rest % side + 0.5) * a + 0.1 * a * (rng.nextDouble() - 0.5);
                rest /= side;
            }
        }
        ParticleSystem clean = new ParticleSystem(periodic ? Box.Periodic.cube(d, length) : new Box.Open(d), x,
                new int[n], List.of("A"));
        assertNull(NeighborList.findCoincident(clean, 0.4));
        assertArrayEquals(bruteCoincident(clean, 1.5 * a), NeighborList.findCoincident(clean, 1.5 * a));
        // ... then plant two close pairs; the first (smallest i, then j) is reported
        int i1 = 150 + rng.nextInt(100), j1 = 300 + rng.nextInt(50), i2 = 260, j2 = 20;
        for (int ax = 0; ax < d; ax++) {
            x[d * j1 + ax] = x[d * i1 + ax] + 1e-3;
            x[d * j2 + ax] = x[d * i2 + ax] - 1e-4;
        }
        if (periodic) x[d * j1] = x[d * i1] + 1e-3 + 3 * length; // an unwrapped image
        ParticleSystem planted = new ParticleSystem(clean.box(), x, new int[n], List.of("A"));
        int[] expected = bruteCoincident(planted, 0.01);
        assertArrayEquals(new int[] {Math.min(20, 260), Math.max(20, 260)}, expected);
        assertArrayEquals(expected, NeighborList.findCoincident(planted, 0.01));
        assertThrows(IllegalArgumentException.class, () -> NeighborList.findCoincident(planted, 0));
    }

    static Stream<Arguments> coincidentCases() {
        return Stream.of(Arguments.of(41L, 2, true), Arguments.of(42L, 2, false), Arguments.of(43L, 3, true),
                Arguments.of(44L, 3, false));
    }

    @Test
    void findCoincidentAcrossThePeriodicBoundaryInATinyBox() {
        // box shorter than the minimum distance on one axis: one cell, still the minimum image
        ParticleSystem s = new ParticleSystem(new Box.Periodic(new double[] {0.5, 20}), new double[] {0.01, 1, 0.49, 1.2},
                new int[2], List.of("A"));
        assertArrayEquals(new int[] {0, 1}, NeighborList.findCoincident(s, 0.3));
        assertNull(NeighborList.findCoincident(s, 0.2));
    }
}
