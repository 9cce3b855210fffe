package org.mdsens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mdsens.app.Main;

/** {@code mdsens gui}: help, and the one-line exit-2 answer when there is no display. */
class GuiCommandTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void helpDescribesTheCommand() {
        String[] r = run("gui", "--help");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("JOB.toml") && r[1].contains("desktop app"), r[1]);
        String[] top = run("--help");
        assertTrue(top[1].contains("gui"), top[1]);
    }

    @Test
    void noDisplayIsOneLineAndExitCode2() {
        StringWriter w = new StringWriter();
        int code = GuiCommand.noDisplay(new PrintWriter(w), null);
        assertEquals(2, code);
        assertEquals("mdsens: no display: set DISPLAY or run under xvfb-run", w.toString().strip());
    }

    @Test
    void headlessJvmExits2WithoutOpeningAWindow() {
        assumeTrue(GraphicsEnvironment.isHeadless(),
                "this JVM can open windows (the GUI acceptance test switched headless off first); "
                        + "the headless path is checked through noDisplay");
        String[] r = run("gui", DesktopAcceptanceTest.example().toString());
        assertEquals("2", r[0]);
        assertEquals("mdsens: " + GuiCommand.NO_DISPLAY, r[2].strip());
        assertEquals("", r[1]);
    }
}
