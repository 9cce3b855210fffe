package org.mdsens.app.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a job came from: the file (as the user named it, for messages; relative paths inside it
 * resolve against its directory) and the key → line index of its text. Immutable.
 *
 * @param file  the job file, as given on the command line
 * @param lines key → line index of its text
 */
public record JobSource(Path file, TomlLineIndex lines) {

    public JobSource {
        if (file == null || lines == null) throw new IllegalArgumentException("file and lines must not be null");
    }

    /** {@code job.toml:12} for the line of {@code path} (or its longest known prefix), else {@code job.toml}. */
    public String where(List<String> path) {
        int line = lines.lineOf(path);
        return line > 0 ? file + ":" + line : file.toString();
    }

    /** An exception whose message is {@code <where(path)>: <what>}. */
    public JobFileException error(List<String> path, String what) {
        return new JobFileException(where(path) + ": " + what);
    }

    /** Resolves a path written in the job file against the job file's directory. */
    public Path resolve(String written) {
        Path p = Path.of(written);
        if (p.isAbsolute()) return p;
        Path dir = file.getParent();
        return dir == null ? p : dir.resolve(p);
    }

    /** The TOML display form of a table path: {@code [potential.pairs."A-B"]}; {@code top level} for the root. */
    public static String label(List<String> path) {
        if (path.isEmpty()) return "top level";
        List<String> parts = new ArrayList<>();
        for (String p : path) parts.add(p.matches("[A-Za-z0-9_]+") ? p : "\"" + p.replace("\"", "\\\"") + "\"");
        return "[" + String.join(".", parts) + "]";
    }

    /** Path plus one more key. */
    static List<String> child(List<String> path, String key) {
        List<String> r = new ArrayList<>(path);
        r.add(key);
        return List.copyOf(r);
    }
}
