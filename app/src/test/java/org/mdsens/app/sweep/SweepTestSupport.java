package org.mdsens.app.sweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mdsens.app.Main;

/** Test helpers: small sweep files, the command line in-process, CSV reading. */
final class SweepTestSupport {

    private SweepTestSupport() { }

    /**
     * A small 2D soft-sphere sweep (N = 24, seed 3): diameter[B] over 3 values × epsilon over 2
     * values × 2 replicas = 12 rows in 6 chains along epsilon (the last-sorted name); no plots.
     */
    static String smallSweep(String vary) {
        return """
                [system.generate]
                kind = "random"
                dimension = 2
                count = 24
                composition = { A = 0.5, B = 0.5 }
                packing_fraction = 0.9
                seed = 3

                [species.A]
                diameter = 1.0

                [species.B]
                diameter = 1.4

                [potential]
                kind = "soft-sphere"

                [minimize]
                force_tolerance = 1e-10

                [sensitivity]
                parameters = ["diameter[B]"]
                observables = ["energy", "pressure"]

                [output]
                plots = false

                [sweep]
                replicas = 2

                [sweep.vary]
                """ + vary;
    }

    /** The 1-based line of the first [sweep.vary] entry of {@link #smallSweep}. */
    static int varyLine() {
        return smallSweep("").split("\n", -1).length;
    }

    /** The [sweep.vary] lines of {@link #smallSweep}'s default grid. */
    static final String SMALL_VARY = "\"diameter[B]\" = { linspace = [1.40, 1.48, 3] }\nepsilon = [1.0, 1.5]\n";

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Exit code and the two streams' text. */
    record Result(int code, String out, String err) { }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The rows of a CSV without quoted fields (the sweep tables have none), header first. */
    static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) rows.add(line.split(",", -1));
        return rows;
    }

    static int column(List<String[]> csv, String name) {
        String[] header = csv.get(0);
        for (int i = 0; i < header.length; i++) if (header[i].equals(name)) return i;
        throw new AssertionError("no column " + name);
    }
}
