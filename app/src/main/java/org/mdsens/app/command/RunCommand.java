package org.mdsens.app.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.job.JobBuilder;
import org.mdsens.app.job.JobFileException;
import org.mdsens.app.job.JobReader;
import org.mdsens.app.job.JobSpec;
import org.mdsens.app.output.RunOutputs;
import org.mdsens.app.run.JobRunner;
import org.mdsens.app.run.RunOutcome;
import org.mdsens.app.run.SensitivityStage;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.minimize.MinimizationListener;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mdsens run JOB.toml}: reads and validates the job (including its {@code [sensitivity]}
 * names), builds the system and the model, minimizes, Newton-polishes when asked, computes the
 * sensitivities, and writes {@code final.xyz}, {@code sensitivities.csv}, the plots and
 * {@code summary.json} into the output directory (created only after every check passed). One
 * result line on stdout; progress on stderr when it is a terminal (unless {@code --quiet}); problems
 * with sensitivities as warnings on stderr. Exit 0 converged and every sensitivity OK, 1 not
 * converged or a sensitivity status not OK (summary.json says what), 2 bad input, 3 internal error.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Minimize the energy of the system a job file describes, compute the sensitivities it asks for;",
                       "write summary.json, final.xyz, sensitivities.csv and plots.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  converged (and every sensitivity OK)",
                  "  1  finished, but not converged or a sensitivity failed (summary.json says why)",
                  "  2  bad input or usage (nothing written)", "  3  internal error"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB.toml", description = "the job file (TOML; see README.md)")
    private Path job;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default: [output] directory of the job, else out/<job name>)")
    private Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads the vector force kernels split each call over (default: the number of cores, "
                    + "${sys:mdsens.cores}); the results do not depend on it")
    private Integer threads;

    static {
        Cores.publish();
    }

    @Option(names = "--kernel", paramLabel = "auto|scalar|vector", defaultValue = "auto",
            converter = KernelChoiceConverter.class,
            description = "force kernels: auto (a fixed rule), scalar, or vector (Vector API) (default ${DEFAULT-VALUE})")
    private KernelChoice kernel;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "say what is done, and print stack traces on errors")
    private boolean verbose;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter stdout = cl.getOut();
        PrintWriter stderr = cl.getErr();
        int threads = Cores.orDefault(this.threads);
        if (threads < 1) throw new CommandLine.ParameterException(cl, "--threads must be >= 1, got " + threads);

        JobSpec jobSpec;
        BuiltJob built;
        SensitivityStage stage;
        Path dir;
        try {
            jobSpec = JobReader.readJob(job);
            dir = out != null ? out : jobSpec.output().directory();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new JobFileException((out != null ? "--out " : jobSpec.source().where(List.of("output", "directory"))
                        + ": [output] directory ") + dir + " exists and is not a directory; choose another output directory");
            }
            if (verbose) stderr.println("mdsens: read " + job);
            built = JobBuilder.build(jobSpec);
            stage = SensitivityStage.of(built);
            if (verbose) {
                stderr.println("mdsens: " + built.describe());
                stderr.flush();
            }
        } catch (JobFileException e) {
            return Failures.badInput(stderr, e, verbose);
        } catch (RuntimeException e) {
            return Failures.internal(stderr, e, verbose);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return Failures.badInput(stderr, new JobFileException("cannot create the output directory " + dir + ": "
                    + e, e), verbose);
        }
        for (String warning : built.warnings()) stderr.println("mdsens: warning: " + warning);
        stderr.flush();

        RunOutcome outcome;
        List<String> files;
        try {
            boolean progress = !quiet && Terminal.interactive();
            try (ProgressReporter reporter = progress ? new ProgressReporter("minimize",
                    built.minimizer().forceTolerance(), built.system().size(), System.err) : null) {
                MinimizationListener listener = reporter != null ? reporter : MinimizationListener.NONE;
                outcome = JobRunner.run(built, stage, kernel, threads, listener);
            }
            files = RunOutputs.write(dir, built, outcome, VersionProvider.version(), job.toString(), threads);
        } catch (IOException e) {
            return Failures.io(stderr, e, verbose);
        } catch (RuntimeException e) {
            return Failures.internal(stderr, e, verbose);
        }
        stdout.println(resultLine(built, outcome, dir));
        stdout.flush();
        for (String problem : RunOutputs.sensitivityProblems(outcome)) stderr.println("mdsens: warning: " + problem);
        if (verbose) stderr.println("mdsens: wrote " + String.join(", ", files) + " in " + dir);
        stderr.flush();
        return outcome.ok() ? ExitCodes.OK : ExitCodes.NOT_CONVERGED;
    }

    static String resultLine(BuiltJob built, RunOutcome o, Path dir) {
        var r = o.result();
        int n = built.system().size();
        String status = o.converged() ? "CONVERGED" : r.status().name();
        String polish = o.polish() == null ? "" : " +" + o.polish().steps() + " Newton";
        String sens = "";
        if (o.sensitivity() != null) {
            sens = String.format(Locale.ROOT, " sensitivity=%s (%d parameters, %d observables, %.2f s)",
                    SensitivityStage.allOk(o.sensitivity()) ? "OK" : o.sensitivity().status().name(),
                    o.sensitivity().parameters().size(), o.sensitivity().observables().size(), o.sensitivitySeconds());
        } else if (o.sensitivitySkipped() != null) {
            sens = " sensitivity=SKIPPED";
        }
        return String.format(Locale.ROOT, "%s %s: N=%d E/N=%.10g max_force=%.3e iterations=%d%s (%.2f s, %s kernel)%s -> %s",
                status, built.name(), n, o.finalEnergy() / n, o.finalMaxForce(), r.iterations(), polish, r.seconds(),
                o.kernel(), sens, dir);
    }
}
