package org.mdsens.app.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Grid numbering, chains and shards of {@link SweepPlan} and {@link ShardSpec}. */
class SweepPlanTest {

    /** b has 3 values, a has 2, c has 4: sorted names a, b, c; c varies fastest. */
    private static SweepPlan plan(int replicas) {
        Map<String, List<Double>> vary = new LinkedHashMap<>();
        vary.put("c", List.of(10.0, 20.0, 30.0, 40.0));
        vary.put("a", List.of(1.0, 2.0));
        vary.put("b", List.of(0.5, 0.25, 0.125));
        return new SweepPlan(vary, replicas, 7L);
    }

    @Test
    void pointsAreLexicographicInSortedNamesWithTheLastFastest() {
        SweepPlan p = plan(1);
        assertEquals(List.of("a", "b", "c"), p.names());
        assertEquals(24, p.pointCount());
        assertEquals("c", p.chainParameter());
        assertArrayEquals(new double[] {1.0, 0.5, 10.0}, p.point(0));
        assertArrayEquals(new double[] {1.0, 0.5, 20.0}, p.point(1));
        assertArrayEquals(new double[] {1.0, 0.25, 10.0}, p.point(4));
        assertArrayEquals(new double[] {2.0, 0.5, 10.0}, p.point(12));
        assertArrayEquals(new double[] {2.0, 0.125, 40.0}, p.point(23));
        // every combination exactly once, in lexicographic index order
        Set<List<Double>> seen = new HashSet<>();
        int[] previous = null;
        for (int i = 0; i < p.pointCount(); i++) {
            double[] v = p.point(i);
            assertTrue(seen.add(List.of(v[0], v[1], v[2])));
            int[] idx = p.indices(i);
            if (previous != null) assertTrue(java.util.Arrays.compare(previous, idx) < 0);
            previous = idx;
        }
        assertThrows(IllegalArgumentException.class, () -> p.point(24));
    }

    @Test
    void replicasUseConsecutiveSeeds() {
        SweepPlan p = plan(3);
        assertEquals(7L, p.seed(0));
        assertEquals(9L, p.seed(2));
        assertNull(new SweepPlan(Map.of("a", List.of(1.0)), 1, null).seed(0));
        assertEquals(72, p.rowCount());
    }

    @Test
    void chainsFixEverythingButTheLastParameterAndCoverEveryRowOnce() {
        SweepPlan p = plan(3);
        assertEquals(6 * 3, p.chainCount());
        Set<PointKey> rows = new HashSet<>();
        for (int c = 0; c < p.chainCount(); c++) {
            SweepPlan.Chain chain = p.chain(c);
            assertEquals(c % 3, chain.replica());
            assertEquals(4, chain.length());
            double[] first = p.point(chain.point(0));
            for (int k = 0; k < chain.length(); k++) {
                double[] v = p.point(chain.point(k));
                assertEquals(first[0], v[0]);
                assertEquals(first[1], v[1]);
                assertEquals(p.values(2)[k], v[2], "chain points follow the chain parameter's order");
                assertEquals(c, p.chainOf(chain.point(k), chain.replica()));
                assertTrue(rows.add(new PointKey(chain.point(k), chain.replica())));
            }
        }
        assertEquals(p.rowCount(), rows.size());
    }

    @Test
    void shardsPartitionTheChainsByChainModN() {
        SweepPlan p = plan(2);
        for (int n = 1; n <= 5; n++) {
            Set<Integer> all = new HashSet<>();
            int rows = 0;
            for (int i = 0; i < n; i++) {
                ShardSpec s = new ShardSpec(i, n);
                List<Integer> mine = new ArrayList<>();
                for (SweepPlan.Chain c : p.chains(s)) {
                    assertEquals(i, c.index() % n);
                    mine.add(c.index());
                    assertTrue(all.add(c.index()), "chain " + c.index() + " in two shards");
                }
                assertEquals(mine.size() * p.chainLength(), p.rowCount(s));
                rows += p.rowCount(s);
            }
            assertEquals(p.chainCount(), all.size());
            assertEquals(p.rowCount(), rows);
        }
    }

    @Test
    void shardSyntax() {
        assertEquals(new ShardSpec(2, 3), ShardSpec.parse("2/3"));
        assertEquals(new ShardSpec(0, 1), ShardSpec.parse(" 0 / 1 "));
        for (String bad : new String[] {"3/3", "1", "-1/3", "a/b", "1/0", "", "0/3/4"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse(bad), bad);
            assertTrue(e.getMessage().contains("I/N"), e.getMessage());
        }
    }

    @Test
    void slurmArrayVariablesGiveTheShard() {
        assertNull(ShardSpec.fromSlurm(Map.of()));
        assertEquals(new ShardSpec(1, 3), ShardSpec.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "1",
                "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_COUNT", "3")));
        assertEquals(new ShardSpec(2, 3), ShardSpec.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "7",
                "SLURM_ARRAY_TASK_MIN", "5", "SLURM_ARRAY_TASK_COUNT", "3")));
        // --array=0-8:4 -> tasks 0, 4, 8
        assertEquals(new ShardSpec(1, 3), ShardSpec.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "4",
                "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_STEP", "4", "SLURM_ARRAY_TASK_COUNT", "3")));
        assertEquals(new ShardSpec(3, 4), ShardSpec.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "4",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "4")));
        assertThrows(IllegalArgumentException.class, () -> ShardSpec.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "1")));
        assertThrows(IllegalArgumentException.class, () -> ShardSpec.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "5",
                "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_COUNT", "3")));
        assertThrows(IllegalArgumentException.class, () -> ShardSpec.fromSlurm(Map.of("SLURM_ARRAY_TASK_ID", "x",
                "SLURM_ARRAY_TASK_COUNT", "3")));
    }

    @Test
    void pointKeysNameFilesAndSortByPointThenReplica() {
        PointKey k = new PointKey(12, 1);
        assertEquals("p000012-r0001", k.stem());
        assertEquals(k, PointKey.parseStem(k.stem()));
        assertNull(PointKey.parseStem("p12-x"));
        List<PointKey> keys = new ArrayList<>(List.of(new PointKey(2, 0), new PointKey(1, 3), new PointKey(1, 0)));
        java.util.Collections.sort(keys);
        assertEquals(List.of(new PointKey(1, 0), new PointKey(1, 3), new PointKey(2, 0)), keys);
    }
}
