package org.mdsens.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void closeTyposAreSuggested() {
        List<String> keys = List.of("kind", "count", "packing_fraction", "density", "min_distance");
        assertEquals("packing_fraction", Suggestions.closest("packing_fracton", keys));
        assertEquals("density", Suggestions.closest("densty", keys));
        assertEquals("count", Suggestions.closest("cuont", keys));   // transposition
        assertEquals("min_distance", Suggestions.closest("Min_Distance", keys));
    }

    @Test
    void farNamesAreNot() {
        assertNull(Suggestions.closest("temperature", List.of("kind", "count", "density")));
        assertNull(Suggestions.closest("x", List.of()));
        assertNull(Suggestions.closest("C", List.of("A", "B")));
        assertEquals("AB", Suggestions.closest("ab", List.of("A", "AB")));
    }

    @Test
    void distanceCountsEdits() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(1, Suggestions.distance("abc", "acb"));
        assertEquals(1, Suggestions.distance("abc", "abcd"));
        assertEquals(3, Suggestions.distance("", "abc"));
    }
}
