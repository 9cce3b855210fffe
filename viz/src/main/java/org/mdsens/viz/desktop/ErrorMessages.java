package org.mdsens.viz.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one-line message the desktop app shows for a failure, matching what the command line prints
 * after {@code mdsens: }: unusable input ({@link IllegalArgumentException}, which includes the
 * md-core {@code InputFormatException}) and I/O failures show their own message (which names the
 * file, line or key); anything else is an internal error named by its class and message. Never a
 * stack trace. Stateless.
 */
public final class ErrorMessages {

    private ErrorMessages() { }

    /** The cause that matters: unwraps {@link ExecutionException}, {@link UncheckedIOException} and the like. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof ExecutionException || c instanceof CompletionException
                || c instanceof InvocationTargetException || c instanceof UncheckedIOException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Whether the failure is the user's input (a dialog with its message) rather than a bug. */
    public static boolean isInputProblem(Throwable t) {
        Throwable c = unwrap(t);
        return c instanceof IllegalArgumentException || c instanceof IOException;
    }

    /** The one-line message. */
    public static String oneLine(Throwable t) {
        Throwable c = unwrap(t);
        String msg = c.getMessage();
        if (c instanceof NoSuchFileException e) return e.getFile() + ": no such file";
        if (c instanceof AccessDeniedException e) return e.getFile() + ": permission denied";
        if (c instanceof FileSystemException e && msg != null) return msg;
        if ((c instanceof IllegalArgumentException || c instanceof IOException) && msg != null && !msg.isBlank()) {
            return firstLine(msg);
        }
        return "internal error: " + firstLine(String.valueOf(c));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
