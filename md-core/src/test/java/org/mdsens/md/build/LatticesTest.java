package org.mdsens.md.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

class LatticesTest {

    private static int[] cells(LatticeKind k) {
        return k.dimension() == 3 ? new int[] {3, 4, 2} : new int[] {5, 3};
    }

    /** Smallest and largest nearest-neighbour distance over all atoms (minimum image, all pairs). */
    static double[] nearestNeighbourRange(ParticleSystem s) {
        int n = s.size();
        int d = s.dimension();
        double[] x = s.positions();
        double[] delta = new double[d];
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                for (int a = 0; a < d; a++) delta[a] = x[d * i + a] - x[d * j + a];
                s.box().minimumImage(delta, 0);
                double r2 = 0;
                for (double v : delta) r2 += v * v;
                best = Math.min(best, r2);
            }
            min = Math.min(min, Math.sqrt(best));
            max = Math.max(max, Math.sqrt(best));
        }
        return new double[] {min, max};
    }

    @ParameterizedTest
    @EnumSource(LatticeKind.class)
    void countDensityAndNearestNeighbour(LatticeKind kind) {
        double rho = 1.2;
        int[] cells = cells(kind);
        ParticleSystem s = Lattices.build(kind, cells, rho, List.of("A"), null, 0.0, 7);
        int expectedN = kind.atomsPerCell() * Arrays.stream(cells).reduce(1, (p, q) -> p * q);
        assertEquals(expectedN, s.size());
        assertEquals(kind.dimension(), s.dimension());
        assertEquals(rho, s.size() / s.box().volume(), 1e-12 * rho);
        double a = kind.latticeConstant(rho);
        double nn = kind.nearestNeighbourDistance(a);
        double[] range = nearestNeighbourRange(s);
        assertEquals(nn, range[0], 1e-12 * nn);
        assertEquals(nn, range[1], 1e-12 * nn);
        for (double v : s.positions()) assertTrue(v >= 0);
        double[] l = ((Box.Periodic) s.box()).lengths();
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < s.dimension(); k++) assertTrue(s.positions()[s.dimension() * i + k] < l[k]);
        }
    }

    @Test
    void closedFormNearestNeighbours() {
        double a = 2.0;
        assertEquals(a / Math.sqrt(2), LatticeKind.FCC.nearestNeighbourDistance(a), 1e-15);
        assertEquals(a * Math.sqrt(3) / 2, LatticeKind.BCC.nearestNeighbourDistance(a), 1e-15);
        // fcc at density 4/a^3 has lattice constant a
        assertEquals(a, LatticeKind.FCC.latticeConstant(4 / (a * a * a)), 1e-14);
        // triangular: area per atom a^2 sqrt(3)/2
        assertEquals(a, LatticeKind.TRIANGULAR.latticeConstant(2 / (a * a * Math.sqrt(3))), 1e-14);
    }

    @Test
    void labelsRoundTrip() {
        for (LatticeKind k : LatticeKind.values()) assertEquals(k, LatticeKind.fromLabel(k.label()));
        assertEquals(LatticeKind.FCC, LatticeKind.fromLabel("FCC"));
        assertThrows(IllegalArgumentException.class, () -> LatticeKind.fromLabel("hcp"));
    }

    @Test
    void compositionCountsAndSeededShuffleSeed42() {
        ParticleSystem s = Lattices.build(LatticeKind.FCC, new int[] {3, 3, 3}, 1.0, List.of("A", "B", "C"),
                new double[] {0.5, 0.3, 0.2}, 0.0, 42);
        int n = 108;
        int[] expected = {Math.round(0.5f * n), (int) Math.round(0.3 * n), 0};
        expected[2] = n - expected[0] - expected[1];
        assertArrayEquals(expected, s.speciesCounts());
        int[] sorted = s.species().clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, s.species()), "species must be shuffled");
    }

    @Test
    void sameSeedSameBitsDifferentSeedDifferentSeeds5And6() {
        ParticleSystem a = Lattices.build(LatticeKind.TRIANGULAR, new int[] {6, 4}, 0.9, List.of("A", "B"),
                new double[] {0.5, 0.5}, 0.05, 5);
        ParticleSystem b = Lattices.build(LatticeKind.TRIANGULAR, new int[] {6, 4}, 0.9, List.of("A", "B"),
                new double[] {0.5, 0.5}, 0.05, 5);
        ParticleSystem c = Lattices.build(LatticeKind.TRIANGULAR, new int[] {6, 4}, 0.9, List.of("A", "B"),
                new double[] {0.5, 0.5}, 0.05, 6);
        assertArrayEquals(a.positions(), b.positions());
        assertArrayEquals(a.species(), b.species());
        assertFalse(Arrays.equals(a.positions(), c.positions()));
        assertFalse(Arrays.equals(a.species(), c.species()));
    }

    @Test
    void jitterIsBoundedAndWrappedSeed9() {
        double jitter = 0.1;
        ParticleSystem perfect = Lattices.build(LatticeKind.BCC, new int[] {3, 3, 3}, 1.0, List.of("A"), null, 0, 9);
        ParticleSystem shaken = Lattices.build(LatticeKind.BCC, new int[] {3, 3, 3}, 1.0, List.of("A"), null, jitter, 9);
        double[] p = perfect.positions();
        double[] q = shaken.positions();
        double[] l = ((Box.Periodic) shaken.box()).lengths();
        double maxMove = 0;
        for (int k = 0; k < p.length; k++) {
            double dx = Box.minimumImage(q[k] - p[k], l[k % 3], 1 / l[k % 3]);
            maxMove = Math.max(maxMove, Math.abs(dx));
            assertTrue(q[k] >= 0 && q[k] < l[k % 3], "wrapped into the box");
        }
        assertTrue(maxMove <= jitter * (1 + 1e-12), "moves at most jitter, got " + maxMove);
        assertTrue(maxMove > 0.5 * jitter, "moves are uniform in ±jitter, got max " + maxMove);
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class,
                () -> Lattices.build(LatticeKind.FCC, new int[] {2, 2}, 1, List.of("A"), null, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Lattices.build(LatticeKind.SQUARE, new int[] {2, 0}, 1, List.of("A"), null, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Lattices.build(LatticeKind.SQUARE, new int[] {2, 2}, -1, List.of("A"), null, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Lattices.build(LatticeKind.SQUARE, new int[] {2, 2}, 1, List.of("A", "B"), new double[] {0.5, 0.6}, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Lattices.build(LatticeKind.SQUARE, new int[] {2, 2}, 1, List.of("A"), null, -0.1, 1));
    }

    @Test
    void compositionCountsNeverGoNegative() {
        assertArrayEquals(new int[] {1, 1, 0, 0}, Composition.counts(2, new double[] {0.25, 0.25, 0.25, 0.25}, 4));
        assertArrayEquals(new int[] {2, 2, 1}, Composition.counts(5, new double[] {0.3, 0.3, 0.4}, 3));
        assertArrayEquals(new int[] {50, 50}, Composition.counts(100, null, 2));
    }
}
