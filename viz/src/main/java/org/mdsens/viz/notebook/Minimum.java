package org.mdsens.viz.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.Status;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.Observable;
import org.mdsens.sensitivity.md.ObservableSensitivity;
import org.mdsens.sensitivity.md.Observables;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityConfig;
import org.mdsens.viz.chart.ConvergenceChart;

/**
 * A minimized configuration: its energy, how the minimization went, and the door to its equilibrium
 * sensitivities dx*&#47;dθ by implicit differentiation.
 *
 * <pre>{@code
 * Minimum m = Mdsens.softSpheres2D(128).diameters(1.0, 1.4).packingFraction(0.9).seed(7)
 *         .setup().newtonPolish(true).minimize();
 * m.energy();                          // total energy at the minimum (reduced units)
 * m.convergenceChart();                // energy excess and largest force per iteration
 * Sensitivity s = m.sensitivity("diameter[B]");
 * m.derivative("pressure", "diameter[B]");   // dP/dD_B at equilibrium, fixed box
 * }</pre>
 *
 * <p>{@link #status()} is {@link Status#CONVERGED} when the largest per-particle force norm (after the
 * optional Newton polish) is at most the setup's tolerance, and otherwise the minimizer's own status
 * ({@code MAX_ITERATIONS}, {@code STAGNATED}, {@code LINE_SEARCH_FAILED}, {@code NON_FINITE}). Energies
 * are totals (E/N by {@link #energyPerParticle()}), in the potential's units.
 *
 * <p>Sensitivities use {@link EquilibriumSensitivity} with the default {@link SensitivityConfig} (CG,
 * relative tolerance 1e-10, Lanczos error estimate) and this setup's force tolerance; the analysis is
 * built on first use and cached, as are per-parameter results. Mutable caches: one instance per thread
 * (it owns its evaluator). Shown in a notebook as an HTML summary table.
 */
public final class Minimum implements Displayable {

    /** Observables known by name to {@link #value} and {@link #derivative}. */
    public static final List<String> OBSERVABLES = List.of("energy", "pressure", "mean_contact_distance");

    private final Setup setup;
    private final EnergyEvaluator evaluator;
    private final MinimizationResult result;
    private final PolishReport polish;
    private final double energy;
    private final double maxForce;
    private final Status status;
    private EquilibriumSensitivity analysis;
    private final Map<String, Sensitivity> sensitivities = new HashMap<>();

    Minimum(Setup setup, EnergyEvaluator evaluator, MinimizationResult result, PolishReport polish) {
        this.setup = setup;
        this.evaluator = evaluator;
        this.result = result;
        this.polish = polish;
        double[] f = new double[evaluator.positions().length];
        this.energy = evaluator.computeForces(f);
        this.maxForce = maxNorm(f, evaluator.dimension());
        this.status = maxForce <= setup.config().forceTolerance() ? Status.CONVERGED : result.status();
    }

    /** The largest per-particle norm of an xyz-interleaved array (NaN if any entry is). */
    private static double maxNorm(double[] f, int d) {
        double m = 0;
        for (int i = 0; i < f.length; i += d) {
            double s = 0;
            for (int a = 0; a < d; a++) s += f[i + a] * f[i + a];
            if (Double.isNaN(s)) return Double.NaN;
            if (s > m * m) m = Math.sqrt(s);
        }
        return m;
    }

    // ------------------------------------------------------------------ the minimum

    /** CONVERGED, or why not (see the class comment). */
    public Status status() { return status; }

    /** True when {@link #status()} is CONVERGED. */
    public boolean converged() { return status == Status.CONVERGED; }

    /** Total energy E(x*). */
    public double energy() { return energy; }

    /** E(x*)/N. */
    public double energyPerParticle() { return energy / size(); }

    /** Largest per-particle force norm at the final positions. */
    public double maxForce() { return maxForce; }

    /** Pressure at T = 0, P = W/(d·V) (NaN for open boxes). */
    public double pressure() { return evaluator.pressure(); }

    /** Number of particles N. */
    public int size() { return evaluator.size(); }

    /** Spatial dimension d. */
    public int dimension() { return evaluator.dimension(); }

    /** Minimizer iterations (Newton steps not included). */
    public int iterations() { return result.iterations(); }

    /** The minimizer's own result (status, iterations, traces, wall time). */
    public MinimizationResult minimization() { return result; }

    /** The Newton polish report, or null when polish was off or skipped. */
    public PolishReport polish() { return polish; }

    /** The force-kernel family used ({@code scalar}, {@code vector-512}, ...). */
    public String kernel() { return evaluator.kernelName(); }

    /** The setup this minimum came from. */
    public Setup setup() { return setup; }

    /** The energy model. */
    public EnergyModel model() { return evaluator.model(); }

    /** A copy of the minimized configuration. */
    public ParticleSystem system() { return evaluator.system().copy(); }

    /** A copy of the positions x* (xyz-interleaved, length d·N, input order). */
    public double[] positions() { return evaluator.positions().clone(); }

    /**
     * A setup that starts from this minimum with one parameter changed (a warm start), with the same
     * minimizer settings: {@code m.withParameter("diameter[B]", 1.45).minimize()}.
     */
    public Setup withParameter(String parameter, double value) {
        return Setup.of(evaluator.system(), evaluator.model(), "minimum of " + setup.source())
                .algorithm(setup.config().algorithm()).forceTolerance(setup.config().forceTolerance())
                .maxIterations(setup.config().maxIterations()).timestep(setup.config().timestep())
                .newtonPolish(setup.newtonPolish()).kernel(setup.kernel())
                .withParameter(parameter, value);
    }

    // ------------------------------------------------------------------ figures and tables

    /** Energy excess E − E_final (log) and largest force per iteration, at the notebook size. */
    public Figure convergenceChart() {
        JFreeChart chart = ConvergenceChart.create(result.traceIterations(), result.energyTrace(),
                result.maxForceTrace(), ConvergenceChart.EnergyScale.EXCESS_LOG, Figure.NOTEBOOK);
        return Figure.of(chart, Figure.NOTEBOOK, "convergence of " + setup.config().algorithm().name());
    }

    /** A picture of the minimized configuration. */
    public Figure picture() {
        ParticleSystem s = evaluator.system();
        return Pictures.configuration(s, evaluator.model(), String.format(Locale.ROOT, "minimum: E/N = %.6g",
                energyPerParticle()));
    }

    /** The summary as a two-column table. */
    public Table table() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", status.name());
        v.put("particles N", size());
        v.put("dimension", dimension());
        v.put("species", String.join(", ", evaluator.system().speciesNames()));
        v.put("potential", evaluator.model().pair().kind().label());
        v.put("energy E", energy);
        v.put("E/N", energyPerParticle());
        v.put("pressure", pressure());
        v.put("max force", maxForce);
        v.put("force tolerance", setup.config().forceTolerance());
        v.put("algorithm", setup.config().algorithm().name());
        v.put("iterations", result.iterations());
        v.put("force evaluations", result.forceEvaluations());
        if (polish != null) {
            v.put("Newton polish", polish.outcome().name() + ", " + polish.steps() + " steps");
        }
        v.put("kernel", kernel());
        v.put("seconds", result.seconds());
        return Table.keyValue("minimum of " + setup.source(), v);
    }

    /**
     * Writes the minimized configuration as extended XYZ (species, positions; OVITO and ASE read it).
     *
     * @return the file
     */
    public Path saveXyz(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            ExtendedXyz.write(file, evaluator.system());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@link #saveXyz(Path)} of a path given as text. */
    public Path saveXyz(String file) { return saveXyz(Path.of(file)); }

    // ------------------------------------------------------------------ sensitivities

    /**
     * The implicit-differentiation engine at this minimum (built on first use; rattler detection and
     * zero modes happen here).
     */
    public EquilibriumSensitivity sensitivityAnalysis() {
        if (analysis == null) {
            analysis = new EquilibriumSensitivity(evaluator,
                    SensitivityConfig.defaults().withForceTolerance(setup.config().forceTolerance()));
        }
        return analysis;
    }

    /**
     * dx*&#47;dθ of every particle for one parameter ({@code "diameter[B]"}, {@code "alpha"},
     * {@code "sigma[A,B]"}, ...; see {@link Setup#parameters()}), cached.
     *
     * @throws IllegalArgumentException for an unknown parameter (the message lists the valid ones)
     */
    public Sensitivity sensitivity(String parameter) {
        Sensitivity s = sensitivities.get(parameter);
        if (s == null) {
            EquilibriumSensitivity a = sensitivityAnalysis();
            s = new Sensitivity(this, a, a.jvp(parameter));
            sensitivities.put(parameter, s);
        }
        return s;
    }

    /** The value of a named observable at the minimum ({@link #OBSERVABLES}). */
    public double value(String observable) { return observable(observable).value(evaluator); }

    /**
     * dL/dθ at equilibrium of a named observable ({@link #OBSERVABLES}) for one parameter, by one adjoint
     * solve (NaN when the sensitivity status carries no numbers; see {@link #observableSensitivity}).
     */
    public double derivative(String observable, String parameter) {
        return observableSensitivity(observable, parameter).derivative(parameter);
    }

    /** The full adjoint result (value, status, derivatives, solve report) for one observable. */
    public ObservableSensitivity observableSensitivity(String observable, String... parameters) {
        return sensitivityAnalysis().vjp(observable(observable), List.of(parameters));
    }

    private static Observable observable(String name) {
        return switch (name == null ? "" : name) {
            case "energy" -> Observables.energy();
            case "pressure" -> Observables.pressure();
            case "mean_contact_distance" -> Observables.meanContactDistance();
            default -> throw new IllegalArgumentException("observable must be one of " + OBSERVABLES + ", got '"
                    + name + "'");
        };
    }

    // ------------------------------------------------------------------ display

    @Override public List<String> displayTypes() { return List.of(HTML); }
    @Override public List<String> supportedDisplayTypes() { return List.of(HTML, MARKDOWN); }

    @Override public String displayData(String mimeType) {
        return switch (Html.checkType(this, mimeType)) {
            case HTML -> table().toHtml();
            default -> table().toMarkdown();
        };
    }

    /** HTML summary table. */
    public String toHtml() { return table().toHtml(); }

    @Override public String toString() {
        return String.format(Locale.ROOT, "Minimum[%s, N=%d, E=%.10g, E/N=%.6g, max force=%.2e, %d iterations%s, %s kernel]",
                status, size(), energy, energyPerParticle(), maxForce, result.iterations(),
                polish == null ? "" : " + " + polish.steps() + " Newton", kernel());
    }
}
