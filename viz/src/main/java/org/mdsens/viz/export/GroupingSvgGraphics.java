package org.mdsens.viz.export;

import java.awt.Graphics;
import java.awt.RenderingHints;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartHints;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Batik's SVGGraphics2D that turns the JFreeChart {@link ChartHints} begin/end element hints into
 * nested {@code <g>} elements. A begin hint's value is a String (used as the class) or a Map whose
 * {@code id}, {@code class} and {@code ref} entries become the {@code id}, {@code class} and
 * {@code data-ref} attributes. Everything drawn so far is flushed (Batik's top-level group is taken and
 * its children moved) into the innermost open group at each hint. Copies made by {@link #create()}
 * share the group stack. Not thread-safe, like any Graphics2D.
 */
final class GroupingSvgGraphics extends SVGGraphics2D {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    /** The open groups, innermost first; the bottom is the content container. */
    private final Deque<Element> open;

    GroupingSvgGraphics(SVGGeneratorContext context, Element container) {
        super(context, false);
        this.open = new ArrayDeque<>();
        this.open.push(container);
    }

    private GroupingSvgGraphics(GroupingSvgGraphics g) {
        super(g);
        this.open = g.open;
    }

    @Override
    public Graphics create() {
        return new GroupingSvgGraphics(this);
    }

    @Override
    public void setRenderingHint(RenderingHints.Key key, Object value) {
        if (key == ChartHints.KEY_BEGIN_ELEMENT) {
            flush();
            Element group = getDOMFactory().createElementNS(SVG_NS, "g");
            if (value instanceof String s) {
                group.setAttributeNS(null, "class", s);
            } else if (value instanceof Map<?, ?> m) {
                set(group, "id", m.get("id"));
                set(group, "class", m.get("class"));
                set(group, "data-ref", m.get("ref"));
            }
            open.peek().appendChild(group);
            open.push(group);
        } else if (key == ChartHints.KEY_END_ELEMENT) {
            flush();
            if (open.size() > 1) open.pop();
        } else {
            super.setRenderingHint(key, value);
        }
    }

    private static void set(Element e, String attribute, Object value) {
        if (value != null) e.setAttributeNS(null, attribute, value.toString());
    }

    /** Moves everything drawn since the last flush into the innermost open group. */
    void flush() {
        Element chunk = getTopLevelGroup(false);
        Element target = open.peek();
        Node c = chunk.getFirstChild();
        while (c != null) {
            Node next = c.getNextSibling();
            target.appendChild(c);
            c = next;
        }
    }
}
