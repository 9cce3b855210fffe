package org.mdsens.viz.export;

import java.awt.Color;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;

import org.apache.batik.svggen.DefaultExtensionHandler;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGPaintDescriptor;
import org.w3c.dom.Element;

/**
 * Converts {@link LinearGradientPaint} and {@link RadialGradientPaint} (multi-stop, focus, transform,
 * cycle method, colour space), which Batik's generator does not handle, to SVG
 * {@code <linearGradient>} / {@code <radialGradient>} definitions in user-space units.
 */
final class GradientExtensionHandler extends DefaultExtensionHandler {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @Override
    public SVGPaintDescriptor handlePaint(Paint paint, SVGGeneratorContext ctx) {
        Element def;
        String prefix;
        if (paint instanceof RadialGradientPaint rg) {
            prefix = "radialGradient";
            def = ctx.getDOMFactory().createElementNS(SVG_NS, "radialGradient");
            def.setAttributeNS(null, "cx", ctx.doubleString(rg.getCenterPoint().getX()));
            def.setAttributeNS(null, "cy", ctx.doubleString(rg.getCenterPoint().getY()));
            def.setAttributeNS(null, "r", ctx.doubleString(rg.getRadius()));
            def.setAttributeNS(null, "fx", ctx.doubleString(rg.getFocusPoint().getX()));
            def.setAttributeNS(null, "fy", ctx.doubleString(rg.getFocusPoint().getY()));
        } else if (paint instanceof LinearGradientPaint lg) {
            prefix = "linearGradient";
            def = ctx.getDOMFactory().createElementNS(SVG_NS, "linearGradient");
            def.setAttributeNS(null, "x1", ctx.doubleString(lg.getStartPoint().getX()));
            def.setAttributeNS(null, "y1", ctx.doubleString(lg.getStartPoint().getY()));
            def.setAttributeNS(null, "x2", ctx.doubleString(lg.getEndPoint().getX()));
            def.setAttributeNS(null, "y2", ctx.doubleString(lg.getEndPoint().getY()));
        } else {
            return super.handlePaint(paint, ctx);
        }
        MultipleGradientPaint mg = (MultipleGradientPaint) paint;
        String id = ctx.getIDGenerator().generateID(prefix);
        def.setAttributeNS(null, "id", id);
        def.setAttributeNS(null, "gradientUnits", "userSpaceOnUse");
        def.setAttributeNS(null, "spreadMethod", switch (mg.getCycleMethod()) {
            case NO_CYCLE -> "pad";
            case REFLECT -> "reflect";
            case REPEAT -> "repeat";
        });
        if (mg.getColorSpace() == MultipleGradientPaint.ColorSpaceType.LINEAR_RGB) {
            def.setAttributeNS(null, "color-interpolation", "linearRGB");
        }
        AffineTransform t = mg.getTransform();
        if (!t.isIdentity()) {
            def.setAttributeNS(null, "gradientTransform", "matrix(" + ctx.doubleString(t.getScaleX()) + " "
                    + ctx.doubleString(t.getShearY()) + " " + ctx.doubleString(t.getShearX()) + " "
                    + ctx.doubleString(t.getScaleY()) + " " + ctx.doubleString(t.getTranslateX()) + " "
                    + ctx.doubleString(t.getTranslateY()) + ")");
        }
        float[] fractions = mg.getFractions();
        Color[] colors = mg.getColors();
        for (int k = 0; k < fractions.length; k++) {
            Element stop = ctx.getDOMFactory().createElementNS(SVG_NS, "stop");
            stop.setAttributeNS(null, "offset", ctx.doubleString(fractions[k]));
            Color c = colors[k];
            stop.setAttributeNS(null, "stop-color", String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()));
            if (c.getAlpha() != 255) stop.setAttributeNS(null, "stop-opacity", ctx.doubleString(c.getAlpha() / 255.0));
            def.appendChild(stop);
        }
        return new SVGPaintDescriptor("url(#" + id + ")", "1", def);
    }
}
