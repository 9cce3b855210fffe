package org.mdsens.app.job;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.potential.PotentialKind;
import org.mdsens.md.system.ParticleSystem;

/**
 * Reads a job file (TOML, DESIGN.md §5) into a validated {@link JobSpec}.
 *
 * <p>The text is parsed to a tree with Jackson's TOML module, and scanned once more by
 * {@link TomlLineIndex} for the line of every key. Every problem is a {@link JobFileException}
 * with a one-line message naming file, line, table and key, what is wrong and, where it can tell,
 * what would be right: unknown or misspelled keys (with a "did you mean" hint), values of the
 * wrong type or out of range, keys that do not apply to the chosen potential or generator,
 * species names that are not {@code [A-Za-z0-9]+}, pair tables naming unknown species,
 * compositions that do not sum to 1. Checks that need the built model (parameter names, species
 * of a structure file, bond indices) are made by {@link JobBuilder}. Stateless; thread-safe.
 */
public final class JobReader {

    private static final List<String> TOP_LEVEL = List.of("system", "species", "potential", "bonds", "minimize",
            "sensitivity", "output");
    private static final List<String> SYSTEM_KEYS = List.of("file", "dimension", "species", "generate");
    private static final List<String> GENERATE_KEYS = List.of("kind", "dimension", "count", "cells", "composition",
            "packing_fraction", "density", "min_distance", "jitter", "seed");
    private static final List<String> SPECIES_KEYS = List.of("diameter", "sigma", "epsilon", "mass");
    private static final List<String> POTENTIAL_KEYS = List.of("kind", "epsilon", "alpha", "cutoff", "cutoff_in_sigma",
            "shift", "switch", "r0", "a", "pairs");
    private static final List<String> PAIR_KEYS = List.of("sigma", "epsilon", "cutoff", "r0", "a");
    private static final List<String> MINIMIZE_KEYS = List.of("algorithm", "force_tolerance", "max_iterations",
            "timestep", "max_step", "newton_polish");
    private static final List<String> SENSITIVITY_KEYS = List.of("parameters", "observables");
    private static final List<String> OUTPUT_KEYS = List.of("directory", "plots");
    private static final List<String> BONDS_KEYS = List.of("pairs", "types");
    private static final List<String> BOND_TYPE_KEYS = List.of("k", "r0");
    private static final List<String> SWEEP_KEYS = List.of("replicas", "warm_start", "vary", "write_xyz");

    private static final Pattern PAIR_NAME = Pattern.compile("([A-Za-z0-9]+)-([A-Za-z0-9]+)");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\[[A-Za-z0-9]+(,[A-Za-z0-9]+)?])?");
    private static final Pattern OBSERVABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\[[0-9]+])?");

    /** Default FIRE time steps per potential family. */
    public static final double SOFT_SPHERE_TIMESTEP = 0.05;
    /** Default FIRE time step for Lennard-Jones, WCA and Morse. */
    public static final double DEFAULT_TIMESTEP = 0.005;
    /** Default Lennard-Jones cutoff (absolute, or in σ_ab with {@code cutoff_in_sigma}). */
    public static final double DEFAULT_LJ_CUTOFF = 2.5;

    private JobReader() { }

    /** Reads a plain job file ({@code mdsens run}); a {@code [sweep]} section is an error. */
    public static JobSpec readJob(Path file) {
        return parse(file, readText(file), Mode.JOB);
    }

    /** Reads a sweep file ({@code mdsens sweep}): a job file plus a required {@code [sweep]} section. */
    public static JobSpec readSweep(Path file) {
        return parse(file, readText(file), Mode.SWEEP);
    }

    /** Reads either kind ({@code mdsens check}); {@link JobSpec#sweep()} is null for a plain job. */
    public static JobSpec readAny(Path file) {
        return parse(file, readText(file), Mode.ANY);
    }

    /** What a caller accepts. */
    public enum Mode {
        /** A plain job: no {@code [sweep]}. */
        JOB,
        /** A sweep file: {@code [sweep]} required. */
        SWEEP,
        /** Either. */
        ANY
    }

    static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new JobFileException(file + ": no such job file");
        } catch (CharacterCodingException e) {
            throw new JobFileException(file + ": not a UTF-8 text file (a TOML job file is expected)");
        } catch (IOException e) {
            throw new JobFileException(file + ": cannot read the job file: " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates job-file text.
     *
     * @param file the job file's path (for messages and for resolving relative paths)
     * @param text its contents
     * @param mode whether a {@code [sweep]} section is forbidden, required or allowed
     */
    public static JobSpec parse(Path file, String text, Mode mode) {
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(text);
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            String where = loc != null && loc.getLineNr() > 0 ? file + ":" + loc.getLineNr() : file.toString();
            throw new JobFileException(where + ": TOML syntax error: " + e.getOriginalMessage(), e);
        }
        JobSource source = new JobSource(file, TomlLineIndex.of(text));
        if (tree == null || !tree.isObject() || tree.isEmpty()) {
            throw new JobFileException(file + ": the job file is empty; it needs at least [system] and [potential]");
        }
        return new Reading(source, new TomlTable(source, List.of(), (ObjectNode) tree), mode).read();
    }

    /** One read: holds what the sections need from each other. */
    private static final class Reading {
        private final JobSource source;
        private final TomlTable root;
        private final Mode mode;
        private PotentialKind kind;

        Reading(JobSource source, TomlTable root, Mode mode) {
            this.source = source;
            this.root = root;
            this.mode = mode;
        }

        JobSpec read() {
            List<String> allowed = new ArrayList<>(TOP_LEVEL);
            if (mode != Mode.JOB) allowed.add("sweep");
            if (mode == Mode.JOB && root.has("sweep")) {
                throw source.error(List.of("sweep"), "[sweep] belongs in a sweep file for 'mdsens sweep'; "
                        + "'mdsens run' takes a plain job file (remove the [sweep] section)");
            }
            root.allowOnly(allowed);
            PotentialSpec potential = readPotential(root.table("potential"));
            Map<String, SpeciesSpec> species = readSpecies(root.optTable("species"));
            SystemSpec system = readSystem(root.table("system"), species);
            checkSpecies(system, species, potential);
            BondsSpec bonds = readBonds(root.optTable("bonds"));
            MinimizeSpec minimize = readMinimize(root.optTable("minimize"));
            SensitivitySpec sensitivity = readSensitivity(root.optTable("sensitivity"));
            OutputSpec output = readOutput(source, root.optTable("output"));
            SweepSpec sweep = null;
            if (mode == Mode.SWEEP && !root.has("sweep")) {
                throw source.error(List.of(), source.file() + " has no [sweep] section; a sweep file is a job file plus "
                        + "[sweep] with [sweep.vary] (see README.md)");
            }
            if (root.has("sweep")) sweep = readSweep(root.table("sweep"));
            return new JobSpec(source, system, species, potential, bonds, minimize, sensitivity, output, sweep);
        }

        // ---- [potential] ---------------------------------------------------------------

        private static List<String> potentialKeys(PotentialKind k) {
            return switch (k) {
                case SOFT_SPHERE -> List.of("kind", "epsilon", "alpha", "pairs");
                case LENNARD_JONES -> List.of("kind", "cutoff", "cutoff_in_sigma", "shift", "switch", "pairs");
                case WCA -> List.of("kind", "pairs");
                case MORSE -> List.of("kind", "epsilon", "r0", "a", "cutoff", "shift", "pairs");
                case CUSTOM -> List.of("kind");
            };
        }

        private static List<String> pairKeys(PotentialKind k) {
            return switch (k) {
                case SOFT_SPHERE, WCA -> List.of("sigma", "epsilon");
                case LENNARD_JONES -> List.of("sigma", "epsilon", "cutoff");
                case MORSE -> List.of("epsilon", "r0", "a", "cutoff");
                case CUSTOM -> List.of();
            };
        }

        private static List<String> speciesKeys(PotentialKind k) {
            return switch (k) {
                case SOFT_SPHERE -> List.of("diameter", "mass");
                case LENNARD_JONES, WCA -> List.of("sigma", "epsilon", "mass");
                case MORSE, CUSTOM -> List.of("mass");
            };
        }

        /** allowOnly, but a key that belongs to another potential family gets its own message. */
        private void allowForKind(TomlTable t, List<String> allowed, List<String> known) {
            for (String key : t.keys()) {
                if (allowed.contains(key)) continue;
                if (known.contains(key)) {
                    throw t.error(key, "is not used by " + kind.label() + " potentials; valid keys here are "
                            + String.join(", ", allowed));
                }
                throw t.unknownKey(key, allowed);
            }
        }

        private PotentialSpec readPotential(TomlTable t) {
            List<String> labels = List.of("soft-sphere", "lennard-jones", "wca", "morse");
            if (!t.has("kind")) {
                t.allowOnly(POTENTIAL_KEYS);
                throw t.error("needs kind = one of " + String.join(", ", labels));
            }
            kind = PotentialKind.fromLabel(t.optChoice("kind", labels));
            allowForKind(t, potentialKeys(kind), POTENTIAL_KEYS);
            Double epsilon = t.optPositive("epsilon");
            Double alpha = t.optPositive("alpha");
            Double cutoff = t.optPositive("cutoff");
            boolean inSigma = t.booleanOr("cutoff_in_sigma", false);
            boolean shift = t.booleanOr("shift", false);
            SwitchRange sw = null;
            List<Double> s = t.optDoubleList("switch");
            if (s != null) {
                if (s.size() != 2 || !(s.get(0) > 0) || !(s.get(1) > s.get(0))) {
                    throw t.error("switch", "must be [r_on, r_c] with 0 < r_on < r_c, got " + t.raw("switch"));
                }
                sw = new SwitchRange(s.get(0), s.get(1));
                if (cutoff != null && cutoff.doubleValue() != sw.off()) {
                    throw t.error("cutoff", "must equal the end of switch (" + TomlTable.fmt(sw.off()) + "), got "
                            + TomlTable.fmt(cutoff) + "; the switch ends at the cutoff (or drop cutoff)");
                }
                if (shift) {
                    throw t.error("shift", "cannot be combined with switch: the switch already takes φ smoothly to 0 "
                            + "at r_c (set shift = false)");
                }
            }
            Double r0 = t.optPositive("r0");
            Double width = t.optPositive("a");
            if (kind == PotentialKind.MORSE) {
                for (String k : List.of("epsilon", "r0", "a", "cutoff")) {
                    if (!t.has(k)) throw t.error("needs " + k + " for morse (φ = ε[(1 − e^{−a(r − r0)})² − 1]; "
                            + "set epsilon, r0, a and cutoff; override them per pair in [potential.pairs.\"A-B\"])");
                }
            }
            List<PairSpec> pairs = readPairs(t.optTable("pairs"));
            return new PotentialSpec(kind, epsilon, alpha, cutoff, inSigma, shift, sw, r0, width, pairs);
        }

        private List<PairSpec> readPairs(TomlTable pairs) {
            List<PairSpec> out = new ArrayList<>();
            if (pairs == null) return out;
            for (String key : pairs.keys()) {
                Matcher m = PAIR_NAME.matcher(key);
                if (!m.matches()) {
                    throw pairs.error(key, "is not a pair of species: pair tables are named by two species names "
                            + "([A-Za-z0-9]+) joined by '-', like [potential.pairs.\"A-B\"]");
                }
                TomlTable p = pairs.optTable(key);
                allowForKind(p, pairKeys(kind), PAIR_KEYS);
                PairSpec spec = new PairSpec(m.group(1), m.group(2), p.optPositive("sigma"), p.optPositive("epsilon"),
                        p.optPositive("cutoff"), p.optPositive("r0"), p.optPositive("a"));
                for (PairSpec earlier : out) {
                    if (earlier.is(spec.first(), spec.second())) {
                        throw p.error("repeats the pair \"" + earlier.key() + "\" ([B-A] is the same pair as [A-B])");
                    }
                }
                out.add(spec);
            }
            return out;
        }

        // ---- [species] -----------------------------------------------------------------

        private Map<String, SpeciesSpec> readSpecies(TomlTable t) {
            Map<String, SpeciesSpec> out = new LinkedHashMap<>();
            if (t == null) return out;
            for (String name : t.keys()) {
                TomlTable s = t.optTable(name);
                if (!ParticleSystem.SPECIES_NAME.matcher(name).matches()) {
                    throw s.error("species name must match [A-Za-z0-9]+ (letters and digits), got '" + name + "'");
                }
                allowForKind(s, speciesKeys(kind), SPECIES_KEYS);
                out.put(name, new SpeciesSpec(name, s.optPositive("diameter"), s.optPositive("sigma"),
                        s.optPositive("epsilon"), s.optPositive("mass")));
            }
            return out;
        }

        // ---- [system] ------------------------------------------------------------------

        private SystemSpec readSystem(TomlTable t, Map<String, SpeciesSpec> species) {
            t.allowOnly(SYSTEM_KEYS);
            boolean hasFile = t.has("file");
            boolean hasGenerate = t.has("generate");
            if (hasFile && hasGenerate) {
                throw t.error("generate", "cannot be combined with file: [system] takes either file = \"...\" or a "
                        + "[system.generate] table");
            }
            if (!hasFile && !hasGenerate) {
                throw t.error("needs file = \"start.xyz\" (extended XYZ, LAMMPS data or dump) or a [system.generate] table");
            }
            if (hasGenerate) {
                for (String k : List.of("dimension", "species")) {
                    if (t.has(k)) throw t.error(k, "applies to a structure file; for a generated system set it in "
                            + "[system.generate]" + (k.equals("species") ? " composition" : ""));
                }
                return new SystemSpec(null, null, null, List.of(), readGenerate(t.table("generate"), species));
            }
            String written = t.optString("file");
            if (written.isBlank()) throw t.error("file", "must name a structure file, got \"\"");
            SystemSpec.FileFormat format = SystemSpec.FileFormat.forFileName(written);
            if (format == null) {
                throw t.error("file", "must end in .xyz or .extxyz (extended XYZ), .data or .lmp (LAMMPS data), "
                        + ".dump or .lammpstrj (LAMMPS dump), got \"" + written + "\"");
            }
            Path file = source.resolve(written);
            if (!Files.isRegularFile(file)) {
                throw t.error("file", "\"" + written + "\" does not exist (looked for " + file + "; relative paths are "
                        + "relative to the job file's directory)");
            }
            Integer dimension = t.optInt("dimension");
            if (dimension != null && dimension != 2 && dimension != 3) {
                throw t.error("dimension", "must be 2 or 3, got " + dimension);
            }
            List<String> names = t.optStringList("species");
            if (names != null) {
                if (format == SystemSpec.FileFormat.EXTENDED_XYZ) {
                    throw t.error("species", "names LAMMPS atom types; an extended XYZ file names its own species "
                            + "(remove species)");
                }
                Set<String> seen = new HashSet<>();
                for (String n : names) {
                    if (!ParticleSystem.SPECIES_NAME.matcher(n).matches()) {
                        throw t.error("species", "names must match [A-Za-z0-9]+ (letters and digits), got '" + n + "'");
                    }
                    if (!seen.add(n)) throw t.error("species", "names must be distinct, got '" + n + "' twice");
                }
            }
            return new SystemSpec(file, format, dimension, names, null);
        }

        private GenerateSpec readGenerate(TomlTable g, Map<String, SpeciesSpec> species) {
            g.allowOnly(GENERATE_KEYS);
            if (!g.has("kind")) throw g.error("needs kind = one of " + String.join(", ", GenerateKind.labels()));
            GenerateKind gk = GenerateKind.fromLabel(g.optChoice("kind", GenerateKind.labels()));
            Integer dimension = g.optInt("dimension");
            if (dimension != null && dimension != 2 && dimension != 3) {
                throw g.error("dimension", "must be 2 or 3, got " + dimension);
            }
            Integer count = null;
            List<Integer> cells = List.of();
            double jitter = 0;
            if (gk == GenerateKind.RANDOM) {
                if (dimension == null) throw g.error("needs dimension = 2 or 3 for kind = \"random\"");
                for (String k : List.of("cells", "jitter")) {
                    if (g.has(k)) throw g.error(k, "is for lattices (sc, bcc, fcc, square, triangular), not kind = "
                            + "\"random\"" + (k.equals("cells") ? "; use count" : ""));
                }
                count = g.optInt("count");
                if (count == null) throw g.error("needs count = the number of particles for kind = \"random\"");
                if (count < 1) throw g.error("count", "must be >= 1, got " + count);
            } else {
                int implied = gk.latticeDimension();
                if (dimension != null && dimension != implied) {
                    throw g.error("dimension", "must be " + implied + " for kind = \"" + gk.label() + "\", got " + dimension);
                }
                dimension = implied;
                for (String k : List.of("count", "min_distance")) {
                    if (g.has(k)) throw g.error(k, "is for kind = \"random\"; a lattice takes cells = ["
                            + (implied == 2 ? "nx, ny" : "nx, ny, nz") + "]");
                }
                cells = g.optIntList("cells");
                if (cells == null) {
                    throw g.error("needs cells = [" + (implied == 2 ? "nx, ny" : "nx, ny, nz") + "] for kind = \""
                            + gk.label() + "\"");
                }
                if (cells.size() != implied) {
                    throw g.error("cells", "must have " + implied + " entries for kind = \"" + gk.label() + "\", got "
                            + g.raw("cells"));
                }
                for (int c : cells) if (c < 1) throw g.error("cells", "must all be >= 1, got " + g.raw("cells"));
                Double j = g.optNonNegative("jitter");
                jitter = j == null ? 0 : j;
            }
            Map<String, Double> composition = g.optNumberTable("composition");
            if (composition == null) {
                if (species.size() > 1) {
                    throw g.error("needs composition = { " + String.join(" = ..., ", species.keySet())
                            + " = ... } (number fractions) when there are several species");
                }
                composition = Map.of(species.isEmpty() ? "A" : species.keySet().iterator().next(), 1.0);
            } else {
                if (composition.isEmpty()) throw g.error("composition", "must name at least one species, got {}");
                double sum = 0;
                for (Map.Entry<String, Double> e : composition.entrySet()) {
                    if (!ParticleSystem.SPECIES_NAME.matcher(e.getKey()).matches()) {
                        throw g.error("composition", "species names must match [A-Za-z0-9]+ (letters and digits), got '"
                                + e.getKey() + "'");
                    }
                    if (!(e.getValue() >= 0)) {
                        throw g.error("composition", "fractions must be >= 0, got " + e.getKey() + " = "
                                + TomlTable.fmt(e.getValue()));
                    }
                    sum += e.getValue();
                }
                if (Math.abs(sum - 1) > 1e-9) {
                    throw g.error("composition", "fractions must sum to 1, got " + TomlTable.fmt(sum) + " "
                            + g.raw("composition").toString().replace("\"", "").replace(":", " = "));
                }
            }
            Double packing = g.optPositive("packing_fraction");
            Double density = g.optPositive("density");
            if (packing != null && density != null) {
                throw g.error("density", "cannot be combined with packing_fraction: set one of them");
            }
            if (packing == null && density == null) {
                throw g.error("needs packing_fraction = ... or density = ... (number density N/V)");
            }
            if (packing != null && (kind == PotentialKind.MORSE)) {
                throw g.error("packing_fraction", "needs particle diameters, which morse potentials do not have; "
                        + "use density = ... (number density N/V)");
            }
            Double minDistance = g.optNonNegative("min_distance");
            Long seed = g.optLong("seed");
            return new GenerateSpec(gk, dimension, count, cells, composition, packing, density, minDistance, jitter,
                    seed == null ? 1L : seed);
        }

        /** Species tables vs the generated composition, and pair tables vs the known species. */
        private void checkSpecies(SystemSpec system, Map<String, SpeciesSpec> species, PotentialSpec potential) {
            if (!system.generated()) return; // the file decides; JobBuilder checks after loading
            Set<String> known = new LinkedHashSet<>(system.generate().composition().keySet());
            for (String name : species.keySet()) {
                if (!known.contains(name)) {
                    throw source.error(List.of("species", name), JobSource.label(List.of("species", name))
                            + " species " + name + " has no particles: add it to [system.generate] composition (now "
                            + String.join(", ", known) + ") or remove the table");
                }
            }
            checkPairSpecies(source, potential, known, "the species are " + String.join(", ", known));
        }
    }

    /**
     * Every pair table must name known species; used by the reader for generated systems and by
     * {@link JobBuilder} for systems read from files.
     */
    static void checkPairSpecies(JobSource source, PotentialSpec potential, Set<String> known, String what) {
        for (PairSpec p : potential.pairs()) {
            for (String s : List.of(p.first(), p.second())) {
                if (!known.contains(s)) {
                    List<String> path = List.of("potential", "pairs", p.key());
                    String hint = Suggestions.closest(s, known);
                    throw source.error(path, JobSource.label(path) + " unknown species '" + s + "': " + what
                            + (hint != null ? "; did you mean '" + hint + "'?" : ""));
                }
            }
        }
    }

    // ---- [bonds], [minimize], [sensitivity], [output], [sweep] ----------------------------

    private static BondsSpec readBonds(TomlTable t) {
        if (t == null) return BondsSpec.none();
        t.allowOnly(BONDS_KEYS);
        Map<String, BondsSpec.BondType> types = new LinkedHashMap<>();
        TomlTable tt = t.optTable("types");
        if (tt != null) {
            for (String name : tt.keys()) {
                TomlTable b = tt.optTable(name);
                if (!ParticleSystem.SPECIES_NAME.matcher(name).matches()) {
                    throw b.error("bond type name must match [A-Za-z0-9]+ (letters and digits), got '" + name + "'");
                }
                b.allowOnly(BOND_TYPE_KEYS);
                Double k = b.optNonNegative("k");
                Double r0 = b.optNonNegative("r0");
                if (k == null || r0 == null) throw b.error("needs k and r0 (E = k (r - r0)^2, k includes the 1/2)");
                types.put(name, new BondsSpec.BondType(name, k, r0));
            }
        }
        List<BondsSpec.Bond> bonds = new ArrayList<>();
        JsonNode pairs = t.raw("pairs");
        if (pairs != null) {
            if (!pairs.isArray()) throw t.error("pairs", "must be an array of [i, j, \"type\"], got " + pairs);
            int idx = 0;
            for (JsonNode b : pairs) {
                if (!b.isArray() || b.size() != 3 || !b.get(0).canConvertToInt() || !b.get(0).isIntegralNumber()
                        || !b.get(1).isIntegralNumber() || !b.get(1).canConvertToInt() || !b.get(2).isTextual()) {
                    throw t.error("pairs", "entry " + idx + " must be [i, j, \"type\"] with 0-based particle indices, got " + b);
                }
                int i = b.get(0).intValue();
                int j = b.get(1).intValue();
                String type = b.get(2).textValue();
                if (i < 0 || j < 0 || i == j) {
                    throw t.error("pairs", "entry " + idx + " must join two distinct particles with indices >= 0, got " + b);
                }
                if (!types.containsKey(type)) {
                    String hint = Suggestions.closest(type, types.keySet());
                    throw t.error("pairs", "entry " + idx + " uses bond type \"" + type + "\", which has no [bonds.types."
                            + type + "] table" + (hint != null ? "; did you mean \"" + hint + "\"?" : ""));
                }
                bonds.add(new BondsSpec.Bond(i, j, type));
                idx++;
            }
        }
        return new BondsSpec(bonds, types);
    }

    private static MinimizeSpec readMinimize(TomlTable t) {
        MinimizerKind algorithm = MinimizerKind.FIRE;
        if (t == null) return new MinimizeSpec(algorithm, 1e-10, 200_000, null, 0.1, false);
        t.allowOnly(MINIMIZE_KEYS);
        List<String> labels = new ArrayList<>();
        for (MinimizerKind k : MinimizerKind.values()) labels.add(k.label());
        String a = t.optChoice("algorithm", labels);
        if (a != null) algorithm = MinimizerKind.fromLabel(a);
        Double tol = t.optPositive("force_tolerance");
        Integer iters = t.optInt("max_iterations");
        if (iters != null && iters < 1) throw t.error("max_iterations", "must be >= 1, got " + iters);
        Double dt = t.optPositive("timestep");
        Double maxStep = t.optPositive("max_step");
        boolean polish = t.booleanOr("newton_polish", false);
        return new MinimizeSpec(algorithm, tol == null ? 1e-10 : tol, iters == null ? 200_000 : iters, dt,
                maxStep == null ? 0.1 : maxStep, polish);
    }

    private static SensitivitySpec readSensitivity(TomlTable t) {
        if (t == null) return SensitivitySpec.none();
        t.allowOnly(SENSITIVITY_KEYS);
        List<String> parameters = t.optStringList("parameters");
        List<String> observables = t.optStringList("observables");
        parameters = parameters == null ? List.of() : parameters;
        observables = observables == null ? List.of() : observables;
        checkNames(t, "parameters", parameters, PARAMETER_NAME, "name, name[A] or name[A,B] (like \"diameter[B]\")");
        checkNames(t, "observables", observables, OBSERVABLE_NAME, "a name or name[index] (like \"energy\" or \"position[17]\")");
        return new SensitivitySpec(parameters, observables);
    }

    private static void checkNames(TomlTable t, String key, List<String> names, Pattern pattern, String form) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            String canonical = n.replace(" ", "");
            if (!pattern.matcher(canonical).matches()) throw t.error(key, "entries must be " + form + ", got \"" + n + "\"");
            if (!seen.add(canonical)) throw t.error(key, "lists \"" + n + "\" twice");
        }
    }

    private static OutputSpec readOutput(JobSource source, TomlTable t) {
        Path defaultDir = Path.of("out", jobStem(source.file()));
        if (t == null) return new OutputSpec(defaultDir, true);
        t.allowOnly(OUTPUT_KEYS);
        String dir = t.optString("directory");
        if (dir != null && dir.isBlank()) throw t.error("directory", "must name a directory, got \"\"");
        return new OutputSpec(dir == null ? defaultDir : Path.of(dir), t.booleanOr("plots", true));
    }

    /** The job file's name without its extension ({@code lj-crystal} for {@code jobs/lj-crystal.toml}). */
    static String jobStem(Path file) {
        String name = file.getFileName() == null ? "job" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static SweepSpec readSweep(TomlTable t) {
        t.allowOnly(SWEEP_KEYS);
        Integer replicas = t.optInt("replicas");
        if (replicas != null && replicas < 1) throw t.error("replicas", "must be >= 1, got " + replicas);
        TomlTable vary = t.optTable("vary");
        if (vary == null || vary.keys().isEmpty()) {
            throw t.error("needs [sweep.vary] with at least one parameter, like \"diameter[B]\" = { linspace = [1.2, 1.6, 9] }");
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String name : vary.keys()) {
            if (!PARAMETER_NAME.matcher(name.replace(" ", "")).matches()) {
                throw vary.error(name, "is not a parameter name: use name, name[A] or name[A,B] (like \"diameter[B]\")");
            }
            JsonNode v = vary.raw(name);
            List<Double> list;
            if (v.isArray()) {
                list = vary.optDoubleList(name);
                if (list.isEmpty()) throw vary.error(name, "must list at least one value, got []");
                for (int i = 0; i < list.size(); i++) {
                    if (!Double.isFinite(list.get(i))) throw vary.error(name, "values must be finite, got " + v);
                    if (list.subList(0, i).contains(list.get(i))) {
                        throw vary.error(name, "must list distinct values, got " + TomlTable.fmt(list.get(i)) + " twice in " + v);
                    }
                }
            } else if (v.isObject()) {
                TomlTable spec = vary.optTable(name);
                spec.allowOnly(List.of("linspace", "logspace"));
                if (spec.keys().size() != 1) {
                    throw vary.error(name, "must be { linspace = [a, b, n] }, { logspace = [a, b, n] } or a list of values");
                }
                String how = spec.keys().get(0);
                List<Double> abn = spec.optDoubleList(how);
                if (abn.size() != 3 || abn.get(2) != Math.rint(abn.get(2)) || abn.get(2) < 1) {
                    throw spec.error(how, "must be [a, b, n] with an integer n >= 1, got " + spec.raw(how));
                }
                int n = (int) Math.round(abn.get(2));
                if (!Double.isFinite(abn.get(0)) || !Double.isFinite(abn.get(1))) {
                    throw spec.error(how, "endpoints must be finite, got " + spec.raw(how));
                }
                if (n > 1 && abn.get(0).doubleValue() == abn.get(1).doubleValue()) {
                    throw spec.error(how, "is an empty range: a = b = " + TomlTable.fmt(abn.get(0)) + " with n = " + n
                            + " would repeat one value; use b != a, or n = 1, got " + spec.raw(how));
                }
                if (how.equals("logspace")) {
                    if (!(abn.get(0) > 0 && abn.get(1) > 0) && !(abn.get(0) < 0 && abn.get(1) < 0)) {
                        throw spec.error(how, "endpoints must have the same sign and be non-zero (a geometric range "
                                + "cannot reach or pass through 0), got " + spec.raw(how));
                    }
                    list = SweepSpec.logspace(abn.get(0), abn.get(1), n);
                } else {
                    list = SweepSpec.linspace(abn.get(0), abn.get(1), n);
                }
            } else {
                throw vary.error(name, "must be { linspace = [a, b, n] }, { logspace = [a, b, n] } or a list of values, got " + v);
            }
            values.put(name.replace(" ", ""), list);
        }
        return new SweepSpec(replicas == null ? 1 : replicas, t.booleanOr("warm_start", true), values,
                t.booleanOr("write_xyz", false));
    }
}
