package org.mdsens.viz.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheWholeFile() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "{\"a\": 1}\n");
        assertEquals("{\"a\": 1}\n", Files.readString(target));
        assertEquals(List.of("summary.json"), names());
    }

    @Test
    void aThrowingWriterLeavesNoPartialFile() throws IOException {
        Path target = dir.resolve("final.xyz");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeFile(target, tmp -> {
            Files.writeString(tmp, "3\nhalf a frame");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), names());
    }

    @Test
    void aThrowingWriterKeepsThePreviousVersion() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "old\n");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeFile(target, tmp -> {
            Files.writeString(tmp, "new but broken");
            throw new IllegalStateException("bug");
        }));
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("summary.json"), names());
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "old\n");
        AtomicFiles.writeString(target, "new\n");
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of("summary.json"), names());
    }

    @Test
    void aStreamBodyWritesIntoMissingDirectoriesAndAThrowingOneLeavesNothing() throws IOException {
        Path target = dir.resolve("plots").resolve("a.png");
        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertEquals(3, Files.size(target));
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[] {9});
            throw new IOException("encoder failed");
        }));
        assertEquals(3, Files.size(target), "the previous version stays");
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of("a.png"), s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
