package org.mdsens.md.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class InputFormatExceptionTest {

    @Test
    void messageIsOneLineWithSourceLineProblemAndExpectation() {
        InputFormatException e = new InputFormatException("a.xyz", 7, "x is\nbad", "good x");
        assertEquals("a.xyz:7: x is bad; expected good x", e.getMessage());
        assertEquals("a.xyz", e.source());
        assertEquals(7, e.line());
        assertEquals("x is bad", e.problem());
        assertEquals("good x", e.expected());
        assertInstanceOf(IllegalArgumentException.class, e);
    }

    @Test
    void withoutALineTheLinePartIsLeftOut() {
        InputFormatException e = new InputFormatException(null, 0, "no atoms", "some atoms");
        assertEquals("<string>: no atoms; expected some atoms", e.getMessage());
        assertEquals(0, e.line());
    }
}
