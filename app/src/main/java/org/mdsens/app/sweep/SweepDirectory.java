package org.mdsens.app.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The output directory of one sweep shard, held for the duration of a run: checked against its
 * {@link SweepManifest} (a directory of another sweep, kernel or shard is refused), created, locked
 * ({@code .lock}, an OS file lock that a killed process loses, so two runs never write one
 * directory at once) and given its manifest. Close to release the lock.
 */
public final class SweepDirectory implements AutoCloseable {

    /** The lock file's name. */
    public static final String LOCK = ".lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private SweepDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Checks, writing nothing, that a run of {@code wanted} may use {@code dir}: it does not exist, or
     * it is a directory that holds the same sweep, kernel and shard, or no results at all.
     *
     * @throws SweepInputException when it may not (the message says why and what to do)
     */
    public static void check(Path dir, SweepManifest wanted) throws IOException {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) {
            throw new SweepInputException("--out " + dir + " exists and is not a directory; choose another output directory");
        }
        SweepManifest existing = SweepManifest.read(dir);
        if (existing != null) {
            String why = existing.mismatch(wanted, dir);
            if (why != null) throw new SweepInputException(why);
            return;
        }
        for (String name : List.of(PointStore.DIRECTORY, SweepTables.CSV, SweepSummary.FILE, "final.xyz")) {
            if (Files.exists(dir.resolve(name))) {
                throw new SweepInputException(dir + " holds other results (" + name + ") but no sweep "
                        + SweepManifest.FILE + "; choose a new --out directory");
            }
        }
    }

    /** Checks, creates and locks {@code dir}, and writes the manifest when it has none. */
    public static SweepDirectory open(Path dir, SweepManifest wanted) throws IOException {
        check(dir, wanted);
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new SweepInputException("another mdsens sweep is running in " + dir + " (" + LOCK
                    + " is locked); wait for it, or use another --out directory");
        }
        SweepDirectory d = new SweepDirectory(dir, channel, lock);
        try {
            check(dir, wanted); // again, under the lock
            if (SweepManifest.read(dir) == null) wanted.write(dir);
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** The directory. */
    public Path path() { return dir; }

    @Override public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }
}
