package org.mdsens.viz.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it appears complete or not at all: the content goes to a temporary file
 * in the same directory ({@code .<name>.<random>.tmp}), which is then renamed over the target
 * with {@link StandardCopyOption#ATOMIC_MOVE} (a plain replacing move where the file system cannot
 * do it atomically). If the writer throws, the temporary file is deleted and the target is left as
 * it was (absent, or its previous complete version). The temporary file is created with the default
 * permissions (the process umask), unlike {@code Files.createTempFile}, whose owner-only mode would
 * stick to the result. Missing parent directories are created. Stateless; thread-safe for distinct
 * targets.
 */
public final class AtomicFiles {

    /** The body of a write to a stream (the stream is closed after it). */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes content to the path it is given (a temporary file, already created and empty). */
    @FunctionalInterface
    public interface PathWriter {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() { }

    /** Writes {@code body} to a temporary file beside {@code target}, then moves it into place. */
    public static void write(Path target, Body body) throws IOException {
        writeFile(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
        });
    }

    /** Runs {@code writer} on a temporary sibling of {@code target}, then moves it into place. */
    public static void writeFile(Path target, PathWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + absolute.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                tmp = Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
        boolean moved = false;
        try {
            writer.writeTo(tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }

    /** Writes UTF-8 text atomically. */
    public static void writeString(Path target, String text) throws IOException {
        writeFile(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }
}
