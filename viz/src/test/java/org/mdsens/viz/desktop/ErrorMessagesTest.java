package org.mdsens.viz.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.mdsens.md.io.InputFormatException;

class ErrorMessagesTest {

    @Test
    void inputProblemsShowTheirOwnOneLineMessage() {
        IllegalArgumentException bad = new IllegalArgumentException("job.toml:12: [species.B] diameter must be > 0, got -1");
        assertEquals(bad.getMessage(), ErrorMessages.oneLine(new ExecutionException(bad)));
        assertTrue(ErrorMessages.isInputProblem(new ExecutionException(bad)));
        InputFormatException xyz = new InputFormatException("a.xyz", 4, "atom line has 3 columns", "4 columns");
        assertEquals(xyz.getMessage(), ErrorMessages.oneLine(xyz));
        assertFalse(ErrorMessages.oneLine(xyz).contains("\n"));
        assertEquals("/x/y.toml: no such file",
                ErrorMessages.oneLine(new UncheckedIOException(new NoSuchFileException("/x/y.toml"))));
    }

    @Test
    void bugsAreInternalErrorsNamedByTheirClassWithoutAStackTrace() {
        String m = ErrorMessages.oneLine(new ExecutionException(new NullPointerException("x is null")));
        assertEquals("internal error: java.lang.NullPointerException: x is null", m);
        assertFalse(ErrorMessages.isInputProblem(new IllegalStateException("s")));
        assertEquals("first", ErrorMessages.oneLine(new IllegalArgumentException("first\nsecond")));
    }
}
