package org.mdsens.app.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mdsens.app.job.JobFileException;
import org.mdsens.app.sweep.PointKey;
import org.mdsens.app.sweep.PointStore;
import org.mdsens.app.sweep.ShardSpec;
import org.mdsens.app.sweep.SweepDirectory;
import org.mdsens.app.sweep.SweepInputException;
import org.mdsens.app.sweep.SweepManifest;
import org.mdsens.app.sweep.SweepPlan;
import org.mdsens.app.sweep.SweepPlots;
import org.mdsens.app.sweep.SweepProgress;
import org.mdsens.app.sweep.SweepRunner;
import org.mdsens.app.sweep.SweepSetup;
import org.mdsens.app.sweep.SweepSummary;
import org.mdsens.app.sweep.SweepTables;
import org.mdsens.app.sweep.TaskFailure;
import org.mdsens.md.kernel.KernelChoice;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mdsens sweep SWEEP.toml --out DIR [--shard I/N] [--threads N]}: runs a parameter sweep
 * (DESIGN.md §5) with {@link SweepRunner}: every point and replica minimized, differentiated and
 * committed atomically in {@code DIR/points/}; re-running the same command resumes; then the tables
 * {@code results.csv}, {@code results.jsonl}, {@code summary.json} and (unsharded) the summary plots
 * are rebuilt from the committed points. Everything is checked before the directory is created: a
 * bad sweep file or a directory of another sweep, kernel or shard gives exit 2 and writes nothing.
 * Inside a Slurm array job the shard comes from the array variables. Exit 0 all converged, 1 some
 * row did not converge or has unusable sensitivities, 2 bad input, 3 internal error.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a parameter sweep: minimize and differentiate every point and replica of a sweep file; "
                + "resumable, parallel over chains, shardable (Slurm job arrays).", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every point converged", "  1  finished, but some point did not converge (summary.json lists them)",
                  "  2  bad input or usage (nothing written)", "  3  internal error",
                  "", "Re-running the same command in the same --out directory skips finished points.",
                  "Inside a Slurm array job, --shard defaults to (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN)/SLURM_ARRAY_TASK_COUNT."})
public final class SweepCommand implements Callable<Integer> {

    /** Interval of the plain progress lines when stderr is not a terminal. */
    static final Duration PROGRESS_PERIOD = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP.toml", description = "the sweep file: a job file plus [sweep] (see README.md)")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default: [output] directory of the sweep file, else out/<name>)")
    private Path out;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "run shard I of N (0-based): the chains c with c mod N = I (default: from the Slurm array variables, else 0/1)")
    private String shard;

    @Option(names = "--threads", paramLabel = "N",
            description = "workers across chains (default: the number of cores, ${sys:mdsens.cores})")
    private Integer threads;

    @Option(names = "--kernel", paramLabel = "auto|scalar|vector", defaultValue = "auto",
            converter = KernelChoiceConverter.class,
            description = "force kernels: auto (a fixed rule), scalar, or vector (Vector API) (default ${DEFAULT-VALUE})")
    private KernelChoice kernel;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "say what is done, and print stack traces on errors")
    private boolean verbose;

    static {
        Cores.publish();
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter stdout = cl.getOut();
        PrintWriter stderr = cl.getErr();
        int workers = Cores.orDefault(threads);
        if (workers < 1) throw new CommandLine.ParameterException(cl, "--threads must be >= 1, got " + workers);
        ShardSpec sh;
        String shardOrigin;
        if (shard != null) {
            try {
                sh = ShardSpec.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
            shardOrigin = "--shard";
        } else {
            Map<String, String> env = System.getenv();
            try {
                sh = ShardSpec.fromSlurm(env);
            } catch (IllegalArgumentException e) {
                return Failures.badInput(stderr, e, verbose);
            }
            shardOrigin = sh != null ? "Slurm array task " + env.get("SLURM_ARRAY_TASK_ID") : null;
            if (sh == null) sh = ShardSpec.ALL;
        }

        SweepSetup setup;
        SweepManifest manifest;
        Path dir;
        try {
            setup = SweepSetup.prepare(file, kernel);
            dir = out != null ? out : setup.spec().output().directory();
            manifest = SweepManifest.of(setup, sh);
            SweepDirectory.check(dir, manifest);
        } catch (JobFileException | SweepInputException e) {
            return Failures.badInput(stderr, e, verbose);
        } catch (IOException e) {
            return Failures.badInput(stderr, new JobFileException("cannot read the output directory: " + e, e), verbose);
        } catch (RuntimeException e) {
            return Failures.internal(stderr, e, verbose);
        }
        SweepPlan plan = setup.plan();
        for (String w : setup.warnings()) stderr.println("mdsens: warning: " + w);
        if (verbose) {
            stderr.println("mdsens: " + setup.base().describe());
            stderr.println("mdsens: sweep over " + String.join(", ", plan.names()) + ": " + plan.pointCount() + " points x "
                    + plan.replicas() + " replicas, " + plan.chainCount() + " chains along " + plan.chainParameter()
                    + "; shard " + sh + (shardOrigin != null ? " (" + shardOrigin + ")" : "") + "; " + setup.kernel()
                    + " kernel; fixed box");
        }
        stderr.flush();

        SweepRunner.Result result;
        SweepSummary summary;
        List<String> files = new ArrayList<>();
        try (SweepDirectory held = SweepDirectory.open(dir, manifest)) {
            String task = "sweep " + setup.name() + (sh.whole() ? "" : " shard " + sh);
            SweepProgress progress = quiet ? SweepProgress.NONE
                    : Terminal.interactive() ? SweepProgress.bar(task, System.err)
                    : SweepProgress.lines(task, stderr, PROGRESS_PERIOD);
            // the plotting code is warmed up on a core the chains leave idle (SweepRunner)
            boolean drawPlots = sh.whole() && setup.spec().output().plots();
            if (drawPlots) headless();
            result = SweepRunner.run(setup, sh, dir, workers, progress, drawPlots ? SweepPlots::warmUp : null);
            Map<PointKey, ObjectNode> records = new PointStore(dir).readAll();
            List<ObjectNode> rows = new ArrayList<>();
            for (Map.Entry<PointKey, ObjectNode> e : records.entrySet()) {
                PointKey k = e.getKey();
                if (k.point() < plan.pointCount() && k.replica() < plan.replicas()
                        && sh.owns(plan.chainOf(k.point(), k.replica()))) {
                    rows.add((ObjectNode) e.getValue().get("row"));
                }
            }
            if (rows.size() != plan.rowCount(sh)) {
                throw new IllegalStateException("the shard has " + plan.rowCount(sh) + " rows, but " + rows.size()
                        + " are committed after the run");
            }
            // the tables are written beside the plots when there are plots and more than one worker
            FutureTask<Void> tables = new FutureTask<>(() -> {
                SweepTables.write(dir, setup.layout(), rows);
                return null;
            });
            if (drawPlots && workers > 1) {
                Thread t = new Thread(tables, "mdsens-tables");
                t.setDaemon(true);
                t.start();
            } else {
                tables.run();
            }
            SweepPlots.Written plotted = null;
            try {
                if (drawPlots) plotted = SweepPlots.write(dir, plan, setup.layout(), rows, workers);
            } finally {
                await(tables);
            }
            files.add(SweepTables.CSV);
            files.add(SweepTables.JSONL);
            summary = SweepSummary.of(rows);
            ObjectNode extra = JsonNodeFactory.instance.objectNode();
            if (plotted != null) {
                files.addAll(plotted.files());
                if (!plotted.notes().isEmpty()) plotted.notes().forEach(extra.putArray("notes")::add);
            } else if (!sh.whole()) {
                extra.put("plots", "not drawn for a shard: 'mdsens merge' draws them for the whole sweep");
            }
            files.add(SweepSummary.FILE);
            extra.put("threads", workers);
            extra.put("seconds", result.seconds());
            extra.put("rows_computed", result.computed());
            extra.put("rows_resumed", result.resumed());
            ArrayNode f = extra.putArray("files");
            files.forEach(f::add);
            summary.write(dir, "sweep", manifest, VersionProvider.version(), plan.rowCount(sh), List.of(), extra);
        } catch (SweepInputException e) {
            return Failures.badInput(stderr, e, verbose);
        } catch (IOException e) {
            return Failures.io(stderr, e, verbose);
        } catch (RuntimeException e) {
            return Failures.internal(stderr, e, verbose);
        }
        stdout.println(String.format(Locale.ROOT,
                "sweep %s: %d rows (%d points x %d replicas%s): %d converged, %d not converged; %d computed, %d resumed; "
                        + "%d minimizer iterations (%.2f s, %s kernel, %d workers) -> %s",
                setup.name(), summary.rows(), plan.pointCount(), plan.replicas(), sh.whole() ? "" : ", shard " + sh,
                summary.rows() - summary.notConverged().size(), summary.notConverged().size(), result.computed(),
                result.resumed(), summary.iterations(), result.seconds(), setup.kernel(),
                Math.min(workers, Math.max(1, plan.chains(sh).size())), dir));
        stdout.flush();
        if (!summary.allGood()) {
            stderr.println("mdsens: " + summary.notConverged().size() + " rows did not converge and "
                    + summary.sensitivityFailed().size() + " have unusable sensitivities; " + SweepSummary.FILE + " lists them");
        }
        stderr.flush();
        return summary.allGood() ? ExitCodes.OK : ExitCodes.NOT_CONVERGED;
    }

    /** Waits for a task (uninterruptibly) and rethrows its failure. */
    static void await(FutureTask<?> task) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw TaskFailure.rethrow(e);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    static void headless() {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }
}
