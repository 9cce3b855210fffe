package org.mdsens.app.sweep;

/**
 * Unusable input to {@code mdsens sweep} or {@code mdsens merge} that is not in the sweep file
 * itself: an output directory holding another sweep, shards of different sweeps, a row present
 * twice. One line naming the directory and saying what would be right; exit code 2.
 */
public final class SweepInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public SweepInputException(String message) {
        super(message);
    }
}
