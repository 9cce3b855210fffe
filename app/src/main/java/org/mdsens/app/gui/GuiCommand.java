package org.mdsens.app.gui;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;

import javax.swing.SwingUtilities;

import org.mdsens.app.command.ExitCodes;
import org.mdsens.viz.desktop.DesktopApp;
import org.mdsens.viz.desktop.ErrorMessages;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mdsens gui [JOB.toml]}: opens the desktop app ({@link DesktopApp}) on the Swing event
 * thread, with the job file if one is given, and returns when the window is closed (exit 0).
 *
 * <p>Without a display (headless JVM, no {@code DISPLAY}, or an X server that does not answer) it
 * prints one line, {@code mdsens: no display: set DISPLAY or run under xvfb-run}, and exits 2
 * without opening anything; a job file that does not exist also exits 2 before any window opens.
 * Problems inside the app are dialogs, never stack traces.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the desktop app: set up or load a system, minimize, see the packing with its "
                + "sensitivity arrows, export figures and data.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the window was closed", "  2  no display, or the job file does not exist",
                  "  3  internal error"})
public final class GuiCommand implements Callable<Integer> {

    /** The message when no window can be opened. */
    public static final String NO_DISPLAY = "no display: set DISPLAY or run under xvfb-run";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB.toml",
            description = "a job file to open (TOML; see README.md); without it the app starts from the paper's 2D soft spheres")
    private Path job;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (GraphicsEnvironment.isHeadless()) return noDisplay(err, null);
        if (job != null && !Files.isRegularFile(job)) {
            err.println("mdsens: " + job + ": no such job file");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch closed = new CountDownLatch(1);
        try {
            SwingUtilities.invokeAndWait(() -> {
                DesktopApp.installLookAndFeel();
                installUncaughtExceptionHandler();
                DesktopApp app = openWindow(job);
                app.frame().addWindowListener(new WindowAdapter() {
                    @Override public void windowClosed(WindowEvent e) { closed.countDown(); }
                });
            });
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof AWTError || c instanceof HeadlessException
                    || c instanceof InternalError && String.valueOf(c.getMessage()).contains("X11")) {
                return noDisplay(err, c.getMessage());
            }
            err.println("mdsens: " + ErrorMessages.oneLine(c));
            err.flush();
            return ErrorMessages.isInputProblem(c) ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
        } catch (AWTError | HeadlessException e) {
            return noDisplay(err, e.getMessage());
        }
        closed.await();
        return ExitCodes.OK;
    }

    /**
     * Opens the desktop app window with the job-file gateway and the user's preferences. Event
     * thread only; returns at once (the job loads in the background).
     *
     * @param jobFile a job file, or null for a new job
     */
    public static DesktopApp openWindow(Path jobFile) {
        return openWindow(jobFile, Preferences.userNodeForPackage(GuiCommand.class));
    }

    /** {@link #openWindow(Path)} remembering directories in {@code prefs} (tests use their own node). */
    public static DesktopApp openWindow(Path jobFile, Preferences prefs) {
        return DesktopApp.open(new JobFileGateway(), jobFile, prefs);
    }

    /** Prints the one-line no-display message and returns exit code 2. */
    static int noDisplay(PrintWriter err, String detail) {
        err.println("mdsens: " + NO_DISPLAY + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")"));
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /**
     * Failures that escape a handler: one line on stderr, and a dialog when it happened on the event
     * thread, instead of a stack trace.
     */
    static void installUncaughtExceptionHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println("mdsens: " + ErrorMessages.oneLine(e));
            if (SwingUtilities.isEventDispatchThread()) {
                try {
                    javax.swing.JOptionPane.showMessageDialog(null, ErrorMessages.oneLine(e), "mdsens",
                            javax.swing.JOptionPane.ERROR_MESSAGE);
                } catch (RuntimeException ignored) {
                    // nothing more can be done here
                }
            }
        });
    }
}
