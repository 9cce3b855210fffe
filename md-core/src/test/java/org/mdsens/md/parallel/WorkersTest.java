package org.mdsens.md.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * The block runner: every block runs exactly once per call, with a worker index in range and
 * never two blocks of one call at once on the same index; failures reach the caller; calls made
 * while another one runs (nested, or from a second thread) run on their own caller.
 */
class WorkersTest {

    /** Runs {@code count} blocks on {@code w} and checks each ran once, with valid, exclusive worker indices. */
    static void assertEachBlockOnce(Workers w, int count) {
        assertEachBlockOnce(w, count, false);
    }

    /** As {@link #assertEachBlockOnce(Workers, int)}, through {@link Workers#runAffine} when {@code affine}. */
    static void assertEachBlockOnce(Workers w, int count, boolean affine) {
        AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(count, 1));
        AtomicIntegerArray busy = new AtomicIntegerArray(w.threads());
        AtomicReference<String> problem = new AtomicReference<>();
        Workers.Blocks blocks = (b, worker) -> {
            if (worker < 0 || worker >= w.threads()) problem.compareAndSet(null, "worker index " + worker);
            if (busy.incrementAndGet(worker) != 1) problem.compareAndSet(null, "worker " + worker + " used twice at once");
            double s = 0;
            for (int k = 0; k < 2000; k++) s += Math.sqrt(k + b);     // some work, so that blocks overlap
            if (s < 0) problem.set("impossible");
            runs.incrementAndGet(b);
            busy.decrementAndGet(worker);
        };
        if (affine) w.runAffine(blocks, count); else w.run(blocks, count);
        assertEquals(null, problem.get());
        for (int b = 0; b < count; b++) assertEquals(1, runs.get(b), "block " + b + " of " + count);
    }

    @Test
    void everyBlockRunsOnceForOneTwoAndThreeThreadsAndEveryCount() {
        for (int threads = 1; threads <= 3; threads++) {
            Workers w = new Workers(threads);
            for (int count : new int[] {0, 1, 2, 3, 7, 64, 513}) {
                for (int rep = 0; rep < 20; rep++) assertEachBlockOnce(w, count);
            }
        }
    }

    @Test
    void affineCallsRunEveryBlockOnceForOneTwoAndThreeThreadsAndEveryCount() {
        for (int threads = 1; threads <= 3; threads++) {
            Workers w = new Workers(threads);
            for (int count : new int[] {0, 1, 2, 3, 7, 64, 513}) {
                for (int rep = 0; rep < 20; rep++) {
                    assertEachBlockOnce(w, count, true);
                    assertEachBlockOnce(w, count, false);       // plain and affine calls interleave
                }
            }
        }
    }

    @Test
    void aFailingBlockFailsAnAffineCall() {
        Workers w = new Workers(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.runAffine((b, worker) -> {
            if (b == 30) throw new IllegalStateException("block 30 failed");
        }, 40));
        assertEquals("block 30 failed", e.getMessage());
        assertEachBlockOnce(w, 100, true);
    }

    @Test
    void callsAfterTheHelpersHaveParkedStillComplete() throws InterruptedException {
        Workers w = new Workers(2);
        assertEachBlockOnce(w, 16);
        Thread.sleep(3 * Workers.SPIN_NANOS / 1_000_000 + 5);   // helpers park after SPIN_NANOS idle
        assertEachBlockOnce(w, 16);
    }

    @Test
    void aFailingBlockFailsTheCallAndTheWorkersStayUsable() {
        Workers w = new Workers(3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.run((b, worker) -> {
            if (b == 5) throw new IllegalStateException("block 5 failed");
        }, 40));
        assertEquals("block 5 failed", e.getMessage());
        AssertionError err = assertThrows(AssertionError.class, () -> w.run((b, worker) -> {
            throw new AssertionError("error in block " + b);
        }, 8));
        assertTrue(err.getMessage().startsWith("error in block"), err.getMessage());
        assertEachBlockOnce(w, 100);
    }

    @Test
    void aNestedCallRunsOnItsCallerWithTheSameResult() {
        Workers w = new Workers(2);
        AtomicInteger inner = new AtomicInteger();
        AtomicIntegerArray outer = new AtomicIntegerArray(6);
        w.run((b, worker) -> {
            w.run((c, innerWorker) -> inner.incrementAndGet(), 10);
            outer.incrementAndGet(b);
        }, 6);
        assertEquals(60, inner.get());
        for (int b = 0; b < 6; b++) assertEquals(1, outer.get(b));
    }

    @Test
    void twoCallersSharingWorkersBothComplete() throws InterruptedException {
        Workers w = new Workers(2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable caller = () -> {
            try {
                start.await();
                for (int rep = 0; rep < 200; rep++) assertEachBlockOnce(w, 9);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        Thread a = new Thread(caller), b = new Thread(caller);
        a.start();
        b.start();
        start.countDown();
        a.join(60_000);
        b.join(60_000);
        assertEquals(null, failure.get());
    }

    @Test
    void sharedInstancesArePerThreadCount() {
        assertSame(Workers.single(), Workers.shared(1));
        assertSame(Workers.shared(2), Workers.shared(2));
        assertEquals(3, Workers.shared(3).threads());
        assertEquals(1, Workers.single().threads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Workers(0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Workers.shared(-1));
    }
}
