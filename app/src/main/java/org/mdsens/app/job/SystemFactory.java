package org.mdsens.app.job;

import java.io.IOException;
import java.util.List;

import org.mdsens.md.build.Composition;
import org.mdsens.md.build.LatticeKind;
import org.mdsens.md.build.Lattices;
import org.mdsens.md.build.RandomPacking;
import org.mdsens.md.io.BondTopology;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.InputFormatException;
import org.mdsens.md.io.LammpsData;
import org.mdsens.md.io.LammpsDataFile;
import org.mdsens.md.io.LammpsDump;
import org.mdsens.md.io.XyzReadOptions;
import org.mdsens.md.system.ParticleSystem;

/**
 * Makes the starting system of a job: reads the structure file (extended XYZ: the last frame;
 * LAMMPS data; LAMMPS dump: the last frame) or generates a lattice or random packing, through the
 * md-core io and build packages. Format errors become {@link JobFileException}s carrying the
 * structure file's own line ({@code start.xyz:7: ...}). Stateless.
 */
final class SystemFactory {

    private SystemFactory() { }

    /** Default min_distance of random packings, as a fraction of the smallest σ_ab (LJ, WCA) or r0 (Morse). */
    static final double HARD_MIN_DISTANCE = 0.7;
    /** Default min_distance of soft-sphere random packings, as a fraction of the smallest σ_ab. */
    static final double SOFT_MIN_DISTANCE = 0.1;

    static JobBuilder.Start generate(JobSpec spec) {
        GenerateSpec g = spec.system().generate();
        List<String> names = List.copyOf(g.composition().keySet());
        double[] fractions = JobBuilder.fractions(g.composition(), names);
        double[] diameters = new double[names.size()];
        for (int k = 0; k < diameters.length; k++) diameters[k] = JobBuilder.diameter(spec, names.get(k));
        List<String> at = List.of("system", "generate");
        try {
            if (g.kind() == GenerateKind.RANDOM) {
                boolean defaulted = g.minDistance() == null;
                double minDistance = defaulted ? defaultMinDistance(spec, names) : g.minDistance();
                ParticleSystem system;
                try {
                    system = g.packingFraction() != null
                            ? RandomPacking.atPackingFraction(g.dimension(), g.count(), names, fractions, diameters,
                                    g.packingFraction(), minDistance, g.seed())
                            : RandomPacking.atDensity(g.dimension(), g.count(), names, fractions, g.density(), minDistance,
                                    g.seed());
                } catch (IllegalArgumentException e) {
                    if (!e.getMessage().startsWith("minDistance")) throw e;
                    throw spec.source().error(defaulted ? at : List.of("system", "generate", "min_distance"),
                            "[system.generate] cannot place " + g.count() + " particles at least "
                                    + TomlTable.num(minDistance) + " apart" + (defaulted ? " (the default min_distance)" : "")
                                    + ": " + e.getMessage() + "; set a smaller min_distance");
                }
                String origin = "generated random packing of " + g.count() + " at "
                        + (g.packingFraction() != null ? "packing fraction " + TomlTable.num(g.packingFraction())
                                : "density " + TomlTable.num(g.density()))
                        + " (min_distance " + TomlTable.num(minDistance) + ", seed " + g.seed() + ")";
                return new JobBuilder.Start(system, BondTopology.none(), false, origin);
            }
            LatticeKind kind = LatticeKind.fromLabel(g.kind().label());
            int[] cells = g.cellArray();
            double density = g.density() != null ? g.density() : latticeDensity(kind, cells, fractions, diameters,
                    g.packingFraction());
            ParticleSystem system = Lattices.build(kind, cells, density, names, fractions, g.jitter(), g.seed());
            StringBuilder c = new StringBuilder();
            for (int k = 0; k < cells.length; k++) c.append(k == 0 ? "" : "x").append(cells[k]);
            String origin = "generated " + kind.label() + " " + c + " at density " + TomlTable.num(density)
                    + " (jitter " + TomlTable.num(g.jitter()) + ", seed " + g.seed() + ")";
            return new JobBuilder.Start(system, BondTopology.none(), false, origin);
        } catch (IllegalArgumentException e) {
            throw spec.source().error(at, "[system.generate] " + e.getMessage());
        }
    }

    /** Number density of a lattice whose particles fill {@code packingFraction} of the volume. */
    private static double latticeDensity(LatticeKind kind, int[] cells, double[] fractions, double[] diameters,
                                         double packingFraction) {
        int n = kind.atomsPerCell();
        for (int c : cells) n *= c;
        int[] counts = Composition.counts(n, fractions, fractions.length);
        double solid = 0;
        for (int s = 0; s < counts.length; s++) solid += counts[s] * RandomPacking.particleVolume(kind.dimension(), diameters[s]);
        return packingFraction * n / solid;
    }

    /** 0.1·min σ_ab for soft spheres, 0.7·min σ_ab (or r0) otherwise. */
    static double defaultMinDistance(JobSpec spec, List<String> species) {
        double f = spec.potential().kind() == org.mdsens.md.potential.PotentialKind.SOFT_SPHERE
                ? SOFT_MIN_DISTANCE : HARD_MIN_DISTANCE;
        return f * JobBuilder.smallestPairLength(spec, species);
    }

    static JobBuilder.Start load(JobSpec spec) {
        SystemSpec s = spec.system();
        List<String> names = s.speciesNames().isEmpty() ? null : s.speciesNames();
        try {
            return switch (s.format()) {
                case EXTENDED_XYZ -> {
                    int d = s.dimension() == null ? 0 : s.dimension();
                    ParticleSystem system = ExtendedXyz.readLast(s.file(), XyzReadOptions.defaults().withDimension(d)).system();
                    yield new JobBuilder.Start(system, BondTopology.none(), false, "read from " + s.file());
                }
                case LAMMPS_DATA -> {
                    int d = s.dimension() == null ? 3 : s.dimension();
                    LammpsDataFile f = LammpsData.read(s.file(), d, names);
                    yield new JobBuilder.Start(f.system(), f.bonds(), true, "read from " + s.file());
                }
                case LAMMPS_DUMP -> {
                    int d = s.dimension() == null ? 3 : s.dimension();
                    ParticleSystem system = LammpsDump.read(s.file(), d, names).system();
                    yield new JobBuilder.Start(system, BondTopology.none(), false, "read from " + s.file() + " (last frame)");
                }
            };
        } catch (InputFormatException e) {
            throw new JobFileException(e.getMessage(), e);
        } catch (IOException e) {
            throw new JobFileException(s.file() + ": cannot read: " + e, e);
        } catch (IllegalArgumentException e) {
            throw spec.source().error(List.of("system", "file"), "[system] file " + s.file() + ": " + e.getMessage());
        }
    }
}
