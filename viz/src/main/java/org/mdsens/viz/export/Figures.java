package org.mdsens.viz.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.mdsens.viz.chart.ConvergenceChart;
import org.mdsens.viz.chart.FigurePreset;
import org.mdsens.viz.picture.ParticleView;
import org.mdsens.viz.picture.ViewOptions;
import org.mdsens.viz.scene.ParticleScene;

/**
 * The standard figures of a run, each written as {@code <name>.png} (at the preset's pixel size and
 * DPI) and {@code <name>.svg} (same drawing, physical size in mm): {@code convergence} and
 * {@code sensitivity_<parameter file name>} (DESIGN.md §5). Every file is written under a temporary
 * name and moved into place. Stateless and thread-safe.
 */
public final class Figures {

    private Figures() { }

    /**
     * Writes {@code convergence.png} and {@code convergence.svg} from a minimization trace (the arrays of a
     * {@code MinimizationResult}: trace iterations, energies and max forces).
     *
     * @return the written files, PNG first
     */
    public static List<Path> writeConvergence(Path dir, int[] iterations, double[] energy, double[] maxForce,
                                              FigurePreset preset) throws IOException {
        JFreeChart chart = ConvergenceChart.create(iterations, energy, maxForce,
                ConvergenceChart.EnergyScale.EXCESS_LOG, preset);
        return writeChart(dir, "convergence", chart, preset);
    }

    /**
     * Writes {@code sensitivity_<name>.png/svg}: the scene with its field as arrows, at the preset's size.
     *
     * @param parameter a parameter name ({@code diameter[B]}) or its file name ({@code diameter_B});
     *                  converted by {@link #fileName(String)}
     * @return the written files, PNG first
     */
    public static List<Path> writeSensitivity(Path dir, String parameter, ParticleScene scene, FigurePreset preset)
            throws IOException {
        ParticleView view = new ParticleView(scene, viewOptions(preset));
        return writeDrawing(dir, "sensitivity_" + fileName(parameter), Drawable.of(view), preset);
    }

    /** Writes {@code <baseName>.png} and {@code <baseName>.svg} of a chart. */
    public static List<Path> writeChart(Path dir, String baseName, JFreeChart chart, FigurePreset preset)
            throws IOException {
        return writeDrawing(dir, baseName, Drawable.of(chart), preset);
    }

    /** Writes {@code <baseName>.png} and {@code <baseName>.svg} of any drawing at the preset's size. */
    public static List<Path> writeDrawing(Path dir, String baseName, Drawable drawable, FigurePreset preset)
            throws IOException {
        if (baseName == null || baseName.isBlank() || baseName.contains("/") || baseName.contains("\\")) {
            throw new IllegalArgumentException("figure name must be a plain file name, got '" + baseName + "'");
        }
        Path png = dir.resolve(baseName + ".png");
        Path svg = dir.resolve(baseName + ".svg");
        PngExporter.write(drawable, png, preset.width(), preset.height(), preset.dpi());
        SvgExporter.write(drawable, svg, preset.width(), preset.height(), preset.dpi());
        return List.of(png, svg);
    }

    /** View options matching a preset: its size, and its base font size in pixels. */
    public static ViewOptions viewOptions(FigurePreset preset) {
        return ViewOptions.defaults().withSize(preset.width(), preset.height()).withFontSize(preset.fontPixels());
    }

    /**
     * The file-name form of a parameter or observable name (DESIGN.md §5): every run of
     * non-alphanumeric characters becomes one {@code _} and a trailing {@code _} is dropped
     * ({@code diameter[B]} → {@code diameter_B}, {@code sigma[A,B]} → {@code sigma_A_B}). Idempotent.
     */
    public static String fileName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank, got '" + name + "'");
        String s = name.replaceAll("[^A-Za-z0-9]+", "_");
        if (s.endsWith("_")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty()) throw new IllegalArgumentException("name must contain a letter or digit, got '" + name + "'");
        return s;
    }
}
