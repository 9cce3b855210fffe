package org.mdsens.viz.picture;

import java.awt.Graphics2D;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jfree.chart.ChartHints;

/**
 * Marks element groups in a drawing with JFreeChart's {@link ChartHints} begin/end rendering hints,
 * the convention JFreeChart itself uses: SVG back ends that understand it (ours, JFreeSVG) open a
 * {@code <g>} with the given id and class; raster targets ignore it. This makes particles and arrows
 * countable and selectable in an SVG.
 */
final class Groups {

    private Groups() { }

    /** Opens a group; {@code id} and {@code cls} may be null. */
    static void begin(Graphics2D g, String id, String cls) {
        Map<String, String> m = new LinkedHashMap<>(4);
        if (id != null) m.put("id", id);
        if (cls != null) m.put("class", cls);
        g.setRenderingHint(ChartHints.KEY_BEGIN_ELEMENT, m);
    }

    /** Closes the innermost open group. */
    static void end(Graphics2D g) {
        g.setRenderingHint(ChartHints.KEY_END_ELEMENT, Boolean.TRUE);
    }
}
