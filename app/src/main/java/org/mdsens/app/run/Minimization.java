package org.mdsens.app.run;

import org.mdsens.md.minimize.MinimizationListener;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.minimize.PotentialSurface;

/** The seam to the md-core minimizers (one place that creates them). */
final class Minimization {

    private Minimization() { }

    static MinimizationResult minimize(MinimizerConfig config, PotentialSurface surface, MinimizationListener listener) {
        return Minimizers.create(config).minimize(surface, listener);
    }
}
