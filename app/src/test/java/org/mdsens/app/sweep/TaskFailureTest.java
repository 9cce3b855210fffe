package org.mdsens.app.sweep;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

/** A task's failure comes back as it was thrown: I/O, unchecked and errors unchanged, other checked ones wrapped. */
class TaskFailureTest {

    @Test
    void theCauseIsRethrownAsItWasThrown() {
        IOException io = new IOException("disk full");
        assertSame(io, assertThrows(IOException.class, () -> TaskFailure.rethrow(new ExecutionException(io))));
        IllegalArgumentException bad = new IllegalArgumentException("bad point");
        assertSame(bad, assertThrows(IllegalArgumentException.class, () -> TaskFailure.rethrow(new ExecutionException(bad))));
        OutOfMemoryError oom = new OutOfMemoryError("heap");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> TaskFailure.rethrow(new ExecutionException(oom))));
        Exception other = new Exception("checked");
        assertSame(other, assertThrows(IllegalStateException.class,
                () -> TaskFailure.rethrow(new ExecutionException(other))).getCause());
    }
}
