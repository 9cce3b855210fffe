package org.mdsens.md.kernel.vector;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed set of daemon threads that run the blocks of one kernel call. Blocks are claimed
 * dynamically, but each block always covers the same particles and writes only its own outputs
 * and partial sums, which the caller reduces in block order afterwards: results do not depend on
 * the number of threads or on timing. With one thread (or one block) everything runs on the
 * calling thread, with no synchronization.
 *
 * <p>Thread-safe: several kernels may share one instance; each call waits only for its own
 * blocks.
 */
final class Workers {

    /** Work split into numbered blocks. */
    interface Blocks {
        /** Runs block {@code b}; called once per block per call, from any thread. */
        void run(int b);
    }

    private final int threads;
    private volatile ExecutorService pool;

    /** @param threads total threads including the caller (≥ 1) */
    Workers(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
    }

    int threads() { return threads; }

    /** Runs blocks {@code 0 .. count-1} of {@code work} and returns when all are done. */
    void run(Blocks work, int count) {
        if (threads == 1 || count <= 1) {
            for (int b = 0; b < count; b++) work.run(b);
            return;
        }
        int helpers = Math.min(threads, count) - 1;
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(helpers);
        Runnable helper = () -> {
            try {
                drain(work, count, next, failure);
            } finally {
                done.countDown();
            }
        };
        ExecutorService p = pool();
        for (int h = 0; h < helpers; h++) p.execute(helper);
        drain(work, count, next, failure);
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    private static void drain(Blocks work, int count, AtomicInteger next, AtomicReference<Throwable> failure) {
        try {
            for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                if (failure.get() != null) return;
                work.run(b);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    AtomicInteger id = new AtomicInteger();
                    ThreadFactory factory = r -> {
                        Thread t = new Thread(r, "mdsens-kernel-" + id.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    };
                    p = Executors.newFixedThreadPool(threads - 1, factory);
                    pool = p;
                }
            }
        }
        return p;
    }
}
