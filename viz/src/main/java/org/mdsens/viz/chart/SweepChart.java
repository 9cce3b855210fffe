package org.mdsens.viz.chart;

import java.awt.Color;
import java.util.Arrays;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mdsens.viz.picture.Palette;

/**
 * An observable along a parameter sweep: the mean over replicas (seeds) as a line with markers, mean ±
 * spread (one standard deviation across seeds) as a translucent band, and at each point the implicit
 * derivative as a short tangent segment y = mean + (x − value)·derivative over x ∈ value ± h, with h =
 * 0.3 × the smallest gap between distinct values (0.05·|value| or 0.05 for a single value). If the
 * implicit derivatives are right, the tangents follow the curve.
 */
public final class SweepChart {

    private SweepChart() { }

    /** At the {@link FigurePreset#screen()} size. */
    public static JFreeChart create(String parameter, double[] values, double[] mean, double[] spread,
                                    double[] derivativeMean, String observable) {
        return create(parameter, values, mean, spread, derivativeMean, observable, FigurePreset.screen());
    }

    /**
     * @param parameter      the varied parameter, e.g. {@code "diameter[B]"} (x axis)
     * @param values         parameter values, finite, distinct, length n ≥ 1 (any order)
     * @param mean           observable mean over replicas at each value, finite
     * @param spread         standard deviation across replicas, finite and ≥ 0 (0 for one replica)
     * @param derivativeMean mean implicit derivative d(observable)/d(parameter); NaN where unavailable
     *                       (no tangent drawn there)
     * @param observable     the observable, e.g. {@code "energy"} (y axis)
     */
    public static JFreeChart create(String parameter, double[] values, double[] mean, double[] spread,
                                    double[] derivativeMean, String observable, FigurePreset preset) {
        int n = values.length;
        if (n == 0) throw new IllegalArgumentException("values must not be empty");
        if (mean.length != n || spread.length != n || derivativeMean.length != n) {
            throw new IllegalArgumentException("values, mean, spread and derivativeMean must have equal lengths, got "
                    + n + ", " + mean.length + ", " + spread.length + ", " + derivativeMean.length);
        }
        if (parameter == null || parameter.isBlank() || observable == null || observable.isBlank()) {
            throw new IllegalArgumentException("parameter and observable names must not be blank");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i]) || !Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("values and means must be finite, got value " + values[i]
                        + ", mean " + mean[i]);
            }
            if (!(spread[i] >= 0) || !Double.isFinite(spread[i])) {
                throw new IllegalArgumentException("spread must be finite and >= 0, got " + spread[i]);
            }
            if (Double.isInfinite(derivativeMean[i])) {
                throw new IllegalArgumentException("derivativeMean must be finite or NaN, got " + derivativeMean[i]);
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("values must be distinct, got " + sorted[i] + " twice");
            }
            gap = Math.min(gap, sorted[i] - sorted[i - 1]);
        }
        double h = n > 1 ? 0.3 * gap : (values[0] != 0 ? 0.05 * Math.abs(values[0]) : 0.05);

        YIntervalSeries band = new YIntervalSeries("mean ± std over seeds", true, false);
        for (int i = 0; i < n; i++) band.add(values[i], mean[i], mean[i] - spread[i], mean[i] + spread[i]);
        XYSeriesCollection tangents = new XYSeriesCollection();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(derivativeMean[i])) continue;
            String key = tangents.getSeriesCount() == 0 ? "implicit derivative (tangent)" : "tangent " + i;
            XYSeries t = new XYSeries(key, false, true);
            t.add(values[i] - h, mean[i] - h * derivativeMean[i]);
            t.add(values[i] + h, mean[i] + h * derivativeMean[i]);
            tangents.addSeries(t);
        }

        NumberAxis x = new NumberAxis(parameter);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(observable);
        y.setAutoRangeIncludesZero(false);
        Color c = Palette.series(0);
        DeviationRenderer dev = new DeviationRenderer(true, true);
        dev.setSeriesPaint(0, c);
        dev.setSeriesFillPaint(0, c);
        dev.setAlpha(0.22f);
        dev.setSeriesStroke(0, ChartStyle.line(preset, 1.25));
        dev.setSeriesShape(0, ChartStyle.marker(preset, 3.5));
        XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), x, y, dev);
        ((YIntervalSeriesCollection) plot.getDataset(0)).addSeries(band);

        Color tc = Palette.series(1);
        XYLineAndShapeRenderer tr = new XYLineAndShapeRenderer(true, false);
        tr.setAutoPopulateSeriesPaint(false);
        tr.setAutoPopulateSeriesStroke(false);
        tr.setDefaultPaint(tc);
        tr.setDefaultStroke(ChartStyle.line(preset, 1.6));
        for (int s = 0; s < tangents.getSeriesCount(); s++) tr.setSeriesVisibleInLegend(s, s == 0);
        plot.setDataset(1, tangents);
        plot.setRenderer(1, tr);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(legend);
        return ChartStyle.apply(chart, preset);
    }
}
