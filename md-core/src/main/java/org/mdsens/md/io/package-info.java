/**
 * File formats: extended XYZ (ASE / OVITO dialect) read and written by {@link org.mdsens.md.io.ExtendedXyz},
 * LAMMPS data files read and written by {@link org.mdsens.md.io.LammpsData}, LAMMPS text dumps read by
 * {@link org.mdsens.md.io.LammpsDump}.
 *
 * <p>What to use when: a job's start or result configuration with extra per-atom data (forces,
 * sensitivities) is extended XYZ; an input built for or by LAMMPS is a data file (bonds included) or,
 * for the last snapshot of a LAMMPS run, a dump. All writers print doubles with
 * {@link java.lang.Double#toString(double)}, so write then read is bit-exact.
 *
 * <p>Every reader reports unusable input as an {@link org.mdsens.md.io.InputFormatException} whose
 * one-line message is {@code "<file>:<line>: <what is wrong>; expected <what would be right>"}; no
 * {@link java.lang.NumberFormatException} escapes. Readers and writers are stateless static methods,
 * safe to call from several threads.
 */
package org.mdsens.md.io;
