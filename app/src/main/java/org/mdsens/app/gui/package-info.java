/**
 * {@code mdsens gui}: the picocli command that opens the desktop app
 * ({@link org.mdsens.viz.desktop.DesktopApp}), and {@link org.mdsens.app.gui.JobFileGateway}, which
 * gives the app the command line's job-file reader and builder, so a job edited in the window is
 * checked, built and saved exactly as {@code mdsens run} would read it.
 */
package org.mdsens.app.gui;
