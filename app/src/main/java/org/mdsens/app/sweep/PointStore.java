package org.mdsens.app.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mdsens.viz.export.AtomicFiles;

/**
 * The committed points of a sweep directory, {@code DIR/points/}: per point and replica a
 * {@code <stem>.state} file ({@link PointState}: the minimum, for resuming its chain) and a
 * {@code <stem>.json} record holding the result row and the state's checksum.
 *
 * <p>Commit protocol: the state (and the optional {@code <stem>.xyz}) is written first, then the
 * record; each file goes to a temporary name and is renamed into place atomically
 * ({@link AtomicFiles}). A point is committed exactly when its record exists, so a process killed at
 * any moment leaves every point either committed with an intact state, or not committed (its
 * leftovers are overwritten when it is run again; stray temporary files are removed by
 * {@link #removeTemporaries()}). Thread-safe for distinct points.
 */
public final class PointStore {

    /** The record format tag. */
    public static final String FORMAT = "mdsens-sweep-point/1";
    /** The directory under the sweep directory. */
    public static final String DIRECTORY = "points";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    /** @param sweepDir the sweep output directory (the store lives in its {@code points/}) */
    public PointStore(Path sweepDir) {
        this.dir = sweepDir.resolve(DIRECTORY);
    }

    /** The {@code points/} directory. */
    public Path directory() { return dir; }

    /** Creates the directory if needed. */
    public void create() throws IOException {
        Files.createDirectories(dir);
    }

    /** The record file of a point. */
    public Path record(PointKey key) { return dir.resolve(key.stem() + ".json"); }

    /** The state file of a point. */
    public Path state(PointKey key) { return dir.resolve(key.stem() + ".state"); }

    /** The optional extended-XYZ file of a point. */
    public Path xyz(PointKey key) { return dir.resolve(key.stem() + ".xyz"); }

    /**
     * Commits a point: state, then the XYZ file (when {@code xyz} is not null), then the record.
     *
     * @param key   the point and replica
     * @param state its minimum
     * @param row   its result row (column → value)
     * @param xyz   writes the point's extended XYZ file to a temporary path, or null
     */
    public void commit(PointKey key, PointState state, ObjectNode row, AtomicFiles.PathWriter xyz) throws IOException {
        byte[] bytes = state.encode();
        AtomicFiles.writeFile(state(key), tmp -> Files.write(tmp, bytes));
        if (xyz != null) AtomicFiles.writeFile(xyz(key), xyz);
        ObjectNode rec = JSON.createObjectNode();
        rec.put("format", FORMAT);
        rec.put("point", key.point());
        rec.put("replica", key.replica());
        rec.put("state_crc", state.checksum());
        rec.set("row", row);
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rec) + "\n";
        AtomicFiles.writeFile(record(key), tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** The record of a committed point, or null when it is not committed. Throws {@link IOException} for a damaged record. */
    public ObjectNode readRecord(PointKey key) throws IOException {
        Path file = record(key);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        return parse(file, text, key);
    }

    /** The result row of a committed point, or null. */
    public ObjectNode readRow(PointKey key) throws IOException {
        ObjectNode rec = readRecord(key);
        return rec == null ? null : (ObjectNode) rec.get("row");
    }

    /** The state of a committed point, checked against the checksum its record holds. */
    public PointState readState(PointKey key) throws IOException {
        ObjectNode rec = readRecord(key);
        if (rec == null) throw new IOException(record(key) + ": the point is not committed");
        PointState s = PointState.read(state(key));
        long crc = rec.get("state_crc").asLong();
        if (s.checksum() != crc) {
            throw new IOException(state(key) + ": the state does not belong to its record (checksum "
                    + s.checksum() + ", record says " + crc + ")");
        }
        return s;
    }

    /** Every committed record, by key (ascending). Throws {@link IOException} for a damaged record. */
    public Map<PointKey, ObjectNode> readAll() throws IOException {
        Map<PointKey, ObjectNode> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "p*-r*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                PointKey key = PointKey.parseStem(name.substring(0, name.length() - ".json".length()));
                if (key == null) continue;
                out.put(key, parse(f, Files.readString(f, StandardCharsets.UTF_8), key));
            }
        }
        return out;
    }

    /** Deletes temporary files left by a killed process ({@code .<name>.<random>.tmp}); call only while holding the directory lock. */
    public void removeTemporaries() throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) Files.deleteIfExists(f);
        }
    }

    private static ObjectNode parse(Path file, String text, PointKey key) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new IOException(file + ": damaged point record: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject() || !FORMAT.equals(node.path("format").asText())
                || !node.path("row").isObject() || !node.path("state_crc").isIntegralNumber()) {
            throw new IOException(file + ": not an mdsens sweep point record (" + FORMAT + ")");
        }
        if (node.path("point").asInt(-1) != key.point() || node.path("replica").asInt(-1) != key.replica()) {
            throw new IOException(file + ": the record is of point " + node.path("point") + ", replica "
                    + node.path("replica") + ", not of " + key);
        }
        return (ObjectNode) node;
    }
}
