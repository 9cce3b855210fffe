package org.mdsens.viz.desktop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.XyzColumn;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityResult;
import org.mdsens.viz.export.Figures;

/**
 * The desktop app's "Export data": the per-particle sensitivities and a summary in the formats of
 * {@code mdsens run} (DESIGN.md §5), so files from either can be read by the same scripts.
 * <ul>
 *   <li>CSV: header {@code particle,species,parameter,dx,dy,dz}, one row per particle and parameter
 *       (particles 0-based in input order, dz = 0 in 2D; parameter names quoted when they hold a
 *       comma, as {@code "sigma[A,B]"}); numbers by {@link Double#toString}.</li>
 *   <li>Extended XYZ (ASE/OVITO dialect through {@link ExtendedXyz}): {@code species}, {@code pos},
 *       {@code forces} when given, then one {@code dpos_d_<name>:R:3} column per parameter
 *       ({@code dpos_d_diameter_B}; 2D vectors get z = 0); the comment line carries
 *       {@code energy}, {@code max_force}, {@code gauge} and {@code rattlers}.</li>
 *   <li>JSON (Jackson): {@code system}, {@code minimization} and {@code sensitivity} sections with
 *       the keys of {@code summary.json}; NaN and infinities are written as {@code null}.</li>
 * </ul>
 * Parameters whose status carries no numbers are left out of CSV and XYZ (their NaN entries would
 * not read back) and appear in JSON with their status. Every file is written under a temporary name
 * and moved into place. Stateless and thread-safe.
 */
public final class DataExport {

    private DataExport() { }

    /** The file formats, chosen by file-name extension. */
    public enum Format {
        /** {@code .csv}. */
        CSV("csv"),
        /** {@code .xyz} or {@code .extxyz}. */
        EXTENDED_XYZ("xyz"),
        /** {@code .json}. */
        JSON("json");

        private final String extension;

        Format(String extension) { this.extension = extension; }

        /** The usual extension, without the dot. */
        public String extension() { return extension; }

        /** The format of a file name, or null when the extension is none of these. */
        public static Format forFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) return CSV;
            if (n.endsWith(".xyz") || n.endsWith(".extxyz")) return EXTENDED_XYZ;
            if (n.endsWith(".json")) return JSON;
            return null;
        }
    }

    /**
     * Writes {@code file} in {@code format}: the system at its current positions with the run's
     * sensitivities (the XYZ also gets the forces and energy of the job's model there).
     *
     * @param result the last run, or null (positions and system only)
     */
    public static void write(Path file, Format format, DesktopJob job, ParticleSystem system, RunResult result)
            throws IOException {
        List<ParameterSensitivity> params = result == null ? List.of() : result.parameters();
        switch (format) {
            case CSV -> writeCsv(file, system, params);
            case EXTENDED_XYZ -> {
                double[] forces = new double[system.positions().length];
                double energy = new EnergyEvaluator(system.copy(), job.model()).computeForces(forces);
                writeXyz(file, system, DesktopRun.allFinite(forces) ? forces : null,
                        result == null ? null : result.sensitivity(), energy, DesktopRun.maxForce(forces, system.dimension()));
            }
            case JSON -> writeJson(file, job, system, result);
        }
    }

    /** The sensitivities as CSV (see the class comment). */
    public static void writeCsv(Path file, ParticleSystem system, List<ParameterSensitivity> parameters)
            throws IOException {
        String text = csv(system, parameters);
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The CSV text. */
    public static String csv(ParticleSystem system, List<ParameterSensitivity> parameters) {
        int n = system.size();
        int d = system.dimension();
        StringBuilder sb = new StringBuilder("particle,species,parameter,dx,dy,dz\n");
        for (ParameterSensitivity p : parameters) {
            if (!p.status().hasNumbers()) continue;
            checkLength(p, d * n);
            String name = csvField(p.name());
            double[] dx = p.dx();
            for (int i = 0; i < n; i++) {
                sb.append(i).append(',').append(csvField(system.speciesNames().get(system.species(i)))).append(',')
                        .append(name);
                for (int a = 0; a < 3; a++) sb.append(',').append(a < d ? Double.toString(dx[d * i + a]) : "0.0");
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The configuration and its sensitivities as extended XYZ (see the class comment).
     *
     * @param forces      −∇E per particle (xyz-interleaved), or null to leave the column out
     * @param sensitivity the sensitivities, or null for positions only
     */
    public static void writeXyz(Path file, ParticleSystem system, double[] forces, SensitivityResult sensitivity,
                                double energy, double maxForce) throws IOException {
        String text = xyz(system, forces, sensitivity, energy, maxForce);
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The extended-XYZ text. */
    public static String xyz(ParticleSystem system, double[] forces, SensitivityResult sensitivity, double energy,
                             double maxForce) {
        int d = system.dimension();
        List<XyzColumn> columns = new ArrayList<>();
        if (forces != null) columns.add(new XyzColumn("forces", d, forces));
        Map<String, String> info = new LinkedHashMap<>();
        if (Double.isFinite(energy)) info.put("energy", Double.toString(energy));
        if (Double.isFinite(maxForce)) info.put("max_force", Double.toString(maxForce));
        if (sensitivity != null) {
            for (ParameterSensitivity p : sensitivity.parameters()) {
                if (!p.status().hasNumbers()) continue;
                checkLength(p, d * system.size());
                columns.add(new XyzColumn("dpos_d_" + Figures.fileName(p.name()), d, p.dx()));
            }
            info.put("gauge", sensitivity.gauge());
            StringBuilder r = new StringBuilder();
            for (int i : sensitivity.rattlers()) r.append(r.length() == 0 ? "" : " ").append(i);
            info.put("rattlers", r.toString());
        }
        return ExtendedXyz.format(system, columns, info);
    }

    /** A summary as JSON (see the class comment). */
    public static void writeJson(Path file, DesktopJob job, ParticleSystem system, RunResult result)
            throws IOException {
        writeAtomically(file, json(job, system, result).getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON text (pretty-printed, ending with a newline). */
    public static String json(DesktopJob job, ParticleSystem system, RunResult result) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("job", job.name());
        ObjectNode sys = root.putObject("system");
        sys.put("n", system.size());
        sys.put("dimension", system.dimension());
        if (system.box() instanceof Box.Periodic p) {
            ArrayNode box = sys.putArray("box");
            for (double l : p.lengths()) number(box, l);
        } else {
            sys.putNull("box");
        }
        ArrayNode species = sys.putArray("species");
        for (String s : system.speciesNames()) species.add(s);
        if (result != null) {
            root.put("kernel", result.kernel());
            root.put("cancelled", result.cancelled());
            number(root, "energy", result.energy());
            number(root, "max_force", result.maxForce());
            MinimizationResult m = result.minimization();
            if (m != null) {
                ObjectNode min = root.putObject("minimization");
                min.put("algorithm", job.minimizer().algorithm().label());
                min.put("status", m.status().name());
                min.put("iterations", m.iterations());
                min.put("force_evaluations", m.forceEvaluations());
                number(min, "energy", m.energy());
                number(min, "energy_per_particle", m.energy() / system.size());
                number(min, "max_force", m.maxForce());
                number(min, "seconds", m.seconds());
                if (result.polish() != null) {
                    ObjectNode pol = min.putObject("newton_polish");
                    pol.put("outcome", result.polish().outcome().name());
                    pol.put("steps", result.polish().steps());
                    number(pol, "max_force", result.polish().finalMaxForce());
                }
            }
            SensitivityResult s = result.sensitivity();
            if (s != null) {
                ObjectNode sen = root.putObject("sensitivity");
                sen.put("status", s.status().label());
                sen.put("gauge", s.gauge());
                sen.put("zero_modes", s.zeroModes());
                ArrayNode rat = sen.putArray("rattlers");
                for (int i : s.rattlers()) rat.add(i);
                number(sen, "smallest_eigenvalue", s.smallestEigenvalue());
                ArrayNode ps = sen.putArray("parameters");
                for (ParameterSensitivity p : s.parameters()) {
                    ObjectNode o = ps.addObject();
                    o.put("name", p.name());
                    o.put("status", p.status().label());
                    o.put("solver", p.report().solverName());
                    o.put("solver_iterations", p.report().iterations());
                    number(o, "relative_residual", p.report().relativeResidual());
                    number(o, "error_estimate", p.errorEstimate());
                    number(o, "norm", p.norm());
                    number(o, "d_energy", p.dEnergy());
                    number(o, "d2_energy", p.d2Energy());
                }
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot format the JSON summary: " + e.getOriginalMessage(), e);
        }
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) node.put(key, v);
        else node.putNull(key);
    }

    private static void number(ArrayNode node, double v) {
        if (Double.isFinite(v)) node.add(v);
        else node.addNull();
    }

    private static void checkLength(ParameterSensitivity p, int expected) {
        if (p.length() != expected) {
            throw new IllegalArgumentException("sensitivity " + p.name() + " must have d·N = " + expected
                    + " entries, got " + p.length());
        }
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Writes bytes to a temporary file next to {@code target}, then moves it into place. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        org.mdsens.viz.export.AtomicFiles.write(target, out -> out.write(bytes));
    }
}
