package org.mdsens.viz.desktop;

import org.mdsens.md.minimize.MinimizationListener;
import org.mdsens.sensitivity.md.ParameterSensitivity;

/**
 * Progress of a {@link DesktopRun}, called on the thread that runs it (a background worker in the
 * app). Extends the minimizer's listener: {@link #onIteration} per minimizer iteration and
 * {@link #cancelRequested()}, which is also polled between phases and between sensitivity
 * parameters (a single Krylov solve is not interrupted).
 */
public interface RunListener extends MinimizationListener {

    /** The phases of a run, in order. */
    enum Phase {
        /** The minimizer is running. */
        MINIMIZING,
        /** Newton–Krylov polish after the minimizer. */
        POLISHING,
        /** Rattler detection, zero modes, and the Lanczos estimate of the smallest eigenvalue. */
        PREPARING_SENSITIVITY,
        /** One Krylov solve per parameter. */
        SENSITIVITY
    }

    /** A phase starts. */
    default void onPhase(Phase phase) { }

    /** Parameter {@code index} of {@code count} is done. */
    default void onParameter(ParameterSensitivity result, int index, int count) { }

    /** A line for the log. */
    default void onMessage(String line) { }
}
