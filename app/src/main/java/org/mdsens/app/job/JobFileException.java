package org.mdsens.app.job;

/**
 * Unusable job-file input: a syntax error, an unknown or misspelled key, a value out of range, a
 * reference to something that does not exist. The message is one line that names the place first
 * ({@code job.toml:12: [species.B] diameter must be > 0, got -1.4}); the command line prints it
 * as is and exits with code 2.
 */
public final class JobFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line: {@code <file>[:<line>]: <what is wrong, and what would be right>} */
    public JobFileException(String message) {
        super(message);
    }

    /** The same, keeping the exception that revealed the problem (shown with {@code --verbose}). */
    public JobFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
