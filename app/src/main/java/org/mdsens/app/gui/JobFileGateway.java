package org.mdsens.app.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.job.GenerateKind;
import org.mdsens.app.job.JobBuilder;
import org.mdsens.app.job.JobFileException;
import org.mdsens.app.job.JobReader;
import org.mdsens.app.job.JobSpec;
import org.mdsens.app.job.PairSpec;
import org.mdsens.app.job.SpeciesSpec;
import org.mdsens.app.job.SystemSpec;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.potential.PotentialKind;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.viz.desktop.DesktopJob;
import org.mdsens.viz.desktop.DraftEntry;
import org.mdsens.viz.desktop.DraftEntry.ValueType;
import org.mdsens.viz.desktop.JobDraft;
import org.mdsens.viz.desktop.JobGateway;

/**
 * The desktop app's access to job files, through the command line's own {@link JobReader} and
 * {@link JobBuilder}: a job edited in the app is checked and built exactly as {@code mdsens run}
 * would check and build the file it saves, and fails with the same one-line messages.
 *
 * <p>Drafts. A job file's TOML tree is flattened into {@link DraftEntry} rows, one per key, in file
 * order (tables such as {@code [species.B]} and {@code composition = { A = 0.5 }} become dotted table
 * names; arrays are kept as TOML text). {@link #render} writes the rows back as TOML, one header per
 * table; comments and layout of the original file are not kept. Counts, seeds, dimensions and
 * iteration caps are integers, other numbers floats; {@code kind} and {@code algorithm} keys get
 * their choices.
 *
 * <p>Errors: a {@link JobFileException} from the reader or builder becomes an
 * {@link IllegalArgumentException} with the same message (the line {@code mdsens check} prints after
 * {@code mdsens: }). A {@code [sweep]} section is dropped on load, with a warning. Stateless and
 * thread-safe.
 */
public final class JobFileGateway implements JobGateway {

    private static final Set<String> INTEGER_KEYS = Set.of("count", "seed", "max_iterations", "dimension");
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_]+");
    private static final String CLI_SENSITIVITY_WARNING = "[sensitivity] is checked but not computed";

    /** The job a new window starts from: the paper's bidisperse 2D soft spheres. */
    static final String NEW_JOB = """
            [system.generate]
            kind = "random"
            dimension = 2
            count = 128
            composition = { A = 0.5, B = 0.5 }
            packing_fraction = 0.9
            seed = 1

            [species.A]
            diameter = 1.0

            [species.B]
            diameter = 1.4

            [potential]
            kind = "soft-sphere"
            epsilon = 1.0
            alpha = 2.0

            [minimize]
            algorithm = "fire"
            force_tolerance = 1e-10

            [sensitivity]
            parameters = ["diameter[B]"]
            """;

    @Override
    public DesktopJob load(Path jobFile) {
        JobSpec spec = read(() -> JobReader.readAny(jobFile));
        String text;
        try {
            text = Files.readString(jobFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(jobFile + ": cannot read the job file: " + e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        if (spec.sweep() != null) {
            warnings.add(jobFile + " is a sweep file: the desktop app runs its base job and ignores [sweep]");
        }
        JobDraft draft = draftOf(jobFile, text);
        if (spec.sweep() != null) spec = read(() -> JobReader.parse(jobFile, render(draft, jobFile), JobReader.Mode.JOB));
        JobSpec s = spec;
        BuiltJob built = read(() -> JobBuilder.build(s));
        return desktopJob(built, draft, warnings);
    }

    @Override
    public DesktopJob build(JobDraft draft) {
        JobSpec spec = parse(draft);
        BuiltJob built = read(() -> JobBuilder.build(spec));
        return desktopJob(built, draft, List.of());
    }

    @Override
    public void check(JobDraft draft) {
        parse(draft);
    }

    @Override
    public JobDraft newDraft() {
        return draftOf(Path.of("").toAbsolutePath().resolve("untitled.toml"), NEW_JOB);
    }

    @Override
    public JobDraft withStructure(JobDraft draft, Path structureFile) {
        String name = structureFile.getFileName() == null ? "" : structureFile.getFileName().toString();
        SystemSpec.FileFormat format = SystemSpec.FileFormat.forFileName(name);
        if (format == null) {
            throw new IllegalArgumentException(structureFile + ": a structure file must end in .xyz or .extxyz "
                    + "(extended XYZ), .data or .lmp (LAMMPS data), .dump or .lammpstrj (LAMMPS dump)");
        }
        String dimension = dimensionOf(draft);
        List<String> species = speciesOf(draft);
        JobDraft d = draft.withoutTable("system");
        d = d.with(DraftEntry.of("system", "file", ValueType.STRING, structureFile.toAbsolutePath().toString()));
        if (format != SystemSpec.FileFormat.EXTENDED_XYZ) {
            if (!dimension.isEmpty()) d = d.with(DraftEntry.of("system", "dimension", ValueType.INTEGER, dimension));
            if (!species.isEmpty()) {
                d = d.with(DraftEntry.of("system", "species", ValueType.RAW, JobDraft.formatStringArray(species)));
            }
        }
        return decorate(d);
    }

    @Override
    public JobDraft withGeneratedSystem(JobDraft draft) {
        String dimension = dimensionOf(draft);
        List<String> species = speciesOf(draft);
        if (species.isEmpty()) species = List.of("A");
        boolean diameters = !draft.text("potential", "kind").equals("morse");
        JobDraft d = draft.withoutTable("system");
        String g = "system.generate";
        d = d.with(DraftEntry.of(g, "kind", ValueType.STRING, "random"));
        d = d.with(DraftEntry.of(g, "dimension", ValueType.INTEGER, dimension.isEmpty() ? "2" : dimension));
        d = d.with(DraftEntry.of(g, "count", ValueType.INTEGER, "128"));
        d = d.with(DraftEntry.of(g, diameters ? "packing_fraction" : "density", ValueType.NUMBER, "0.9"));
        d = d.with(DraftEntry.of(g, "seed", ValueType.INTEGER, "1"));
        for (String s : species) {
            d = d.with(DraftEntry.of(g + ".composition", s, ValueType.NUMBER, Double.toString(1.0 / species.size())));
        }
        return decorate(d);
    }

    @Override
    public List<DraftEntry> optionalEntries(JobDraft draft) {
        List<DraftEntry> out = new ArrayList<>();
        for (DraftEntry e : catalog(draft)) {
            if (draft.entry(e.table(), e.key()).isEmpty()) out.add(e);
        }
        return out;
    }

    @Override
    public String render(JobDraft draft, Path target) {
        Map<String, List<DraftEntry>> tables = new LinkedHashMap<>();
        for (DraftEntry e : draft.entries()) {
            if (e.isSet()) tables.computeIfAbsent(e.table(), k -> new ArrayList<>()).add(e);
        }
        StringBuilder sb = new StringBuilder("# mdsens job file (written by mdsens gui)\n");
        List<DraftEntry> top = tables.remove("");
        if (top != null) for (DraftEntry e : top) line(sb, e, draft, target);
        for (Map.Entry<String, List<DraftEntry>> t : tables.entrySet()) {
            sb.append('\n').append('[').append(t.getKey()).append("]\n");
            for (DraftEntry e : t.getValue()) line(sb, e, draft, target);
        }
        return sb.toString();
    }

    @Override
    public void save(JobDraft draft, Path target) throws IOException {
        String text = render(draft, target);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        boolean done = false;
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    // ------------------------------------------------------------------ drafts

    /** Flattens job-file text into a draft (the text must parse as TOML). */
    static JobDraft draftOf(Path file, String text) {
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": TOML syntax error: " + e.getOriginalMessage(), e);
        }
        List<DraftEntry> entries = new ArrayList<>();
        if (tree != null) flatten(tree, new ArrayList<>(), entries);
        return decorate(new JobDraft(file, entries));
    }

    /** A table's own keys first, then its sub-tables (the order {@link #render} writes them in). */
    private static void flatten(JsonNode node, List<String> path, List<DraftEntry> out) {
        List<Map.Entry<String, JsonNode>> tables = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (path.isEmpty() && key.equals("sweep")) continue;
            if (v.isObject()) {
                tables.add(f);
                continue;
            }
            String table = tableName(path);
            ValueType type;
            String text;
            if (v.isBoolean()) {
                type = ValueType.BOOLEAN;
                text = Boolean.toString(v.booleanValue());
            } else if (v.isIntegralNumber()) {
                type = INTEGER_KEYS.contains(key) ? ValueType.INTEGER : ValueType.NUMBER;
                text = v.asText();
            } else if (v.isNumber()) {
                type = ValueType.NUMBER;
                text = tomlDouble(v.doubleValue());
            } else if (v.isTextual()) {
                type = ValueType.STRING;
                text = v.textValue();
            } else {
                type = ValueType.RAW;
                text = toml(v);
            }
            out.add(DraftEntry.of(table, key, type, text));
        }
        for (Map.Entry<String, JsonNode> t : tables) {
            List<String> p = new ArrayList<>(path);
            p.add(t.getKey());
            flatten(t.getValue(), p, out);
        }
    }

    /** The draft's entries with the choices and hints of {@link #catalog}. */
    private static JobDraft decorate(JobDraft d) {
        List<DraftEntry> known = catalog(d);
        List<DraftEntry> out = new ArrayList<>();
        for (DraftEntry e : d.entries()) {
            DraftEntry k = null;
            for (DraftEntry c : known) if (c.sameKey(e)) k = c;
            if (k != null && k.type() != e.type() && e.type() != ValueType.RAW) {
                out.add(new DraftEntry(e.table(), e.key(), k.type(), e.text(), k.choices(), k.hint()));
            } else if (k != null) {
                out.add(new DraftEntry(e.table(), e.key(), e.type(), e.text(), k.choices(), k.hint()));
            } else {
                out.add(e);
            }
        }
        return new JobDraft(d.file(), out);
    }

    /**
     * Every key the desktop app offers for the draft's potential kind, species and system, with
     * empty text, its type, choices and a hint naming the default (README.md job-file reference).
     */
    static List<DraftEntry> catalog(JobDraft d) {
        List<DraftEntry> c = new ArrayList<>();
        String kindText = d.text("potential", "kind");
        PotentialKind kind;
        try {
            kind = kindText.isEmpty() ? PotentialKind.SOFT_SPHERE : PotentialKind.fromLabel(kindText);
        } catch (IllegalArgumentException e) {
            kind = PotentialKind.SOFT_SPHERE;
        }
        // [system]
        boolean generated = !d.entriesUnder("system.generate").isEmpty() || d.text("system", "file").isEmpty();
        if (generated) {
            String g = "system.generate";
            c.add(entry(g, "kind", ValueType.STRING, GenerateKind.labels(), "random packing or a lattice"));
            String gk = d.text(g, "kind");
            boolean random = gk.isEmpty() || gk.equals("random");
            if (random) {
                c.add(entry(g, "dimension", ValueType.INTEGER, List.of(), "2 or 3"));
                c.add(entry(g, "count", ValueType.INTEGER, List.of(), "number of particles"));
                c.add(entry(g, "min_distance", ValueType.NUMBER, List.of(), "default: from the potential"));
            } else {
                c.add(entry(g, "cells", ValueType.RAW, List.of(), "[nx, ny] or [nx, ny, nz]"));
                c.add(entry(g, "jitter", ValueType.NUMBER, List.of(), "default 0 (nearest-neighbour units)"));
            }
            if (d.text(g, "density").isEmpty()) {
                c.add(entry(g, "packing_fraction", ValueType.NUMBER, List.of(), "or density"));
            }
            if (d.text(g, "packing_fraction").isEmpty()) {
                c.add(entry(g, "density", ValueType.NUMBER, List.of(), "number density N/V, or packing_fraction"));
            }
            c.add(entry(g, "seed", ValueType.INTEGER, List.of(), "default 1"));
        } else {
            c.add(entry("system", "file", ValueType.STRING, List.of(), "extended XYZ, LAMMPS data or dump"));
            c.add(entry("system", "dimension", ValueType.INTEGER, List.of(), "default: from the file"));
            c.add(entry("system", "species", ValueType.RAW, List.of(), "names of LAMMPS types 1, 2, ..."));
        }
        // [potential]
        c.add(entry("potential", "kind", ValueType.STRING, List.of("soft-sphere", "lennard-jones", "wca", "morse"),
                "the pair potential"));
        switch (kind) {
            case SOFT_SPHERE -> {
                c.add(entry("potential", "epsilon", ValueType.NUMBER, List.of(), "default 1"));
                c.add(entry("potential", "alpha", ValueType.NUMBER, List.of(), "default 2 (harmonic)"));
            }
            case LENNARD_JONES -> {
                c.add(entry("potential", "cutoff", ValueType.NUMBER, List.of(), "default 2.5"));
                c.add(entry("potential", "cutoff_in_sigma", ValueType.BOOLEAN, List.of(), "default false"));
                c.add(entry("potential", "shift", ValueType.BOOLEAN, List.of(), "default false"));
                c.add(entry("potential", "switch", ValueType.RAW, List.of(), "[r_on, r_c]; default none"));
            }
            case MORSE -> {
                c.add(entry("potential", "epsilon", ValueType.NUMBER, List.of(), "required: well depth"));
                c.add(entry("potential", "r0", ValueType.NUMBER, List.of(), "required: equilibrium distance"));
                c.add(entry("potential", "a", ValueType.NUMBER, List.of(), "required: width"));
                c.add(entry("potential", "cutoff", ValueType.NUMBER, List.of(), "required"));
                c.add(entry("potential", "shift", ValueType.BOOLEAN, List.of(), "default false"));
            }
            default -> { }
        }
        // [species.X]
        for (String s : speciesOf(d)) {
            String t = "species." + s;
            switch (kind) {
                case SOFT_SPHERE -> c.add(entry(t, "diameter", ValueType.NUMBER, List.of(), "default 1"));
                case LENNARD_JONES, WCA -> {
                    c.add(entry(t, "sigma", ValueType.NUMBER, List.of(), "default 1"));
                    c.add(entry(t, "epsilon", ValueType.NUMBER, List.of(), "default 1"));
                }
                default -> { }
            }
            c.add(entry(t, "mass", ValueType.NUMBER, List.of(), "default 1"));
        }
        // [minimize]
        List<String> algorithms = new ArrayList<>();
        for (MinimizerKind k : MinimizerKind.values()) algorithms.add(k.label());
        c.add(entry("minimize", "algorithm", ValueType.STRING, algorithms, "default fire (FIRE 2.0)"));
        c.add(entry("minimize", "force_tolerance", ValueType.NUMBER, List.of(), "default 1e-10"));
        c.add(entry("minimize", "max_iterations", ValueType.INTEGER, List.of(), "default 200000"));
        c.add(entry("minimize", "timestep", ValueType.NUMBER, List.of(), "default " + (kind == PotentialKind.SOFT_SPHERE
                ? JobReader.SOFT_SPHERE_TIMESTEP : JobReader.DEFAULT_TIMESTEP)));
        c.add(entry("minimize", "max_step", ValueType.NUMBER, List.of(), "default 0.1"));
        c.add(entry("minimize", "newton_polish", ValueType.BOOLEAN, List.of(), "default false"));
        return c;
    }

    private static DraftEntry entry(String table, String key, ValueType type, List<String> choices, String hint) {
        return new DraftEntry(table, key, type, "", choices, hint);
    }

    /** The species names a draft mentions: species tables, composition, LAMMPS type names, pair tables. */
    static List<String> speciesOf(JobDraft d) {
        Set<String> names = new LinkedHashSet<>();
        for (DraftEntry e : d.entries()) {
            if (e.table().startsWith("species.")) names.add(unquote(e.table().substring("species.".length())));
            if (e.table().equals("system.generate.composition")) names.add(e.key());
        }
        String lammps = d.text("system", "species");
        if (!lammps.isEmpty()) {
            try {
                names.addAll(new JobDraft(d.file(), List.of(DraftEntry.of(JobDraft.SENSITIVITY_TABLE,
                        JobDraft.PARAMETERS_KEY, ValueType.RAW, lammps))).sensitivityParameters());
            } catch (IllegalArgumentException ignored) {
                // not an array of strings: the reader will say so
            }
        }
        List<String> out = new ArrayList<>();
        for (String n : names) if (ParticleSystem.SPECIES_NAME.matcher(n).matches()) out.add(n);
        return out;
    }

    private static String dimensionOf(JobDraft d) {
        String g = d.text("system.generate", "dimension");
        if (!g.isEmpty()) return g;
        String kind = d.text("system.generate", "kind");
        for (GenerateKind k : GenerateKind.values()) {
            if (k.label().equals(kind) && k.isLattice()) return Integer.toString(k.latticeDimension());
        }
        return d.text("system", "dimension");
    }

    // ------------------------------------------------------------------ building

    private JobSpec parse(JobDraft draft) {
        return read(() -> JobReader.parse(draft.file(), render(draft, draft.file()), JobReader.Mode.JOB));
    }

    private static DesktopJob desktopJob(BuiltJob built, JobDraft draft, List<String> extraWarnings) {
        JobSpec spec = built.spec();
        ParticleSystem system = built.system();
        List<String> names = system.speciesNames();
        double[] diameters = new double[names.size()];
        for (int k = 0; k < diameters.length; k++) diameters[k] = drawingDiameter(spec, names.get(k));
        List<String> warnings = new ArrayList<>(extraWarnings);
        for (String w : built.warnings()) if (!w.startsWith(CLI_SENSITIVITY_WARNING)) warnings.add(w);
        try {
            return new DesktopJob(built.name(), draft, system, built.model(), built.minimizer(),
                    spec.minimize().newtonPolish(), spec.sensitivity().parameters(), diameters, built.describe(),
                    warnings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(spec.source().where(List.of("sensitivity", "parameters")) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Soft spheres: D; Lennard-Jones and WCA: σ; Morse: r0 of the species' own pair (or the global r0). */
    static double drawingDiameter(JobSpec spec, String species) {
        SpeciesSpec s = spec.speciesOrDefaults(species);
        return switch (spec.potential().kind()) {
            case SOFT_SPHERE -> s.diameterOr1();
            case LENNARD_JONES, WCA -> s.sigmaOr1();
            case MORSE -> {
                for (PairSpec p : spec.potential().pairs()) {
                    if (p.is(species, species) && p.r0() != null) yield p.r0();
                }
                yield spec.potential().r0() != null ? spec.potential().r0() : 1.0;
            }
            case CUSTOM -> 1.0;
        };
    }

    @FunctionalInterface
    private interface Step<T> {
        T get();
    }

    /** Runs a reader or builder step, turning its {@link JobFileException} into an {@link IllegalArgumentException}. */
    private static <T> T read(Step<T> step) {
        try {
            return step.get();
        } catch (JobFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ TOML text

    private void line(StringBuilder sb, DraftEntry e, JobDraft draft, Path target) {
        sb.append(key(e.key())).append(" = ");
        String text = e.text();
        if (e.table().equals("system") && e.key().equals("file")) text = relocate(text, draft.file(), target);
        switch (e.type()) {
            case STRING -> sb.append(JobDraft.quote(text));
            default -> sb.append(text);
        }
        sb.append('\n');
    }

    /** A structure-file path written for {@code from}'s directory, rewritten to work from {@code to}'s. */
    static String relocate(String written, Path from, Path to) {
        Path p = Path.of(written);
        if (p.isAbsolute()) return written;
        Path fromDir = from.toAbsolutePath().getParent();
        Path toDir = to.toAbsolutePath().getParent();
        if (fromDir == null || toDir == null || fromDir.equals(toDir)) return written;
        Path abs = fromDir.resolve(p).normalize();
        try {
            return toDir.relativize(abs).toString();
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }

    private static String key(String k) {
        return BARE_KEY.matcher(k).matches() ? k : JobDraft.quote(k);
    }

    /** A dotted table name, quoting segments that are not bare ({@code potential.pairs."A-B"}). */
    static String tableName(List<String> path) {
        StringBuilder sb = new StringBuilder();
        for (String p : path) {
            if (sb.length() > 0) sb.append('.');
            sb.append(key(p));
        }
        return sb.toString();
    }

    private static String unquote(String segment) {
        if (segment.length() >= 2 && segment.startsWith("\"") && segment.endsWith("\"")) {
            return segment.substring(1, segment.length() - 1);
        }
        return segment;
    }

    /** A TOML value for a tree node (arrays and inline tables recursively). */
    static String toml(JsonNode v) {
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(toml(v.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v.isObject()) {
            StringBuilder sb = new StringBuilder("{ ");
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!first) sb.append(", ");
                first = false;
                sb.append(key(f.getKey())).append(" = ").append(toml(f.getValue()));
            }
            return sb.append(first ? "}" : " }").toString();
        }
        if (v.isTextual()) return JobDraft.quote(v.textValue());
        if (v.isBoolean()) return Boolean.toString(v.booleanValue());
        if (v.isIntegralNumber()) return v.asText();
        if (v.isNumber()) return tomlDouble(v.doubleValue());
        return JobDraft.quote(v.asText());
    }

    /** A double as TOML reads it back exactly ({@code 1.0}, {@code 1.0E-10}, {@code nan}, {@code inf}). */
    static String tomlDouble(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return Double.toString(d).toLowerCase(Locale.ROOT);
    }
}
