package org.mdsens.app.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.run.RunOutcome;
import org.mdsens.app.run.SensitivityStage;
import org.mdsens.md.system.ParticleSystem;

/**
 * Writes the files of {@code mdsens run} into an existing output directory (DESIGN.md §5):
 * {@code final.xyz} (extended XYZ with species, positions, forces and a {@code dpos_d_<name>} column
 * per sensitivity parameter, input order; skipped, and said so, when the positions are not finite),
 * {@code sensitivities.csv} (when there are parameters), the plots unless {@code [output] plots = false}
 * ({@link RunPlots}), then {@code summary.json} (always; last, so that its presence means the run
 * finished). Each file is written atomically. Stateless.
 */
public final class RunOutputs {

    /** The summary file name. */
    public static final String SUMMARY = "summary.json";
    /** The final configuration file name. */
    public static final String FINAL_XYZ = "final.xyz";
    /** The per-particle sensitivity file name. */
    public static final String SENSITIVITIES_CSV = "sensitivities.csv";

    private RunOutputs() { }

    /**
     * @param dir     the output directory (must exist)
     * @param job     the built job, its system at the final positions
     * @param outcome the run's outcome
     * @param version the mdsens version for the summary
     * @param jobName the job file as named on the command line
     * @param threads the worker threads requested
     * @return the names of the files written, in order
     */
    public static List<String> write(Path dir, BuiltJob job, RunOutcome outcome, String version, String jobName,
                                     int threads) throws IOException {
        List<String> files = new ArrayList<>();
        ParticleSystem system = job.system();
        boolean finite = allFinite(system.positions());
        RunSummary summary = summary(job, outcome, version, jobName, threads);
        if (finite) {
            FinalXyz.write(dir.resolve(FINAL_XYZ), job, outcome);
            files.add(FINAL_XYZ);
        } else {
            summary.note("final_xyz", "not written: the final positions are not finite (status "
                    + outcome.result().status() + ")");
        }
        if (outcome.sensitivity() != null && !outcome.sensitivity().parameters().isEmpty()) {
            SensitivityCsv.write(dir.resolve(SENSITIVITIES_CSV), system, outcome.sensitivity().parameters());
            files.add(SENSITIVITIES_CSV);
        }
        if (job.spec().output().plots()) {
            RunPlots.Written plots = RunPlots.write(dir, job, outcome);
            files.addAll(plots.files());
            if (!plots.skipped().isEmpty()) summary.note("plots_skipped", String.join("; ", plots.skipped()));
        }
        files.add(SUMMARY);
        summary.files(files);
        summary.write(dir.resolve(SUMMARY));
        return files;
    }

    /** The summary document of a run, without the {@code files} list. */
    public static RunSummary summary(BuiltJob job, RunOutcome outcome, String version, String jobName, int threads) {
        var r = outcome.result();
        int n = job.system().size();
        RunSummary summary = new RunSummary(version, jobName)
                .outcome(outcome.converged(), outcome.converged() ? "CONVERGED" : r.status().name())
                .system(job.system(), job.origin())
                .potential(job.model())
                .kernel(outcome.kernel(), threads)
                .minimization(job.minimizer(), r, n, outcome.pressure());
        if (outcome.polish() != null) {
            summary.polish(outcome.polish(), Math.min(SensitivityStage.POLISH_TOLERANCE, job.minimizer().forceTolerance()), n);
        }
        if (outcome.sensitivity() != null) {
            summary.sensitivity(outcome.sensitivity(), job.minimizer().forceTolerance(), outcome.sensitivitySeconds());
        } else if (outcome.sensitivitySkipped() != null) {
            summary.sensitivitySkipped(outcome.sensitivitySkipped());
        }
        List<String> messages = new ArrayList<>();
        if (!outcome.converged()) messages.add(notConverged(job, r, outcome));
        messages.addAll(sensitivityProblems(outcome));
        if (!messages.isEmpty()) summary.note("message", String.join("; ", messages));
        return summary;
    }

    /** What is wrong with the sensitivities of a run, one sentence each (empty when none or all OK). */
    public static List<String> sensitivityProblems(RunOutcome outcome) {
        if (outcome.sensitivitySkipped() != null) return List.of("sensitivity " + outcome.sensitivitySkipped());
        if (outcome.sensitivity() == null) return List.of();
        return SensitivityStage.problems(outcome.sensitivity());
    }

    /** Why the run did not converge, in one sentence. */
    static String notConverged(BuiltJob job, org.mdsens.md.minimize.MinimizationResult r, RunOutcome outcome) {
        String tail = String.format(java.util.Locale.ROOT, " after %d iterations with max force %.3e (tolerance %.3e)",
                r.iterations(), r.maxForce(), job.minimizer().forceTolerance());
        String polish = outcome.polish() == null ? "" : String.format(java.util.Locale.ROOT,
                "; the Newton polish ended %s at max force %.3e", outcome.polish().outcome(), outcome.polish().finalMaxForce());
        return switch (r.status()) {
            case MAX_ITERATIONS -> "not converged: the iteration cap max_iterations = " + job.minimizer().maxIterations()
                    + " was reached" + tail + polish + "; raise max_iterations or loosen force_tolerance";
            case NON_FINITE -> "not converged: the energy or forces became NaN or infinite" + tail
                    + " (overlapping particles, or a time step too large for the potential)";
            case STAGNATED -> "not converged: no further progress at the working precision" + tail + polish;
            case LINE_SEARCH_FAILED -> "not converged: the L-BFGS line search found no acceptable step" + tail + polish;
            default -> "not converged: " + r.status() + tail + polish;
        };
    }

    static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }
}
