package org.mdsens.md.io;

import org.mdsens.md.system.ParticleSystem;

/**
 * The contents of a LAMMPS data file that mdsens uses.
 *
 * @param system    particles sorted by atom id, species index = atom type − 1, masses from the
 *                  {@code Masses} section (1 where absent)
 * @param bonds     bond topology over particle indices of {@code system} (empty when the file has none)
 * @param atomIds   the LAMMPS atom id of each particle, ascending (a copy is returned)
 * @param atomStyle the atom style the Atoms section was read with ({@code atomic}, {@code bond}, ...)
 * @param title     the first line of the file
 */
public record LammpsDataFile(ParticleSystem system, BondTopology bonds, long[] atomIds, String atomStyle,
                             String title) {

    public LammpsDataFile {
        atomIds = atomIds.clone();
    }

    @Override public long[] atomIds() { return atomIds.clone(); }
}
