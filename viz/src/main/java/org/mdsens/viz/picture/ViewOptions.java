package org.mdsens.viz.picture;

/**
 * How a {@link ParticleView} draws. Sizes are in device pixels of the target (screen, PNG or SVG user
 * units); line widths scale with the font: one "line unit" is {@code fontSize / 8}, i.e. 1 pt when the
 * font is 8 pt.
 *
 * @param width            preferred drawing width in pixels (exporters use it), positive
 * @param height           preferred drawing height in pixels, positive
 * @param colorByMagnitude fill particles by |field| with viridis (and show a colour bar) instead of by species
 * @param arrowScale       world length per field unit; {@code NaN} selects the automatic rule of {@link ArrowScale}
 * @param showBox          draw the periodic box (edges in 3D)
 * @param showLegend       draw the legend panel on the right
 * @param fontSize         legend font size in pixels, positive (8 pt at 300 dpi is 33.3 px)
 * @param title            title above the picture; empty for none (never null)
 * @param zeroFieldThreshold round-off threshold τ in field units: a field whose largest non-rattler
 *                         magnitude is ≤ τ is drawn as a zero field (no arrows); {@code NaN} selects the
 *                         default τ = 10⁻⁸ · mean diameter ({@link ArrowScale#ROUND_OFF_RELATIVE}); 0 treats
 *                         only an exactly zero field as zero; otherwise finite and ≥ 0
 */
public record ViewOptions(int width, int height, boolean colorByMagnitude, double arrowScale, boolean showBox,
                          boolean showLegend, double fontSize, String title, double zeroFieldThreshold) {

    public ViewOptions {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("view size must be positive, got " + width + "x" + height);
        }
        if (!Double.isNaN(arrowScale) && (!(arrowScale > 0) || Double.isInfinite(arrowScale))) {
            throw new IllegalArgumentException("arrowScale must be positive and finite, or NaN for automatic, got "
                    + arrowScale);
        }
        if (!(fontSize > 0) || !Double.isFinite(fontSize)) {
            throw new IllegalArgumentException("fontSize must be positive and finite, got " + fontSize);
        }
        if (title == null) title = "";
        if (!Double.isNaN(zeroFieldThreshold) && (!(zeroFieldThreshold >= 0) || Double.isInfinite(zeroFieldThreshold))) {
            throw new IllegalArgumentException("zeroFieldThreshold must be finite and >= 0, or NaN for the default, got "
                    + zeroFieldThreshold);
        }
    }

    /** Options with the default round-off threshold ({@code zeroFieldThreshold = NaN}). */
    public ViewOptions(int width, int height, boolean colorByMagnitude, double arrowScale, boolean showBox,
                       boolean showLegend, double fontSize, String title) {
        this(width, height, colorByMagnitude, arrowScale, showBox, showLegend, fontSize, title, Double.NaN);
    }

    /** 900×700 px, species colours, automatic arrows, box and legend shown, 14 px font, no title. */
    public static ViewOptions defaults() {
        return new ViewOptions(900, 700, false, Double.NaN, true, true, 14, "");
    }

    public ViewOptions withSize(int w, int h) {
        return new ViewOptions(w, h, colorByMagnitude, arrowScale, showBox, showLegend, fontSize, title, zeroFieldThreshold);
    }

    public ViewOptions withColorByMagnitude(boolean on) {
        return new ViewOptions(width, height, on, arrowScale, showBox, showLegend, fontSize, title, zeroFieldThreshold);
    }

    /** A fixed arrow scale (world length per field unit), or NaN for automatic. */
    public ViewOptions withArrowScale(double worldPerUnit) {
        return new ViewOptions(width, height, colorByMagnitude, worldPerUnit, showBox, showLegend, fontSize, title, zeroFieldThreshold);
    }

    public ViewOptions withShowBox(boolean on) {
        return new ViewOptions(width, height, colorByMagnitude, arrowScale, on, showLegend, fontSize, title, zeroFieldThreshold);
    }

    public ViewOptions withShowLegend(boolean on) {
        return new ViewOptions(width, height, colorByMagnitude, arrowScale, showBox, on, fontSize, title, zeroFieldThreshold);
    }

    public ViewOptions withFontSize(double px) {
        return new ViewOptions(width, height, colorByMagnitude, arrowScale, showBox, showLegend, px, title, zeroFieldThreshold);
    }

    public ViewOptions withTitle(String text) {
        return new ViewOptions(width, height, colorByMagnitude, arrowScale, showBox, showLegend, fontSize, text, zeroFieldThreshold);
    }

    /**
     * The round-off threshold τ (field units) below which a field counts as zero, or NaN for the default
     * 10⁻⁸ · mean diameter; see {@link ArrowScale}.
     */
    public ViewOptions withZeroFieldThreshold(double tau) {
        return new ViewOptions(width, height, colorByMagnitude, arrowScale, showBox, showLegend, fontSize, title, tau);
    }

    /** Whether the arrow scale is chosen automatically. */
    public boolean automaticArrowScale() { return Double.isNaN(arrowScale); }

    /** One line unit in pixels: {@code fontSize / 8}. */
    public double lineUnit() { return fontSize / 8; }
}
