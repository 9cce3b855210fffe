/**
 * The Swing desktop app ({@code mdsens gui}): {@link org.mdsens.viz.desktop.DesktopApp} and its parts.
 *
 * <p>What to use when:
 * <ul>
 *   <li>{@link org.mdsens.viz.desktop.DesktopApp} — the main window; {@code DesktopApp.open(gateway, job, prefs)}
 *       on the event thread.</li>
 *   <li>{@link org.mdsens.viz.desktop.JobGateway} — the seam to job files, implemented in the {@code app}
 *       module (viz cannot see the job reader); it trades {@link org.mdsens.viz.desktop.JobDraft}s
 *       (flat lists of {@link org.mdsens.viz.desktop.DraftEntry} keys) for
 *       {@link org.mdsens.viz.desktop.DesktopJob}s (system, model, minimizer, parameters).</li>
 *   <li>{@link org.mdsens.viz.desktop.DesktopRun} — the Swing-free work behind Run: minimize, polish,
 *       sensitivities, reporting to a {@link org.mdsens.viz.desktop.RunListener}; returns a
 *       {@link org.mdsens.viz.desktop.RunResult}.</li>
 *   <li>{@link org.mdsens.viz.desktop.ParticlePanel} — a {@code ParticleView} in a component with zoom,
 *       pan, 3D rotation and particle tooltips.</li>
 *   <li>{@link org.mdsens.viz.desktop.DataExport} — CSV, extended XYZ and JSON exports in the formats of
 *       {@code mdsens run}.</li>
 * </ul>
 * Threads: Swing classes on the event thread only; slow work on {@code SwingWorker}s. Nothing here is
 * needed for batch runs, which stay headless.
 */
package org.mdsens.viz.desktop;
