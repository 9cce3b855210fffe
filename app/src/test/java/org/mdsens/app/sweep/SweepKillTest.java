package org.mdsens.app.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mdsens.app.sweep.SweepTestSupport.csv;
import static org.mdsens.app.sweep.SweepTestSupport.run;
import static org.mdsens.app.sweep.SweepTestSupport.smallSweep;
import static org.mdsens.app.sweep.SweepTestSupport.write;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.app.Main;

/**
 * Crash safety: a sweep running in a separate JVM ({@code org.mdsens.app.Main} with this test's
 * class path) is killed with SIGKILL ({@link Process#destroyForcibly()}) several times at seeded
 * random moments (during start-up, and after a random number of committed points plus a random
 * delay, so kills land inside point computations and commits), then resumed to the end. After
 * every kill the directory must hold only intact commits; at the end the table must have every
 * point exactly once and be byte for byte the table of an uninterrupted run (so every number is
 * the same to the bit).
 */
class SweepKillTest {

    private static final String VARY = "\"diameter[B]\" = { linspace = [1.40, 1.50, 8] }\n";

    @TempDir
    Path tmp;

    @Test
    void killedSweepsResumeToTheUninterruptedTableSeed20240611() throws Exception {
        Path file = write(tmp, "kill.toml", smallSweep(VARY));
        Path reference = tmp.resolve("reference");
        SweepTestSupport.Result ref = run("sweep", file.toString(), "--out", reference.toString(), "--threads", "1", "--quiet");
        assertEquals(0, ref.code(), ref.err());
        byte[] expected = Files.readAllBytes(reference.resolve(SweepTables.CSV));
        int total = 16;

        SplittableRandom rng = new SplittableRandom(20240611L);
        Path dir = tmp.resolve("killed");
        int kills = 0;
        List<String> log = new ArrayList<>();
        for (int attempt = 0; attempt < 8 && kills < 4; attempt++) {
            int before = committed(dir);
            Process p = start(file, dir);
            int target = -1;
            if (attempt == 0) {
                Thread.sleep(100 + rng.nextInt(600)); // during JVM start-up or the first points
            } else {
                target = before + 1 + rng.nextInt(Math.max(1, (total - before) / 2));
                while (p.isAlive() && committed(dir) < target) Thread.sleep(2);
                Thread.sleep(rng.nextInt(25));
            }
            boolean killed = p.isAlive();
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed JVM must end");
            if (killed) kills++;
            int after = committed(dir);
            log.add("attempt " + attempt + ": target " + target + ", committed " + before + " -> " + after
                    + (killed ? ", killed (exit " + p.exitValue() + ")" : ", finished first (exit " + p.exitValue() + ")"));
            checkIntact(dir);
            if (after == total && !killed) break;
        }
        assertTrue(kills >= 3, "at least 3 kills must land while the sweep runs: " + log);

        Process last = start(file, dir);
        assertTrue(last.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, last.exitValue(), "the resumed sweep must finish: " + log);
        List<String[]> rows = csv(dir.resolve(SweepTables.CSV));
        assertEquals(total + 1, rows.size());
        Set<String> keys = new HashSet<>();
        for (String[] r : rows.subList(1, rows.size())) {
            assertEquals(rows.get(0).length, r.length, "every row complete");
            assertTrue(keys.add(r[0] + "/" + r[2]), "row " + r[0] + "/" + r[2] + " twice");
        }
        assertArrayEquals(expected, Files.readAllBytes(dir.resolve(SweepTables.CSV)),
                "the resumed table must equal the uninterrupted one byte for byte; " + log);
    }

    /** Every committed record parses and its state file matches its checksum. */
    private static void checkIntact(Path dir) throws IOException {
        PointStore store = new PointStore(dir);
        Map<PointKey, ObjectNode> all = store.readAll();
        for (PointKey k : all.keySet()) store.readState(k);
    }

    private static int committed(Path dir) throws IOException {
        Path points = dir.resolve(PointStore.DIRECTORY);
        if (!Files.isDirectory(points)) return 0;
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(points, "p*-r*.json")) {
            for (Path ignored : s) n++;
        }
        return n;
    }

    private Process start(Path file, Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<String> cmd = List.of(java, "-Xmx256m", "-Djava.awt.headless=true", "-cp", cp, Main.class.getName(), "sweep",
                file.toString(), "--out", dir.toString(), "--threads", "2", "--quiet");
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("child-" + System.nanoTime() + ".err").toFile()).start();
    }

}
