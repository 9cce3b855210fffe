package org.mdsens.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.viz.TestFigures;
import org.mdsens.viz.export.Figures;
import org.mdsens.viz.export.PngExporter;
import org.w3c.dom.Document;

class ChartsTest {

    @TempDir Path tmp;

    private static final FigurePreset JOURNAL = FigurePreset.journalColumn();

    /** Writes the chart as PNG + SVG at the journal preset and checks the common properties. */
    private Document writeAndCheck(JFreeChart chart, String name, double minInk, double maxInk) throws Exception {
        List<Path> files = Figures.writeChart(tmp, name, chart, JOURNAL);
        Path png = files.get(0);
        Path dir = TestFigures.checkDir();
        if (dir != null) {
            for (Path f : files) Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedImage img = TestFigures.readPng(png);
        assertEquals(1004, img.getWidth());
        assertEquals(753, img.getHeight());
        assertEquals(300, PngExporter.readDpi(png), 0.01);
        assertTrue(TestFigures.distinctColours(img) > 10, "several colours (anti-aliased lines and text)");
        double ink = TestFigures.inkFraction(img);
        assertTrue(ink > minInk && ink < maxInk, name + ": non-background fraction " + ink);
        return TestFigures.parseSvg(files.get(1));
    }

    @Test
    void journalColumnIs85mmAt300DpiWith8PointType() {
        assertEquals(85.0, JOURNAL.widthMillimetres(), 0.05);
        assertEquals(33.33, JOURNAL.fontPixels(), 0.01);
        assertEquals(33.33f, ChartStyle.tickFont(JOURNAL).getSize2D(), 0.01f);
        assertTrue(ChartStyle.labelFont(JOURNAL).getSize2D() >= ChartStyle.tickFont(JOURNAL).getSize2D());
        assertEquals(10 * 96 / 72.0, FigurePreset.screen().fontPixels(), 1e-12);
    }

    @Test
    void convergenceChartShowsBothSeriesOnTwoAxes() throws Exception {
        int n = 400;
        int[] it = new int[n];
        double[] e = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            it[i] = 10 * i;
            e[i] = -312.5 + 40 * Math.exp(-i / 7.5) * (1 + 0.3 * Math.sin(i / 3.0));
            f[i] = 5 * Math.exp(-i / 15.0) * (1 + 0.5 * Math.abs(Math.sin(i / 2.0)));
        }
        JFreeChart chart = ConvergenceChart.create(it, e, f, ConvergenceChart.EnergyScale.EXCESS_LOG, JOURNAL);
        XYPlot plot = chart.getXYPlot();
        assertEquals(2, plot.getRangeAxisCount());
        assertEquals(1, plot.getDataset(1).getSeriesCount());
        Document doc = writeAndCheck(chart, "convergence", 0.02, 0.5);
        String text = TestFigures.texts(doc);
        for (String s : new String[] {"iteration", "E − E_final", "|F|_max", "energy E − E_final", "max force |F|_max"}) {
            assertTrue(text.contains(s), "SVG text contains '" + s + "':\n" + text);
        }
        BufferedImage img = PngExporter.render(org.mdsens.viz.export.Drawable.of(chart), 1004, 753);
        assertTrue(TestFigures.pixelsNear(img, 0x0072B2, 10) > 500, "energy series (blue) drawn");
        assertTrue(TestFigures.pixelsNear(img, 0xD55E00, 10) > 300, "force series (vermillion) drawn");
        // the default factory is the screen preset and accepts a minimizer trace ending exactly at E_final
        JFreeChart screen = ConvergenceChart.create(it, e, f);
        assertEquals(2, screen.getXYPlot().getRangeAxisCount());
    }

    @Test
    void convergenceChartRejectsMismatchedTraces() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ConvergenceChart.create(new int[] {0, 1}, new double[] {1, 0}, new double[] {1}));
        assertTrue(ex.getMessage().contains("equal lengths, got 2, 2, 1"), ex.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ConvergenceChart.create(new int[] {0}, new double[] {1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> ConvergenceChart.create(new int[0], new double[0], new double[0]));
    }

    /** Creates and renders a trace at both energy scales; any exception fails the test. */
    private static List<JFreeChart> renderBothScales(int[] it, double[] e, double[] f) {
        List<JFreeChart> charts = new java.util.ArrayList<>();
        for (ConvergenceChart.EnergyScale s : ConvergenceChart.EnergyScale.values()) {
            JFreeChart chart = ConvergenceChart.create(it, e, f, s, JOURNAL);
            BufferedImage img = PngExporter.render(org.mdsens.viz.export.Drawable.of(chart), 1004, 753);
            assertTrue(TestFigures.inkFraction(img) > 0.01, s + ": something drawn");
            for (int k = 0; k < chart.getXYPlot().getRangeAxisCount(); k++) {
                var r = chart.getXYPlot().getRangeAxis(k).getRange();
                assertTrue(r.getLength() > 0 && Double.isFinite(r.getLength()), s + " axis " + k + ": " + r);
            }
            assertTrue(chart.getXYPlot().getDomainAxis().getRange().getLength() > 0);
            charts.add(chart);
        }
        return charts;
    }

    private static String subtitles(JFreeChart chart) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < chart.getSubtitleCount(); k++) {
            if (chart.getSubtitle(k) instanceof org.jfree.chart.title.TextTitle t) sb.append(t.getText()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void convergenceChartSurvivesADivergedTrace() throws Exception {
        int[] it = {0, 1, 2, 3, 4, 5};
        double[] e = {10, 5, Double.NaN, Double.POSITIVE_INFINITY, 2, 1};
        double[] f = {3, 2, Double.NaN, Double.POSITIVE_INFINITY, 0.5, -1};
        for (JFreeChart chart : renderBothScales(it, e, f)) {
            assertTrue(subtitles(chart).contains("3 of 6 records"), subtitles(chart));
            assertEquals(4, chart.getXYPlot().getDataset(0).getItemCount(0), "finite energies kept");
            assertEquals(3, chart.getXYPlot().getDataset(1).getItemCount(0), "finite positive forces kept");
        }
        // every energy non-finite: still a chart, with an empty energy series
        double[] nan = {Double.NaN, Double.NaN};
        for (JFreeChart chart : renderBothScales(new int[] {0, 1}, nan, nan)) {
            assertTrue(subtitles(chart).contains("2 of 2 records"), subtitles(chart));
        }
        writeAndCheck(ConvergenceChart.create(it, e, f, ConvergenceChart.EnergyScale.EXCESS_LOG, JOURNAL),
                "convergence-diverged", 0.01, 0.5);
    }

    @Test
    void convergenceChartHandlesConstantAndSinglePointTraces() {
        // constant energy (a start at the minimum), constant large energy, a single record, zero force
        for (JFreeChart chart : renderBothScales(new int[] {0, 10, 20}, new double[] {-312.5, -312.5, -312.5},
                new double[] {1e-9, 1e-9, 1e-9})) {
            assertEquals("", subtitles(chart), "nothing dropped, no note");
        }
        renderBothScales(new int[] {0, 1, 2}, new double[] {1e10, 1e10, 1e10}, new double[] {0, 0, 0});
        renderBothScales(new int[] {7}, new double[] {-3.25}, new double[] {0.1});
        renderBothScales(new int[] {0}, new double[] {0}, new double[] {0});
        renderBothScales(new int[] {4, 4}, new double[] {1, 1 + 1e-14}, new double[] {2, 2});
    }

    @Test
    void sensitivityHistogramSeed7CountsEveryParticle() throws Exception {
        double[] m = TestFigures.bidisperse2d(7).fieldMagnitudes();
        JFreeChart chart = SensitivityHistogram.create(m, "dx/d diameter[B]", JOURNAL);
        var data = chart.getXYPlot().getDataset();
        double total = 0;
        for (int i = 0; i < data.getItemCount(0); i++) total += data.getYValue(0, i);
        assertEquals(m.length, total, 1e-9, "histogram counts every particle once");
        Document doc = writeAndCheck(chart, "histogram", 0.03, 0.6);
        String text = TestFigures.texts(doc);
        assertTrue(text.contains("|dx/d diameter[B]|"), text);
        assertTrue(text.contains("N = 64"), text);
        JFreeChart zero = SensitivityHistogram.create(new double[10], "dx/d epsilon");
        assertTrue(((org.jfree.chart.title.TextTitle) zero.getSubtitle(0)).getText().contains("all zero"));
        assertThrows(IllegalArgumentException.class, () -> SensitivityHistogram.create(new double[] {-1}, "x"));
    }

    @Test
    void freedmanDiaconisBinsAreClamped() {
        double[] uniform = new double[1000];
        for (int i = 0; i < uniform.length; i++) uniform[i] = i / 999.0;
        // h = 2·0.5·1000^(-1/3) = 0.1 → 10 bins
        assertEquals(10, SensitivityHistogram.bins(uniform));
        double[] tiny = {0, 0, 0, 1};
        assertEquals(5, SensitivityHistogram.bins(tiny));
    }

    @Test
    void parityChartSeed5HasDiagonalAndDeviation() throws Exception {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        int n = 128;
        double[] fd = new double[n];
        double[] imp = new double[n];
        for (int i = 0; i < n; i++) {
            fd[i] = 0.05 * (rng.nextDouble() * 2 - 1) * (1 + i % 3);
            imp[i] = fd[i] + 2e-4 * (rng.nextDouble() - 0.5);
        }
        JFreeChart chart = ParityChart.create(imp, fd, "dx/d diameter[B]", JOURNAL);
        XYPlot plot = chart.getXYPlot();
        assertEquals(plot.getDomainAxis().getLowerBound(), plot.getRangeAxis().getLowerBound(), 0);
        assertEquals(plot.getDomainAxis().getUpperBound(), plot.getRangeAxis().getUpperBound(), 0);
        Document doc = writeAndCheck(chart, "parity", 0.01, 0.5);
        String text = TestFigures.texts(doc);
        assertTrue(text.contains("y = x"), text);
        assertTrue(text.contains("max |implicit − FD|"), text);
        assertThrows(IllegalArgumentException.class, () -> ParityChart.create(new double[2], new double[3], "x"));
    }

    @Test
    void sweepChartSeed9HasBandMeanAndTangents() throws Exception {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9);
        int n = 9;
        double[] v = new double[n], mean = new double[n], sd = new double[n], dm = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1.2 + 0.05 * i;
            mean[i] = 2 * (v[i] - 1.2) * (v[i] - 1.2) + 0.3 * v[i] + 0.004 * (rng.nextDouble() - 0.5);
            sd[i] = 0.008 + 0.006 * rng.nextDouble();
            dm[i] = 4 * (v[i] - 1.2) + 0.3;
        }
        dm[4] = Double.NaN; // a failed solve: no tangent there
        JFreeChart chart = SweepChart.create("diameter[B]", v, mean, sd, dm, "energy per particle", JOURNAL);
        assertEquals(n - 1, chart.getXYPlot().getDataset(1).getSeriesCount(), "one tangent per available derivative");
        var t = chart.getXYPlot().getDataset(1);
        // tangent slope equals the derivative
        double slope = (t.getYValue(0, 1) - t.getYValue(0, 0)) / (t.getXValue(0, 1) - t.getXValue(0, 0));
        assertEquals(dm[0], slope, 1e-9);
        Document doc = writeAndCheck(chart, "sweep", 0.02, 0.5);
        String text = TestFigures.texts(doc);
        assertTrue(text.contains("mean ± std over seeds"), text);
        assertTrue(text.contains("implicit derivative (tangent)"), text);
        assertTrue(text.contains("diameter[B]"), text);
        assertThrows(IllegalArgumentException.class,
                () -> SweepChart.create("p", new double[] {1, 1}, new double[2], new double[2], new double[2], "o"));
        assertThrows(IllegalArgumentException.class,
                () -> SweepChart.create("p", new double[] {1}, new double[1], new double[] {-1}, new double[1], "o"));
    }
}
