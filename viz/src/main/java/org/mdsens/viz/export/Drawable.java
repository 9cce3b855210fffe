package org.mdsens.viz.export;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.JFreeChart;
import org.mdsens.viz.picture.ParticleView;

/**
 * Anything that can draw itself into a rectangle (0, 0, width, height) of a {@link Graphics2D} user
 * space (pixels of a PNG, user units of an SVG, device pixels of a Swing component). One
 * implementation serves every target.
 */
@FunctionalInterface
public interface Drawable {

    /** Draws into (0, 0, width, height) of {@code g}; must not keep {@code g}. */
    void draw(Graphics2D g, int width, int height);

    /** A chart as a drawable: {@code chart.draw(g, rect)}. */
    static Drawable of(JFreeChart chart) {
        return (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
    }

    /** A particle view as a drawable. */
    static Drawable of(ParticleView view) {
        return view::draw;
    }
}
