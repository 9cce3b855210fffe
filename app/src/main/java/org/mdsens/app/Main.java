package org.mdsens.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.mdsens.app.command.CheckCommand;
import org.mdsens.app.command.ExitCodes;
import org.mdsens.app.command.MergeCommand;
import org.mdsens.app.command.RunCommand;
import org.mdsens.app.command.SweepCommand;
import org.mdsens.app.command.VersionProvider;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code mdsens} command line (picocli): {@code run JOB.toml}, {@code check JOB.toml};
 * {@code --help} and {@code --version} on every command.
 *
 * <p>Exit codes ({@link ExitCodes}): 0 done and converged; 1 done but not converged
 * ({@code summary.json} says what); 2 bad input or usage, one line on stderr and nothing written;
 * 3 internal error. {@link #execute(String[], PrintStream, PrintStream)} returns the code instead
 * of exiting, for tests and embedding.
 */
@Command(name = "mdsens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {RunCommand.class, CheckCommand.class, SweepCommand.class, MergeCommand.class,
                org.mdsens.app.gui.GuiCommand.class, CommandLine.HelpCommand.class},
        description = {"Energy minimization of particle systems and implicit-differentiation sensitivities.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done and converged", "  1  done, but something did not converge (summary.json says what)",
                  "  2  bad input or usage (nothing written)", "  3  internal error"})
public final class Main implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand: a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, check, sweep, merge or gui");
    }

    /** Entry point of the launcher: runs and exits with the code. */
    public static void main(String[] args) {
        int code = execute(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (never calls {@link System#exit}). */
    public static int execute(String... args) {
        return execute(args, System.out, System.err);
    }

    /** Runs a command line with the given result and message streams; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return commandLine(o, e).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The configured picocli command line. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL_ERROR);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("mdsens: " + ex.getMessage());
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println("Try '" + name + " --help' for more information.");
            c.getErr().flush();
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println("mdsens: internal error: " + ex + " (run with --verbose for the stack trace)");
            c.getErr().flush();
            return ExitCodes.INTERNAL_ERROR;
        });
        return cl;
    }
}
