package org.mdsens.viz.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.mdsens.viz.picture.Palette;

/**
 * The house look of every chart, sized by a {@link FigurePreset}: white background, no plot border
 * shading, light solid grid, dark axes, sans-serif type at the preset's sizes (tick labels and legend
 * at the base size, axis labels 9/8 and titles 10/8 of it), Okabe–Ito series colours.
 *
 * <p>{@link #apply} restyles fonts, axes, plot and legend of any {@link XYPlot} chart; series strokes
 * and markers are set by the chart factories from {@link #line} and {@link #marker}. Stateless.
 */
public final class ChartStyle {

    private ChartStyle() { }

    /** Tick-label and legend font. */
    public static Font tickFont(FigurePreset p) { return sans(Font.PLAIN, p.fontPixels()); }

    /** Axis-label font (9/8 of the base size). */
    public static Font labelFont(FigurePreset p) { return sans(Font.PLAIN, p.fontPixels() * 9 / 8); }

    /** Title font (10/8 of the base size, bold). */
    public static Font titleFont(FigurePreset p) { return sans(Font.BOLD, p.fontPixels() * 10 / 8); }

    /** A solid line {@code points} wide, round caps and joins. */
    public static BasicStroke line(FigurePreset p, double points) {
        return new BasicStroke((float) p.px(points), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line {@code points} wide (dash 4 pt, gap 2.5 pt). */
    public static BasicStroke dashed(FigurePreset p, double points) {
        return new BasicStroke((float) p.px(points), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {(float) p.px(4), (float) p.px(2.5)}, 0f);
    }

    /** A circle marker of the given diameter in points, centred on the origin. */
    public static Shape marker(FigurePreset p, double diameterPoints) {
        double r = 0.5 * p.px(diameterPoints);
        return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
    }

    /** Applies the house look to {@code chart} (an XY chart) at the preset's sizes; returns the chart. */
    public static JFreeChart apply(JFreeChart chart, FigurePreset p) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        double pad = p.px(4);
        chart.setPadding(new RectangleInsets(pad, pad, pad, 1.5 * pad));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(titleFont(p));
            chart.getTitle().setPaint(Palette.INK);
        }
        for (int k = 0; k < chart.getSubtitleCount(); k++) {
            Title t = chart.getSubtitle(k);
            if (t instanceof LegendTitle legend) {
                legend.setItemFont(tickFont(p));
                legend.setItemPaint(Palette.INK);
                legend.setFrame(BlockBorder.NONE);
                legend.setBackgroundPaint(Color.WHITE);
                legend.setMargin(new RectangleInsets(p.px(2), 0, 0, 0));
                legend.setItemLabelPadding(new RectangleInsets(p.px(1), p.px(2), p.px(1), p.px(6)));
            } else if (t instanceof TextTitle text) {
                text.setFont(tickFont(p));
                text.setPaint(Palette.INK);
                text.setPadding(new RectangleInsets(p.px(1), 0, p.px(2), 0));
            }
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlinePaint(Palette.BOX);
            plot.setOutlineStroke(line(p, 0.75));
            plot.setDomainGridlinePaint(Palette.GRID);
            plot.setRangeGridlinePaint(Palette.GRID);
            plot.setDomainGridlineStroke(line(p, 0.5));
            plot.setRangeGridlineStroke(line(p, 0.5));
            plot.setDomainMinorGridlinesVisible(false);
            plot.setRangeMinorGridlinesVisible(false);
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
            plot.setInsets(new RectangleInsets(p.px(2), p.px(2), p.px(2), p.px(2)));
            for (int k = 0; k < plot.getDomainAxisCount(); k++) {
                styleAxis(plot.getDomainAxis(k), plot.getDomainAxisEdge(k), p);
            }
            for (int k = 0; k < plot.getRangeAxisCount(); k++) {
                styleAxis(plot.getRangeAxis(k), plot.getRangeAxisEdge(k), p);
            }
        }
        return chart;
    }

    private static void styleAxis(ValueAxis axis, RectangleEdge edge, FigurePreset p) {
        if (axis == null) return;
        Axis a = axis;
        a.setLabelFont(labelFont(p));
        a.setLabelPaint(Palette.INK);
        a.setTickLabelFont(tickFont(p));
        a.setTickLabelPaint(Palette.INK);
        a.setAxisLineVisible(false); // the plot outline is the axis line
        a.setTickMarkPaint(Palette.BOX);
        a.setTickMarkStroke(line(p, 0.75));
        a.setTickMarkOutsideLength((float) p.px(3));
        a.setTickMarkInsideLength(0f);
        // JFreeChart places tick labels from the axis line, not from the end of outside tick marks; its
        // anchor uses the top inset below a bottom axis, the left inset left of a left axis, and so on
        double gap = p.px(1.5), near = p.px(3) + p.px(2);
        a.setTickLabelInsets(new RectangleInsets(edge == RectangleEdge.BOTTOM ? near : gap,
                edge == RectangleEdge.LEFT ? near : gap, edge == RectangleEdge.TOP ? near : gap,
                edge == RectangleEdge.RIGHT ? near : gap));
        a.setLabelInsets(new RectangleInsets(p.px(2), p.px(2), p.px(2), p.px(2)));
        axis.setMinorTickMarksVisible(false);
    }

    private static Font sans(int style, double px) {
        return new Font(Font.SANS_SERIF, style, 1).deriveFont(style, (float) px);
    }
}
