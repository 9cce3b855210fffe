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

/**
 * The {@code summary.json} of a run (DESIGN.md §5), assembled section by section:
 * <pre>
 * { "mdsens": version, "job": path, "converged": bool, "status": text,
 *   "system": { "origin", "n", "dimension", "box": {"kind": "periodic"|"open", "lengths", "volume"}, "species",
 *               "species_counts" },
 *   "potential": { "kind", "max_cutoff", "parameters": {name: value} },
 *   "kernel": name, "threads": n,
 *   "minimization": { "algorithm", "status", "iterations", "force_evaluations", "energy",
 *                     "energy_per_particle", "max_force", "force_tolerance", "pressure", "seconds" },
 *   "sensitivity": { ... added by the sensitivity step through {@link #section} },
 *   "files": [names] }
 * </pre>
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
