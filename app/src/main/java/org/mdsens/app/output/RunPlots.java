package org.mdsens.app.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.run.RunOutcome;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.viz.chart.FigurePreset;
import org.mdsens.viz.export.Figures;
import org.mdsens.viz.scene.ParticleScene;

/**
 * The plots of {@code mdsens run} (DESIGN.md §5, issue 5), at the journal-column preset
 * ({@link FigurePreset#journalColumn()}: 85 mm at 300 dpi, 1004 × 753 px, 8 pt type), each as PNG and SVG:
 * <ul>
 *   <li>{@code convergence.png/svg}: energy above the final one and the largest force against iteration,
 *       from the minimizer's trace (its finite records);</li>
 *   <li>{@code sensitivity_<name>.png/svg} per parameter ({@link OutputNames#sensitivityFigure}): the
 *       final configuration, particles drawn at their species' diameter ({@link SpeciesDiameters}),
 *       the field dx*&#47;dθ as arrows, rattlers marked.</li>
 * </ul>
 * A figure that cannot be drawn (no finite trace record; a sensitivity without finite numbers;
 * non-finite positions; a chart the plotting library rejects, such as a diverged trace) is skipped,
 * and the reason is returned for the summary ({@code plots_skipped}): pictures never cost the
 * results. I/O failures propagate. Stateless.
 */
final class RunPlots {

    /** The files written, and why any figure was skipped. */
    record Written(List<String> files, List<String> skipped) { }

    private RunPlots() { }

    static Written write(Path dir, BuiltJob job, RunOutcome outcome) throws IOException {
        FigurePreset preset = FigurePreset.journalColumn();
        List<String> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        MinimizationResult r = outcome.result();
        int[] it = r.traceIterations();
        double[] e = r.energyTrace();
        double[] f = r.maxForceTrace();
        int m = 0;
        for (int k = 0; k < it.length; k++) {
            if (Double.isFinite(e[k]) && Double.isFinite(f[k]) && f[k] >= 0) {
                it[m] = it[k];
                e[m] = e[k];
                f[m] = f[k];
                m++;
            }
        }
        if (m > 0) {
            try {
                add(files, Figures.writeConvergence(dir, Arrays.copyOf(it, m), Arrays.copyOf(e, m), Arrays.copyOf(f, m),
                        preset));
            } catch (RuntimeException ex) {
                skipped.add("convergence: cannot be drawn (" + ex.getMessage() + ")");
            }
        } else {
            skipped.add("convergence: the minimizer recorded no finite energy and force");
        }
        if (outcome.sensitivity() == null) return new Written(files, skipped);
        ParticleSystem system = job.system();
        if (!allFinite(system.positions())) {
            skipped.add("sensitivity figures: the final positions are not finite");
            return new Written(files, skipped);
        }
        ParticleScene base = ParticleScene.of(system, SpeciesDiameters.of(job.model(), system.speciesNames()))
                .withRattlers(outcome.sensitivity().rattlers());
        for (ParameterSensitivity p : outcome.sensitivity().parameters()) {
            double[] dx = p.dx();
            if (!allFinite(dx)) {
                skipped.add(OutputNames.sensitivityFigure(p.name()) + ": dx/d" + p.name() + " has no finite numbers ("
                        + p.status() + ")");
                continue;
            }
            try {
                add(files, Figures.writeSensitivity(dir, p.name(), base.withField(dx, "dx/d " + p.name()), preset));
            } catch (RuntimeException ex) {
                skipped.add(OutputNames.sensitivityFigure(p.name()) + ": cannot be drawn (" + ex.getMessage() + ")");
            }
        }
        return new Written(files, skipped);
    }

    private static void add(List<String> files, List<Path> written) {
        for (Path p : written) files.add(p.getFileName().toString());
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }
}
