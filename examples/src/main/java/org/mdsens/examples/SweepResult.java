package org.mdsens.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.mdsens.md.minimize.Status;
import org.mdsens.viz.chart.SweepChart;
import org.mdsens.viz.notebook.Displayable;
import org.mdsens.viz.notebook.Figure;
import org.mdsens.viz.notebook.Table;

/**
 * The points of a {@link ParameterSweep}: per value and seed the minimization outcome and each
 * observable with its implicit derivative; per value the mean over converged seeds, the spread (sample
 * standard deviation, 0 for one seed) and the mean derivative, plotted by {@link #chart(String)} with
 * tangent segments. Shown in a notebook as the per-value table. Immutable; thread-safe.
 */
public final class SweepResult implements Displayable {

    /**
     * One minimization.
     *
     * @param value      the parameter value
     * @param seed       the chain's seed
     * @param status     the minimization status
     * @param energy     E at the minimum
     * @param maxForce   largest force at the minimum
     * @param iterations minimizer iterations
     * @param observables observable values, in the sweep's order
     * @param derivatives dL/dθ per observable (NaN when the sensitivity was not usable)
     */
    public record Point(double value, long seed, Status status, double energy, double maxForce, int iterations,
                        double[] observables, double[] derivatives) {
        public Point {
            observables = observables.clone();
            derivatives = derivatives.clone();
        }
        @Override public double[] observables() { return observables.clone(); }
        @Override public double[] derivatives() { return derivatives.clone(); }
    }

    private final String parameter;
    private final List<String> observables;
    private final List<Point> points;

    SweepResult(String parameter, List<String> observables, List<Point> points) {
        this.parameter = parameter;
        this.observables = List.copyOf(observables);
        this.points = List.copyOf(points);
    }

    public String parameter() { return parameter; }
    public List<String> observables() { return observables; }
    public List<Point> points() { return points; }

    /** The distinct parameter values, ascending. */
    public double[] values() {
        return points.stream().mapToDouble(Point::value).distinct().sorted().toArray();
    }

    /** Number of points that did not converge. */
    public long failures() { return points.stream().filter(p -> p.status() != Status.CONVERGED).count(); }

    private int index(String observable) {
        int k = observables.indexOf(observable);
        if (k < 0) throw new IllegalArgumentException("observable must be one of " + observables + ", got '" + observable + "'");
        return k;
    }

    /** Per value: {mean, spread, mean derivative, converged seeds} of an observable over converged seeds. */
    private TreeMap<Double, double[]> stats(String observable) {
        int k = index(observable);
        TreeMap<Double, List<Point>> byValue = new TreeMap<>();
        for (Point p : points) byValue.computeIfAbsent(p.value(), v -> new ArrayList<>()).add(p);
        TreeMap<Double, double[]> out = new TreeMap<>();
        for (var e : byValue.entrySet()) {
            double sum = 0;
            double sumD = 0;
            int n = 0;
            int nD = 0;
            for (Point p : e.getValue()) {
                if (p.status() != Status.CONVERGED) continue;
                n++;
                sum += p.observables[k];
                if (Double.isFinite(p.derivatives[k])) {
                    nD++;
                    sumD += p.derivatives[k];
                }
            }
            double mean = n > 0 ? sum / n : Double.NaN;
            double var = 0;
            for (Point p : e.getValue()) {
                if (p.status() == Status.CONVERGED) var += (p.observables[k] - mean) * (p.observables[k] - mean);
            }
            double spread = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
            out.put(e.getKey(), new double[] {mean, spread, nD > 0 ? sumD / nD : Double.NaN, n});
        }
        return out;
    }

    /** The mean of an observable per value (NaN where no seed converged). */
    public double[] mean(String observable) { return column(stats(observable), 0); }

    /** The standard deviation across converged seeds per value. */
    public double[] spread(String observable) { return column(stats(observable), 1); }

    /** The mean implicit derivative dL/dθ per value. */
    public double[] derivativeMean(String observable) { return column(stats(observable), 2); }

    private static double[] column(TreeMap<Double, double[]> stats, int c) {
        return stats.values().stream().mapToDouble(s -> s[c]).toArray();
    }

    /**
     * The observable against the parameter: mean ± spread over seeds, and at every value a short tangent
     * with the mean implicit derivative (if the derivatives are right, the tangents follow the curve).
     *
     * @throws IllegalStateException when no value has a converged seed
     */
    public Figure chart(String observable) {
        TreeMap<Double, double[]> stats = stats(observable);
        List<double[]> rows = new ArrayList<>();
        for (var e : stats.entrySet()) if (Double.isFinite(e.getValue()[0])) rows.add(new double[] {
                e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]});
        if (rows.isEmpty()) throw new IllegalStateException("no converged point to plot for " + observable);
        double[] v = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] m = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] s = rows.stream().mapToDouble(r -> r[2]).toArray();
        double[] d = rows.stream().mapToDouble(r -> r[3]).toArray();
        return Figure.of(SweepChart.create(parameter, v, m, s, d, observable, Figure.NOTEBOOK), Figure.NOTEBOOK,
                observable + " vs " + parameter);
    }

    /** Per value: mean, spread and mean derivative of every observable, and how many seeds converged. */
    public Table table() {
        List<String> columns = new ArrayList<>(List.of(parameter, "converged"));
        for (String o : observables) {
            columns.add(o);
            columns.add("± " + o);
            columns.add(derivativeName(o));
        }
        List<TreeMap<Double, double[]>> stats = new ArrayList<>();
        for (String o : observables) stats.add(stats(o));
        List<List<Object>> rows = new ArrayList<>();
        for (double v : values()) {
            List<Object> row = new ArrayList<>();
            row.add(v);
            row.add((int) stats.get(0).get(v)[3] + "/" + points.stream().filter(p -> p.value() == v).count());
            for (TreeMap<Double, double[]> s : stats) {
                double[] x = s.get(v);
                row.add(x[0]);
                row.add(x[1]);
                row.add(x[2]);
            }
            rows.add(row);
        }
        return Table.of("sweep of " + parameter + " (mean over converged seeds)", columns, rows);
    }

    /** Every point: value, seed, status, energy, max force, iterations, observables and derivatives. */
    public Table points(boolean all) {
        boolean energyColumn = !observables.contains("energy");
        List<String> columns = new ArrayList<>(List.of(parameter, "seed", "status"));
        if (energyColumn) columns.add("energy");
        columns.addAll(List.of("max force", "iterations"));
        for (String o : observables) {
            columns.add(o);
            columns.add(derivativeName(o));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Point p : points) {
            if (!all && p.status() == Status.CONVERGED) continue;
            List<Object> row = new ArrayList<>(List.of(p.value(), p.seed(), p.status().name()));
            if (energyColumn) row.add(p.energy());
            row.add(p.maxForce());
            row.add(p.iterations());
            for (int k = 0; k < observables.size(); k++) {
                row.add(p.observables[k]);
                row.add(p.derivatives[k]);
            }
            rows.add(row);
        }
        return Table.of(all ? "sweep points" : "points that did not converge", columns, rows);
    }

    private String derivativeName(String observable) { return "d " + observable + "/d " + parameter; }

    @Override public List<String> displayTypes() { return List.of(HTML); }
    @Override public List<String> supportedDisplayTypes() { return List.of(HTML, MARKDOWN); }
    @Override public String displayData(String mimeType) { return table().displayData(mimeType); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "SweepResult[%s at %s, %d points, %d not converged, observables %s]",
                parameter, Arrays.toString(values()), points.size(), failures(), observables);
    }
}
