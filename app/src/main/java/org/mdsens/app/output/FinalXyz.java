package org.mdsens.app.output;

import java.io.IOException;
import java.nio.file.Path;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.run.RunOutcome;

/**
 * {@code final.xyz}: extended XYZ (ASE/OVITO dialect) with {@code species}, {@code pos} and
 * {@code forces}, per-particle rows in input order, written atomically.
 */
final class FinalXyz {

    private FinalXyz() { }

    static void write(Path target, BuiltJob job, RunOutcome outcome) throws IOException {
        throw new UnsupportedOperationException("extended XYZ output needs the md-core io package");
    }
}
