package org.mdsens.app.run;

import org.mdsens.md.minimize.MinimizationListener;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.PotentialSurface;

/** The seam to the md-core minimizers (one place to call {@code Minimizers.create}). */
final class Minimization {

    private Minimization() { }

    static MinimizationResult minimize(MinimizerConfig config, PotentialSurface surface, MinimizationListener listener) {
        throw new UnsupportedOperationException("minimizers are not in this build yet");
    }
}
