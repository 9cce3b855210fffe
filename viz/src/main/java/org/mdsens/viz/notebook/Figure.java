package org.mdsens.viz.notebook;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.mdsens.viz.chart.FigurePreset;
import org.mdsens.viz.export.Drawable;
import org.mdsens.viz.export.PngExporter;
import org.mdsens.viz.export.SvgExporter;
import org.mdsens.viz.picture.ParticleView;

/**
 * A chart or particle picture at a fixed pixel size, ready for a notebook or a file: {@link #toPng()},
 * {@link #toSvg()}, {@link #toHtml()}, {@link #image()} and {@link #save(Path)}. In Jupyter (after
 * {@link Notebook#enable()}) a figure shows as {@code image/png}, or as {@code image/svg+xml} after
 * {@link #asSvg()}.
 *
 * <p>Sizes are pixels; the DPI is written into the PNG ({@code pHYs}) and sets the physical size of the
 * SVG (see {@link PngExporter}, {@link SvgExporter}). Charts made at a {@link FigurePreset} keep their
 * type size when the figure is resized; only the canvas changes. Every export draws afresh, so a figure of
 * a mutable chart shows the chart as it is when exported.
 *
 * <pre>{@code
 * Figure f = minimum.convergenceChart();
 * f.save("convergence.png");          // or .svg
 * display(f.image());                 // IJava without Notebook.enable(): the kernel shows BufferedImages
 * }</pre>
 *
 * <p>Immutable (the drawing it wraps is drawn, never changed); as thread-safe as that drawing.
 */
public final class Figure implements Displayable {

    /** The default size of notebook charts: 720 × 500 px at 96 dpi, 10 pt base type. */
    public static final FigurePreset NOTEBOOK = new FigurePreset("notebook", 720, 500, 96, 10);

    private final Drawable drawable;
    private final String title;
    private final int width;
    private final int height;
    private final double dpi;
    private final boolean svgFirst;

    private Figure(Drawable drawable, String title, int width, int height, double dpi, boolean svgFirst) {
        if (drawable == null) throw new IllegalArgumentException("drawable must not be null");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("figure size must be positive, got " + width + "x" + height);
        if (!(dpi > 0) || !Double.isFinite(dpi)) throw new IllegalArgumentException("dpi must be positive, got " + dpi);
        this.drawable = drawable;
        this.title = title == null || title.isBlank() ? "figure" : title;
        this.width = width;
        this.height = height;
        this.dpi = dpi;
        this.svgFirst = svgFirst;
    }

    /**
     * Any drawing as a figure.
     *
     * @param drawable draws into (0, 0, width, height)
     * @param title    a short description (alt text, {@code toString})
     */
    public static Figure of(Drawable drawable, String title, int width, int height, double dpi) {
        return new Figure(drawable, title, width, height, dpi, false);
    }

    /** A chart at the {@link #NOTEBOOK} size (build the chart at the same preset for matching type size). */
    public static Figure of(JFreeChart chart) { return of(chart, NOTEBOOK); }

    /** A chart at a preset's pixel size and DPI, titled by the chart's title (or "chart"). */
    public static Figure of(JFreeChart chart, FigurePreset preset) {
        String t = chart.getTitle() != null && chart.getTitle().getText() != null ? chart.getTitle().getText() : "chart";
        return of(chart, preset, t);
    }

    /** A chart at a preset's pixel size and DPI, with a description for {@code toString} and alt text. */
    public static Figure of(JFreeChart chart, FigurePreset preset, String title) {
        return new Figure(Drawable.of(chart), title, preset.width(), preset.height(), preset.dpi(), false);
    }

    /** A particle picture at the view's preferred size, 96 dpi. */
    public static Figure of(ParticleView view) {
        int[] size = view.preferredSize();
        String t = view.options().title().isEmpty() ? "particles" : view.options().title();
        return new Figure(Drawable.of(view), t, size[0], size[1], 96, false);
    }

    public String title() { return title; }
    public int width() { return width; }
    public int height() { return height; }
    public double dpi() { return dpi; }

    /** The drawing behind the figure. */
    public Drawable drawable() { return drawable; }

    /** The same figure at another pixel size. */
    public Figure withSize(int w, int h) { return new Figure(drawable, title, w, h, dpi, svgFirst); }

    /** The same figure at another DPI (physical size of exports; pixels unchanged). */
    public Figure withDpi(double newDpi) { return new Figure(drawable, title, width, height, newDpi, svgFirst); }

    /** The same figure shown as SVG (vector) instead of PNG by a plain notebook display. */
    public Figure asSvg() { return new Figure(drawable, title, width, height, dpi, true); }

    /** The same figure shown as PNG by a plain notebook display (the default). */
    public Figure asPng() { return new Figure(drawable, title, width, height, dpi, false); }

    /** Draws into a new white RGB image of the figure's size. */
    public BufferedImage image() { return PngExporter.render(drawable, width, height); }

    /** PNG bytes, with the DPI stored. */
    public byte[] toPng() {
        try {
            return PngExporter.encode(image(), dpi);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed: " + e.getMessage(), e);
        }
    }

    /** A standalone SVG document (no external DTD), with the physical size from the DPI. */
    public String toSvg() { return SvgExporter.toSvg(drawable, width, height, dpi); }

    /** An HTML {@code <img>} with the PNG inlined as a data URI. */
    public String toHtml() { return Html.img(toPng(), width, height, title); }

    /**
     * Writes the figure as PNG or SVG, chosen by the file extension; parent directories are created and
     * the file is written under a temporary name and moved into place.
     *
     * @return the file
     * @throws IllegalArgumentException for an extension other than {@code .png} or {@code .svg}
     * @throws UncheckedIOException     when the file cannot be written
     */
    public Path save(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            throw new IllegalArgumentException("figure file name must end in .png or .svg, got '" + file + "'");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (png) PngExporter.write(drawable, file, width, height, dpi);
            else SvgExporter.write(drawable, file, width, height, dpi);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@link #save(Path)} of a path given as text. */
    public Path save(String file) { return save(Path.of(file)); }

    @Override public List<String> displayTypes() { return List.of(svgFirst ? SVG : PNG); }

    @Override public List<String> supportedDisplayTypes() { return List.of(PNG, SVG, HTML); }

    @Override public String displayData(String mimeType) {
        return switch (Html.checkType(this, mimeType)) {
            case PNG -> Base64.getEncoder().encodeToString(toPng());
            case SVG -> toSvg();
            default -> toHtml();
        };
    }

    @Override public String toString() {
        return "Figure[" + title + ", " + width + "x" + height + " px, " + (int) Math.round(dpi) + " dpi"
                + (svgFirst ? ", SVG" : "") + "]";
    }
}
