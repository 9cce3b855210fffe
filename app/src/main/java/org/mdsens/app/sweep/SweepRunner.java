package org.mdsens.app.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs the chains of one shard of a sweep on a fixed pool of workers (one chain per worker at a
 * time, chains submitted in ascending order), committing every point as it finishes. The numbers
 * do not depend on the worker count or on timing: each chain is computed on its own thread from
 * committed or deterministic inputs only. The directory must exist and be locked by the caller.
 */
public final class SweepRunner {

    /**
     * What a run did.
     *
     * @param rows     rows of the shard
     * @param computed rows computed by this run
     * @param resumed  rows found already committed
     * @param seconds  wall time
     */
    public record Result(int rows, int computed, int resumed, double seconds) { }

    private SweepRunner() { }

    /**
     * @param setup    the validated sweep
     * @param shard    which chains to run
     * @param dir      the sweep directory (exists; holds {@code points/})
     * @param threads  workers (≥ 1; capped at the number of chains)
     * @param progress progress display
     */
    public static Result run(SweepSetup setup, ShardSpec shard, Path dir, int threads, SweepProgress progress)
            throws IOException {
        return run(setup, shard, dir, threads, progress, null);
    }

    /**
     * As {@link #run(SweepSetup, ShardSpec, Path, int, SweepProgress)}, also running {@code idle}
     * (when not null) on a core the chains leave idle: on a thread of its own as the last chain
     * starts when there are fewer workers than cores (by then the compiler, which shares that core,
     * is mostly done), else on the first worker that finds no chain left to start. The run does not
     * wait for it; it must not touch the sweep's files or numbers and must not throw (the caller
     * uses it to warm up the plotting code, {@link SweepPlots#warmUp()}).
     */
    public static Result run(SweepSetup setup, ShardSpec shard, Path dir, int threads, SweepProgress progress,
                             Runnable idle) throws IOException {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        long t0 = System.nanoTime();
        PointStore store = new PointStore(dir);
        store.create();
        store.removeTemporaries();
        SweepPlan plan = setup.plan();
        List<SweepPlan.Chain> chains = plan.chains(shard);
        int rows = plan.rowCount(shard);
        Map<PointKey, ObjectNode> committed = store.readAll();
        int resumed = 0;
        for (PointKey k : committed.keySet()) {
            if (k.point() < plan.pointCount() && k.replica() < plan.replicas() && shard.owns(plan.chainOf(k.point(), k.replica()))) {
                resumed++;
            }
        }
        PointSolver solver = new PointSolver(setup.provider(), setup.minimizer(), setup.stage());
        boolean warm = setup.spec().sweep().warmStart();
        boolean xyz = setup.spec().sweep().writeXyz();
        AtomicInteger computed = new AtomicInteger();
        ChainRunner.Listener listener = (key, fresh, row) -> {
            if (!fresh) return;
            computed.incrementAndGet();
            progress.computed(key, "CONVERGED".equals(row.path("status").asText()));
        };
        progress.start(rows, resumed);
        int workers = Math.max(1, Math.min(threads, chains.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemons());
        try {
            boolean spareCore = workers < Runtime.getRuntime().availableProcessors();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < chains.size(); c++) {
                SweepPlan.Chain chain = chains.get(c);
                boolean last = c == chains.size() - 1;
                futures.add(pool.submit(() -> {
                    if (last && spareCore && idle != null) startDaemon(idle);
                    new ChainRunner(setup, store, solver, warm, xyz).run(chain, listener);
                    return null;
                }));
            }
            // queued behind every chain: runs when a worker finds none left to start
            if (!spareCore && idle != null) pool.execute(idle);
            if (chains.isEmpty() && idle != null && spareCore) startDaemon(idle);
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw TaskFailure.rethrow(e);
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        } finally {
            pool.shutdown();
            progress.close();
        }
        return new Result(rows, computed.get(), resumed, (System.nanoTime() - t0) * 1e-9);
    }

    private static void startDaemon(Runnable task) {
        Thread t = new Thread(task, "mdsens-sweep-idle");
        t.setDaemon(true);
        t.start();
    }

    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mdsens-sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
