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
 * The half cluster-pair list against brute force: every pair closer than the range appears
 * exactly once over all entries (lanes i &lt; j of the self pair), at its minimum-image distance,
 * before and after moves within skin/2; entries, windows and blocks are consistent; threads do
 * not change the list.
 */
class ClusterPairListTest {

    static final double CUTOFF = 1.0, SKIN = 0.3;

    static Stream<Arguments> lists() {
        List<Arguments> a = new ArrayList<>();
        long seed = 700;
        for (int d = 2; d <= 3; d++) {
            for (int n : new int[] {1, 3, 7, 13, 63, 207, 1000}) {
                for (double length : new double[] {2.61, 3.7, 9.3}) {
                    for (boolean periodic : new boolean[] {true, false}) {
                        if (n == 1000 && length < 9) continue;
                        a.add(Arguments.of(d, n, length, periodic, seed++));
                    }
                }
            }
        }
        return a.stream();
    }

    /** Slot coordinates, 4 per cluster. */
    static double[][] load(ClusterPairList c, double[] x) {
        int s = ClusterPairList.SIZE * c.clusterCount();
        double[][] xyz = {new double[s], new double[s], new double[s]};
        c.loadPositions(x, xyz[0], xyz[1], xyz[2], ClusterPairList.SIZE, 0, c.clusterCount());
        return xyz;
    }

    /** Every pair closer than {@code range} (minimum image) occurs exactly once, at its minimum-image distance. */
    static void assertPairs(ParticleSystem s, ClusterPairList c, double range) {
        int d = s.dimension(), n = s.size();
        double[] x = s.positions();
        double[] len = s.box().imageLengths(), inv = s.box().inverseImageLengths();
        double[][] p = load(c, x);
        int[] sp = c.slotParticle();
        int[] seen = new int[n * n];
        double[] dist = new double[n * n];
        double[] sh = c.imageShifts();
        for (int e = 0; e < c.entryCount(); e++) {
            int ci = c.entryCluster()[e], code = c.entryShift()[e];
            if (e > 0) assertTrue(c.entryCluster()[e - 1] <= ci, "entries sorted by i-cluster");
            for (int q = c.jStart()[e]; q < c.jStart()[e + 1]; q++) {
                int cj = c.jClusters()[q];
                boolean self = cj == ci && code == ClusterPairList.CENTER;
                if (self) assertEquals(c.jStart()[e], q, "the self pair comes first");
                for (int a = 0; a < 4; a++) {
                    int si = 4 * ci + a, i = sp[si];
                    if (i < 0) continue;
                    for (int b = self ? a + 1 : 0; b < 4; b++) {
                        int sj = 4 * cj + b, j = sp[sj];
                        if (j < 0) continue;
                        double r2 = 0;
                        for (int ax = 0; ax < 3; ax++) {
                            double dx = p[ax][si] - (p[ax][sj] + sh[3 * code + ax]);
                            r2 += dx * dx;
                        }
                        if (r2 < range * range) {
                            int key = Math.min(i, j) * n + Math.max(i, j);
                            seen[key]++;
                            dist[key] = r2;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
                    r2 += dx * dx;
                }
                int key = i * n + j;
                if (r2 < range * range * (1 - 1e-12)) {
                    assertEquals(1, seen[key], "pair " + i + "," + j + " at r = " + Math.sqrt(r2));
                    assertEquals(r2, dist[key], 1e-9 * (1 + r2), "pair " + i + "," + j + " distance");
                } else if (r2 > range * range * (1 + 1e-12)) {
                    assertEquals(0, seen[key], "pair " + i + "," + j + " beyond range at r = " + Math.sqrt(r2));
                }
            }
        }
    }

    /** Blocks cover the entries in order, and every cluster an entry writes lies in its block's window. */
    static void assertBlocks(ClusterPairList c) {
        int nb = c.blockCount(), clusters = c.clusterCount();
        assertTrue(nb >= 1);
        assertEquals(0, c.blockEntries()[0]);
        assertEquals(c.entryCount(), c.blockEntries()[nb]);
        for (int b = 0; b < nb; b++) {
            int first = c.blockFirst()[b], window = c.blockWindow()[b];
            assertTrue(window <= Math.max(clusters, 1), "window within the clusters");
            for (int e = c.blockEntries()[b]; e < c.blockEntries()[b + 1]; e++) {
                int ci = c.entryCluster()[e];
                assertTrue(ci >= first && ci - first < window, "block " + b + " owns i-cluster " + ci);
                for (int q = c.jStart()[e]; q < c.jStart()[e + 1]; q++) {
                    int local = Math.floorMod(c.jClusters()[q] - first, clusters);
                    assertTrue(local < window, "block " + b + " window holds j-cluster " + c.jClusters()[q]);
                }
            }
        }
        // per x-column, the blocks whose window holds it
        for (int k = 0; k < clusters; k++) {
            int cx = c.clusterXColumn()[k];
            assertTrue(k >= c.xColumnCluster()[cx] && k < c.xColumnCluster()[cx + 1]);
            List<Integer> expected = new ArrayList<>(), listed = new ArrayList<>();
            for (int b = 0; b < nb; b++) {
                if (Math.floorMod(k - c.blockFirst()[b], clusters) < c.blockWindow()[b]) expected.add(b);
            }
            for (int q = c.windowStart()[cx]; q < c.windowStart()[cx + 1]; q++) listed.add(c.windowBlocks()[q]);
            assertEquals(expected, listed, "windows holding cluster " + k);
        }
    }

    @ParameterizedTest(name = "{0}D N={1} L={2} periodic={3} seed={4}")
    @MethodSource("lists")
    void everyPairInRangeAppearsOnceBeforeAndAfterMoves(int d, int n, double length, boolean periodic, long seed) {
        ParticleSystem s = NeighborListTest.uniform(seed, d, n, length, periodic, true);
        NeighborList list = new NeighborList(CUTOFF, SKIN);
        list.update(s);
        ClusterPairList c = list.clusterPairs(Workers.single());
        assertEquals(n, c.particleCount());
        assertEquals(d, c.dimension());
        int[] count = new int[n];
        for (int sl = 0; sl < 4 * c.clusterCount(); sl++) {
            int p = c.slotParticle()[sl];
            if (p >= 0) {
                count[p]++;
                assertEquals(sl, c.particleSlot()[p]);
            }
        }
        for (int p = 0; p < n; p++) assertEquals(1, count[p], "particle " + p + " in one slot");
        assertBlocks(c);
        assertPairs(s, c, CUTOFF + SKIN);
        UniformRandomProvider rng = TestSystems.rng(seed + 1);
        double[] x = s.positions();
        double step = 0.99 * SKIN / 2 / Math.sqrt(d);
        for (int q = 0; q < x.length; q++) x[q] += step * (2 * rng.nextDouble() - 1);
        assertTrue(!list.needsRebuild(s));
        assertPairs(s, list.clusterPairs(Workers.single()), CUTOFF);
    }

    @Test
    void paddingSlotsLieFarApartAndTheListIsRebuiltWithTheNeighborListSeed84() {
        ParticleSystem s = NeighborListTest.uniform(84, 3, 13, 5.0, true, false);
        NeighborList list = new NeighborList(CUTOFF, SKIN);
        assertThrows(IllegalStateException.class, () -> list.clusterPairs(Workers.single()));
        list.update(s);
        ClusterPairList c = list.clusterPairs(Workers.single());
        double[][] p = load(c, s.positions());
        int slots = 4 * c.clusterCount();
        for (int a = 0; a < slots; a++) {
            for (int b = a + 1; b < slots; b++) {
                if (c.slotParticle()[a] >= 0 && c.slotParticle()[b] >= 0) continue;
                double r2 = 0;
                for (int ax = 0; ax < 3; ax++) r2 += (p[ax][a] - p[ax][b]) * (p[ax][a] - p[ax][b]);
                assertTrue(r2 > 1e10, "padding slot " + a + " or " + b + " is far from the other");
            }
        }
        int version = c.version();
        assertEquals(version, list.clusterPairs(Workers.single()).version(), "no rebuild without a list rebuild");
        list.rebuild(s);
        assertEquals(version + 1, list.clusterPairs(Workers.single()).version());
        assertThrows(IllegalArgumentException.class, () -> list.clusterPairs(null));
    }

    /**
     * Renumbering after a build equals building for the permuted system: the same clusters and
     * entries with particles renamed, the recorded positions permuted (no rebuild needed), the
     * half list derived again in the new numbering; a renumbering back restores every array.
     */
    @ParameterizedTest(name = "{0}D periodic={1} seed={2}")
    @MethodSource("threaded")
    void renumberingEqualsBuildingThePermutedSystem(int d, boolean periodic, long seed) {
        ParticleSystem s = NeighborListTest.uniform(seed, d, 700, periodic ? 9.3 : 6.0, periodic, true);
        int n = s.size();
        NeighborList list = new NeighborList(CUTOFF, SKIN);
        list.update(s);
        ClusterPairList c = list.clusterPairs(Workers.single());
        int[] slotsBefore = Arrays.copyOf(c.slotParticle(), 4 * c.clusterCount());
        int[] entriesBefore = Arrays.copyOf(c.jClusters(), c.jStart()[c.entryCount()]);
        int[] halfBefore = list.neighbors().clone();
        int version = c.version();
        // a seeded random permutation: particle p becomes perm[p]
        UniformRandomProvider rng = TestSystems.rng(seed + 7);
        int[] perm = new int[n];
        for (int p = 0; p < n; p++) perm[p] = p;
        for (int p = n - 1; p > 0; p--) {
            int q = rng.nextInt(p + 1);
            int t = perm[p];
            perm[p] = perm[q];
            perm[q] = t;
        }
        double[] x = s.positions(), px = new double[x.length];
        int[] sp = s.species(), psp = new int[n];
        for (int p = 0; p < n; p++) {
            for (int a = 0; a < d; a++) px[d * perm[p] + a] = x[d * p + a];
            psp[perm[p]] = sp[p];
        }
        ParticleSystem permuted = new ParticleSystem(s.box(), px, psp, s.speciesNames());
        list.renumber(perm);
        assertTrue(!list.needsRebuild(permuted), "the recorded positions follow the particles");
        ClusterPairList r = list.clusterPairs(Workers.single());
        assertTrue(r.version() > version, "a renumbered list has a new version");
        assertEquals(c.clusterCount(), r.clusterCount());
        for (int sl = 0; sl < slotsBefore.length; sl++) {
            int p = slotsBefore[sl];
            assertEquals(p < 0 ? -1 : perm[p], r.slotParticle()[sl], "slot " + sl);
            if (p >= 0) assertEquals(sl, r.particleSlot()[perm[p]]);
        }
        assertArrayEquals(entriesBefore, Arrays.copyOf(r.jClusters(), r.jStart()[r.entryCount()]));
        assertPairs(permuted, r, CUTOFF + SKIN);
        NeighborList fresh = new NeighborList(CUTOFF, SKIN);
        fresh.update(permuted);
        assertArrayEquals(fresh.offsets(), list.offsets(), "half list derived again in the new numbering");
        assertArrayEquals(fresh.neighbors(), list.neighbors());
        int[] back = new int[n];
        for (int p = 0; p < n; p++) back[perm[p]] = p;
        list.renumber(back);
        assertTrue(!list.needsRebuild(s));
        assertArrayEquals(slotsBefore, Arrays.copyOf(list.clusterPairs(Workers.single()).slotParticle(), slotsBefore.length));
        assertArrayEquals(halfBefore, list.neighbors());
        int[] notAPermutation = new int[n];
        assertThrows(IllegalArgumentException.class, () -> list.renumber(notAPermutation));
        assertThrows(IllegalArgumentException.class, () -> list.renumber(new int[n + 1]));
        assertThrows(IllegalStateException.class, () -> new NeighborList(CUTOFF, SKIN).renumber(back));
    }

    static Stream<Arguments> threaded() {
        return Stream.of(Arguments.of(3, true, 85L), Arguments.of(3, false, 86L), Arguments.of(2, true, 87L),
                Arguments.of(2, false, 88L));
    }

    /** Several search blocks and force blocks: 1, 2 and 3 threads build the same list. */
    @ParameterizedTest(name = "{0}D periodic={1} seed={2}")
    @MethodSource("threaded")
    void threadsDoNotChangeTheList(int d, boolean periodic, long seed) {
        int n = 9000;
        ParticleSystem s = NeighborListTest.uniform(seed, d, n, Math.pow(n, 1.0 / d), periodic, true);
        ClusterPairList one = null;
        for (int threads = 1; threads <= 3; threads++) {
            NeighborList list = new NeighborList(CUTOFF, SKIN);
            list.update(s);
            ClusterPairList c = list.clusterPairs(Workers.shared(threads));
            assertTrue(c.clusterCount() > 2 * ClusterPairList.SEARCH_CLUSTERS, "several search blocks");
            assertTrue(c.blockCount() >= 3, "several force blocks, got " + c.blockCount());
            if (one == null) {
                one = c;
                assertBlocks(c);
                continue;
            }
            String t = threads + " threads: ";
            assertEquals(one.clusterCount(), c.clusterCount(), t + "clusters");
            assertArrayEquals(one.particleSlot(), c.particleSlot(), t + "particle slots");
            int e = one.entryCount();
            assertEquals(e, c.entryCount(), t + "entries");
            assertArrayEquals(Arrays.copyOf(one.entryCluster(), e), Arrays.copyOf(c.entryCluster(), e), t + "i-clusters");
            assertArrayEquals(Arrays.copyOf(one.entryShift(), e), Arrays.copyOf(c.entryShift(), e), t + "shifts");
            assertArrayEquals(Arrays.copyOf(one.jStart(), e + 1), Arrays.copyOf(c.jStart(), e + 1), t + "j starts");
            assertArrayEquals(Arrays.copyOf(one.jClusters(), one.jStart()[e]), Arrays.copyOf(c.jClusters(), e == 0 ? 0 : c.jStart()[e]),
                    t + "j-clusters");
            int nb = one.blockCount();
            assertArrayEquals(Arrays.copyOf(one.blockEntries(), nb + 1), Arrays.copyOf(c.blockEntries(), nb + 1), t + "blocks");
        }
    }

    @Test
    void aListBuiltOnThreeThreadsListsEveryPairOnceSeed89() {
        ParticleSystem s = NeighborListTest.uniform(89, 3, 3000, Math.cbrt(3000 / 1.2), true, true);
        NeighborList list = new NeighborList(CUTOFF, SKIN);
        list.update(s);
        ClusterPairList c = list.clusterPairs(Workers.shared(3));
        assertBlocks(c);
        assertPairs(s, c, CUTOFF + SKIN);
    }
}
