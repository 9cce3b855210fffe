package org.mdsens.app.command;

/** The exit codes of every {@code mdsens} command (DESIGN.md §5). */
public final class ExitCodes {

    /** Done, and everything converged. */
    public static final int OK = 0;
    /** Done, but something did not converge or a sensitivity failed; {@code summary.json} says what. */
    public static final int NOT_CONVERGED = 1;
    /** Bad input or usage, including coincident particles at load; one line on stderr, nothing written. */
    public static final int BAD_INPUT = 2;
    /** An internal error (a bug, or an environment failure such as a full disk). */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() { }
}
