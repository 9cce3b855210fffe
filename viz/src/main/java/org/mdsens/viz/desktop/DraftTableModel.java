package org.mdsens.viz.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.table.AbstractTableModel;

/**
 * The rows of one settings table of the desktop app: the draft's entries under a few job-file tables
 * ({@code potential}, {@code species}...), followed by the keys the user may still set (empty value:
 * the default applies). Columns: table, key, value; only the value is editable.
 *
 * <p>An edit is accepted only if its form is right ({@link DraftEntry#withText}: a number for a
 * number, one of the choices for a choice) and the edited draft passes {@code validator} (the job
 * reader's checks: ranges, names). Otherwise the edit is refused, the old value stays, and the
 * message goes to {@code errors} (the app shows it in a dialog); no exception leaves
 * {@link #setValueAt}. An accepted edit is passed to {@code onEdit} with the new draft.
 *
 * <p>Event thread only.
 */
public final class DraftTableModel extends AbstractTableModel {

    private static final long serialVersionUID = 1L;
    /** Column of the table name. */
    public static final int TABLE_COLUMN = 0;
    /** Column of the key. */
    public static final int KEY_COLUMN = 1;
    /** Column of the value (the only editable one). */
    public static final int VALUE_COLUMN = 2;

    private final List<String> tables;
    private final transient Consumer<JobDraft> validator;
    private final transient Consumer<JobDraft> onEdit;
    private final transient Consumer<String> errors;
    private transient JobDraft draft;
    private transient List<DraftEntry> rows = List.of();

    /**
     * @param tables    the job-file tables shown (each with the tables below it)
     * @param validator throws {@link IllegalArgumentException} with a one-line message for a draft the job reader refuses
     * @param onEdit    receives the new draft after an accepted edit
     * @param errors    receives the message of a refused edit
     */
    public DraftTableModel(List<String> tables, Consumer<JobDraft> validator, Consumer<JobDraft> onEdit,
                           Consumer<String> errors) {
        this.tables = List.copyOf(tables);
        this.validator = validator;
        this.onEdit = onEdit;
        this.errors = errors;
    }

    /**
     * Shows a draft: its entries under this model's tables, then those of {@code optional} (keys not
     * set, from {@link JobGateway#optionalEntries}) that are under them and not already set.
     */
    public void setDraft(JobDraft newDraft, List<DraftEntry> optional) {
        draft = newDraft;
        List<DraftEntry> r = new ArrayList<>();
        for (String t : tables) r.addAll(newDraft.entriesUnder(t));
        for (DraftEntry o : optional) {
            if (!shown(o)) continue;
            boolean present = false;
            for (DraftEntry e : r) if (e.sameKey(o)) present = true;
            if (!present) r.add(o);
        }
        rows = r;
        fireTableDataChanged();
    }

    private boolean shown(DraftEntry e) {
        for (String t : tables) if (JobDraft.inTable(e, t)) return true;
        return false;
    }

    /** The draft shown. */
    public JobDraft draft() { return draft; }

    /** The entry of a row (with the current value). */
    public DraftEntry entry(int row) { return rows.get(row); }

    /** The row of (table, key), or -1. */
    public int rowOf(String table, String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).table().equals(table) && rows.get(i).key().equals(key)) return i;
        }
        return -1;
    }

    @Override public int getRowCount() { return rows.size(); }

    @Override public int getColumnCount() { return 3; }

    @Override public String getColumnName(int column) {
        return switch (column) {
            case TABLE_COLUMN -> "Table";
            case KEY_COLUMN -> "Key";
            default -> "Value";
        };
    }

    @Override public Class<?> getColumnClass(int column) { return String.class; }

    @Override public boolean isCellEditable(int row, int column) { return column == VALUE_COLUMN; }

    @Override public Object getValueAt(int row, int column) {
        DraftEntry e = rows.get(row);
        return switch (column) {
            case TABLE_COLUMN -> e.table().startsWith("system.generate") ? e.table().substring("system.".length())
                    : e.table();
            case KEY_COLUMN -> e.key();
            default -> e.text();
        };
    }

    @Override public void setValueAt(Object value, int row, int column) {
        if (column != VALUE_COLUMN || draft == null) return;
        DraftEntry old = rows.get(row);
        String text = value == null ? "" : value.toString();
        if (text.strip().equals(old.text())) return;
        DraftEntry edited;
        JobDraft candidate;
        try {
            edited = old.withText(text);
            candidate = draft.with(edited);
            validator.accept(candidate);
        } catch (IllegalArgumentException e) {
            fireTableRowsUpdated(row, row);
            errors.accept(e.getMessage());
            return;
        }
        List<DraftEntry> r = new ArrayList<>(rows);
        r.set(row, edited);
        rows = r;
        draft = candidate;
        fireTableRowsUpdated(row, row);
        onEdit.accept(candidate);
    }
}
