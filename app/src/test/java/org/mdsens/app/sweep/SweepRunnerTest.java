package org.mdsens.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mdsens.app.sweep.SweepTestSupport.SMALL_VARY;
import static org.mdsens.app.sweep.SweepTestSupport.smallSweep;
import static org.mdsens.app.sweep.SweepTestSupport.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdsens.md.kernel.KernelChoice;

/** The idle task of {@link SweepRunner}: run once, beside or after the chains, without changing a row. */
class SweepRunnerTest {

    @TempDir
    Path tmp;

    @Test
    void theIdleTaskRunsOnceWithFewAndWithManyWorkersAndTheRowsDoNotChange() throws Exception {
        Path sweep = write(tmp, "small.toml", smallSweep(SMALL_VARY));
        SweepSetup setup = SweepSetup.prepare(sweep, KernelChoice.SCALAR);
        Map<PointKey, ObjectNode> reference = null;
        // 1 worker: a thread of its own (on a machine with 2 or more cores); more workers than
        // cores: queued behind the chains on the pool
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors() + 1}) {
            Path dir = Files.createDirectories(tmp.resolve("t" + threads));
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            SweepRunner.Result r = SweepRunner.run(setup, ShardSpec.ALL, dir, threads, SweepProgress.NONE, () -> {
                runs.incrementAndGet();
                done.countDown();
            });
            assertEquals(12, r.rows());
            assertEquals(12, r.computed());
            assertTrue(done.await(30, TimeUnit.SECONDS), "the idle task ran");
            assertEquals(1, runs.get());
            Map<PointKey, ObjectNode> rows = new PointStore(dir).readAll();
            assertEquals(12, rows.size());
            if (reference == null) {
                reference = rows;
            } else {
                for (Map.Entry<PointKey, ObjectNode> e : reference.entrySet()) {
                    assertEquals(e.getValue().get("row").toString(), rows.get(e.getKey()).get("row").toString(),
                            e.getKey().toString());
                }
            }
        }
    }
}
