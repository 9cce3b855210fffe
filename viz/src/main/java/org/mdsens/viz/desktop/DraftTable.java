package org.mdsens.viz.desktop;

import java.awt.Color;
import java.awt.Component;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;

import javax.swing.DefaultCellEditor;
import javax.swing.JComboBox;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellEditor;

/**
 * A {@link JTable} over a {@link DraftTableModel}: value cells edit with a combo box for keys with
 * fixed choices and booleans, and with a text field otherwise; keys left at their default show the
 * default hint in grey; tooltips show the hint. Edits are committed when focus leaves the table.
 * Event thread only.
 */
public final class DraftTable extends JTable {

    private static final long serialVersionUID = 1L;

    public DraftTable(DraftTableModel model) {
        super(model);
        putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
        setFillsViewportHeight(true);
        setRowSelectionAllowed(true);
        getTableHeader().setReorderingAllowed(false);
        getColumnModel().getColumn(DraftTableModel.TABLE_COLUMN).setPreferredWidth(125);
        getColumnModel().getColumn(DraftTableModel.KEY_COLUMN).setPreferredWidth(115);
        getColumnModel().getColumn(DraftTableModel.VALUE_COLUMN).setPreferredWidth(150);
        DefaultTableCellRenderer valueRenderer = new DefaultTableCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override public Component getTableCellRendererComponent(JTable t, Object value, boolean selected,
                                                                     boolean focus, int row, int column) {
                DraftEntry e = model().entry(t.convertRowIndexToModel(row));
                boolean unset = !e.isSet();
                Component c = super.getTableCellRendererComponent(t, unset ? e.hint() : value, selected, focus, row,
                        column);
                if (!selected) c.setForeground(unset ? Color.GRAY : t.getForeground());
                return c;
            }
        };
        getColumnModel().getColumn(DraftTableModel.VALUE_COLUMN).setCellRenderer(valueRenderer);
    }

    /** The model. */
    public DraftTableModel model() { return (DraftTableModel) getModel(); }

    @Override public TableCellEditor getCellEditor(int row, int column) {
        if (column == DraftTableModel.VALUE_COLUMN) {
            DraftEntry e = model().entry(convertRowIndexToModel(row));
            List<String> options = new ArrayList<>();
            if (!e.choices().isEmpty()) options.addAll(e.choices());
            else if (e.type() == DraftEntry.ValueType.BOOLEAN) options.addAll(List.of("true", "false"));
            if (!options.isEmpty()) {
                options.add(0, "");
                JComboBox<String> box = new JComboBox<>(options.toArray(new String[0]));
                box.setSelectedItem(e.text());
                return new DefaultCellEditor(box);
            }
        }
        return super.getCellEditor(row, column);
    }

    @Override public String getToolTipText(MouseEvent event) {
        int row = rowAtPoint(event.getPoint());
        if (row < 0) return null;
        DraftEntry e = model().entry(convertRowIndexToModel(row));
        String h = e.hint().isEmpty() ? "" : " — " + e.hint();
        return e.qualifiedKey() + " (" + e.type().name().toLowerCase(java.util.Locale.ROOT) + ")" + h;
    }
}
