package org.mdsens.app.job;

/**
 * Makes the starting system of a job: reads the structure file (extended XYZ, LAMMPS data or
 * dump) or generates a lattice or random packing, through the md-core io and build packages.
 * Format errors become {@link JobFileException}s carrying the structure file's own line.
 */
final class SystemFactory {

    private SystemFactory() { }

    static JobBuilder.Start generate(JobSpec spec) {
        throw new UnsupportedOperationException("system generation needs the md-core build package");
    }

    static JobBuilder.Start load(JobSpec spec) {
        throw new UnsupportedOperationException("reading structure files needs the md-core io package");
    }
}
