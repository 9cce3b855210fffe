package org.mdsens.app.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mdsens.app.sweep.SweepTestSupport.SMALL_VARY;
import static org.mdsens.app.sweep.SweepTestSupport.csv;
import static org.mdsens.app.sweep.SweepTestSupport.run;
import static org.mdsens.app.sweep.SweepTestSupport.smallSweep;
import static org.mdsens.app.sweep.SweepTestSupport.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mdsens sweep} and {@code mdsens merge} end to end, in-process, on a 12-row sweep
 * (2 parameters, 2 replicas, 6 chains): tables, resume, refusals, shards and merge.
 */
class SweepCommandTest {

    @TempDir
    static Path tmp;

    static Path sweep;
    static Path whole;
    static byte[] wholeCsv;

    @BeforeAll
    static void runTheWholeSweep() throws IOException {
        sweep = write(tmp, "small.toml", smallSweep(SMALL_VARY));
        whole = tmp.resolve("whole");
        SweepTestSupport.Result r = run("sweep", sweep.toString(), "--out", whole.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("12 rows (6 points x 2 replicas): 12 converged"), r.out());
        // not a terminal: plain progress lines on stderr, at the start and at the end
        assertTrue(r.err().contains("mdsens: sweep small: 12 of 12 points to run"), r.err());
        assertTrue(r.err().contains("mdsens: sweep small: 12/12 points (100%)"), r.err());
        wholeCsv = Files.readAllBytes(whole.resolve(SweepTables.CSV));
    }

    @Test
    void tableHasOneSortedRowPerPointAndReplica() throws IOException {
        List<String[]> t = csv(whole.resolve(SweepTables.CSV));
        assertEquals(13, t.size());
        String[] header = t.get(0);
        assertArrayEquals(new String[] {"point", "chain", "replica", "seed", "diameter_B", "epsilon", "status", "energy",
                "max_force", "iterations"}, java.util.Arrays.copyOf(header, 10));
        for (String c : List.of("d_energy_d_diameter_B", "d_energy_d_epsilon", "d2_energy_d_epsilon", "pressure",
                "d_pressure_d_diameter_B", "d_pressure_d_epsilon", "err_d_pressure_d_epsilon", "pressure_solver_residual",
                "dx_norm_epsilon", "dx_residual_diameter_B", "dx_error_diameter_B", "sensitivity_status", "start",
                "predicted_energy_change", "energy_change", "prediction")) {
            SweepTestSupport.column(t, c);
        }
        SweepPlan plan = SweepManifest.read(whole).plan();
        int point = SweepTestSupport.column(t, "point");
        int replica = SweepTestSupport.column(t, "replica");
        int seed = SweepTestSupport.column(t, "seed");
        int chain = SweepTestSupport.column(t, "chain");
        int d = SweepTestSupport.column(t, "diameter_B");
        int eps = SweepTestSupport.column(t, "epsilon");
        int start = SweepTestSupport.column(t, "start");
        for (int i = 1; i < t.size(); i++) {
            String[] row = t.get(i);
            assertEquals(header.length, row.length);
            int p = (i - 1) / 2;
            int r = (i - 1) % 2;
            assertEquals(p, Integer.parseInt(row[point]));
            assertEquals(r, Integer.parseInt(row[replica]));
            assertEquals(3 + r, Integer.parseInt(row[seed]));
            assertEquals(plan.chainOf(p, r), Integer.parseInt(row[chain]));
            assertEquals(plan.point(p)[0], Double.parseDouble(row[d]));
            assertEquals(plan.point(p)[1], Double.parseDouble(row[eps]));
            assertEquals(p % 2 == 0 ? "cold" : "warm", row[start], "chains run along epsilon: warm after the first");
        }
        List<String> jsonl = Files.readAllLines(whole.resolve(SweepTables.JSONL));
        assertEquals(12, jsonl.size());
        assertTrue(jsonl.get(0).startsWith("{\"point\":0,\"chain\":0,\"replica\":0,\"seed\":3,"), jsonl.get(0));
        String summary = Files.readString(whole.resolve(SweepSummary.FILE));
        assertTrue(summary.contains("fixed: every point keeps the box of the base job"), summary);
        assertFalse(Files.exists(whole.resolve("sweep_energy_vs_diameter_B_at_epsilon_1.svg")), "plots = false");
    }

    @Test
    void rerunningSkipsFinishedPointsAndRebuildsTheSameTable() throws IOException {
        Path copy = tmp.resolve("rerun");
        copyTree(whole, copy);
        Files.delete(copy.resolve(SweepTables.CSV));
        // uncommit two points (their state and a stray temporary file stay behind, as after a kill)
        Files.delete(copy.resolve("points/p000003-r0001.json"));
        Files.delete(copy.resolve("points/p000005-r0000.json"));
        Files.writeString(copy.resolve("points/.p000005-r0000.json.123.tmp"), "{\"half");
        SweepTestSupport.Result r = run("sweep", sweep.toString(), "--out", copy.toString(), "--threads", "1", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 computed, 10 resumed"), r.out());
        assertEquals("", r.err());
        assertArrayEquals(wholeCsv, Files.readAllBytes(copy.resolve(SweepTables.CSV)));
        assertFalse(Files.exists(copy.resolve("points/.p000005-r0000.json.123.tmp")));
    }

    @Test
    void aChangedSweepFileAnotherShardOrKernelIsRefusedAndNothingIsWritten() throws IOException {
        Path dir = tmp.resolve("refuse");
        copyTree(whole, dir);
        Path changed = write(tmp, "changed.toml", smallSweep(SMALL_VARY.replace("1.48", "1.50")));
        SweepTestSupport.Result r = run("sweep", changed.toString(), "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds results of another sweep") && r.err().contains("changed since"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        // comments, layout and [output] settings do not change the sweep
        Path commented = write(tmp, "commented.toml", "# a comment\n\n" + smallSweep(SMALL_VARY)
                .replace("plots = false", "plots = false\ndirectory = \"elsewhere\"").replace("epsilon = [", "epsilon   =   ["));
        SweepTestSupport.Result same = run("sweep", commented.toString(), "--out", dir.toString(), "--quiet");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("0 computed, 12 resumed"), same.out());

        Set<String> before = listing(dir);
        SweepTestSupport.Result again = run("sweep", changed.toString(), "--out", dir.toString());
        assertEquals(2, again.code());
        SweepTestSupport.Result shard = run("sweep", sweep.toString(), "--out", dir.toString(), "--shard", "1/3");
        assertEquals(2, shard.code());
        assertTrue(shard.err().contains("holds shard 0/1 of this sweep, and this run is shard 1/3"), shard.err());

        Path manifest = dir.resolve(SweepManifest.FILE);
        String text = Files.readString(manifest);
        var stamp = Files.getLastModifiedTime(manifest);
        Files.writeString(manifest, text.replace("\"kernel\" : \"scalar\"", "\"kernel\" : \"vector-512\""));
        SweepTestSupport.Result kernel = run("sweep", sweep.toString(), "--out", dir.toString(), "--kernel", "scalar");
        assertEquals(2, kernel.code());
        assertTrue(kernel.err().contains("computed with the vector-512 kernel"), kernel.err());
        Files.writeString(manifest, text);
        Files.setLastModifiedTime(manifest, stamp);
        assertEquals(before, listing(dir));
    }

    @Test
    void threeShardsMergeIntoTheUnshardedTable() throws IOException {
        for (int i = 0; i < 3; i++) {
            SweepTestSupport.Result r = run("sweep", sweep.toString(), "--out", tmp.resolve("shard-" + i).toString(),
                    "--shard", i + "/3", "--quiet");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("4 rows (6 points x 2 replicas, shard " + i + "/3)"), r.out());
        }
        Path merged = tmp.resolve("merged");
        SweepTestSupport.Result m = run("merge", tmp.resolve("shard-2").toString(), tmp.resolve("shard-0").toString(),
                tmp.resolve("shard-1").toString(), "--out", merged.toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("12 of 12 rows from 3 directories: 12 converged, 0 not converged, 0 missing"), m.out());
        assertArrayEquals(wholeCsv, Files.readAllBytes(merged.resolve(SweepTables.CSV)));
        assertArrayEquals(Files.readAllBytes(whole.resolve(SweepTables.JSONL)),
                Files.readAllBytes(merged.resolve(SweepTables.JSONL)));

        // a missing shard: reported with its rows, the rows present are written, exit 1
        Path partial = tmp.resolve("partial");
        SweepTestSupport.Result miss = run("merge", tmp.resolve("shard-0").toString(), tmp.resolve("shard-2").toString(),
                "--out", partial.toString());
        assertEquals(1, miss.code());
        SweepPlan plan = SweepManifest.read(whole).plan();
        StringBuilder expected = new StringBuilder();
        for (int p = 0; p < plan.pointCount(); p++) {
            for (int rep = 0; rep < plan.replicas(); rep++) {
                if (plan.chainOf(p, rep) % 3 == 1) expected.append(expected.length() == 0 ? "" : ", ").append(new PointKey(p, rep));
            }
        }
        assertTrue(miss.err().contains("4 of 12 rows (point, replica) are missing: " + expected), miss.err());
        assertTrue(miss.err().contains("shard 1/3 (not given)"), miss.err());
        assertEquals(9, csv(partial.resolve(SweepTables.CSV)).size());
        assertTrue(Files.readString(partial.resolve(SweepSummary.FILE)).contains("\"missing_count\" : 4"));

        // the same rows twice, and different sweeps: refused, nothing written
        Path twice = tmp.resolve("twice");
        SweepTestSupport.Result dup = run("merge", whole.toString(), tmp.resolve("shard-1").toString(), "--out", twice.toString());
        assertEquals(2, dup.code());
        assertTrue(dup.err().contains("4 rows (point, replica) are present twice"), dup.err());
        assertFalse(Files.exists(twice));
        Path other = write(tmp, "other.toml", smallSweep(SMALL_VARY.replace("1.5]", "1.25]")));
        SweepTestSupport.Result o = run("sweep", other.toString(), "--out", tmp.resolve("other").toString(), "--shard", "1/3",
                "--quiet");
        assertEquals(0, o.code(), o.err());
        SweepTestSupport.Result mixed = run("merge", tmp.resolve("shard-0").toString(), tmp.resolve("other").toString(),
                "--out", tmp.resolve("mixed").toString());
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("holds another sweep than"), mixed.err());
        assertFalse(Files.exists(tmp.resolve("mixed")));
        SweepTestSupport.Result notSweep = run("merge", tmp.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, notSweep.code());
        assertTrue(notSweep.err().contains("is not a sweep output directory"), notSweep.err());
    }

    @Test
    void badSweepFilesExit2WithKeyAndLineAndCreateNoDirectory() throws IOException {
        String[][] cases = {
            {"\"diameter[C]\" = [1.4, 1.5]\n", "[sweep.vary] names an unknown parameter 'diameter[C]'"},
            {"\"diameter[B]\" = { linspace = [1.4, 1.4, 5] }\n", "[sweep.vary.\"diameter[B]\"] linspace is an empty range"},
            {"\"diameter[B]\" = { linspace = [1.4, 1.6, 0] }\n", "[sweep.vary.\"diameter[B]\"] linspace must be [a, b, n] with an integer n >= 1"},
            {"\"diameter[B]\" = []\n", "[sweep.vary] diameter[B] must list at least one value"},
            {"epsilon = { logspace = [-1.0, 1.0, 5] }\n", "[sweep.vary.epsilon] logspace endpoints must have the same sign and be non-zero"},
            {"epsilon = { logspace = [0.0, 1.0, 5] }\n", "[sweep.vary.epsilon] logspace endpoints must have the same sign and be non-zero"},
            {"epsilon = [1.0, 1.0]\n", "[sweep.vary] epsilon must list distinct values"},
            {"\"diameter[B]\" = [1.4, -1.0]\n", "[sweep.vary] \"diameter[B]\" = -1.0 is not a valid value"},
            {"\"diameter[B]\" = [1.4, 3.0]\n", "[sweep.vary] at point 1 (diameter[B] = 3.0) the largest cutoff 3.0 needs periodic box lengths >= 6.0"},
        };
        int line = SweepTestSupport.varyLine();
        for (String[] c : cases) {
            Path bad = write(tmp, "small-bad.toml", smallSweep(c[0]));
            Path out = tmp.resolve("bad-out");
            SweepTestSupport.Result r = run("sweep", bad.toString(), "--out", out.toString());
            assertEquals(2, r.code(), c[0] + r.err());
            assertTrue(r.err().startsWith("mdsens: " + bad + ":" + line + ": ") && r.err().contains(c[1]),
                    c[0] + " -> " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(Files.exists(out), "no output directory for " + c[0]);
        }
        Path badKey = write(tmp, "small-bad.toml", smallSweep(SMALL_VARY).replace("replicas = 2", "replica = 2"));
        SweepTestSupport.Result r = run("sweep", badKey.toString(), "--out", tmp.resolve("bad-out").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(":" + (line - 3) + ": [sweep] unknown key 'replica'; did you mean 'replicas'?"), r.err());
        SweepTestSupport.Result shard = run("sweep", sweep.toString(), "--out", tmp.resolve("bad-out").toString(), "--shard", "3/3");
        assertEquals(2, shard.code());
        assertTrue(shard.err().contains("--shard must be I/N with 0 <= I < N"), shard.err());
        assertFalse(Files.exists(tmp.resolve("bad-out")));
    }

    @Test
    void unconvergedPointsAreCommittedListedAndGiveExit1() throws IOException {
        Path file = write(tmp, "capped.toml", smallSweep("epsilon = [1.0, 1.5]\n")
                .replace("force_tolerance = 1e-10", "force_tolerance = 1e-10\nmax_iterations = 20"));
        Path out = tmp.resolve("capped");
        SweepTestSupport.Result r = run("sweep", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("4 rows (2 points x 2 replicas): 0 converged, 4 not converged"), r.out());
        assertTrue(r.err().contains("4 rows did not converge"), r.err());
        List<String[]> t = csv(out.resolve(SweepTables.CSV));
        int status = SweepTestSupport.column(t, "status");
        int start = SweepTestSupport.column(t, "start");
        int sens = SweepTestSupport.column(t, "sensitivity_status");
        for (String[] row : t.subList(1, t.size())) {
            assertEquals("MAX_ITERATIONS", row[status]);
            assertEquals("cold", row[start], "no warm start from an unconverged point");
            assertEquals("not-converged-minimum", row[sens]);
        }
        String summary = read(out.resolve(SweepSummary.FILE));
        assertTrue(summary.contains("\"not_converged\" : [ \"(0, 0) MAX_ITERATIONS\""), summary);
        assertTrue(summary.contains("\"all_converged\" : false"), summary);
        // finished, so a rerun computes nothing and says the same
        SweepTestSupport.Result again = run("sweep", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(1, again.code());
        assertTrue(again.out().contains("0 computed, 4 resumed"), again.out());
    }

    @Test
    void writeXyzGivesEveryMinimumWithItsSensitivities() throws IOException {
        Path file = write(tmp, "xyz.toml", smallSweep("epsilon = [1.0, 1.5]\n").replace("replicas = 2",
                "replicas = 1\nwrite_xyz = true"));
        Path out = tmp.resolve("xyz");
        SweepTestSupport.Result r = run("sweep", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        PointStore store = new PointStore(out);
        for (int p = 0; p < 2; p++) {
            PointKey key = new PointKey(p, 0);
            org.mdsens.md.io.XyzFrame f = org.mdsens.md.io.ExtendedXyz.read(store.xyz(key));
            assertEquals(24, f.system().size());
            assertEquals(Integer.toString(p), f.info().get("point"));
            assertEquals(p == 0 ? "1.0" : "1.5", f.info().get("epsilon"));
            PointState state = store.readState(key);
            double[] x = state.positions();
            for (int i = 0; i < 24; i++) {
                assertEquals(x[2 * i], f.system().positions()[2 * i], 1e-6 * (1 + Math.abs(x[2 * i])));
            }
            for (String c : List.of("forces", "dpos_d_diameter_B", "dpos_d_epsilon")) {
                assertTrue(f.realColumns().containsKey(c), c + " in " + f.realColumns().keySet());
            }
        }
    }

    private static Set<String> listing(Path dir) throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(p -> names.add(dir.relativize(p) + ":" + sizeOf(p) + ":" + modified(p)));
        }
        return names;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.isDirectory(p) ? 0 : Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
