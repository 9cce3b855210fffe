package org.mdsens.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import org.mdsens.viz.notebook.Minimum;
import org.mdsens.viz.notebook.Setup;
import org.mdsens.viz.notebook.SoftSpheres;

/**
 * A small in-notebook parameter sweep: one parameter over a list of values, for several seeds, with the
 * observables and their implicit derivatives at every point (the notebook-sized cousin of
 * {@code mdsens sweep}).
 *
 * <pre>{@code
 * SweepResult r = ParameterSweep.over("diameter[B]", 1.30, 1.35, 1.40, 1.45, 1.50)
 *         .seeds(7, 8, 9)
 *         .setups(seed -> Mdsens.softSpheres2D(64).diameters(1.0, 1.4).packingFraction(0.9).seed(seed)
 *                 .setup().newtonPolish(true))
 *         .observables("energy", "pressure")
 *         .run();
 * r.chart("energy")
 * }</pre>
 *
 * <p>Each seed is one chain (DESIGN.md §5): its setup is built once, so the box stays that of the base
 * configuration (fixed box: growing a diameter raises the packing fraction); the values are visited in
 * ascending order, the first minimized from the setup's configuration and each next one from the previous
 * minimum (warm start, {@link Minimum#withParameter}). Every point records the status, energy, iterations
 * and, per observable, its value and dL/dθ by one adjoint solve. Deterministic for fixed seeds.
 *
 * <p>Immutable; {@link #run()} does the work on the calling thread.
 */
public final class ParameterSweep {

    private final String parameter;
    private final double[] values;
    private final long[] seeds;
    private final LongFunction<Setup> setups;
    private final List<String> observables;

    private ParameterSweep(String parameter, double[] values, long[] seeds, LongFunction<Setup> setups,
                           List<String> observables) {
        this.parameter = parameter;
        this.values = values;
        this.seeds = seeds;
        this.setups = setups;
        this.observables = observables;
    }

    /**
     * A sweep of one parameter over distinct finite values (any order; visited ascending).
     *
     * @param parameter a model parameter name, e.g. {@code "diameter[B]"}
     */
    public static ParameterSweep over(String parameter, double... values) {
        if (parameter == null || parameter.isBlank()) throw new IllegalArgumentException("parameter must not be blank");
        if (values == null || values.length == 0) throw new IllegalArgumentException("values must not be empty");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) throw new IllegalArgumentException("values must be finite, got " + sorted[i]);
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("values must be distinct, got " + sorted[i] + " twice");
            }
        }
        return new ParameterSweep(parameter, sorted, new long[] {0}, null, List.of("energy"));
    }

    /** The seeds, one chain each (default: seed 0 only). */
    public ParameterSweep seeds(long... s) {
        if (s == null || s.length == 0) throw new IllegalArgumentException("seeds must not be empty");
        return new ParameterSweep(parameter, values, s.clone(), setups, observables);
    }

    /** The base setup of each seed's chain. */
    public ParameterSweep setups(LongFunction<Setup> setupOfSeed) {
        if (setupOfSeed == null) throw new IllegalArgumentException("setups must not be null");
        return new ParameterSweep(parameter, values, seeds, setupOfSeed, observables);
    }

    /** Soft-sphere packings: the template with each seed, default minimizer settings. */
    public ParameterSweep packing(SoftSpheres template) {
        if (template == null) throw new IllegalArgumentException("packing template must not be null");
        return setups(seed -> template.seed(seed).setup());
    }

    /** Observables recorded at each point ({@link Minimum#OBSERVABLES}; default {@code energy}). */
    public ParameterSweep observables(String... names) {
        if (names == null || names.length == 0) throw new IllegalArgumentException("observables must not be empty");
        for (String n : names) {
            if (!Minimum.OBSERVABLES.contains(n)) {
                throw new IllegalArgumentException("observable must be one of " + Minimum.OBSERVABLES + ", got '" + n + "'");
            }
        }
        return new ParameterSweep(parameter, values, seeds, setups, List.of(names));
    }

    /** Runs every chain; expected numerical failures are statuses in the result, not exceptions. */
    public SweepResult run() {
        if (setups == null) throw new IllegalStateException("no setups: call setups(seed -> ...) or packing(...) first");
        List<SweepResult.Point> points = new ArrayList<>(values.length * seeds.length);
        for (long seed : seeds) {
            Setup base = setups.apply(seed);
            Minimum previous = null;
            for (double v : values) {
                Minimum m = (previous == null ? base.withParameter(parameter, v) : previous.withParameter(parameter, v))
                        .minimize();
                double[] value = new double[observables.size()];
                double[] derivative = new double[observables.size()];
                for (int k = 0; k < observables.size(); k++) {
                    var o = m.observableSensitivity(observables.get(k), parameter);
                    value[k] = o.value();
                    derivative[k] = o.status().usable() ? o.derivative(parameter) : Double.NaN;
                }
                points.add(new SweepResult.Point(v, seed, m.status(), m.energy(), m.maxForce(), m.iterations(), value,
                        derivative));
                previous = m;
            }
        }
        return new SweepResult(parameter, observables, points);
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "ParameterSweep[%s over %s, seeds %s, observables %s]", parameter,
                Arrays.toString(values), Arrays.toString(seeds), observables);
    }
}
