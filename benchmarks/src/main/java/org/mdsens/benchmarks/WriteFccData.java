package org.mdsens.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

import org.mdsens.md.io.LammpsData;

/**
 * Writes the LAMMPS {@code bench/in.lj} crystal as a data file: an fcc lattice of N = 4c³ atoms
 * (one type) at number density 0.8442, no displacement.
 * Usage: {@code WriteFccData <file> <N>}.
 */
public final class WriteFccData {

    private WriteFccData() { }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WriteFccData <file> <N = 4c³>");
            System.exit(2);
        }
        LammpsData.write(Path.of(args[0]), Systems.fcc(Integer.parseInt(args[1]), 0.0, 1), null);
    }
}
