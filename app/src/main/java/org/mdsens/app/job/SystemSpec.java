package org.mdsens.app.job;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code [system]}: the starting configuration, read from a file or generated (exactly one).
 *
 * @param file         the structure file, resolved against the job file's directory, or null
 * @param format       the file's format (from its extension), or null when generated
 * @param dimension    2 or 3 when given, else null (the file decides)
 * @param speciesNames names for LAMMPS atom types 1, 2, ... (empty: "1", "2", ...)
 * @param generate     the generator, or null when read from a file
 */
public record SystemSpec(Path file, FileFormat format, Integer dimension, List<String> speciesNames, GenerateSpec generate) {

    /** Structure file formats, chosen by extension. */
    public enum FileFormat {
        /** Extended XYZ ({@code .xyz}, {@code .extxyz}). */
        EXTENDED_XYZ,
        /** LAMMPS data file ({@code .data}, {@code .lmp}). */
        LAMMPS_DATA,
        /** LAMMPS dump, last frame ({@code .dump}, {@code .lammpstrj}). */
        LAMMPS_DUMP;

        /** The format for a file name, or null when the extension is not known. */
        public static FileFormat forFileName(String name) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            if (n.endsWith(".xyz") || n.endsWith(".extxyz")) return EXTENDED_XYZ;
            if (n.endsWith(".data") || n.endsWith(".lmp")) return LAMMPS_DATA;
            if (n.endsWith(".dump") || n.endsWith(".lammpstrj")) return LAMMPS_DUMP;
            return null;
        }
    }

    public SystemSpec {
        if ((file == null) == (generate == null)) throw new IllegalArgumentException("exactly one of file and generate must be set");
        if (file != null && format == null) throw new IllegalArgumentException("a file needs a format");
        speciesNames = speciesNames == null ? List.of() : List.copyOf(speciesNames);
    }

    public boolean generated() { return generate != null; }
}
