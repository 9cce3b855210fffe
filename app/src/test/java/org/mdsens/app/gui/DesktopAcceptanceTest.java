package org.mdsens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Acceptance of the desktop app (issue 5) under a real X display: the paper example (2D soft
 * spheres, N = 128) is loaded, minimized and differentiated through the Run button, the particle
 * view must show the dx/dD_B arrows, a screenshot is saved to {@code target/desktop/desktop-app.png}
 * and checked not blank, and figures and data are exported through the app's actions; bad input
 * (a non-numeric and an out-of-range table value, an unreadable job file and structure file) must
 * give error dialogs with the command line's messages, never exceptions; a 3D job (the LJ crystal)
 * orbits, runs and shows arrows, and Cancel stops a long minimization and leaves the app usable.
 *
 * <p>Display. The tests need {@code DISPLAY} (run the suite under {@code xvfb-run -a}); without it
 * they are skipped with a loud message. The build runs tests with {@code -Djava.awt.headless=true};
 * this class switches that off in its static initializer, which works when no earlier test in the
 * JVM touched AWT. When one did (the JVM is then headless for good), the same scenario runs in a
 * child JVM started without the flag, with this JVM's class path, and its result is checked here.
 */
class DesktopAcceptanceTest {

    private static final boolean HAS_DISPLAY = hasDisplay();

    static {
        if (HAS_DISPLAY) System.setProperty("java.awt.headless", "false");
    }

    private static boolean hasDisplay() {
        String d = System.getenv("DISPLAY");
        return d != null && !d.isBlank();
    }

    @Test
    void paperExampleMinimizesDifferentiatesAndShowsArrowsThroughTheRunButton() throws Exception {
        List<String> notes = scenario("paper");
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("screenshot ")), "a screenshot must be saved: " + notes);
    }

    @Test
    void badInputGivesDialogsWithTheCommandLineMessagesNotExceptions() throws Exception {
        List<String> notes = scenario("bad-input");
        assertEquals(4, notes.size(), "four bad inputs must each give a dialog: " + notes);
    }

    @Test
    void threeDimensionalJobOrbitsRunsAndCancels() throws Exception {
        List<String> notes = scenario("3d-cancel");
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("cancel: ")), notes.toString());
    }

    private static List<String> scenario(String name) throws Exception {
        if (!HAS_DISPLAY) {
            String loud = "\n*** SKIPPED: the desktop-app acceptance test needs an X display and DISPLAY is not set. ***\n"
                    + "*** Run the suite under `xvfb-run -a mvn ...` to test the GUI.                            ***\n";
            System.err.println(loud);
            assumeTrue(false, loud);
        }
        Path job = name.equals("3d-cancel") ? example("lj-crystal.toml") : example();
        Path out = Path.of("target", "desktop").toAbsolutePath();
        Files.createDirectories(out);
        List<String> notes;
        if (!GraphicsEnvironment.isHeadless()) {
            DesktopScenario s = new DesktopScenario(job, out);
            notes = switch (name) {
                case "paper" -> s.paperExample();
                case "bad-input" -> s.badInput();
                default -> s.threeDimensionsAndCancel();
            };
        } else {
            System.err.println("DesktopAcceptanceTest: this JVM is already headless (AWT was initialized with "
                    + "java.awt.headless=true); running the '" + name + "' scenario in a child JVM on DISPLAY="
                    + System.getenv("DISPLAY"));
            notes = inChildJvm(name, job, out);
        }
        for (String n : notes) System.out.println("[desktop " + name + "] " + n);
        return notes;
    }

    private static List<String> inChildJvm(String name, Path job, Path out) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = out.resolve(name + "-child.log");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx1g", "-Djava.awt.headless=false",
                "-cp", System.getProperty("java.class.path"), DesktopScenario.class.getName(), name, job.toString(),
                out.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish the '" + name + "' scenario within 5 minutes; log: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the '" + name + "' scenario failed in the child JVM:\n" + text);
        List<String> notes = new ArrayList<>();
        for (String line : text.split("\n")) if (line.startsWith("NOTE ")) notes.add(line.substring(5));
        return notes;
    }

    /** examples/jobs/soft-sphere-paper.toml, from the module or the repository root. */
    static Path example() {
        return example("soft-sphere-paper.toml");
    }

    /** A job file of examples/jobs, from the module or the repository root. */
    static Path example(String name) {
        for (Path p : List.of(Path.of("..", "examples", "jobs", name), Path.of("examples", "jobs", name))) {
            if (Files.isRegularFile(p)) return p.toAbsolutePath().normalize();
        }
        throw new AssertionError("examples/jobs/" + name + " not found from " + Path.of("").toAbsolutePath());
    }
}
