package org.mdsens.viz.chart;

import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mdsens.viz.picture.Labels;
import org.mdsens.viz.picture.Palette;

/**
 * Parity plot of implicit-differentiation values (y) against central finite differences (x), one point
 * per component, with the line y = x (dashed) over a common range on both axes. The subtitle gives the
 * largest absolute deviation max|implicit − FD| and the same relative to max|FD|.
 */
public final class ParityChart {

    private ParityChart() { }

    /** At the {@link FigurePreset#screen()} size. */
    public static JFreeChart create(double[] implicit, double[] finiteDifference, String label) {
        return create(implicit, finiteDifference, label, FigurePreset.screen());
    }

    /**
     * @param implicit         implicit-differentiation values, finite, length n ≥ 1
     * @param finiteDifference finite-difference values of the same components, finite, length n
     * @param label            what the components are, e.g. {@code "dx/d diameter[B]"}
     */
    public static JFreeChart create(double[] implicit, double[] finiteDifference, String label, FigurePreset preset) {
        int n = implicit.length;
        if (n == 0) throw new IllegalArgumentException("implicit must not be empty");
        if (finiteDifference.length != n) {
            throw new IllegalArgumentException("finiteDifference length must equal implicit length " + n + ", got "
                    + finiteDifference.length);
        }
        if (label == null || label.isBlank()) throw new IllegalArgumentException("label must not be blank");
        XYSeries points = new XYSeries("components (" + n + ")", false, true);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, maxDev = 0, maxRef = 0;
        for (int i = 0; i < n; i++) {
            double y = implicit[i], x = finiteDifference[i];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("values must be finite, got implicit " + y + ", FD " + x
                        + " at component " + i);
            }
            points.add(x, y);
            lo = Math.min(lo, Math.min(x, y));
            hi = Math.max(hi, Math.max(x, y));
            maxDev = Math.max(maxDev, Math.abs(y - x));
            maxRef = Math.max(maxRef, Math.abs(x));
        }
        double span = hi - lo;
        if (!(span > 0)) span = Math.max(1e-12, Math.abs(hi));
        lo -= 0.05 * span;
        hi += 0.05 * span;
        XYSeries diagonal = new XYSeries("y = x", false, true);
        diagonal.add(lo, lo);
        diagonal.add(hi, hi);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(diagonal);
        data.addSeries(points);

        NumberAxis x = new NumberAxis("finite difference  " + label);
        NumberAxis y = new NumberAxis("implicit  " + label);
        x.setAutoRange(false);
        y.setAutoRange(false);
        x.setRange(lo, hi);
        y.setRange(lo, hi);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, new Color(0x666666));
        r.setSeriesStroke(0, ChartStyle.dashed(preset, 0.9));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShapesVisible(1, true);
        r.setSeriesShape(1, ChartStyle.marker(preset, 3.5));
        r.setSeriesPaint(1, Palette.series(0));
        r.setSeriesShapesFilled(1, false);
        r.setUseOutlinePaint(false);
        r.setSeriesOutlineStroke(1, ChartStyle.line(preset, 0.75));
        r.setSeriesStroke(1, ChartStyle.line(preset, 0.75));
        r.setDrawOutlines(true);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        TextTitle dev = new TextTitle("max |implicit − FD| = " + Labels.format(maxDev)
                + (maxRef > 0 ? "  (relative " + Labels.format(maxDev / maxRef) + ")" : ""));
        dev.setPosition(RectangleEdge.TOP);
        dev.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        chart.addSubtitle(dev);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(legend);
        ChartStyle.apply(chart, preset);
        dev.setPaint(new Color(0x4D4D4D));
        return chart;
    }
}
