package org.mdsens.md.parallel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that run the numbered blocks of one call. Blocks are claimed
 * dynamically, but each block always covers the same data and writes only its own outputs and
 * partial sums, which the caller reduces in block order afterwards: results do not depend on the
 * number of threads or on timing. With one thread (or one block) everything runs on the calling
 * thread, with no synchronization.
 *
 * <p><b>Hand-off.</b> The helper threads are started on the first parallel call and then wait
 * for the next call, spinning for {@value #SPIN_NANOS} ns before they park, so that the phases of
 * one kernel call, and calls that follow each other closely (a kernel call, then the
 * integrator's update), cost no thread wake-up: about a microsecond per call instead of the tens
 * of microseconds of an executor queue and a latch. A parked helper is woken by the next call
 * and joins in as soon as it runs; the caller meanwhile takes blocks itself. Callers should still
 * not split work of less than some tens of microseconds (see the block sizes of the users).
 *
 * <p><b>Worker index.</b> {@link Blocks#run} receives the index of the thread running it, in
 * {@code [0, threads())} (0 is the caller), for per-thread scratch space; no two blocks of one
 * call run concurrently with the same index.
 *
 * <p>Thread-safe: one call runs on the helpers at a time; a call made while another one is
 * running (from another thread, or from inside a block) runs all its blocks on its own calling
 * thread, with worker index 0 (same results, no deadlock).
 */
public final class Workers {

    /** Work split into numbered blocks. */
    @FunctionalInterface
    public interface Blocks {
        /**
         * Runs block {@code block}; called once per block per call, from any thread.
         *
         * @param block  block index in {@code [0, count)}
         * @param worker index of the running thread in {@code [0, threads())}, for scratch space
         */
        void run(int block, int worker);
    }

    /** Ints between the claim cursors of {@link #runAffine} (one cache line of 64 bytes apart). */
    private static final int CURSOR_STRIDE = 16;

    /** How long an idle helper spins for the next call before it parks. */
    static final long SPIN_NANOS = 100_000;

    private static final Workers SINGLE = new Workers(1);
    private static final ConcurrentHashMap<Integer, Workers> SHARED = new ConcurrentHashMap<>();

    private final int threads;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicIntegerArray cursors;
    private volatile Helper[] helpers;
    private volatile long generation;
    private volatile Thread waiter;
    // the current call, published by the volatile write of `generation`
    private Blocks work;
    private int count;
    private boolean affine;

    /** @param threads total threads including the caller (≥ 1) */
    public Workers(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.cursors = new AtomicIntegerArray(CURSOR_STRIDE * threads);
    }

    /** The one-thread instance: every call runs on the caller. */
    public static Workers single() { return SINGLE; }

    /**
     * The process-wide instance for {@code threads} threads (≥ 1; {@link #single()} for 1), so
     * that kernels, neighbor builds and integrators asking for the same count share one set of
     * helpers instead of several sets spinning against each other.
     */
    public static Workers shared(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (threads == 1) return SINGLE;
        return SHARED.computeIfAbsent(threads, Workers::new);
    }

    /** Threads used, the caller included. */
    public int threads() { return threads; }

    /** Runs blocks {@code 0 .. count-1} of {@code work} and returns when all are done. */
    public void run(Blocks work, int count) {
        run(work, count, false);
    }

    /**
     * As {@link #run}, but thread w first claims the blocks of the w-th of {@link #threads()}
     * equal contiguous ranges, in order, and only then helps with the others' ranges: calls
     * that split the same data the same way (phases of one computation over the same particles)
     * then tend to keep each block's data on one core, while a slow or descheduled thread still
     * gets its blocks taken over. Which thread runs a block never changes results.
     */
    public void runAffine(Blocks work, int count) {
        run(work, count, true);
    }

    private void run(Blocks work, int count, boolean affine) {
        if (threads == 1 || count <= 1 || !busy.compareAndSet(false, true)) {
            for (int b = 0; b < count; b++) work.run(b, 0);
            return;
        }
        try {
            Helper[] hs = helpers();
            this.work = work;
            this.count = count;
            this.affine = affine;
            failure.set(null);
            next.set(0);
            if (affine) {
                for (int w = 0; w < threads; w++) cursors.set(CURSOR_STRIDE * w, rangeStart(w, count));
            }
            remaining.set(hs.length);
            generation = generation + 1;                 // publishes the call
            for (Helper h : hs) {
                if (h.parked) LockSupport.unpark(h);
            }
            drain(0);
            awaitHelpers();
            this.work = null;
            Throwable t = failure.getAndSet(null);
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error e) throw e;
            if (t != null) throw new IllegalStateException(t);
        } finally {
            busy.set(false);
        }
    }

    /** Claims and runs blocks of the current call until none are left (or one failed). */
    private void drain(int worker) {
        final Blocks w = work;
        final int n = count;
        try {
            if (affine) {
                for (int r = 0; r < threads; r++) {
                    final int range = (worker + r) % threads, at = CURSOR_STRIDE * range, end = rangeStart(range + 1, n);
                    for (int b = cursors.getAndIncrement(at); b < end; b = cursors.getAndIncrement(at)) {
                        if (failure.get() != null) return;
                        w.run(b, worker);
                    }
                }
                return;
            }
            for (int b = next.getAndIncrement(); b < n; b = next.getAndIncrement()) {
                if (failure.get() != null) return;
                w.run(b, worker);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** First block of range r of {@link #runAffine} (r = threads: one past the last block). */
    private int rangeStart(int r, int n) {
        return (int) ((long) r * n / threads);
    }

    private void awaitHelpers() {
        long start = System.nanoTime();
        boolean interrupted = false;
        while (remaining.get() != 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            waiter = Thread.currentThread();
            if (remaining.get() != 0) LockSupport.park(this);
            waiter = null;
            if (Thread.interrupted()) interrupted = true;
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private Helper[] helpers() {
        Helper[] hs = helpers;
        if (hs == null) {
            synchronized (this) {
                hs = helpers;
                if (hs == null) {
                    hs = new Helper[threads - 1];
                    for (int k = 0; k < hs.length; k++) hs[k] = new Helper(k + 1, generation);
                    for (Helper h : hs) h.start();
                    helpers = hs;
                }
            }
        }
        return hs;
    }

    /** A helper thread: waits for a new generation, drains it, reports, repeats. */
    private final class Helper extends Thread {
        private final int index;
        private final long firstSeen;
        volatile boolean parked;

        /** @param seen the generation before the first call this helper must run */
        Helper(int index, long seen) {
            super("mdsens-worker-" + index);
            this.index = index;
            this.firstSeen = seen;
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = firstSeen;
            while (true) {
                long g;
                long start = System.nanoTime();
                while ((g = generation) == seen) {
                    if (System.nanoTime() - start < SPIN_NANOS) {
                        Thread.onSpinWait();
                        continue;
                    }
                    parked = true;
                    if (generation == seen) LockSupport.park(Workers.this);
                    parked = false;
                    Thread.interrupted();                 // nobody interrupts helpers on purpose
                }
                seen = g;
                drain(index);
                if (remaining.decrementAndGet() == 0) {
                    Thread w = waiter;
                    if (w != null) LockSupport.unpark(w);
                }
            }
        }
    }
}
