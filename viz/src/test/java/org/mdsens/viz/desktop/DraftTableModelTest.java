package org.mdsens.viz.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.viz.desktop.DraftEntry.ValueType;

class DraftTableModelTest {

    private final List<JobDraft> edits = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private DraftTableModel model() {
        DraftTableModel m = new DraftTableModel(List.of("potential", "species"), d -> {
            String v = d.text("species.B", "diameter");
            if (!v.isEmpty() && Double.parseDouble(v) <= 0) {
                throw new IllegalArgumentException("job.toml:9: [species.B] diameter must be > 0, got " + v);
            }
        }, edits::add, errors::add);
        JobDraft d = new JobDraft(Path.of("job.toml"), List.of(
                DraftEntry.of("system.generate", "seed", ValueType.INTEGER, "1"),
                DraftEntry.of("potential", "kind", ValueType.STRING, "soft-sphere"),
                DraftEntry.of("species.B", "diameter", ValueType.NUMBER, "1.4")));
        m.setDraft(d, List.of(new DraftEntry("potential", "alpha", ValueType.NUMBER, "", List.of(), "default 2"),
                new DraftEntry("species.B", "diameter", ValueType.NUMBER, "", List.of(), "default 1"),
                new DraftEntry("minimize", "timestep", ValueType.NUMBER, "", List.of(), "default 0.05")));
        return m;
    }

    @Test
    void showsItsTablesThenTheOptionalKeysNotYetSet() {
        DraftTableModel m = model();
        assertEquals(3, m.getRowCount());
        assertEquals("kind", m.getValueAt(0, DraftTableModel.KEY_COLUMN));
        assertEquals("diameter", m.getValueAt(1, DraftTableModel.KEY_COLUMN));
        assertEquals("alpha", m.getValueAt(2, DraftTableModel.KEY_COLUMN));
        assertEquals("", m.getValueAt(2, DraftTableModel.VALUE_COLUMN));
        assertTrue(m.isCellEditable(1, DraftTableModel.VALUE_COLUMN));
        assertTrue(!m.isCellEditable(1, DraftTableModel.KEY_COLUMN));
        assertEquals(1, m.rowOf("species.B", "diameter"));
        assertEquals(-1, m.rowOf("minimize", "timestep"));
    }

    @Test
    void nonNumericValueIsRefusedWithAMessageAndNotKept() {
        DraftTableModel m = model();
        m.setValueAt("abc", 1, DraftTableModel.VALUE_COLUMN);
        assertEquals(List.of("species.B.diameter must be a number, got 'abc'"), errors);
        assertEquals("1.4", m.getValueAt(1, DraftTableModel.VALUE_COLUMN));
        assertTrue(edits.isEmpty());
    }

    @Test
    void valueTheValidatorRefusesIsNotKeptEither() {
        DraftTableModel m = model();
        m.setValueAt("-1", 1, DraftTableModel.VALUE_COLUMN);
        assertEquals(List.of("job.toml:9: [species.B] diameter must be > 0, got -1"), errors);
        assertEquals("1.4", m.getValueAt(1, DraftTableModel.VALUE_COLUMN));
        assertTrue(edits.isEmpty());
    }

    @Test
    void acceptedEditsReachTheDraftAndOptionalKeysCanBeSetAndCleared() {
        DraftTableModel m = model();
        m.setValueAt("1.6", 1, DraftTableModel.VALUE_COLUMN);
        m.setValueAt("2.5", 2, DraftTableModel.VALUE_COLUMN);
        m.setValueAt(" 2.5 ", 2, DraftTableModel.VALUE_COLUMN); // unchanged: no edit
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(2, edits.size());
        JobDraft last = edits.get(1);
        assertEquals("1.6", last.text("species.B", "diameter"));
        assertEquals("2.5", last.text("potential", "alpha"));
        assertEquals("1", last.text("system.generate", "seed"), "keys of other panels are kept");
        m.setValueAt("", 2, DraftTableModel.VALUE_COLUMN);
        assertTrue(edits.get(2).entry("potential", "alpha").isEmpty());
    }
}
