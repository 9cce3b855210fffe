package org.mdsens.app.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mdsens.app.sweep.SweepTestSupport.SMALL_VARY;
import static org.mdsens.app.sweep.SweepTestSupport.run;
import static org.mdsens.app.sweep.SweepTestSupport.smallSweep;
import static org.mdsens.app.sweep.SweepTestSupport.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.md.kernel.KernelChoice;

/**
 * The sweep plots drawn on several threads are the plots drawn on one: same files, same bytes (PNG
 * and SVG); the warm-up draws nothing and changes nothing.
 */
class SweepPlotsTest {

    @TempDir
    Path tmp;

    @Test
    void drawingOnThreeThreadsWritesTheSameFilesAsOneThread() throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path sweep = write(tmp, "small.toml", smallSweep(SMALL_VARY));
        Path out = tmp.resolve("out");
        SweepTestSupport.Result r = run("sweep", sweep.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        SweepSetup setup = SweepSetup.prepare(sweep, KernelChoice.SCALAR);
        List<JsonNode> rows = new ArrayList<>();
        for (ObjectNode n : new PointStore(out).readAll().values()) rows.add(n.get("row"));
        assertEquals(12, rows.size());

        Path one = Files.createDirectories(tmp.resolve("one"));
        Path three = Files.createDirectories(tmp.resolve("three"));
        SweepPlots.Written w1 = SweepPlots.write(one, setup.plan(), setup.layout(), rows, 1);
        SweepPlots.Written w3 = SweepPlots.write(three, setup.plan(), setup.layout(), rows, 3);

        // two observables (energy, pressure) x two varied parameters x (value, derivative), PNG + SVG,
        // with one plot per value of the other parameter: more plots than threads
        assertTrue(w1.files().size() > 6, w1.files().toString());
        assertEquals(w1.files(), w3.files(), "the same files in the same order");
        assertEquals(w1.notes(), w3.notes());
        for (String f : w1.files()) {
            assertTrue(Files.size(one.resolve(f)) > 0, f);
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(three.resolve(f)), f);
        }
        try (var files = Files.list(three)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporaries left");
        }
        assertThrows(IllegalArgumentException.class,
                () -> SweepPlots.write(three, setup.plan(), setup.layout(), rows, 0));
    }

    @Test
    void warmUpWritesNothingAndLeavesThePlotsByteIdentical() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path sweep = write(tmp, "small.toml", smallSweep(SMALL_VARY));
        Path out = tmp.resolve("out");
        SweepTestSupport.Result r = run("sweep", sweep.toString(), "--out", out.toString(), "--quiet", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        SweepSetup setup = SweepSetup.prepare(sweep, KernelChoice.SCALAR);
        List<JsonNode> rows = new ArrayList<>();
        for (ObjectNode n : new PointStore(out).readAll().values()) rows.add(n.get("row"));
        Path first = Files.createDirectories(tmp.resolve("first"));
        SweepPlots.write(first, setup.plan(), setup.layout(), rows, 1);
        List<String> before;
        try (var files = Files.list(tmp)) {
            before = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // plots drawn while a warm-up runs beside them equal the plots drawn without
        Path again = Files.createDirectories(tmp.resolve("again"));
        Thread warm = new Thread(SweepPlots::warmUp);
        warm.start();
        SweepPlots.Written w = SweepPlots.write(again, setup.plan(), setup.layout(), rows, 2);
        warm.join();
        SweepPlots.warmUp();
        assertTrue(w.files().size() > 6, w.files().toString());
        for (String f : w.files()) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
        try (var files = Files.list(tmp)) {
            List<String> after = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("again")).sorted().toList();
            assertEquals(before, after, "the warm-up writes no files");
        }
        try (var files = Files.list(again)) {
            assertEquals(w.files().size(), files.count(), "only the plots");
        }
    }
}
