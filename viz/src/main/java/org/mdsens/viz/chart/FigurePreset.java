package org.mdsens.viz.chart;

/**
 * Physical figure size and type size. Drawing happens in device pixels ({@link #width()} ×
 * {@link #height()}); a length in points becomes {@code points · dpi / 72} pixels ({@link #px}), so a
 * figure exported at the preset's DPI has exactly the stated type size on paper.
 *
 * <p>{@link #journalColumn()}: one journal column, 85 mm wide at 300 dpi → 1004 × 753 px, tick labels
 * 8 pt (33.3 px), axis labels 9 pt, titles 10 pt. {@link #screen()}: 900 × 650 px at 96 dpi, 10 pt ticks.
 *
 * @param name       a short name (for logs and file metadata)
 * @param width      pixels, positive
 * @param height     pixels, positive
 * @param dpi        dots per inch, positive
 * @param fontPoints base type size (tick labels, legend) in points, positive; axis labels are 9/8 of it
 *                   and titles 10/8
 */
public record FigurePreset(String name, int width, int height, double dpi, double fontPoints) {

    public FigurePreset {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank, got '" + name + "'");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("figure size must be positive, got " + width + "x" + height);
        }
        if (!(dpi > 0) || !Double.isFinite(dpi)) throw new IllegalArgumentException("dpi must be positive, got " + dpi);
        if (!(fontPoints > 0) || !Double.isFinite(fontPoints)) {
            throw new IllegalArgumentException("fontPoints must be positive, got " + fontPoints);
        }
    }

    /** One journal column: 85 mm at 300 dpi (1004 × 753 px, 4:3), 8 pt base type. */
    public static FigurePreset journalColumn() {
        return new FigurePreset("journal-column", 1004, 753, 300, 8);
    }

    /** Two journal columns: 178 mm at 300 dpi (2102 × 1051 px, 2:1), 8 pt base type. */
    public static FigurePreset journalDoubleColumn() {
        return new FigurePreset("journal-double-column", 2102, 1051, 300, 8);
    }

    /** A screen figure: 900 × 650 px at 96 dpi, 10 pt (13.3 px) base type. */
    public static FigurePreset screen() {
        return new FigurePreset("screen", 900, 650, 96, 10);
    }

    /** A copy with another pixel size (same DPI and type). */
    public FigurePreset withSize(int w, int h) {
        return new FigurePreset(name, w, h, dpi, fontPoints);
    }

    /** {@code points} converted to pixels at this DPI. */
    public double px(double points) { return points * dpi / 72.0; }

    /** Base font size in pixels (tick labels, legends). */
    public double fontPixels() { return px(fontPoints); }

    /** Width in millimetres at this DPI. */
    public double widthMillimetres() { return width / dpi * 25.4; }
}
