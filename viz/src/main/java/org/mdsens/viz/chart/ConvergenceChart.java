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
import org.jfree.chart.title.TextTitle;
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
 * Force values ≤ 0 (an exact minimum) are left out of the log axis. A diverged or degenerate trace
 * (NaN/∞ entries, constant energy, a single record) still gives a chart: non-finite records are dropped
 * and a subtitle says so; axis ranges never collapse. Units are those of the run
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
     * Never throws for arrays of equal length n ≥ 1 (a diverged or degenerate trace still gets a chart):
     * records with a non-finite energy leave the energy series, records with a non-finite or negative
     * max force leave the force series, and a subtitle says how many records were dropped. E_final is
     * the last finite energy. Axis ranges are set explicitly: a constant series (or a single point) gets
     * a decade either side on a log axis, ±5 % of |E| (±1 at E = 0) on a linear one, and ±1 iteration on
     * the iteration axis; a log axis always spans at least one full, labelled decade.
     *
     * @param iterations iteration number of each record, length n ≥ 1
     * @param energy     total energy of each record, length n (non-finite entries are dropped)
     * @param maxForce   largest per-particle force norm of each record, length n (non-finite or negative
     *                   entries are dropped, zeros are left off the log axis)
     * @throws IllegalArgumentException if an array is null or empty, or the lengths differ
     */
    public static JFreeChart create(int[] iterations, double[] energy, double[] maxForce, EnergyScale scale,
                                    FigurePreset preset) {
        if (iterations == null || energy == null || maxForce == null) {
            throw new IllegalArgumentException("iterations, energy and maxForce must not be null, got "
                    + (iterations == null ? "null" : "int[" + iterations.length + "]") + ", "
                    + (energy == null ? "null" : "double[" + energy.length + "]") + ", "
                    + (maxForce == null ? "null" : "double[" + maxForce.length + "]"));
        }
        if (scale == null || preset == null) throw new IllegalArgumentException("scale and preset must not be null");
        int n = iterations.length;
        if (energy.length != n || maxForce.length != n) {
            throw new IllegalArgumentException("iterations, energy and maxForce must have equal lengths, got "
                    + n + ", " + energy.length + ", " + maxForce.length);
        }
        if (n == 0) throw new IllegalArgumentException("iterations must not be empty, got length 0");
        double eFinal = Double.NaN;
        int dropped = 0;
        int xMin = Integer.MAX_VALUE, xMax = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(energy[i])) eFinal = energy[i];
            if (!Double.isFinite(energy[i]) || !(maxForce[i] >= 0) || !Double.isFinite(maxForce[i])) dropped++;
            xMin = Math.min(xMin, iterations[i]);
            xMax = Math.max(xMax, iterations[i]);
        }
        double tau = 1e-15 * Math.max(1, Double.isFinite(eFinal) ? Math.abs(eFinal) : 1);
        boolean log = scale == EnergyScale.EXCESS_LOG;
        XYSeries e = new XYSeries(log ? "energy E − E_final" : "energy E", false, true);
        XYSeries f = new XYSeries("max force |F|_max", false, true);
        double eMin = Double.POSITIVE_INFINITY, eMax = Double.NEGATIVE_INFINITY;
        double fMin = Double.POSITIVE_INFINITY, fMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(energy[i])) {
                double y = log ? Math.max(energy[i] - eFinal, 0) + tau : energy[i];
                if (Double.isFinite(y)) { // E − E_final can overflow for |E| near Double.MAX_VALUE
                    e.add(iterations[i], y);
                    eMin = Math.min(eMin, y);
                    eMax = Math.max(eMax, y);
                }
            }
            if (maxForce[i] > 0 && Double.isFinite(maxForce[i])) {
                f.add(iterations[i], maxForce[i]);
                fMin = Math.min(fMin, maxForce[i]);
                fMax = Math.max(fMax, maxForce[i]);
            }
        }
        NumberAxis xAxis = new NumberAxis("iteration");
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        xAxis.setAutoRangeIncludesZero(false);
        if (xMin == xMax) {
            xAxis.setRange(xMin - 1.0, xMax + 1.0);
        } else {
            double m = 0.01 * ((double) xMax - xMin);
            xAxis.setRange(xMin - m, xMax + m);
        }
        ValueAxis eAxis = log ? logAxis("E − E_final", eMin, eMax) : linearAxis("E", eMin, eMax);
        ValueAxis fAxis = logAxis("|F|_max", fMin, fMax);

        XYPlot plot = new XYPlot(new XYSeriesCollection(e), xAxis, eAxis, null);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeAxis(1, fAxis);
        plot.setDataset(1, new XYSeriesCollection(f));
        plot.mapDatasetToRangeAxis(1, 1);
        Color eColor = Palette.series(0);
        Color fColor = Palette.series(1);
        plot.setRenderer(0, lineRenderer(preset, eColor, false, e.getItemCount() == 1));
        plot.setRenderer(1, lineRenderer(preset, fColor, true, f.getItemCount() == 1));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        if (dropped > 0) chart.addSubtitle(new TextTitle(droppedNote(dropped, n)));
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(legend);
        ChartStyle.apply(chart, preset);
        eAxis.setLabelPaint(eColor);
        fAxis.setLabelPaint(fColor);
        return chart;
    }

    /** The subtitle for {@code dropped} of {@code n} records left out. */
    static String droppedNote(int dropped, int n) {
        return dropped + " of " + n + (n == 1 ? " record" : " records")
                + " with non-finite energy or force left out";
    }

    /**
     * A linear axis over [lo, hi] with 4 % margins; a constant (or nearly constant) series gets ±5 % of
     * |value| (±1 at 0); no data gives [0, 1].
     */
    static NumberAxis linearAxis(String label, double lo, double hi) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        if (!(lo <= hi)) {
            a.setRange(0, 1);
            return a;
        }
        double span = hi - lo;
        double mag = Math.max(Math.abs(lo), Math.abs(hi));
        if (!(span > 1e-12 * mag) || !Double.isFinite(span)) {
            double c = 0.5 * lo + 0.5 * hi;
            double h = c == 0 ? 1 : 0.05 * Math.abs(c);
            a.setRange(c - h, c + h);
        } else {
            double m = 0.04 * span;
            a.setRange(lo - m, hi + m);
        }
        return a;
    }

    private static XYLineAndShapeRenderer lineRenderer(FigurePreset p, Color c, boolean dashed, boolean single) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, single); // a lone point needs a marker
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, dashed ? ChartStyle.dashed(p, 1.25) : ChartStyle.line(p, 1.25));
        r.setSeriesShape(0, ChartStyle.marker(p, 3));
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /**
     * A base-10 log axis over [lo, hi] (positive; anything else, or no data, gives [10⁻¹⁶, 1]) with at
     * most about six labelled decades. The range gets 4 % margins (in log space), a decade either side
     * for a constant series, and a range under one decade is widened to the enclosing powers of ten, so
     * at least two ticks are labelled.
     */
    static LogAxis logAxis(String label, double lo, double hi) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-300);
        if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) {
            lo = 1e-16;
            hi = 1;
        }
        double l0 = Math.log10(lo), l1 = Math.log10(hi);
        if (!(l1 - l0 > 1e-9)) {
            l0 -= 1;
            l1 += 1;
        } else {
            double m = 0.04 * (l1 - l0);
            l0 -= m;
            l1 += m;
        }
        if (l1 - l0 < 1) { // less than a decade: widen to the enclosing powers of ten (two labels)
            l0 = Math.floor(l0);
            l1 = Math.max(Math.ceil(l1), l0 + 1);
        }
        l0 = Math.max(l0, -300);
        l1 = Math.min(l1, 308);
        double decades = Math.max(1, l1 - l0);
        a.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(decades / 6))));
        a.setAutoTickUnitSelection(false);
        a.setRange(Math.pow(10, l0), Math.pow(10, l1));
        return a;
    }
}
