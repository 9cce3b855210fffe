package org.mdsens.app.command;

import java.io.PrintWriter;

/**
 * Turns an exception into one line on stderr and an exit code: {@link ExitCodes#BAD_INPUT} for
 * unusable input (the message already names file, line or key), {@link ExitCodes#INTERNAL_ERROR}
 * for everything else. The stack trace only with {@code --verbose}.
 */
final class Failures {

    private Failures() { }

    static int badInput(PrintWriter err, Throwable e, boolean verbose) {
        err.println("mdsens: " + e.getMessage());
        if (verbose) e.printStackTrace(err);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** Results could not be written (disk full, a directory where a file should go): exit 3. */
    static int io(PrintWriter err, java.io.IOException e, boolean verbose) {
        err.println("mdsens: cannot write the results: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    static int internal(PrintWriter err, Throwable e, boolean verbose) {
        err.println("mdsens: internal error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
