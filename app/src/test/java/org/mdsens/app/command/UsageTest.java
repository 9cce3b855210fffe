package org.mdsens.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void helpAndVersionExitZero() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"check", "--help"}, {"help", "run"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage: mdsens"), r.out());
        }
        Cli.Result v = Cli.run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("mdsens " + VersionProvider.version()), v.out());
        assertTrue(v.out().contains("Vector API"), v.out());
        assertEquals(0, Cli.run("run", "--version").code());
    }

    @Test
    void helpListsTheExitCodesAndOptions() {
        String help = Cli.run("run", "--help").out();
        for (String s : new String[] {"--out", "--threads", "--kernel", "--quiet", "--verbose", "JOB.toml", "Exit codes"}) {
            assertTrue(help.contains(s), s + " missing from\n" + help);
        }
    }

    @Test
    void usageErrorsExitTwoWithAHint() {
        Cli.Result none = Cli.run();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("mdsens: a command is required: run, check, sweep, merge or gui"), none.err());
        Cli.Result missing = Cli.run("run");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("Missing required parameter"), missing.err());
        assertTrue(missing.err().contains("Try 'mdsens run --help'"), missing.err());
        Cli.Result badKernel = Cli.run("run", "job.toml", "--kernel", "gpu");
        assertEquals(2, badKernel.code());
        assertTrue(badKernel.err().contains("kernel must be one of auto, scalar, vector, got 'gpu'"), badKernel.err());
        assertEquals(2, Cli.run("run", "job.toml", "--threads", "0").code());
        assertEquals(2, Cli.run("frobnicate").code());
    }
}
