package org.mdsens.viz.picture;

import java.awt.Color;

/**
 * Colour-blind-safe colours shared by pictures and charts.
 *
 * <p>Categorical colours are the Okabe–Ito palette (Okabe &amp; Ito, "Color Universal Design", 2002;
 * Wong, Nature Methods 8, 441, 2011), ordered so that the first two (sky blue, orange) stay light enough
 * for black arrows drawn on top of them. The sequential map is viridis (van der Walt &amp; Smith,
 * matplotlib 2015), interpolated linearly in sRGB between its ten standard stops
 * ({@code viridisLite::viridis(10)}); the interpolation differs from the 256-entry table by less than
 * two levels per channel.
 *
 * <p>Stateless and thread-safe.
 */
public final class Palette {

    /** Okabe–Ito colours in the order species and series use them. */
    private static final Color[] OKABE_ITO = {
        new Color(0x56B4E9), // sky blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xF0E442), // yellow
        new Color(0xCC79A7), // reddish purple
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x999999), // grey (stands in for Okabe–Ito black, which is kept for arrows and text)
    };

    /** Okabe–Ito colours in the order chart series use them (darker first, for lines on white). */
    private static final Color[] SERIES = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000),
    };

    private static final int[] VIRIDIS = {
        0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725,
    };

    /** Text, outlines and arrows. */
    public static final Color INK = new Color(0x1A1A1A);
    /** Particle outlines. */
    public static final Color OUTLINE = new Color(0x333333);
    /** Fill of rattlers (drawn hollow-looking: very light grey with a cross). */
    public static final Color RATTLER_FILL = new Color(0xEEEEEE);
    /** Outline and cross of rattlers. */
    public static final Color RATTLER_INK = new Color(0x8C8C8C);
    /** Box edges. */
    public static final Color BOX = new Color(0x4D4D4D);
    /** Chart grid lines. */
    public static final Color GRID = new Color(0xDDDDDD);

    private Palette() { }

    /** Number of distinct categorical colours before they repeat. */
    public static int categoricalCount() { return OKABE_ITO.length; }

    /** Colour of species {@code index} (cycles after {@link #categoricalCount()}). */
    public static Color species(int index) {
        if (index < 0) throw new IllegalArgumentException("species index must be >= 0, got " + index);
        return OKABE_ITO[index % OKABE_ITO.length];
    }

    /** Colour of chart series {@code index} (cycles). */
    public static Color series(int index) {
        if (index < 0) throw new IllegalArgumentException("series index must be >= 0, got " + index);
        return SERIES[index % SERIES.length];
    }

    /** Viridis at {@code t} in [0, 1] (clamped; NaN maps to 0). */
    public static Color viridis(double t) {
        if (!(t > 0)) t = 0;
        if (t > 1) t = 1;
        double x = t * (VIRIDIS.length - 1);
        int k = Math.min((int) x, VIRIDIS.length - 2);
        double f = x - k;
        int a = VIRIDIS[k];
        int b = VIRIDIS[k + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return new Color(r, g, bl);
    }

    /** {@code c} mixed with white: {@code amount} 0 keeps c, 1 gives white. */
    public static Color lighter(Color c, double amount) {
        return mix(c, Color.WHITE, amount);
    }

    /** {@code c} mixed with black: {@code amount} 0 keeps c, 1 gives black. */
    public static Color darker(Color c, double amount) {
        return mix(c, Color.BLACK, amount);
    }

    static Color mix(Color c, Color o, double f) {
        return new Color((int) Math.round(c.getRed() * (1 - f) + o.getRed() * f),
                (int) Math.round(c.getGreen() * (1 - f) + o.getGreen() * f),
                (int) Math.round(c.getBlue() * (1 - f) + o.getBlue() * f));
    }
}
