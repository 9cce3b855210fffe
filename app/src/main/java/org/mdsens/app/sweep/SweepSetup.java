package org.mdsens.app.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.job.GenerateSpec;
import org.mdsens.app.job.JobBuilder;
import org.mdsens.app.job.JobFileException;
import org.mdsens.app.job.JobReader;
import org.mdsens.app.job.JobSpec;
import org.mdsens.app.job.SystemSpec;
import org.mdsens.app.run.SensitivityStage;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.Observable;

/**
 * A sweep file read, validated and turned into what the runner needs, with nothing written.
 *
 * <p>Checks, each a {@link JobFileException} naming file, line and key (exit code 2): everything
 * {@link JobReader#readSweep} and {@link JobBuilder#build} check (unknown keys and parameters,
 * empty ranges, logspace through zero...), the starting system of every replica, every point's
 * model (a varied value the potential rejects), every point's largest cutoff against the fixed
 * box of the base job, replicas &gt; 1 only for generated systems, and the observables
 * ({@link SensitivityStage#of}).
 *
 * <p>Fixed box: a sweep keeps the box of the base job (for a generated system: the box built from
 * the job's own species values); the varied parameters change the model, never the box.
 *
 * <p>The sweep hash ({@link #sweepHash()}) identifies the sweep: the SHA-256 of the file's TOML
 * tree without {@code [output]} (so comments, layout and output settings do not count), serialized
 * with sorted keys, plus the SHA-256 of the structure file's bytes when the system is read from a
 * file. Immutable after {@link #prepare}; thread-safe.
 */
public final class SweepSetup {

    private final Path file;
    private final JobSpec spec;
    private final BuiltJob base;
    private final SweepPlan plan;
    private final SweepLayout layout;
    private final SensitivityStage stage;
    private final KernelProvider provider;
    private final String sweepHash;
    private final List<String> warnings;

    private SweepSetup(Path file, JobSpec spec, BuiltJob base, SweepPlan plan, SweepLayout layout,
                       SensitivityStage stage, KernelProvider provider, String sweepHash, List<String> warnings) {
        this.file = file;
        this.spec = spec;
        this.base = base;
        this.plan = plan;
        this.layout = layout;
        this.stage = stage;
        this.provider = provider;
        this.sweepHash = sweepHash;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads and validates a sweep file.
     *
     * @param file   the sweep file
     * @param kernel the kernel choice (its provider's name is part of the sweep's identity)
     * @throws JobFileException for unusable input (one line naming file, line and key)
     */
    public static SweepSetup prepare(Path file, KernelChoice kernel) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new JobFileException(file + ": no such sweep file");
        } catch (IOException e) {
            throw new JobFileException(file + ": cannot read the sweep file: " + e.getMessage(), e);
        }
        JobSpec spec = JobReader.parse(file, text, JobReader.Mode.SWEEP);
        Long seed = spec.system().generated() ? spec.system().generate().seed() : null;
        if (seed == null && spec.sweep().replicas() > 1) {
            throw spec.source().error(List.of("sweep", "replicas"), "[sweep] replicas must be 1 for a system read "
                    + "from a file (replicas differ only in the seed of a generated system), got " + spec.sweep().replicas());
        }
        BuiltJob base = JobBuilder.build(forReplica(spec, 0));
        List<String> warnings = new ArrayList<>();
        warnings.addAll(base.warnings());
        SweepPlan plan = new SweepPlan(spec.sweep().vary(), spec.sweep().replicas(), seed);
        for (int r = 1; r < plan.replicas(); r++) {
            BuiltJob other = JobBuilder.build(forReplica(spec, r));
            if (!other.system().box().equals(base.system().box())) {
                throw spec.source().error(List.of("system", "generate"), "[system.generate] replica " + r + " (seed "
                        + plan.seed(r) + ") has another box than replica 0; a sweep needs one fixed box");
            }
        }
        checkPoints(spec, plan, base);
        SensitivityStage jobStage = SensitivityStage.of(spec, base.system(), base.minimizer().forceTolerance());
        List<Observable> observables = new ArrayList<>();
        List<String> obsNames = new ArrayList<>();
        for (Observable o : jobStage.observables()) {
            if (o.name().equals("energy")) continue; // the energy columns report it
            if (obsNames.contains(o.name())) {
                throw spec.source().error(List.of("sensitivity", "observables"), "[sensitivity] observables lists "
                        + o.name() + " twice");
            }
            observables.add(o);
            obsNames.add(o.name());
        }
        List<String> parameters = new ArrayList<>(jobStage.parameters());
        for (String v : plan.names()) if (!parameters.contains(v)) parameters.add(v);
        SensitivityStage stage = new SensitivityStage(parameters, observables, jobStage.newtonPolish(), jobStage.config());
        SweepLayout layout;
        try {
            layout = new SweepLayout(plan.names(), parameters, obsNames);
        } catch (IllegalArgumentException e) {
            throw spec.source().error(List.of("sensitivity"), "[sensitivity] " + e.getMessage());
        }
        KernelProvider provider;
        try {
            provider = Kernels.select(kernel);
        } catch (IllegalArgumentException e) {
            throw new JobFileException("-D" + Kernels.PROPERTY + ": " + e.getMessage(), e);
        }
        return new SweepSetup(file, spec, base, plan, layout, stage, provider, hash(spec, text), warnings);
    }

    /** The job spec of replica r: the generated system's seed is seed + r. */
    static JobSpec forReplica(JobSpec spec, int replica) {
        if (!spec.system().generated() || replica == 0) return spec;
        GenerateSpec g = spec.system().generate();
        GenerateSpec gr = new GenerateSpec(g.kind(), g.dimension(), g.count(), g.cells(), g.composition(),
                g.packingFraction(), g.density(), g.minDistance(), g.jitter(), g.seed() + replica);
        SystemSpec s = spec.system();
        return new JobSpec(spec.source(), new SystemSpec(s.file(), s.format(), s.dimension(), s.speciesNames(), gr),
                spec.species(), spec.potential(), spec.bonds(), spec.minimize(), spec.sensitivity(), spec.output(),
                spec.sweep());
    }

    /** Every point's model must build, and its largest cutoff must fit the fixed box. */
    private static void checkPoints(JobSpec spec, SweepPlan plan, BuiltJob base) {
        Box box = base.system().box();
        double shortest = Double.POSITIVE_INFINITY;
        if (box instanceof Box.Periodic p) for (double l : p.lengths()) shortest = Math.min(shortest, l);
        for (int point = 0; point < plan.pointCount(); point++) {
            double[] v = plan.point(point);
            EnergyModel m = base.model();
            for (int k = 0; k < v.length; k++) {
                String name = plan.names().get(k);
                try {
                    m = m.withParameter(name, v[k]);
                } catch (IllegalArgumentException e) {
                    throw spec.source().error(List.of("sweep", "vary", name), "[sweep.vary] \"" + name + "\" = "
                            + num(v[k]) + " is not a valid value: " + e.getMessage());
                }
            }
            double rc = m.pair().maxCutoff();
            if (2 * rc > shortest) {
                int k = plan.names().size() - 1;
                throw spec.source().error(List.of("sweep", "vary", plan.names().get(k)), "[sweep.vary] at point " + point
                        + " (" + describe(plan, v) + ") the largest cutoff " + num(rc) + " needs periodic box lengths >= "
                        + num(2 * rc) + ", but the sweep keeps the base job's box (shortest length " + num(shortest)
                        + "): use more particles, or a narrower range");
            }
        }
    }

    private static String describe(SweepPlan plan, double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) sb.append(k == 0 ? "" : ", ").append(plan.names().get(k)).append(" = ").append(num(v[k]));
        return sb.toString();
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }

    // ---- identity ---------------------------------------------------------------------------

    /** SHA-256 hex of the normalized sweep (see the class comment). */
    static String hash(JobSpec spec, String text) {
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(text);
        } catch (JacksonException e) {
            throw new JobFileException(spec.source().file() + ": TOML syntax error: " + e.getOriginalMessage(), e);
        }
        ObjectNode normalized = (ObjectNode) sorted(tree);
        normalized.remove("output");
        MessageDigest sha = sha256();
        try {
            sha.update(new ObjectMapper().writeValueAsBytes(normalized));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
        if (spec.system().file() != null) {
            try {
                sha.update(sha256().digest(Files.readAllBytes(spec.system().file())));
            } catch (IOException e) {
                throw new JobFileException(spec.system().file() + ": cannot read: " + e, e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> m = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            m.forEach(o::set);
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (JsonNode e : node) a.add(sorted(e));
            return a;
        }
        return node;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- accessors ---------------------------------------------------------------------------

    /** The sweep file as named. */
    public Path file() { return file; }

    /** The validated sweep file. */
    public JobSpec spec() { return spec; }

    /** A short name (the file name without extension). */
    public String name() { return base.name(); }

    /** The base job of replica 0 (its system is the starting configuration; do not move it). */
    public BuiltJob base() { return base; }

    /** The grid and chains. */
    public SweepPlan plan() { return plan; }

    /** The result columns. */
    public SweepLayout layout() { return layout; }

    /**
     * The sensitivity step of every point: the job's {@code [sensitivity]} parameters plus every varied
     * one, the observables besides energy, Newton polish as the job says (immutable, shareable).
     */
    public SensitivityStage stage() { return stage; }

    /** The kernel family. */
    public KernelProvider provider() { return provider; }

    /** The kernel family's name ({@code scalar}, {@code vector-512}, ...). */
    public String kernel() { return provider.name(); }

    /** SHA-256 hex of the normalized sweep. */
    public String sweepHash() { return sweepHash; }

    /** Warnings for stderr. */
    public List<String> warnings() { return warnings; }

    /** The minimizer settings. */
    public MinimizerConfig minimizer() { return base.minimizer(); }

    /** The fixed box of every point (the base job's). */
    public Box box() { return base.system().box(); }

    /** The starting system of replica r (a fresh copy; replica 0 from the base job). */
    public ParticleSystem startingSystem(int replica) {
        if (replica == 0 || !plan.generated()) return base.system().copy();
        return JobBuilder.build(forReplica(spec, replica)).system();
    }

    /** The model at a point: the base model with every varied parameter set. */
    public EnergyModel model(int point) {
        double[] v = plan.point(point);
        EnergyModel m = base.model();
        for (int k = 0; k < v.length; k++) m = m.withParameter(plan.names().get(k), v[k]);
        return m;
    }
}
