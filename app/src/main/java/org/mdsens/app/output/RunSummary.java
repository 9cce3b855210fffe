package org.mdsens.app.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.implicit.SolveReport;
import org.mdsens.sensitivity.md.ObservableSensitivity;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityResult;
import org.mdsens.viz.export.AtomicFiles;

/**
 * The {@code summary.json} of a run (DESIGN.md §5), assembled section by section:
 * <pre>
 * { "mdsens": version, "job": path, "converged": bool, "status": text,
 *   "system": { "origin", "n", "dimension", "box": {"kind": "periodic"|"open", "lengths", "volume"}, "species",
 *               "species_counts" },
 *   "potential": { "kind", "max_cutoff", "parameters": {name: value} },
 *   "kernel": name, "threads": n,
 *   "minimization": { "algorithm", "status", "iterations", "force_evaluations", "energy",
 *                     "energy_per_particle", "max_force", "force_tolerance", "pressure", "seconds",
 *                     "newton_polish": { "outcome", "steps", "krylov_iterations", "tolerance",
 *                                        "max_force_before", "max_force_after", "energy_before", "energy_after" } },
 *   "sensitivity": { "status", "gauge", "zero_modes", "rattlers", "smallest_eigenvalue", "max_force",
 *                    "force_tolerance", "seconds", "error_estimates",
 *                    "parameters": [ { "name", "column", "status", "solver", "solver_iterations",
 *                                      "relative_residual", "error_estimate", "norm", "d_energy", "d2_energy" } ],
 *                    "observables": [ { "name", "column", "status", "value", "derivatives": {parameter: dL/dθ},
 *                                       "error_estimates": {parameter: error}, "solver", "solver_iterations",
 *                                       "relative_residual" } ] },
 *   "message": why the run exits with 1 (absent otherwise),
 *   "files": [names] }
 * </pre>
 * {@code energy} and {@code max_force} of {@code minimization} are those of the final positions (after
 * the Newton polish when there was one; {@code newton_polish} has the values before it).
 * Energies are totals in reduced units; non-finite numbers are written as {@code null} (strict
 * JSON has no NaN), the status says why. Later steps add their own objects with
 * {@link #section(String)}. Not thread-safe.
 */
public final class RunSummary {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();

    /**
     * @param version the mdsens version
     * @param job     the job file as named on the command line
     */
    public RunSummary(String version, String job) {
        root.put("mdsens", version);
        root.put("job", job);
        root.put("converged", false);
        root.put("status", "NOT_RUN");
    }

    /** The overall outcome: {@code converged} and a status word ({@code CONVERGED}, {@code NON_FINITE}, ...). */
    public RunSummary outcome(boolean converged, String status) {
        root.put("converged", converged);
        root.put("status", status);
        return this;
    }

    /** {@code system}: particle count, dimension, box, species names and counts, and where it came from. */
    public RunSummary system(ParticleSystem system, String origin) {
        ObjectNode s = root.putObject("system");
        if (origin != null) s.put("origin", origin);
        s.put("n", system.size());
        s.put("dimension", system.dimension());
        ObjectNode box = s.putObject("box");
        Box b = system.box();
        if (b instanceof Box.Periodic p) {
            box.put("kind", "periodic");
            ArrayNode l = box.putArray("lengths");
            for (double x : p.lengths()) number(l, x);
            number(box, "volume", p.volume());
        } else {
            box.put("kind", "open");
        }
        ArrayNode names = s.putArray("species");
        ObjectNode counts = s.putObject("species_counts");
        int[] c = system.speciesCounts();
        for (int k = 0; k < c.length; k++) {
            names.add(system.speciesNames().get(k));
            counts.put(system.speciesNames().get(k), c[k]);
        }
        return this;
    }

    /** {@code potential}: kind, largest cutoff, and every named parameter with its value. */
    public RunSummary potential(EnergyModel model) {
        ObjectNode p = root.putObject("potential");
        p.put("kind", model.pair().kind().label());
        number(p, "max_cutoff", model.pair().maxCutoff());
        ObjectNode params = p.putObject("parameters");
        List<String> names = model.parameterNames();
        double[] values = model.parameterValues();
        for (int k = 0; k < names.size(); k++) number(params, names.get(k), values[k]);
        if (model.bonds().size() > 0) p.put("bonds", model.bonds().size());
        return this;
    }

    /** {@code kernel} (as recorded by the evaluator) and {@code threads}. */
    public RunSummary kernel(String name, int threads) {
        root.put("kernel", name);
        root.put("threads", threads);
        return this;
    }

    /**
     * {@code minimization}: the result, with the energy per particle and the pressure at the end
     * (NaN → null for open boxes).
     */
    public RunSummary minimization(MinimizerConfig config, MinimizationResult result, int particles, double pressure) {
        ObjectNode m = root.putObject("minimization");
        m.put("algorithm", config.algorithm().label());
        m.put("status", result.status().name());
        m.put("iterations", result.iterations());
        m.put("force_evaluations", result.forceEvaluations());
        number(m, "energy", result.energy());
        number(m, "energy_per_particle", particles > 0 ? result.energy() / particles : Double.NaN);
        number(m, "max_force", result.maxForce());
        number(m, "force_tolerance", config.forceTolerance());
        number(m, "pressure", pressure);
        number(m, "seconds", result.seconds());
        return this;
    }

    /**
     * {@code minimization.newton_polish}, and the final energy and max force in {@code minimization}
     * (call after {@link #minimization}).
     *
     * @param tolerance the polish's force target
     */
    public RunSummary polish(PolishReport polish, double tolerance, int particles) {
        ObjectNode m = section("minimization");
        ObjectNode p = m.putObject("newton_polish");
        p.put("outcome", polish.outcome().name());
        p.put("steps", polish.steps());
        p.put("krylov_iterations", polish.krylovIterations());
        number(p, "tolerance", tolerance);
        number(p, "max_force_before", polish.initialMaxForce());
        number(p, "max_force_after", polish.finalMaxForce());
        number(p, "energy_before", polish.initialEnergy());
        number(p, "energy_after", polish.finalEnergy());
        number(m, "energy", polish.finalEnergy());
        number(m, "energy_per_particle", particles > 0 ? polish.finalEnergy() / particles : Double.NaN);
        number(m, "max_force", polish.finalMaxForce());
        return this;
    }

    /**
     * {@code sensitivity}: gauge, null space, statuses, and per parameter and observable the numbers
     * and their solve reports (non-finite numbers as null).
     *
     * @param result         the sensitivities
     * @param forceTolerance the force tolerance the minimum was judged by
     * @param seconds        wall time of the sensitivity step
     */
    public RunSummary sensitivity(SensitivityResult result, double forceTolerance, double seconds) {
        ObjectNode s = section("sensitivity");
        s.put("status", result.status().name());
        s.put("gauge", result.gauge());
        s.put("zero_modes", result.zeroModes());
        ArrayNode rattlers = s.putArray("rattlers");
        for (int i : result.rattlers()) rattlers.add(i);
        number(s, "smallest_eigenvalue", result.smallestEigenvalue());
        number(s, "max_force", result.maxForce());
        number(s, "force_tolerance", forceTolerance);
        number(s, "seconds", seconds);
        s.put("error_estimates", "first-order estimates of the error from the inexact minimum and the inexact "
                + "solve (Blondel et al. 2022, Theorem 1), not bounds");
        ArrayNode ps = s.putArray("parameters");
        for (ParameterSensitivity p : result.parameters()) {
            ObjectNode o = ps.addObject();
            o.put("name", p.name());
            o.put("column", OutputNames.positionColumn(p.name()));
            o.put("status", p.status().name());
            solve(o, p.report());
            number(o, "error_estimate", p.errorEstimate());
            number(o, "norm", p.norm());
            number(o, "d_energy", p.dEnergy());
            number(o, "d2_energy", p.d2Energy());
        }
        ArrayNode os = s.putArray("observables");
        for (ObservableSensitivity ob : result.observables()) {
            ObjectNode o = os.addObject();
            o.put("name", ob.name());
            o.put("column", OutputNames.mangle(ob.name()));
            o.put("status", ob.status().name());
            number(o, "value", ob.value());
            ObjectNode d = o.putObject("derivatives");
            for (var e : ob.derivatives().entrySet()) number(d, e.getKey(), e.getValue());
            ObjectNode err = o.putObject("error_estimates");
            for (var e : ob.errorEstimates().entrySet()) number(err, e.getKey(), e.getValue());
            solve(o, ob.report());
        }
        return this;
    }

    /** {@code sensitivity} when it was asked for but not computed: status {@code SKIPPED} and why. */
    public RunSummary sensitivitySkipped(String why) {
        ObjectNode s = section("sensitivity");
        s.put("status", "SKIPPED");
        s.put("message", why);
        return this;
    }

    private static void solve(ObjectNode o, SolveReport r) {
        o.put("solver", r.solverName());
        o.put("solver_status", r.status().name());
        o.put("solver_iterations", r.iterations());
        number(o, "relative_residual", r.relativeResidual());
    }

    /** A named top-level object, created on first use (e.g. {@code sensitivity}). */
    public ObjectNode section(String name) {
        return root.has(name) && root.get(name).isObject() ? (ObjectNode) root.get(name) : root.putObject(name);
    }

    /** A free-text note at top level (e.g. why something was skipped). */
    public RunSummary note(String key, String text) {
        root.put(key, text);
        return this;
    }

    /** {@code files}: the names written into the output directory. */
    public RunSummary files(List<String> names) {
        ArrayNode f = root.putArray("files");
        for (String n : names) f.add(n);
        return this;
    }

    /** The document (live; for tests and later sections). */
    public ObjectNode json() { return root; }

    /** Pretty-printed JSON text with a trailing newline. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary is not serializable", e);
        }
    }

    /** Writes {@link #toJson()} atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** Puts a number, or null when it is not finite. */
    public static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) node.put(key, value); else node.putNull(key);
    }

    private static void number(ArrayNode node, double value) {
        if (Double.isFinite(value)) node.add(value); else node.addNull();
    }
}
