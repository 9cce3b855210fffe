package org.mdsens.md.neighbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.mdsens.md.parallel.Workers;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * The cluster-pair layout against brute force: slots permute the particles, loaded coordinates
 * are images of the positions, and every pair closer than the range appears exactly once in each
 * of its rows at its minimum-image distance, before and after moves within skin/2.
 */
class ClusterListTest {

    static final double CUTOFF = 1.0, SKIN = 0.3;

    static Stream<Arguments> layouts() {
        List<Arguments> a = new ArrayList<>();
        long seed = 500;
        for (int d = 2; d <= 3; d++) {
            for (int n : new int[] {1, 5, 63, 300, 1000}) {
                for (double length : new double[] {2.61, 3.7, 9.3}) {
                    for (boolean periodic : new boolean[] {true, false}) {
                        if (n == 1000 && length < 9) continue;
                        for (int width : n <= 63 ? new int[] {1, 4, 8} : new int[] {8}) {
                            a.add(Arguments.of(d, n, length, periodic, width, seed++));
                        }
                    }
                }
            }
        }
        return a.stream();
    }

    static double[][] load(ClusterList c, double[] x) {
        int s = c.slotCount();
        double[][] xyz = {new double[s], new double[s], new double[s]};
        c.loadPositions(x, xyz[0], xyz[1], xyz[2]);
        return xyz;
    }

    /** Every pair closer than {@code range} (minimum image) occurs exactly once per row, at its minimum-image distance. */
    static void assertRows(ParticleSystem s, ClusterList c, double range) {
        int d = s.dimension(), n = s.size(), w = c.width();
        double[] x = s.positions();
        double[] len = s.box().imageLengths(), inv = s.box().inverseImageLengths();
        double[][] p = load(c, x);
        int[] slotParticle = c.slotParticle(), rows = c.rowOffsets(), entries = c.entries();
        for (int i = 0; i < n; i++) {
            int si = c.particleSlot()[i];
            int[] seen = new int[n];
            double[] dist = new double[n];
            for (int q = rows[si]; q < rows[si + 1]; q++) {
                int first = entries[q];
                assertEquals(0, first % w, "entries point at cluster starts");
                for (int l = 0; l < w; l++) {
                    int sj = first + l, j = slotParticle[sj];
                    if (j < 0) continue;
                    double r2 = 0;
                    for (int a = 0; a < 3; a++) r2 += (p[a][si] - p[a][sj]) * (p[a][si] - p[a][sj]);
                    if (r2 < range * range) {
                        seen[j]++;
                        dist[j] = r2;
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                    r2 += dx * dx;
                }
                if (r2 < range * range * (1 - 1e-12)) {
                    assertEquals(1, seen[j], "pair " + i + "," + j + " at r = " + Math.sqrt(r2));
                    assertEquals(r2, dist[j], 1e-9 * (1 + r2), "pair " + i + "," + j + " distance");
                } else if (r2 > range * range * (1 + 1e-12)) {
                    assertEquals(0, seen[j], "pair " + i + "," + j + " beyond range at r = " + Math.sqrt(r2));
                }
            }
            assertEquals(1, seen[i], "the self pair, once");
        }
    }

    @ParameterizedTest(name = "{0}D N={1} L={2} periodic={3} width={4} seed={5}")
    @MethodSource("layouts")
    void everyPairInRangeAppearsOnceAtItsMinimumImageBeforeAndAfterMoves(int d, int n, double length, boolean periodic,
                                                                         int width, long seed) {
        ParticleSystem s = NeighborListTest.uniform(seed, d, n, length, periodic, true);
        NeighborList list = new NeighborList(CUTOFF, SKIN);
        list.update(s);
        ClusterList c = list.clusters(width);
        assertEquals(width, c.width());
        assertEquals(n, c.particleCount());
        assertEquals(0, c.primarySlotCount() % width);
        assertEquals(0, c.slotCount() % width);
        // primary slots permute the particles
        int[] count = new int[n];
        for (int sl = 0; sl < c.primarySlotCount(); sl++) {
            int p = c.slotParticle()[sl];
            if (p >= 0) {
                count[p]++;
                assertEquals(sl, c.particleSlot()[p]);
            }
        }
        for (int p = 0; p < n; p++) assertEquals(1, count[p], "particle " + p + " in one primary slot");
        // loaded coordinates are periodic images of the positions (or padding)
        double[][] xyz = load(c, s.positions());
        double[] len = s.box().imageLengths();
        for (int sl = 0; sl < c.slotCount(); sl++) {
            int p = c.slotParticle()[sl];
            for (int a = 0; a < 3; a++) {
                double v = xyz[a][sl];
                if (p < 0) {
                    assertEquals(a < d ? ClusterList.PADDING_COORDINATE : 0.0, v);
                } else if (a >= d) {
                    assertEquals(0.0, v);
                } else {
                    double k = len[a] > 0 ? (v - s.positions()[d * p + a]) / len[a] : v - s.positions()[d * p + a];
                    assertEquals(Math.rint(k), k, 1e-9, "slot " + sl + " axis " + a + " is an image");
                    if (len[a] == 0) assertEquals(0.0, k);
                }
            }
        }
        assertRows(s, c, CUTOFF + SKIN);
        // moves of at most skin/2 in total: pairs within the cutoff are still all there, once
        UniformRandomProvider rng = TestSystems.rng(seed + 1);
        double[] x = s.positions();
        double step = 0.99 * SKIN / 2 / Math.sqrt(d);
        for (int q = 0; q < x.length; q++) x[q] += step * (2 * rng.nextDouble() - 1);
        assertTrue(!list.needsRebuild(s));
        assertRows(s, list.clusters(width), CUTOFF);
    }

    @Test
    void theLayoutIsADeterministicFunctionOfThePositionsSeed77() {
        ParticleSystem s = NeighborListTest.uniform(77, 3, 2000, 12.0, true, true);
        NeighborList a = new NeighborList(1.2, 0.3), b = new NeighborList(1.2, 0.3);
        a.update(s);
        b.update(s);
        ClusterList ca = a.clusters(8), cb = b.clusters(8);
        assertEquals(ca.slotCount(), cb.slotCount());
        assertArrayEquals(Arrays.copyOf(ca.slotParticle(), ca.slotCount()), Arrays.copyOf(cb.slotParticle(), cb.slotCount()));
        assertArrayEquals(Arrays.copyOf(ca.rowOffsets(), ca.primarySlotCount() + 1),
                Arrays.copyOf(cb.rowOffsets(), cb.primarySlotCount() + 1));
        assertArrayEquals(Arrays.copyOf(ca.entries(), ca.entryCount()), Arrays.copyOf(cb.entries(), cb.entryCount()));
        int version = ca.version();
        a.rebuild(s);
        assertEquals(version + 1, a.clusters(8).version());
        assertThrows(IllegalArgumentException.class, () -> a.clusters(0));
        assertThrows(IllegalStateException.class, () -> new NeighborList(1, 0.1).clusters(8));
    }

    static Stream<Arguments> threadedLayouts() {
        return Stream.of(Arguments.of(3, true, 79L), Arguments.of(3, false, 80L), Arguments.of(2, true, 81L),
                Arguments.of(2, false, 82L));
    }

    /** Several blocks of every phase (particles, columns, clusters): 1, 2 and 3 threads build the same layout. */
    @ParameterizedTest(name = "{0}D periodic={1} seed={2}")
    @MethodSource("threadedLayouts")
    void threadsDoNotChangeTheLayout(int d, boolean periodic, long seed) {
        int n = 9000;
        ParticleSystem s = NeighborListTest.uniform(seed, d, n, Math.pow(n, 1.0 / d), periodic, true);
        ClusterList one = null;
        for (int threads = 1; threads <= 3; threads++) {
            NeighborList list = new NeighborList(CUTOFF, SKIN);
            list.update(s);
            ClusterList c = list.clusters(8, Workers.shared(threads));
            assertTrue(c.primarySlotCount() / 8 > 2 * ClusterList.BLOCK_CLUSTERS, "several row blocks");
            if (one == null) {
                one = c;
                continue;
            }
            String t = threads + " threads: ";
            assertEquals(one.slotCount(), c.slotCount(), t + "slots");
            assertEquals(one.primarySlotCount(), c.primarySlotCount(), t + "primary slots");
            assertArrayEquals(one.particleSlot(), c.particleSlot(), t + "particle slots");
            assertArrayEquals(Arrays.copyOf(one.slotParticle(), one.slotCount()), Arrays.copyOf(c.slotParticle(), c.slotCount()),
                    t + "slot particles");
            assertArrayEquals(Arrays.copyOf(one.rowOffsets(), one.primarySlotCount() + 1),
                    Arrays.copyOf(c.rowOffsets(), c.primarySlotCount() + 1), t + "row offsets");
            assertArrayEquals(Arrays.copyOf(one.entries(), one.entryCount()), Arrays.copyOf(c.entries(), c.entryCount()),
                    t + "entries");
            double[][] a = load(one, s.positions()), b = load(c, s.positions());
            for (int axis = 0; axis < 3; axis++) assertArrayEquals(a[axis], b[axis], t + "coordinates, axis " + axis);
        }
    }

    @Test
    void aLayoutBuiltOnThreeThreadsListsEveryPairOnceSeed83() {
        ParticleSystem s = NeighborListTest.uniform(83, 3, 5000, Math.cbrt(5000 / 1.2), true, true);
        NeighborList list = new NeighborList(CUTOFF, SKIN);
        list.update(s);
        assertRows(s, list.clusters(8, Workers.shared(3)), CUTOFF + SKIN);
        assertThrows(IllegalArgumentException.class, () -> list.clusters(8, null));
    }

    @Test
    void storeVectorsInvertsLoadVectorsSeed78() {
        ParticleSystem s = NeighborListTest.uniform(78, 2, 333, 9.0, false, false);
        NeighborList list = new NeighborList(1.0, 0.2);
        list.update(s);
        ClusterList c = list.clusters(4);
        UniformRandomProvider rng = TestSystems.rng(78);
        double[] v = new double[2 * 333];
        for (int q = 0; q < v.length; q++) v[q] = rng.nextDouble();
        double[] vx = new double[c.slotCount()], vy = new double[c.slotCount()], vz = new double[c.slotCount()];
        c.loadVectors(v, vx, vy, vz);
        double[] back = new double[v.length];
        c.storeVectors(vx, vy, vz, -2.0, back, 0, 333);
        for (int q = 0; q < v.length; q++) assertEquals(-2 * v[q], back[q]);
    }
}
