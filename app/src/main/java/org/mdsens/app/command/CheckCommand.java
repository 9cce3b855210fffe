package org.mdsens.app.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.job.JobBuilder;
import org.mdsens.app.job.JobFileException;
import org.mdsens.app.job.JobReader;
import org.mdsens.app.job.JobSpec;
import org.mdsens.app.run.SensitivityStage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mdsens check JOB.toml}: everything {@code run} checks before it minimizes (the job
 * file, the structure file, coincident particles, the model, parameter and observable names), then one line
 * on stdout describing the job; nothing is written. Accepts sweep files too. Exit 0 when valid,
 * 2 when not, 3 on an internal error.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Validate a job (or sweep) file without running it; nothing is written.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the job is valid", "  2  it is not (one line says where and why)", "  3  internal error"})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB.toml", description = "the job or sweep file to check")
    private Path job;

    @Option(names = {"-v", "--verbose"}, description = "print stack traces on errors")
    private boolean verbose;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter stdout = cl.getOut();
        PrintWriter stderr = cl.getErr();
        try {
            JobSpec jobSpec = JobReader.readAny(job);
            BuiltJob built = JobBuilder.build(jobSpec);
            SensitivityStage.of(built);
            for (String w : built.warnings()) stderr.println("mdsens: warning: " + w);
            stdout.println(job + ": OK: " + built.describe()
                    + (jobSpec.sweep() != null ? "; sweep over " + String.join(", ", jobSpec.sweep().vary().keySet()) : ""));
            stdout.flush();
            stderr.flush();
            return ExitCodes.OK;
        } catch (JobFileException e) {
            return Failures.badInput(stderr, e, verbose);
        } catch (RuntimeException e) {
            return Failures.internal(stderr, e, verbose);
        }
    }
}
