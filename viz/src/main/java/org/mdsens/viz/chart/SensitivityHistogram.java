package org.mdsens.viz.chart;

import java.awt.Color;
import java.util.Arrays;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.mdsens.viz.picture.Labels;
import org.mdsens.viz.picture.Palette;

/**
 * Histogram of per-particle sensitivity magnitudes |dx_i/dθ| (or any non-negative per-particle values)
 * over [0, max], with a subtitle giving N, the median and the maximum.
 *
 * <p>Bin count: Freedman–Diaconis, h = 2·IQR·N^(−1/3), giving ⌈max/h⌉ bins clamped to [5, 60]; Sturges
 * (⌈log₂N⌉ + 1) when the interquartile range is 0. An all-zero input gives one bar at 0 and the
 * subtitle says "all zero".
 */
public final class SensitivityHistogram {

    private SensitivityHistogram() { }

    /** At the {@link FigurePreset#screen()} size. */
    public static JFreeChart create(double[] magnitudes, String label) {
        return create(magnitudes, label, FigurePreset.screen());
    }

    /**
     * @param magnitudes per-particle values, finite and ≥ 0, at least one
     * @param label      what is counted, e.g. {@code "dx/d diameter[B]"}; the x axis reads {@code |label|}
     */
    public static JFreeChart create(double[] magnitudes, String label, FigurePreset preset) {
        if (magnitudes.length == 0) throw new IllegalArgumentException("magnitudes must not be empty");
        if (label == null || label.isBlank()) throw new IllegalArgumentException("label must not be blank");
        double[] sorted = magnitudes.clone();
        for (double v : sorted) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("magnitudes must be finite and >= 0, got " + v);
            }
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        double max = sorted[n - 1];
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.FREQUENCY);
        boolean allZero = max == 0;
        data.addSeries(label, magnitudes, allZero ? 1 : bins(sorted), 0, allZero ? 1 : max);

        NumberAxis x = new NumberAxis("|" + label + "|");
        x.setAutoRangeIncludesZero(true);
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.02);
        NumberAxis y = new NumberAxis("particles");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setUpperMargin(0.08);
        XYBarRenderer r = new XYBarRenderer(0.0);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setSeriesPaint(0, Palette.species(0));
        r.setSeriesOutlinePaint(0, Palette.darker(Palette.species(0), 0.45));
        r.setSeriesOutlineStroke(0, ChartStyle.line(preset, 0.5));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        TextTitle stats = new TextTitle(allZero
                ? "N = " + n + ", all zero"
                : "N = " + n + ",  median = " + Labels.format(median) + ",  max = " + Labels.format(max));
        stats.setPosition(RectangleEdge.TOP);
        stats.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        chart.addSubtitle(stats);
        ChartStyle.apply(chart, preset);
        stats.setPaint(new Color(0x4D4D4D));
        return chart;
    }

    /** Freedman–Diaconis bin count over [0, max] for sorted non-negative data with max &gt; 0. */
    static int bins(double[] sorted) {
        int n = sorted.length;
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        int k;
        if (iqr > 0) {
            double h = 2 * iqr / Math.cbrt(n);
            k = (int) Math.ceil(sorted[n - 1] / h);
        } else {
            k = (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
        }
        return Math.max(5, Math.min(60, k));
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
