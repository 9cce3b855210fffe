package org.mdsens.md.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a malformed file and checks the error names the file and the line. */
final class MalformedInput {

    interface Reading {
        void read(Path file) throws IOException;
    }

    private MalformedInput() { }

    /**
     * Asserts that reading {@code text} saved as {@code dir/name} fails with an InputFormatException at
     * {@code line} whose message contains every fragment.
     */
    static InputFormatException expect(Path dir, String name, String text, Reading reading, int line,
                                       String... fragments) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        InputFormatException e = assertThrows(InputFormatException.class, () -> reading.read(file));
        String msg = e.getMessage();
        assertEquals(line, e.line(), msg);
        assertEquals(file.toString(), e.source(), msg);
        assertTrue(msg.startsWith(file + (line > 0 ? ":" + line + ": " : ": ")), msg);
        assertTrue(msg.contains("; expected "), msg);
        assertFalse(msg.contains("\n"), msg);
        assertFalse(msg.contains("NumberFormatException"), msg);
        for (String f : fragments) assertTrue(msg.contains(f), "'" + f + "' not in: " + msg);
        return e;
    }
}
