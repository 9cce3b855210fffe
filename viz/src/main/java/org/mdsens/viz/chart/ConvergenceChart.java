package org.mdsens.viz.chart;

import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mdsens.viz.picture.Palette;

/**
 * Minimization convergence: energy (left axis) and the largest per-particle force norm (right axis,
 * logarithmic) against iteration, in one chart with both series in the legend.
 *
 * <p>Energy scales ({@link EnergyScale}): {@code EXCESS_LOG} plots E − E_final + τ on a log axis with the
 * round-off floor τ = 10⁻¹⁵·max(1, |E_final|) (values below τ, including the last point and any
 * undershoot of a non-monotone minimizer such as FIRE, are drawn at τ); {@code LINEAR} plots E itself.
 * Force values ≤ 0 (an exact minimum) are left out of the log axis. Units are those of the run
 * (reduced units unless the job says otherwise).
 */
public final class ConvergenceChart {

    /** How the energy axis is drawn. */
    public enum EnergyScale {
        /** E − E_final + τ on a log axis (default). */
        EXCESS_LOG,
        /** E on a linear axis. */
        LINEAR
    }

    private ConvergenceChart() { }

    /** The chart with the {@code EXCESS_LOG} energy axis at the {@link FigurePreset#screen()} size. */
    public static JFreeChart create(int[] iterations, double[] energy, double[] maxForce) {
        return create(iterations, energy, maxForce, EnergyScale.EXCESS_LOG, FigurePreset.screen());
    }

    /**
     * @param iterations iteration number of each record, length n ≥ 1
     * @param energy     total energy of each record, finite, length n
     * @param maxForce   largest per-particle force norm of each record, finite and ≥ 0, length n
     */
    public static JFreeChart create(int[] iterations, double[] energy, double[] maxForce, EnergyScale scale,
                                    FigurePreset preset) {
        int n = iterations.length;
        if (n == 0) throw new IllegalArgumentException("iterations must not be empty");
        if (energy.length != n || maxForce.length != n) {
            throw new IllegalArgumentException("iterations, energy and maxForce must have equal lengths, got "
                    + n + ", " + energy.length + ", " + maxForce.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(energy[i])) throw new IllegalArgumentException("energy must be finite, got " + energy[i]);
            if (!(maxForce[i] >= 0) || !Double.isFinite(maxForce[i])) {
                throw new IllegalArgumentException("maxForce must be finite and >= 0, got " + maxForce[i]);
            }
        }
        double eFinal = energy[n - 1];
        double tau = 1e-15 * Math.max(1, Math.abs(eFinal));
        boolean log = scale == EnergyScale.EXCESS_LOG;
        XYSeries e = new XYSeries(log ? "energy E − E_final" : "energy E", false, true);
        XYSeries f = new XYSeries("max force |F|_max", false, true);
        double eMin = Double.POSITIVE_INFINITY, eMax = 0, fMin = Double.POSITIVE_INFINITY, fMax = 0;
        for (int i = 0; i < n; i++) {
            double y = log ? Math.max(energy[i] - eFinal, 0) + tau : energy[i];
            e.add(iterations[i], y);
            eMin = Math.min(eMin, y);
            eMax = Math.max(eMax, y);
            if (maxForce[i] > 0) {
                f.add(iterations[i], maxForce[i]);
                fMin = Math.min(fMin, maxForce[i]);
                fMax = Math.max(fMax, maxForce[i]);
            }
        }
        NumberAxis xAxis = new NumberAxis("iteration");
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setLowerMargin(0.01);
        xAxis.setUpperMargin(0.01);
        ValueAxis eAxis = log ? logAxis("E − E_final", eMin, eMax) : new NumberAxis("E");
        if (eAxis instanceof NumberAxis na) na.setAutoRangeIncludesZero(false);
        ValueAxis fAxis = logAxis("|F|_max", f.isEmpty() ? 1e-16 : fMin, f.isEmpty() ? 1 : fMax);

        XYPlot plot = new XYPlot(new XYSeriesCollection(e), xAxis, eAxis, null);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeAxis(1, fAxis);
        plot.setDataset(1, new XYSeriesCollection(f));
        plot.mapDatasetToRangeAxis(1, 1);
        Color eColor = Palette.series(0);
        Color fColor = Palette.series(1);
        plot.setRenderer(0, lineRenderer(preset, eColor, false));
        plot.setRenderer(1, lineRenderer(preset, fColor, true));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(legend);
        ChartStyle.apply(chart, preset);
        eAxis.setLabelPaint(eColor);
        fAxis.setLabelPaint(fColor);
        return chart;
    }

    private static XYLineAndShapeRenderer lineRenderer(FigurePreset p, Color c, boolean dashed) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, dashed ? ChartStyle.dashed(p, 1.25) : ChartStyle.line(p, 1.25));
        r.setSeriesShape(0, ChartStyle.marker(p, 3));
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /** A base-10 log axis over [lo, hi] with at most about six labelled decades. */
    static LogAxis logAxis(String label, double lo, double hi) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-300);
        double decades = Math.max(1, Math.log10(hi) - Math.log10(lo));
        a.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(decades / 6))));
        a.setAutoTickUnitSelection(false);
        a.setLowerMargin(0.04);
        a.setUpperMargin(0.04);
        return a;
    }
}
