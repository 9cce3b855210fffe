package org.mdsens.app.job;

import java.io.IOException;
import java.util.List;

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

    static JobBuilder.Start generate(JobSpec spec) {
        throw new UnsupportedOperationException("system generation needs the md-core build package");
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
