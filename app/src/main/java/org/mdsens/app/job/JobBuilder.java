package org.mdsens.app.job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mdsens.md.io.BondTopology;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.model.HarmonicBonds;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.Morse;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.PotentialKind;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.potential.Wca;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/**
 * Turns a validated {@link JobSpec} into library objects: the starting {@link ParticleSystem}
 * (read from its file or generated), the {@link EnergyModel} (pair potential through the md-core
 * builders, harmonic bonds) and the {@link MinimizerConfig}.
 *
 * <p>Here, at the edge, job-file strings become library values, and the checks that need them
 * are made, each failing with a one-line {@link JobFileException} naming file and line (or key):
 * structure-file format errors (with the structure file's own line), species of the job that the
 * file does not have, pair tables naming unknown species, bond indices beyond N, a periodic box
 * shorter than twice the largest cutoff, coincident particles, unknown sensitivity or sweep
 * parameter names (with a "did you mean"). Stateless; thread-safe.
 */
public final class JobBuilder {

    /** Particles closer than this fraction of the largest cutoff count as coincident. */
    public static final double COINCIDENT_FRACTION = 1e-8;

    private JobBuilder() { }

    /** The starting system as loaded or generated, with what the file said besides positions. */
    record Start(ParticleSystem system, BondTopology fileBonds, boolean fileMasses, String origin) { }

    /** Builds everything a run needs; throws {@link JobFileException} for unusable input. */
    public static BuiltJob build(JobSpec spec) {
        List<String> warnings = new ArrayList<>();
        Start start = spec.system().generated() ? SystemFactory.generate(spec) : SystemFactory.load(spec);
        ParticleSystem system = withMasses(spec, start);
        checkSpecies(spec, system);
        PairPotential pair = pairPotential(spec, system.speciesNames());
        HarmonicBonds bonds = bonds(spec, system, start.fileBonds());
        EnergyModel model = new EnergyModel(pair, bonds);
        checkBox(spec, system, pair);
        checkCoincident(spec, system, pair, start);
        checkParameterNames(spec, model);
        return new BuiltJob(spec, JobReader.jobStem(spec.source().file()), system, model, minimizer(spec),
                start.origin(), warnings);
    }

    // ---- system ----------------------------------------------------------------------------

    private static ParticleSystem withMasses(JobSpec spec, Start start) {
        ParticleSystem s = start.system();
        boolean anyJobMass = false;
        double[] masses = s.speciesMasses();
        for (int k = 0; k < masses.length; k++) {
            SpeciesSpec sp = spec.species().get(s.speciesNames().get(k));
            if (sp != null && sp.mass() != null) {
                masses[k] = sp.mass();
                anyJobMass = true;
            } else if (!start.fileMasses()) {
                masses[k] = 1.0;
            }
        }
        if (!anyJobMass) return s;
        return new ParticleSystem(s.box(), s.positions(), s.species(), s.speciesNames(), masses);
    }

    /** Species tables and pair tables must name species of the system. */
    static void checkSpecies(JobSpec spec, ParticleSystem system) {
        Set<String> known = new LinkedHashSet<>(system.speciesNames());
        String what = spec.system().generated() ? "the species are " + String.join(", ", known)
                : spec.system().file() + " has species " + String.join(", ", known);
        for (String name : spec.species().keySet()) {
            if (!known.contains(name)) {
                List<String> path = List.of("species", name);
                String hint = Suggestions.closest(name, known);
                throw spec.source().error(path, JobSource.label(path) + " names species " + name + ", but " + what
                        + (hint != null ? "; did you mean [species." + hint + "]?" : ""));
            }
        }
        JobReader.checkPairSpecies(spec.source(), spec.potential(), known, what);
    }

    // ---- potential -------------------------------------------------------------------------

    /** The pair potential of the job over {@code species} (the system's species, in order). */
    public static PairPotential pairPotential(JobSpec spec, List<String> species) {
        PotentialSpec p = spec.potential();
        try {
            return switch (p.kind()) {
                case SOFT_SPHERE -> softSphere(spec, species);
                case LENNARD_JONES -> lennardJones(spec, species);
                case WCA -> wca(spec, species);
                case MORSE -> morse(spec, species);
                case CUSTOM -> throw new IllegalArgumentException("kind custom is not available in job files");
            };
        } catch (IllegalArgumentException e) {
            throw new JobFileException(spec.source().where(List.of("potential")) + ": [potential] " + e.getMessage(), e);
        }
    }

    private static SoftSphere softSphere(JobSpec spec, List<String> species) {
        PotentialSpec p = spec.potential();
        SoftSphere.Builder b = SoftSphere.builder(species);
        for (String s : species) b.diameter(s, spec.speciesOrDefaults(s).diameterOr1());
        b.epsilon(p.epsilon() == null ? 1.0 : p.epsilon());
        b.alpha(p.alpha() == null ? 2.0 : p.alpha());
        for (PairSpec pair : p.pairs()) {
            if (pair.sigma() != null) b.pairSigma(pair.first(), pair.second(), pair.sigma());
            if (pair.epsilon() != null) b.pairEpsilon(pair.first(), pair.second(), pair.epsilon());
        }
        return b.build();
    }

    private static LennardJones lennardJones(JobSpec spec, List<String> species) {
        PotentialSpec p = spec.potential();
        LennardJones.Builder b = LennardJones.builder(species);
        for (String s : species) {
            SpeciesSpec sp = spec.speciesOrDefaults(s);
            b.sigma(s, sp.sigmaOr1());
            b.epsilon(s, sp.epsilonOr1());
        }
        for (PairSpec pair : p.pairs()) {
            if (pair.sigma() != null) b.pairSigma(pair.first(), pair.second(), pair.sigma());
            if (pair.epsilon() != null) b.pairEpsilon(pair.first(), pair.second(), pair.epsilon());
        }
        if (p.cutoff() != null) {
            if (p.cutoffInSigma()) b.cutoffInSigma(p.cutoff()); else b.cutoff(p.cutoff());
        }
        if (p.switchRange() != null) {
            SwitchRange sw = p.switchRange();
            if (p.cutoffInSigma()) b.smoothSwitchInSigma(sw.on(), sw.off()); else b.smoothSwitch(sw.on(), sw.off());
        }
        for (PairSpec pair : p.pairs()) {
            if (pair.cutoff() == null) continue;
            double rc = p.cutoffInSigma() ? pair.cutoff() * pairSigma(spec, pair.first(), pair.second()) : pair.cutoff();
            b.pairCutoff(pair.first(), pair.second(), rc);
        }
        b.shift(p.shift());
        return b.build();
    }

    /** σ_ab of the job: the pair table's value, else Lorentz–Berthelot (σ_a + σ_b)/2. */
    static double pairSigma(JobSpec spec, String a, String b) {
        for (PairSpec pair : spec.potential().pairs()) {
            if (pair.is(a, b) && pair.sigma() != null) return pair.sigma();
        }
        return 0.5 * (spec.speciesOrDefaults(a).sigmaOr1() + spec.speciesOrDefaults(b).sigmaOr1());
    }

    private static Wca wca(JobSpec spec, List<String> species) {
        Wca.Builder b = Wca.builder(species);
        for (String s : species) {
            SpeciesSpec sp = spec.speciesOrDefaults(s);
            b.sigma(s, sp.sigmaOr1());
            b.epsilon(s, sp.epsilonOr1());
        }
        for (PairSpec pair : spec.potential().pairs()) {
            if (pair.sigma() != null) b.pairSigma(pair.first(), pair.second(), pair.sigma());
            if (pair.epsilon() != null) b.pairEpsilon(pair.first(), pair.second(), pair.epsilon());
        }
        return b.build();
    }

    private static Morse morse(JobSpec spec, List<String> species) {
        PotentialSpec p = spec.potential();
        Morse.Builder b = Morse.builder(species);
        b.all(p.epsilon(), p.r0(), p.width());
        for (PairSpec pair : p.pairs()) {
            b.pair(pair.first(), pair.second(), pair.epsilon() != null ? pair.epsilon() : p.epsilon(),
                    pair.r0() != null ? pair.r0() : p.r0(), pair.width() != null ? pair.width() : p.width());
            if (pair.cutoff() != null) b.pairCutoff(pair.first(), pair.second(), pair.cutoff());
        }
        b.cutoff(p.cutoff());
        b.shift(p.shift());
        return b.build();
    }

    /**
     * The diameter of a species for packing fractions and default distances: the soft-sphere
     * diameter, the LJ/WCA σ, the Morse r0.
     */
    static double diameter(JobSpec spec, String species) {
        return switch (spec.potential().kind()) {
            case SOFT_SPHERE -> spec.speciesOrDefaults(species).diameterOr1();
            case LENNARD_JONES, WCA -> spec.speciesOrDefaults(species).sigmaOr1();
            default -> spec.potential().r0() != null ? spec.potential().r0() : 1.0;
        };
    }

    /** The smallest pair interaction length σ_ab (or r0) over the given species. */
    static double smallestPairLength(JobSpec spec, List<String> species) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < species.size(); i++) {
            for (int j = i; j < species.size(); j++) {
                String a = species.get(i);
                String b = species.get(j);
                double len = 0.5 * (diameter(spec, a) + diameter(spec, b));
                for (PairSpec pair : spec.potential().pairs()) {
                    if (!pair.is(a, b)) continue;
                    if (pair.sigma() != null) len = pair.sigma();
                    if (pair.r0() != null) len = pair.r0();
                }
                min = Math.min(min, len);
            }
        }
        return min;
    }

    // ---- bonds -------------------------------------------------------------------------------

    private static HarmonicBonds bonds(JobSpec spec, ParticleSystem system, BondTopology fromFile) {
        BondsSpec b = spec.bonds();
        List<String> typeNames = new ArrayList<>(b.types().keySet());
        int nFile = fromFile == null ? 0 : fromFile.size();
        List<String> fileTypes = nFile > 0 ? fromFile.defaultTypeNames() : List.of();
        int[] fileType = nFile > 0 ? fromFile.type() : new int[0];
        for (int k = 0; k < nFile; k++) {
            String t = fileTypes.get(fileType[k]);
            if (!b.types().containsKey(t)) {
                throw spec.source().error(List.of("bonds"), spec.system().file() + " has bonds of type " + t
                        + ": give their k and r0 in a [bonds.types.\"" + t + "\"] table");
            }
        }
        if (nFile == 0 && b.bonds().isEmpty()) {
            return HarmonicBonds.none();
        }
        int total = nFile + b.bonds().size();
        int[] first = new int[total];
        int[] second = new int[total];
        int[] type = new int[total];
        int m = 0;
        int[] ff = nFile > 0 ? fromFile.first() : new int[0];
        int[] fs = nFile > 0 ? fromFile.second() : new int[0];
        for (int k = 0; k < nFile; k++, m++) {
            first[m] = ff[k];
            second[m] = fs[k];
            type[m] = typeNames.indexOf(fileTypes.get(fileType[k]));
        }
        int n = system.size();
        for (int k = 0; k < b.bonds().size(); k++, m++) {
            BondsSpec.Bond bond = b.bonds().get(k);
            if (bond.first() >= n || bond.second() >= n) {
                throw spec.source().error(List.of("bonds", "pairs"), "[bonds] pairs entry " + k + " joins particles "
                        + bond.first() + " and " + bond.second() + ", but indices must be < N = " + n + " (0-based)");
            }
            first[m] = bond.first();
            second[m] = bond.second();
            type[m] = typeNames.indexOf(bond.type());
        }
        double[] kk = new double[typeNames.size()];
        double[] r0 = new double[typeNames.size()];
        for (int t = 0; t < kk.length; t++) {
            kk[t] = b.types().get(typeNames.get(t)).k();
            r0[t] = b.types().get(typeNames.get(t)).r0();
        }
        try {
            return new HarmonicBonds(first, second, type, typeNames, kk, r0);
        } catch (IllegalArgumentException e) {
            throw spec.source().error(List.of("bonds"), "[bonds] " + e.getMessage());
        }
    }

    // ---- checks --------------------------------------------------------------------------

    private static void checkBox(JobSpec spec, ParticleSystem system, PairPotential pair) {
        if (!(system.box() instanceof Box.Periodic p)) return;
        double rc = pair.maxCutoff();
        for (double l : p.lengths()) {
            if (l < 2 * rc) {
                List<String> path = spec.potential().cutoff() != null ? List.of("potential", "cutoff") : List.of("potential");
                throw spec.source().error(path, "[potential] the largest cutoff " + TomlTable.num(rc)
                        + " needs periodic box lengths >= " + TomlTable.num(2 * rc) + " (minimum image), got "
                        + TomlTable.num(l) + " (N = " + system.size() + "): use more particles or cells, or a shorter cutoff");
            }
        }
    }

    private static void checkCoincident(JobSpec spec, ParticleSystem system, PairPotential pair, Start start) {
        double minDistance = COINCIDENT_FRACTION * Math.max(pair.maxCutoff(), 1e-300);
        int[] ij = NeighborList.findCoincident(system, minDistance);
        if (ij == null) return;
        String what = String.format(Locale.ROOT, "particles %d and %d (0-based, input order) are at the same position "
                + "(closer than %.1e): remove or move one of them", ij[0], ij[1], minDistance);
        if (spec.system().generated()) {
            throw spec.source().error(List.of("system", "generate"), "[system.generate] generated " + what
                    + "; set min_distance > 0");
        }
        throw new JobFileException(spec.system().file() + ": " + what);
    }

    private static void checkParameterNames(JobSpec spec, EnergyModel model) {
        for (String name : spec.sensitivity().parameters()) {
            checkParameter(spec, model, name, List.of("sensitivity", "parameters"), "[sensitivity] parameters");
        }
        if (spec.sweep() != null) {
            for (String name : spec.sweep().vary().keySet()) {
                checkParameter(spec, model, name, List.of("sweep", "vary", name), "[sweep.vary]");
            }
        }
    }

    private static void checkParameter(JobSpec spec, EnergyModel model, String name, List<String> path, String where) {
        try {
            model.parameterIndex(name);
        } catch (IllegalArgumentException e) {
            List<String> valid = model.parameterNames();
            String hint = Suggestions.closest(name, valid);
            throw spec.source().error(path, where + " names an unknown parameter '" + name + "'"
                    + (hint != null ? "; did you mean '" + hint + "'?" : "") + " (this model has " + String.join(", ", valid) + ")");
        }
    }

    // ---- minimizer -------------------------------------------------------------------------

    /** The minimizer settings, with the potential's default time step when the job gives none. */
    public static MinimizerConfig minimizer(JobSpec spec) {
        MinimizeSpec m = spec.minimize();
        double dt = m.timestep() != null ? m.timestep()
                : spec.potential().kind() == PotentialKind.SOFT_SPHERE ? JobReader.SOFT_SPHERE_TIMESTEP : JobReader.DEFAULT_TIMESTEP;
        return new MinimizerConfig(m.algorithm(), m.forceTolerance(), m.maxIterations(), dt, m.maxStep());
    }

    /** Composition fractions in the order of {@code species}. */
    static double[] fractions(Map<String, Double> composition, List<String> species) {
        double[] f = new double[species.size()];
        for (int k = 0; k < f.length; k++) f[k] = composition.getOrDefault(species.get(k), 0.0);
        return f;
    }
}
