package org.mdsens.app.sweep;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

/** The failure of a task run on another thread, rethrown on the thread that waited for it. */
public final class TaskFailure {

    private TaskFailure() { }

    /**
     * Throws the cause of {@code e} as it was thrown (an {@link IOException}, an unchecked
     * exception or an error), or wrapped in an {@link IllegalStateException} for any other
     * checked exception. Never returns normally; declared to return an exception so that callers
     * can write {@code throw TaskFailure.rethrow(e)}.
     */
    public static RuntimeException rethrow(ExecutionException e) throws IOException {
        Throwable c = e.getCause();
        if (c instanceof IOException io) throw io;
        if (c instanceof RuntimeException re) throw re;
        if (c instanceof Error err) throw err;
        throw new IllegalStateException(c);
    }
}
