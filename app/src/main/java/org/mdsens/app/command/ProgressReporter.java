package org.mdsens.app.command;

import java.io.PrintStream;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.mdsens.md.minimize.MinimizationListener;

/**
 * Minimization progress as a terminal progress bar on stderr. Progress is logarithmic in the
 * largest force: 0 % at the first iteration's force F₀, 100 % at the tolerance, i.e.
 * log(F₀/F)/log(F₀/tol), never moving backwards; the bar also shows the iteration, the energy per
 * particle and the current largest force. Used only when stderr is a terminal and not
 * {@code --quiet}; otherwise {@link MinimizationListener#NONE} is used and nothing is printed.
 * Called on the minimizing thread; closes the bar when closed.
 */
final class ProgressReporter implements MinimizationListener, AutoCloseable {

    private static final int SCALE = 1000;

    private final ProgressBar bar;
    private final double tolerance;
    private final int particles;
    private double initialForce = Double.NaN;
    private long shown;

    ProgressReporter(String task, double tolerance, int particles, PrintStream stream) {
        this.tolerance = tolerance;
        this.particles = Math.max(1, particles);
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(SCALE)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .hideEta()
                .build();
    }

    @Override
    public void onIteration(int iteration, double energy, double maxForce) {
        if (Double.isNaN(initialForce) && Double.isFinite(maxForce) && maxForce > 0) initialForce = maxForce;
        long step = shown;
        if (initialForce > tolerance && maxForce > 0 && Double.isFinite(maxForce)) {
            double f = Math.log(initialForce / maxForce) / Math.log(initialForce / tolerance);
            step = Math.max(shown, Math.min(SCALE, Math.round(SCALE * Math.max(0, f))));
        } else if (maxForce <= tolerance) {
            step = SCALE;
        }
        shown = step;
        bar.stepTo(step);
        bar.setExtraMessage(String.format(Locale.ROOT, " it %d  E/N %.8g  Fmax %.2e", iteration,
                energy / particles, maxForce));
    }

    @Override
    public void close() {
        bar.close();
    }
}
