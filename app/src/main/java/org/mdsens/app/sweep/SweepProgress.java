package org.mdsens.app.sweep;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a sweep on stderr, counted in rows (point × replica) of the shard: a progress bar
 * (points done, rate, ETA) on a terminal ({@link #bar}), plain lines at most every
 * {@code period} otherwise ({@link #lines}, for logs and Slurm output files), or nothing
 * ({@link #NONE}, {@code --quiet}). Rows found committed by a resumed run count as done from the
 * start; the rate and ETA count only the rows this process computes. Thread-safe.
 */
public interface SweepProgress extends AutoCloseable {

    /** Called once before any row: {@code total} rows in the shard, {@code done} already committed. */
    void start(int total, int done);

    /** Called after each row this process computed; {@code ok} when it converged. */
    void computed(PointKey key, boolean ok);

    /** Ends the display. */
    @Override void close();

    /** Shows nothing. */
    SweepProgress NONE = new SweepProgress() {
        @Override public void start(int total, int done) { }
        @Override public void computed(PointKey key, boolean ok) { }
        @Override public void close() { }
    };

    /** A me.tongfei progress bar on {@code stream} (a terminal). */
    static SweepProgress bar(String task, PrintStream stream) {
        return new SweepProgress() {
            private ProgressBar bar;
            private int failed;

            @Override public synchronized void start(int total, int done) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(stream))
                        .setUnit(" points", 1).showSpeed().setSpeedUnit(ChronoUnit.MINUTES)
                        .startsFrom(done, Duration.ZERO).build();
            }

            @Override public synchronized void computed(PointKey key, boolean ok) {
                if (!ok) failed++;
                bar.step();
                if (failed > 0) bar.setExtraMessage(" " + failed + " not converged");
            }

            @Override public synchronized void close() {
                if (bar != null) bar.close();
            }
        };
    }

    /** Plain lines on {@code stream}: at the start, at most every {@code period}, and at the end. */
    static SweepProgress lines(String task, PrintWriter stream, Duration period) {
        return new SweepProgress() {
            private long t0;
            private long last;
            private int total;
            private int done;
            private int initial;
            private int failed;

            @Override public synchronized void start(int total, int done) {
                this.total = total;
                this.done = done;
                this.initial = done;
                this.t0 = System.nanoTime();
                this.last = t0;
                stream.println(String.format(Locale.ROOT, "mdsens: %s: %d of %d points to run%s", task, total - done, total,
                        done > 0 ? " (" + done + " already done)" : ""));
                stream.flush();
            }

            @Override public synchronized void computed(PointKey key, boolean ok) {
                done++;
                if (!ok) failed++;
                long now = System.nanoTime();
                if (now - last >= period.toNanos() || done == total) {
                    last = now;
                    print(now);
                }
            }

            private void print(long now) {
                double s = (now - t0) * 1e-9;
                int mine = done - initial;
                double rate = s > 0 ? mine / s : 0;
                String eta = rate > 0 && done < total ? String.format(Locale.ROOT, ", ETA %.0f s", (total - done) / rate) : "";
                stream.println(String.format(Locale.ROOT, "mdsens: %s: %d/%d points (%.0f%%), %.2f points/s%s%s", task, done,
                        total, 100.0 * done / Math.max(1, total), rate, eta, failed > 0 ? ", " + failed + " not converged" : ""));
                stream.flush();
            }

            @Override public synchronized void close() { }
        };
    }
}
