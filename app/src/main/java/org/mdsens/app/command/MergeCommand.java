package org.mdsens.app.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mdsens.app.sweep.SweepInputException;
import org.mdsens.app.sweep.SweepMerge;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mdsens merge DIR... --out DIR}: combines the shard directories of one sweep into one table
 * with {@link SweepMerge}. Exit 0 when every row is present and converged; 1 when rows are missing
 * (listed, with the shards that should have run them; the table of the rows present is written) or
 * did not converge; 2 for inputs that cannot be merged (not sweep directories, different sweeps or
 * kernels, a row present twice: nothing written); 3 internal error.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Combine the output directories of the shards of one sweep into one table; check that every "
                + "point and replica is present exactly once.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every row present and converged", "  1  rows missing or not converged (listed; the rows present are written)",
                  "  2  bad input: not sweep directories, different sweeps or kernels, a row twice (nothing written)",
                  "  3  internal error"})
public final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "DIR", description = "the --out directories of the shards")
    private List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the merged output directory")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "no messages besides errors")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "print stack traces on errors")
    private boolean verbose;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter stdout = cl.getOut();
        PrintWriter stderr = cl.getErr();
        SweepMerge.Outcome o;
        try {
            SweepCommand.headless();
            o = SweepMerge.merge(inputs, out, VersionProvider.version());
        } catch (SweepInputException e) {
            return Failures.badInput(stderr, e, verbose);
        } catch (IOException e) {
            return Failures.io(stderr, e, verbose);
        } catch (RuntimeException e) {
            return Failures.internal(stderr, e, verbose);
        }
        var s = o.summary();
        stdout.println(String.format(Locale.ROOT, "merge: %d of %d rows from %d directories: %d converged, %d not converged, "
                + "%d missing -> %s", s.rows(), o.expected(), inputs.size(), s.rows() - s.notConverged().size(),
                s.notConverged().size(), o.missing().size(), out));
        stdout.flush();
        if (o.missingMessage() != null) stderr.println("mdsens: " + o.missingMessage());
        if (!s.allGood() && !quiet) {
            stderr.println("mdsens: " + s.notConverged().size() + " rows did not converge and " + s.sensitivityFailed().size()
                    + " have unusable sensitivities; summary.json lists them");
        }
        stderr.flush();
        return o.complete() && s.allGood() ? ExitCodes.OK : ExitCodes.NOT_CONVERGED;
    }
}
