package org.mdsens.md.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads text line by line and remembers the 1-based number of the last line returned, so every
 * parser error can name its line. Not thread-safe.
 */
final class LineCursor {

    private final BufferedReader reader;
    private final String source;
    private int line;
    private String pushedBack;

    LineCursor(Reader reader, String source) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        this.source = source == null ? "<string>" : source;
    }

    String source() { return source; }

    /**
     * Opens a file as UTF-8 text; malformed bytes (a Latin-1 comment, say) become U+FFFD instead of
     * failing the whole read with a MalformedInputException.
     */
    static Reader open(Path path) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8));
    }

    /** Number of the last line returned by {@link #next()} (0 before the first). */
    int line() { return line; }

    /** The next line without its terminator, or null at the end of the input. */
    String next() throws IOException {
        if (pushedBack != null) {
            String s = pushedBack;
            pushedBack = null;
            line++;
            return s;
        }
        String s = reader.readLine();
        if (s != null) {
            line++;
            if (line == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1); // byte-order mark
        }
        return s;
    }

    /** Un-reads the line just returned by {@link #next()} (one level only). */
    void pushBack(String s) {
        pushedBack = s;
        line--;
    }

    /** An error at the current line. */
    InputFormatException error(String problem, String expected) {
        return new InputFormatException(source, line, problem, expected);
    }

    /** An error at a given line. */
    InputFormatException errorAt(int lineNumber, String problem, String expected) {
        return new InputFormatException(source, lineNumber, problem, expected);
    }
}
