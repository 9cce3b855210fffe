package org.mdsens.viz.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.viz.desktop.DraftEntry.ValueType;

class DraftEntryTest {

    private static DraftEntry number() {
        return DraftEntry.of("species.B", "diameter", ValueType.NUMBER, "1.4");
    }

    @Test
    void numbersInTomlFormAreKeptAsTyped() {
        assertEquals("1e-10", number().withText("1e-10").text());
        assertEquals("-2.5E+3", number().withText(" -2.5E+3 ").text());
        assertEquals("7", number().withText("7").text());
    }

    @Test
    void numbersTomlDoesNotTakeAreNormalized() {
        assertEquals("0.5", number().withText(".5").text());
        assertEquals("1.0", number().withText("1.").text());
    }

    @Test
    void nonNumbersAndNonFiniteNumbersAreRefusedWithTheKeyInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> number().withText("abc"));
        assertEquals("species.B.diameter must be a number, got 'abc'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> number().withText("NaN"));
        assertThrows(IllegalArgumentException.class, () -> number().withText("Infinity"));
        assertThrows(IllegalArgumentException.class, () -> number().withText("1d"));
        assertThrows(IllegalArgumentException.class, () -> number().withText("0x10"));
    }

    @Test
    void integersBooleansAndChoicesAreChecked() {
        DraftEntry count = DraftEntry.of("system.generate", "count", ValueType.INTEGER, "128");
        assertEquals("256", count.withText("256").text());
        assertEquals("system.generate.count must be a whole number, got '12.5'",
                assertThrows(IllegalArgumentException.class, () -> count.withText("12.5")).getMessage());
        DraftEntry polish = DraftEntry.of("minimize", "newton_polish", ValueType.BOOLEAN, "false");
        assertEquals("true", polish.withText("TRUE").text());
        assertThrows(IllegalArgumentException.class, () -> polish.withText("yes"));
        DraftEntry algo = new DraftEntry("minimize", "algorithm", ValueType.STRING, "fire",
                List.of("fire", "lbfgs"), "");
        assertEquals("lbfgs", algo.withText("lbfgs").text());
        assertEquals("minimize.algorithm must be one of fire, lbfgs, got 'bfgs'",
                assertThrows(IllegalArgumentException.class, () -> algo.withText("bfgs")).getMessage());
    }

    @Test
    void emptyTextClearsTheKey() {
        DraftEntry cleared = number().withText("  ");
        assertFalse(cleared.isSet());
        JobDraft d = new JobDraft(Path.of("j.toml"), List.of(number()));
        assertTrue(d.with(cleared).entries().isEmpty());
    }

    @Test
    void draftsReplaceInPlaceAppendAndRemoveTables() {
        DraftEntry a = DraftEntry.of("potential", "kind", ValueType.STRING, "soft-sphere");
        DraftEntry b = number();
        DraftEntry c = DraftEntry.of("system.generate", "seed", ValueType.INTEGER, "1");
        JobDraft d = new JobDraft(Path.of("j.toml"), List.of(a, b, c));
        JobDraft e = d.with(b.withText("2.0"));
        assertEquals(List.of("kind", "diameter", "seed"), e.entries().stream().map(DraftEntry::key).toList());
        assertEquals("2.0", e.text("species.B", "diameter"));
        assertEquals(2, d.withoutTable("system").entries().size());
        assertEquals(3, d.withoutTable("sys").entries().size()); // a prefix of a name is not a table
        assertThrows(IllegalArgumentException.class, () -> new JobDraft(Path.of("j.toml"), List.of(a, a)));
    }

    @Test
    void sensitivityParametersRoundTripThroughTomlArrays() {
        JobDraft d = new JobDraft(Path.of("j.toml"), List.of());
        JobDraft e = d.withSensitivityParameters(List.of("diameter[B]", "sigma[A,B]"));
        assertEquals("[\"diameter[B]\", \"sigma[A,B]\"]", e.text("sensitivity", "parameters"));
        assertEquals(List.of("diameter[B]", "sigma[A,B]"), e.sensitivityParameters());
        assertTrue(e.withSensitivityParameters(List.of()).entries().isEmpty());
        JobDraft hand = d.with(DraftEntry.of("sensitivity", "parameters", ValueType.RAW, "[ 'alpha' ,\"epsilon\" ]"));
        assertEquals(List.of("alpha", "epsilon"), hand.sensitivityParameters());
        assertEquals("\"a\\\"b\\\\c\"", JobDraft.quote("a\"b\\c"));
    }
}
