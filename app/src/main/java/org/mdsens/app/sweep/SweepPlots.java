package org.mdsens.app.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.jfree.chart.JFreeChart;
import org.mdsens.viz.chart.FigurePreset;
import org.mdsens.viz.chart.SweepChart;
import org.mdsens.viz.export.Drawable;
import org.mdsens.viz.export.Figures;
import org.mdsens.viz.export.PngExporter;
import org.mdsens.viz.export.SvgExporter;

/**
 * The summary plots of a sweep ({@link SweepChart}, PNG and SVG): for every observable o (energy
 * first) and every varied parameter q,
 * <ul>
 *   <li>{@code sweep_<o>_vs_<q>}: the mean of o over replicas against q, mean ± one standard deviation
 *       across seeds as a band, and the mean implicit derivative d o/d q as tangents (if they follow
 *       the curve, the derivatives are right);</li>
 *   <li>{@code sweep_d_<o>_d_<q>_vs_<q>}: the derivative itself, mean ± spread.</li>
 * </ul>
 * With several varied parameters, one pair of plots per combination of the other parameters'
 * values ({@code ..._at_<other>_<value index>}), at most {@value #MAX_COMBINATIONS} combinations per
 * (o, q). Rows whose value is not finite are left out. Stateless.
 */
public final class SweepPlots {

    /** The most combinations of the other parameters plotted per observable and varied parameter. */
    public static final int MAX_COMBINATIONS = 12;

    private SweepPlots() { }

    /**
     * Writes the plots into {@code dir}.
     *
     * @return the file names written (PNG and SVG), and notes about what was left out
     */
    public static Written write(Path dir, SweepPlan plan, SweepLayout layout, Collection<? extends JsonNode> rows)
            throws IOException {
        return write(dir, plan, layout, rows, 1);
    }

    /**
     * Writes the plots into {@code dir}, drawing up to {@code threads} of them at once (each chart
     * is independent; the files and their list do not depend on the thread count).
     *
     * @param threads how many plots to draw at once (≥ 1)
     * @return the file names written (PNG and SVG, in the order of {@link #write(Path, SweepPlan,
     *         SweepLayout, Collection)}), and notes about what was left out
     */
    public static Written write(Path dir, SweepPlan plan, SweepLayout layout, Collection<? extends JsonNode> rows,
                                int threads) throws IOException {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        List<Plot> plots = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> observables = new ArrayList<>();
        observables.add("energy");
        observables.addAll(layout.observables());
        FigurePreset preset = FigurePreset.screen();
        for (String o : observables) {
            for (int k = 0; k < plan.names().size(); k++) {
                String q = plan.names().get(k);
                Map<List<Integer>, List<JsonNode>> groups = new LinkedHashMap<>();
                for (JsonNode row : rows) {
                    int[] idx = plan.indices(row.get("point").asInt());
                    List<Integer> other = new ArrayList<>();
                    for (int m = 0; m < idx.length; m++) other.add(m == k ? -1 : idx[m]);
                    groups.computeIfAbsent(other, x -> new ArrayList<>()).add(row);
                }
                int done = 0;
                for (Map.Entry<List<Integer>, List<JsonNode>> g : groups.entrySet()) {
                    if (done == MAX_COMBINATIONS) {
                        notes.add("plots of " + o + " against " + q + ": only the first " + MAX_COMBINATIONS + " of "
                                + groups.size() + " combinations of the other parameters are drawn");
                        break;
                    }
                    String suffix = suffix(plan, g.getKey());
                    String value = o.equals("energy") ? "energy" : SweepLayout.mangle(o);
                    String derivative = SweepLayout.derivativeColumn(o, q);
                    Series s = series(plan, k, g.getValue(), value, derivative);
                    if (s != null) {
                        String base = "sweep_" + SweepLayout.mangle(o) + "_vs_" + SweepLayout.mangle(q) + suffix;
                        String label = o;
                        plots.add(new Plot(base, () -> SweepChart.create(q, s.x, s.mean, s.spread, s.tangent, label, preset)));
                    }
                    Series d = series(plan, k, g.getValue(), derivative, null);
                    if (d != null) {
                        String base = "sweep_" + derivative + "_vs_" + SweepLayout.mangle(q) + suffix;
                        String label = "d " + o + " / d " + q;
                        plots.add(new Plot(base, () -> SweepChart.create(q, d.x, d.mean, d.spread, d.tangent, label, preset)));
                    }
                    done++;
                }
            }
        }
        return new Written(draw(dir, plots, preset, threads), notes);
    }

    /**
     * Draws one small throw-away chart as PNG and SVG in memory, so that the plotting code (JFreeChart,
     * Java2D, the PNG encoder, Batik) is loaded, initialized and partly compiled before the real plots
     * are drawn; {@link SweepRunner} runs it on a core the chains leave idle. Writes nothing, has no
     * effect on any plot, and never throws (a failure shows again, and is reported, when the real
     * plots are drawn). Like {@link #write}, it expects the caller to have chosen the AWT mode
     * ({@code java.awt.headless}) before.
     */
    public static void warmUp() {
        try {
            FigurePreset preset = FigurePreset.screen();
            double[] x = {1.0, 2.0, 3.0};
            double[] y = {0.5, 0.25, 0.125};
            double[] spread = {0.05, 0.02, 0.01};
            double[] tangent = {-0.35, -0.2, -0.1};
            Drawable chart = Drawable.of(SweepChart.create("x", x, y, spread, tangent, "y", preset));
            PngExporter.encode(PngExporter.render(chart, preset.width(), preset.height()), preset.dpi());
            SvgExporter.toSvg(chart, preset.width(), preset.height(), preset.dpi());
        } catch (IOException | RuntimeException | LinkageError e) {
            // only a warm-up: the real plots draw (and report) again
        }
    }

    /** One chart to draw: its base file name and how to build it. */
    private record Plot(String base, Supplier<JFreeChart> chart) { }

    /** Draws every plot (PNG and SVG) on up to {@code threads} threads; file names in plot order. */
    private static List<String> draw(Path dir, List<Plot> plots, FigurePreset preset, int threads) throws IOException {
        List<Callable<List<Path>>> tasks = new ArrayList<>();
        for (Plot p : plots) tasks.add(() -> Figures.writeChart(dir, p.base(), p.chart().get(), preset));
        List<String> files = new ArrayList<>();
        int n = Math.min(threads, tasks.size());
        if (n <= 1) {
            for (Plot p : plots) {
                for (Path f : Figures.writeChart(dir, p.base(), p.chart().get(), preset)) files.add(f.getFileName().toString());
            }
            return files;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "mdsens-plot");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Path>>> done = pool.invokeAll(tasks);
            for (Future<List<Path>> f : done) {
                for (Path p : f.get()) files.add(p.getFileName().toString());
            }
            return files;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the sweep plots", e);
        } catch (ExecutionException e) {
            throw TaskFailure.rethrow(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What was written.
     *
     * @param files file names
     * @param notes what was left out
     */
    public record Written(List<String> files, List<String> notes) { }

    private record Series(double[] x, double[] mean, double[] spread, double[] tangent) { }

    private static String suffix(SweepPlan plan, List<Integer> other) {
        StringBuilder sb = new StringBuilder();
        for (int m = 0; m < other.size(); m++) {
            if (other.get(m) < 0) continue;
            sb.append(sb.length() == 0 ? "_at_" : "_").append(SweepLayout.mangle(plan.names().get(m))).append('_')
                    .append(other.get(m));
        }
        return sb.toString();
    }

    /** Mean, sample standard deviation (two-pass) and mean tangent per value of parameter k; null when nothing is finite. */
    private static Series series(SweepPlan plan, int k, List<JsonNode> rows, String column, String tangentColumn) {
        double[] values = plan.values(k);
        int n = values.length;
        List<List<Double>> ys = new ArrayList<>();
        List<List<Double>> ts = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            ys.add(new ArrayList<>());
            ts.add(new ArrayList<>());
        }
        for (JsonNode row : rows) {
            int j = plan.indices(row.get("point").asInt())[k];
            double y = ChainRunner.real(row, column);
            if (Double.isFinite(y)) ys.get(j).add(y);
            if (tangentColumn != null) {
                double t = ChainRunner.real(row, tangentColumn);
                if (Double.isFinite(t)) ts.get(j).add(t);
            }
        }
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < n; j++) if (!ys.get(j).isEmpty()) keep.add(j);
        if (keep.isEmpty()) return null;
        double[] x = new double[keep.size()];
        double[] mean = new double[keep.size()];
        double[] spread = new double[keep.size()];
        double[] tangent = new double[keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            int j = keep.get(i);
            List<Double> y = ys.get(j);
            x[i] = values[j];
            mean[i] = mean(y);
            double ss = 0;
            for (double v : y) ss += (v - mean[i]) * (v - mean[i]);
            spread[i] = y.size() > 1 ? Math.sqrt(ss / (y.size() - 1)) : 0.0;
            tangent[i] = ts.get(j).isEmpty() ? Double.NaN : mean(ts.get(j));
        }
        for (int i = 0; i < mean.length; i++) if (!Double.isFinite(mean[i]) || !Double.isFinite(spread[i])) return null;
        return new Series(x, mean, spread, tangent);
    }

    private static double mean(List<Double> v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.size();
    }
}
