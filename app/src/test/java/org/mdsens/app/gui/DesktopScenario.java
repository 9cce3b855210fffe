package org.mdsens.app.gui;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

import javax.imageio.ImageIO;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jfree.chart.ChartPanel;
import org.mdsens.app.Main;
import org.mdsens.md.minimize.Status;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.viz.chart.FigurePreset;
import org.mdsens.viz.desktop.DesktopApp;
import org.mdsens.viz.desktop.DraftTable;
import org.mdsens.viz.desktop.DraftTableModel;
import org.mdsens.viz.desktop.PictureKind;
import org.mdsens.viz.desktop.RunResult;
import org.mdsens.viz.picture.ParticleView;
import org.mdsens.viz.scene.ParticleScene;

/**
 * The desktop-app acceptance scenarios, driven through the app's own buttons and actions on the
 * Swing event thread, under a real X display. Used in-process by {@link DesktopAcceptanceTest} when
 * the test JVM can open windows, and through {@link #main} in a child JVM when the test JVM was
 * already made headless (the build's surefire settings) before the test ran.
 *
 * <p>Every wait polls with a deadline; every event-thread call must return within
 * {@link #EDT_DEADLINE}, so a frozen window fails the scenario instead of hanging it.
 */
final class DesktopScenario {

    /** The longest an event-thread call may take: longer means the window froze. */
    static final Duration EDT_DEADLINE = Duration.ofSeconds(20);
    /** The longest the paper example may take to minimize and differentiate. */
    static final Duration RUN_DEADLINE = Duration.ofSeconds(150);

    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private final Path job;
    private final Path outDir;
    private final List<String> notes = new ArrayList<>();
    private Preferences prefs;
    private DesktopApp app;

    DesktopScenario(Path job, Path outDir) {
        this.job = job.toAbsolutePath();
        this.outDir = outDir.toAbsolutePath();
    }

    /** Child-JVM entry: {@code paper|bad-input|3d-cancel JOB.toml OUTDIR}; exit 0 when the scenario passed. */
    public static void main(String[] args) {
        int code;
        try {
            DesktopScenario s = new DesktopScenario(Path.of(args[1]), Path.of(args[2]));
            List<String> notes = switch (args[0]) {
                case "paper" -> s.paperExample();
                case "bad-input" -> s.badInput();
                case "3d-cancel" -> s.threeDimensionsAndCancel();
                default -> throw new IllegalArgumentException("scenario must be paper, bad-input or 3d-cancel, got "
                        + args[0]);
            };
            for (String n : notes) System.out.println("NOTE " + n);
            code = 0;
        } catch (Throwable t) {
            System.out.println("FAILED " + t);
            t.printStackTrace(System.out);
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    // ------------------------------------------------------------------ scenarios

    /**
     * Loads the paper example, presses Run, waits for minimization and sensitivity, checks the
     * arrows, saves a screenshot and exports figures and data through the app's actions.
     *
     * @return notes for the report (what was measured)
     */
    List<String> paperExample() throws Exception {
        open();
        try {
            waitUntil(() -> app.job() != null && !app.busy(), Duration.ofSeconds(60), "the job to load");
            int n = edt(() -> app.job().system().size());
            int d = edt(() -> app.job().system().dimension());
            check(n == 128 && d == 2, "the paper example must be 2D with N = 128, got N = " + n + ", d = " + d);
            check(edt(() -> app.job().parameters()).equals(List.of("diameter[B]")),
                    "the job's sensitivity parameter must be diameter[B]");
            check(edt(() -> app.runButton().isEnabled()), "Run must be enabled once the job is loaded");

            edt(() -> {
                app.runButton().doClick();
                return null;
            });
            check(edt(() -> app.busy()), "pressing Run must start a background task");
            check(edt(() -> !app.runButton().isEnabled() && app.cancelButton().isEnabled()),
                    "while running, Run must be disabled and Cancel enabled");
            waitUntil(() -> !app.busy() && app.lastResult() != null, RUN_DEADLINE, "minimization and sensitivity");

            RunResult r = edt(() -> app.lastResult());
            check(r.minimization() != null && r.minimization().status() == Status.CONVERGED,
                    "the minimization must converge, got " + (r.minimization() == null ? "none" : r.minimization()));
            check(r.maxForce() <= 1e-10, "max force must reach 1e-10, got " + r.maxForce());
            check(r.sensitivity() != null && r.sensitivity().parameters().size() == 1,
                    "one sensitivity parameter must be computed");
            ParameterSensitivity p = r.sensitivity().parameters().get(0);
            check(p.status().usable(), "diameter[B] must have a usable status, got " + p.status());
            check(p.norm() > 0 && Double.isFinite(p.norm()), "|dx/dθ| must be finite and > 0, got " + p.norm());

            String selected = edt(() -> app.selectedParameter());
            int arrows = edt(() -> app.particlePanel().arrowCount());
            int rattlers = r.sensitivity().rattlers().length;
            String status = edt(() -> app.statusText());
            check("diameter[B]".equals(selected), "the arrows must show diameter[B], got " + selected);
            check(arrows >= n - rattlers - 2 && arrows > n / 2,
                    "most particles must carry an arrow: " + arrows + " of " + n + " (" + rattlers + " rattlers)");
            check(status.contains("arrows of diameter[B] on " + arrows + " particles"),
                    "the status line must say which arrows are drawn, got: " + status);
            check(edt(() -> chart("convergenceChart")) && edt(() -> chart("histogram")),
                    "the convergence chart and the histogram must be drawn");
            notes.add(String.format(Locale.ROOT, "run: %s in %d iterations, E/N = %.6g, max force %.2e, "
                    + "|dx/dD_B| = %.4g, %d rattlers, %d arrows, %.2f s", r.minimization().status(),
                    r.minimization().iterations(), r.energy() / n, r.maxForce(), p.norm(), rattlers, arrows, r.seconds()));

            // the arrows are visible: the panel differs from the same picture without the field
            double changed = edt(this::arrowPixelFraction);
            check(changed > 0.003, "the arrows must change at least 0.3% of the particle picture, got " + changed);
            notes.add(String.format(Locale.ROOT, "arrows change %.1f%% of the particle picture's pixels", 100 * changed));

            // tooltip over a particle that carries an arrow
            String tip = edt(this::tooltipOfFirstArrow);
            check(tip != null && tip.matches("particle \\d+, species [AB], \\|dx/d diameter\\[B]\\| = .*"),
                    "hovering a particle must name index, species and |dx/dθ|, got " + tip);
            notes.add("tooltip: " + tip);

            // screenshot of the whole window, painted, and as the X server shows it
            Files.createDirectories(outDir);
            BufferedImage shot = edt(this::paintWindow);
            Path png = outDir.resolve("desktop-app.png");
            ImageIO.write(shot, "png", png.toFile());
            double[] stats = imageStats(shot);
            check(stats[0] >= 200, "the screenshot must not be blank: " + (int) stats[0] + " distinct colours");
            check(stats[1] > 0.05, "the screenshot must not be blank: " + stats[1] + " non-background fraction");
            notes.add(String.format(Locale.ROOT, "screenshot %s: %dx%d, %d colours, %.0f%% non-background", png,
                    shot.getWidth(), shot.getHeight(), (int) stats[0], 100 * stats[1]));
            edt(() -> {
                ((javax.swing.JTabbedPane) find(app.frame().getContentPane(), "tabs")).setSelectedIndex(1);
                return null;
            });
            BufferedImage histogramShot = edt(this::paintWindow);
            ImageIO.write(histogramShot, "png", outDir.resolve("desktop-app-histogram.png").toFile());
            check(imageStats(histogramShot)[0] >= 200, "the histogram tab must not be blank");
            edt(() -> {
                ((javax.swing.JTabbedPane) find(app.frame().getContentPane(), "tabs")).setSelectedIndex(0);
                return null;
            });
            Path robotShot = robotScreenshot(outDir.resolve("desktop-app-screen.png"));
            if (robotShot != null) notes.add("screen capture " + robotShot);

            // exports through the same actions as the menu items
            Path pic = outDir.resolve("desktop-sensitivity.png");
            Path svg = outDir.resolve("desktop-sensitivity.svg");
            Path csv = outDir.resolve("desktop-sensitivities.csv");
            Path xyz = outDir.resolve("desktop-final.xyz");
            Path json = outDir.resolve("desktop-summary.json");
            for (Path f : List.of(pic, svg, csv, xyz, json)) Files.deleteIfExists(f);
            exportAndWait(() -> app.exportPicture(pic, PictureKind.PARTICLES, FigurePreset.journalColumn()));
            exportAndWait(() -> app.exportPicture(svg, PictureKind.PARTICLES, FigurePreset.journalColumn()));
            exportAndWait(() -> app.exportData(csv));
            exportAndWait(() -> app.exportData(xyz));
            exportAndWait(() -> app.exportData(json));
            BufferedImage exported = ImageIO.read(pic.toFile());
            check(exported.getWidth() == 1004 && exported.getHeight() == 753,
                    "the journal-column PNG must be 1004x753, got " + exported.getWidth() + "x" + exported.getHeight());
            String svgText = Files.readString(svg);
            int arrowGroups = count(svgText, "class=\"arrow\"");
            check(arrowGroups == arrows, "the SVG must hold one arrow group per arrow: " + arrowGroups + " vs " + arrows);
            List<String> csvLines = Files.readAllLines(csv);
            check(csvLines.size() == n + 1 && csvLines.get(0).equals("particle,species,parameter,dx,dy,dz"),
                    "the CSV must have a header and one row per particle, got " + csvLines.size() + " lines");
            String xyzText = Files.readString(xyz);
            check(xyzText.contains("dpos_d_diameter_B:R:3"), "the XYZ must have a dpos_d_diameter_B:R:3 column");
            JsonNode summary = new ObjectMapper().readTree(json.toFile());
            check(summary.at("/sensitivity/parameters/0/name").asText().equals("diameter[B]")
                    && summary.at("/minimization/status").asText().equals("CONVERGED"),
                    "the JSON summary must name the parameter and the converged minimization");
            Path savedJob = outDir.resolve("desktop-job.toml");
            Files.deleteIfExists(savedJob);
            exportAndWait(() -> app.saveJob(savedJob));
            check(cliExit("check", savedJob.toString()) == 0, "mdsens check must accept the saved job");
            check(edt(() -> app.frame().getTitle()).endsWith(savedJob.getFileName().toString()),
                    "the window title must name the saved job");
            check(outDir.toString().equals(prefs.get(DesktopApp.LAST_DIRECTORY, null)),
                    "the last directory must be remembered, got " + prefs.get(DesktopApp.LAST_DIRECTORY, null));
            notes.add("exports: " + pic.getFileName() + " " + svg.getFileName() + " (" + arrowGroups + " arrow groups) "
                    + csv.getFileName() + " " + xyz.getFileName() + " " + json.getFileName() + " "
                    + savedJob.getFileName() + " (accepted by mdsens check)");
            check(edt(() -> app.errorCount()) == 0, "no error dialog may appear, got: " + edt(() -> app.lastError()));
            checkNoUncaught();
            return notes;
        } finally {
            close();
        }
    }

    /**
     * Bad input: a non-numeric and an out-of-range value in the parameter table, an unreadable job
     * file and an unreadable structure file each give an error dialog with the command line's message,
     * never an exception, and the window keeps working.
     */
    List<String> badInput() throws Exception {
        open();
        try {
            waitUntil(() -> app.job() != null && !app.busy(), Duration.ofSeconds(60), "the job to load");
            DraftTable table = edt(() -> app.potentialTable());
            int row = edt(() -> table.model().rowOf("species.B", "diameter"));
            check(row >= 0, "the potential table must list species.B diameter");
            String before = edt(() -> (String) table.getModel().getValueAt(row, DraftTableModel.VALUE_COLUMN));

            // 1. not a number, typed into the cell editor
            String msg = editAndReadDialog(table, row, "abc");
            check(msg.equals("species.B.diameter must be a number, got 'abc'"), "non-numeric value: dialog said " + msg);
            check(edt(() -> table.getModel().getValueAt(row, DraftTableModel.VALUE_COLUMN)).equals(before),
                    "the refused value must not be kept");
            notes.add("non-numeric: " + msg);

            // 2. a number the job reader refuses: the same line as `mdsens check` on the saved job
            String negative = editAndReadDialog(table, row, "-1");
            Path tmp = Files.createTempDirectory("mdsens-gui-test");
            Path saved = tmp.resolve(job.getFileName());
            String rendered = edt(() -> new JobFileGateway().render(app.draft().with(
                    app.draft().entry("species.B", "diameter").orElseThrow().withText("-1")), saved));
            Files.writeString(saved, rendered);
            String cli = cliError("check", saved.toString());
            check(negative.replace(job.toString(), "JOB").equals(cli.replace(saved.toString(), "JOB")),
                    "out-of-range value: dialog said '" + negative + "', the command line says '" + cli + "'");
            check(edt(() -> table.getModel().getValueAt(row, DraftTableModel.VALUE_COLUMN)).equals(before),
                    "the refused value must not be kept");
            notes.add("out of range: " + negative);

            // 3. an unreadable job file
            Path garbage = tmp.resolve("garbage.toml");
            Files.writeString(garbage, "[potential\nkind = soft-sphere\n");
            String openMsg = actionAndReadDialog(() -> app.openJob(garbage));
            String cliOpen = cliError("check", garbage.toString());
            check(openMsg.equals(cliOpen), "bad job file: dialog said '" + openMsg + "', the command line says '"
                    + cliOpen + "'");
            notes.add("bad job file: " + openMsg);

            // 4. an unreadable structure file
            Path badXyz = tmp.resolve("broken.xyz");
            Files.writeString(badXyz, "3\nLattice=\"10 0 0 0 10 0 0 0 10\"\nA 0 0 0\nB 1 1\n");
            String structMsg = actionAndReadDialog(() -> app.openStructure(badXyz));
            check(structMsg.contains("broken.xyz") && !structMsg.startsWith("internal error"),
                    "bad structure file: the dialog must name the file, got " + structMsg);
            check(edt(() -> app.draft().text("system", "file").isEmpty()
                            && app.systemTable().model().rowOf("system", "file") < 0),
                    "after a failed build the settings must show the running job's system again");
            notes.add("bad structure file: " + structMsg);

            // the window still works: the job is still there and can run
            check(edt(() -> app.job() != null && !app.busy() && app.runButton().isEnabled()),
                    "after the errors the app must be idle with a job and Run enabled");
            check(edt(() -> app.errorCount()) == 4, "exactly four error dialogs, got " + edt(() -> app.errorCount()));
            checkNoUncaught();
            return notes;
        } finally {
            close();
        }
    }

    /**
     * A 3D job (the LJ fcc crystal example): choose a sensitivity parameter with its check box, orbit
     * the camera, run, and see arrows in 3D; then enlarge the crystal through the settings table,
     * run again and press Cancel while the minimizer works: the run must stop, say so, and leave the
     * app usable.
     */
    List<String> threeDimensionsAndCancel() throws Exception {
        open();
        try {
            waitUntil(() -> app.job() != null && !app.busy(), Duration.ofSeconds(60), "the job to load");
            check(edt(() -> app.job().system().dimension()) == 3, "the LJ crystal must be 3D");
            String parameter = edt(() -> app.job().model().parameterNames().get(0));
            edt(() -> {
                javax.swing.JCheckBox box = (javax.swing.JCheckBox) find(app.frame().getContentPane(),
                        "parameter:" + parameter);
                if (box == null) throw new AssertionError("no check box for " + parameter);
                box.doClick();
                return null;
            });
            waitUntil(() -> !app.busy() && app.job().parameters().equals(List.of(parameter)), Duration.ofSeconds(60),
                    "the job to be rebuilt with " + parameter);
            double[] eye = edt(() -> app.particlePanel().view().camera().eye(new double[3]));
            edt(() -> {
                app.particlePanel().rotate(90, 40);
                return null;
            });
            double[] turned = edt(() -> app.particlePanel().view().camera().eye(new double[3]));
            check(!java.util.Arrays.equals(eye, turned), "dragging must orbit the 3D camera");

            edt(() -> {
                app.runButton().doClick();
                return null;
            });
            waitUntil(() -> !app.busy() && app.lastResult() != null, RUN_DEADLINE, "the 3D run");
            RunResult r = edt(() -> app.lastResult());
            check(r.minimization().status() == Status.CONVERGED, "the crystal must relax: " + r.minimization());
            check(r.sensitivity() != null && r.sensitivity().parameters().get(0).status().hasNumbers(),
                    "the 3D sensitivity must have numbers: " + r.sensitivity());
            int arrows = edt(() -> app.particlePanel().arrowCount());
            check(arrows > 0, "3D arrows must be drawn");
            check(java.util.Arrays.equals(turned, edt(() -> app.particlePanel().view().camera().eye(new double[3]))),
                    "the orbit must be kept when the arrows arrive");
            String tip = edt(this::tooltipOfFirstArrow);
            check(tip != null && tip.startsWith("particle ") && tip.contains(parameter), "3D tooltip: " + tip);
            BufferedImage shot = edt(this::paintWindow);
            Files.createDirectories(outDir);
            Path png = outDir.resolve("desktop-app-3d.png");
            ImageIO.write(shot, "png", png.toFile());
            double[] stats = imageStats(shot);
            check(stats[0] >= 200 && stats[1] > 0.05, "the 3D screenshot must not be blank");
            notes.add(String.format(Locale.ROOT, "3D: %s in %d iterations, %s %s, %d arrows; screenshot %s",
                    r.minimization().status(), r.minimization().iterations(), parameter,
                    r.sensitivity().parameters().get(0).status().label(), arrows, png));

            // a bigger crystal and an unreachable tolerance, then Cancel while it runs
            DraftTable system = edt(() -> app.systemTable());
            DraftTable minimizer = edt(() -> app.minimizerTable());
            setCell(system, "system.generate", "cells", "[8, 8, 8]");
            setCell(minimizer, "minimize", "force_tolerance", "1e-14");
            check(edt(() -> app.job().system().size()) == 2048, "the edited crystal must have 2048 particles");
            edt(() -> {
                app.runButton().doClick();
                return null;
            });
            waitUntil(() -> app.busy() && app.statusText().startsWith("minimizing"), Duration.ofSeconds(60),
                    "the minimizer to start");
            edt(() -> {
                app.cancelButton().doClick();
                return null;
            });
            waitUntil(() -> !app.busy(), RUN_DEADLINE, "the cancelled run to stop");
            RunResult c = edt(() -> app.lastResult());
            check(c.cancelled() && c.minimization().status() == Status.CANCELLED,
                    "Cancel must stop the minimizer: " + c.minimization());
            check(c.sensitivity() == null, "no sensitivity after a cancelled minimization");
            check(edt(() -> app.statusText()).startsWith("cancelled:"), "the status must say cancelled");
            check(edt(() -> app.runButton().isEnabled() && !app.cancelButton().isEnabled()),
                    "after Cancel, Run is enabled again and Cancel disabled");
            notes.add("cancel: stopped after " + c.minimization().iterations() + " iterations of 2048 particles");
            check(edt(() -> app.errorCount()) == 0, "no error dialog may appear, got: " + edt(() -> app.lastError()));
            checkNoUncaught();
            return notes;
        } finally {
            close();
        }
    }

    /** Sets a table cell through the model (as an accepted edit does) and waits for the rebuild. */
    private void setCell(DraftTable table, String tableName, String key, String value) throws Exception {
        edt(() -> {
            int row = table.model().rowOf(tableName, key);
            if (row < 0) throw new AssertionError("no row for " + tableName + "." + key);
            table.getModel().setValueAt(value, row, DraftTableModel.VALUE_COLUMN);
            return null;
        });
        waitUntil(() -> !app.busy() && app.draft().text(tableName, key).equals(value), Duration.ofSeconds(60),
                "the edit of " + tableName + "." + key);
    }

    // ------------------------------------------------------------------ set-up

    private void open() throws Exception {
        if (GraphicsEnvironment.isHeadless()) throw new IllegalStateException("the scenario needs a display");
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        prefs = Preferences.userRoot().node("org/mdsens/test/desktop-" + ProcessHandle.current().pid());
        app = edt(() -> {
            DesktopApp.installLookAndFeel();
            return GuiCommand.openWindow(job, prefs);
        });
    }

    private void close() {
        try {
            if (app != null) {
                edt(() -> {
                    for (Window w : Window.getWindows()) w.dispose();
                    return null;
                });
            }
            if (prefs != null) prefs.removeNode();
        } catch (Exception | AssertionError e) {
            notes.add("close: " + e);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(null);
        }
    }

    // ------------------------------------------------------------------ event-thread helpers

    /** Runs on the event thread and returns its value; fails when it does not return within the deadline. */
    static <T> T edt(Callable<T> body) throws Exception {
        FutureTask<T> f = new FutureTask<>(body);
        SwingUtilities.invokeLater(f);
        try {
            return f.get(EDT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the event thread did not answer within " + EDT_DEADLINE.toSeconds()
                    + " s: the window froze");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw e;
        }
    }

    /** Polls {@code condition} on the event thread until it holds; fails after {@code deadline}. */
    void waitUntil(Callable<Boolean> condition, Duration deadline, String what) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            if (edt(condition)) return;
            if (!uncaught.isEmpty()) checkNoUncaught();
            Integer errors = edt(() -> app.errorCount());
            if (errors > 0) {
                String last = edt(() -> app.lastError());
                closeDialogs();
                throw new AssertionError("an error dialog appeared while waiting for " + what + ": " + last);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + deadline.toSeconds() + " s for " + what + "; status: "
                        + edt(() -> app.statusText()));
            }
            Thread.sleep(25); // poll interval, not a synchronization
        }
    }

    private void waitFor(BooleanSupplier condition, Duration deadline, String what) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("waited " + deadline.toSeconds() + " s for " + what);
            Thread.sleep(25);
        }
    }

    private void exportAndWait(Runnable action) throws Exception {
        edt(() -> {
            action.run();
            return null;
        });
        waitUntil(() -> !app.busy(), Duration.ofSeconds(60), "an export");
    }

    /** Types {@code text} into the value cell of {@code row} and commits it; returns the error dialog's text. */
    private String editAndReadDialog(DraftTable table, int row, String text) throws Exception {
        return actionAndReadDialog(() -> {
            if (!table.editCellAt(row, DraftTableModel.VALUE_COLUMN)) throw new AssertionError("the cell must be editable");
            Component editor = table.getEditorComponent();
            if (!(editor instanceof JTextField field)) throw new AssertionError("a text editor was expected, got " + editor);
            field.setText(text);
            table.getCellEditor().stopCellEditing();
        });
    }

    /**
     * Runs {@code action} on the event thread (it may open a modal dialog, so it is not awaited),
     * waits for the error dialog, returns its message and closes it.
     */
    private String actionAndReadDialog(Runnable action) throws Exception {
        int before = edt(() -> app.errorCount());
        SwingUtilities.invokeLater(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                uncaught.add(e);
            }
        });
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JDialog dialog = null;
        while (dialog == null) {
            if (!uncaught.isEmpty()) checkNoUncaught();
            dialog = edt(DesktopScenario::errorDialog);
            if (dialog == null) {
                if (System.nanoTime() > end) throw new AssertionError("no error dialog appeared");
                Thread.sleep(25);
            }
        }
        JDialog shown = dialog;
        String text = edt(() -> {
            JTextArea area = (JTextArea) find(shown, DesktopApp.ERROR_TEXT);
            if (area == null) throw new AssertionError("the error dialog must show the message text");
            return area.getText();
        });
        check(edt(() -> app.errorCount()) == before + 1, "one error must be counted");
        check(edt(() -> app.lastError()).equals(text), "the dialog must show the last error");
        edt(() -> {
            JOptionPane pane = (JOptionPane) findType(shown, JOptionPane.class);
            pane.setValue(JOptionPane.OK_OPTION);
            shown.dispose();
            return null;
        });
        waitFor(() -> {
            try {
                return edt(DesktopScenario::errorDialog) == null;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, Duration.ofSeconds(20), "the dialog to close");
        waitUntil(() -> !app.busy(), Duration.ofSeconds(60), "the app to be idle");
        return text;
    }

    private void closeDialogs() throws Exception {
        edt(() -> {
            for (Window w : Window.getWindows()) if (w instanceof JDialog d && d.isShowing()) d.dispose();
            return null;
        });
    }

    /** A showing dialog holding a JOptionPane, or null. */
    private static JDialog errorDialog() {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing() && findType(d, JOptionPane.class) != null) return d;
        }
        return null;
    }

    private static Component find(Container c, String name) {
        for (Component k : c.getComponents()) {
            if (name.equals(k.getName())) return k;
            if (k instanceof Container kc) {
                Component r = find(kc, name);
                if (r != null) return r;
            }
        }
        return null;
    }

    private static Component findType(Container c, Class<?> type) {
        for (Component k : c.getComponents()) {
            if (type.isInstance(k)) return k;
            if (k instanceof Container kc) {
                Component r = findType(kc, type);
                if (r != null) return r;
            }
        }
        return null;
    }

    private boolean chart(String name) {
        Component c = find(app.frame().getContentPane(), name);
        return c instanceof ChartPanel p && p.getChart() != null;
    }

    // ------------------------------------------------------------------ pictures

    /** The window (menu bar included) painted into an image. */
    private BufferedImage paintWindow() {
        var root = app.frame().getRootPane();
        BufferedImage img = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            root.printAll(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A capture of the window's area of the X screen, or null when the robot cannot capture. */
    private Path robotScreenshot(Path file) {
        try {
            Rectangle bounds = edt(() -> {
                app.frame().toFront();
                return app.frame().getBounds();
            });
            Robot robot = new Robot();
            robot.waitForIdle();
            BufferedImage img = robot.createScreenCapture(bounds);
            ImageIO.write(img, "png", file.toFile());
            return file;
        } catch (AWTException | SecurityException | IOException e) {
            notes.add("no screen capture: " + e);
            return null;
        } catch (Exception e) {
            notes.add("no screen capture: " + e);
            return null;
        }
    }

    /** Fraction of the particle panel's pixels that change when the arrows are left out. */
    private double arrowPixelFraction() {
        var panel = app.particlePanel();
        int w = panel.getWidth();
        int h = panel.getHeight();
        ParticleScene scene = panel.scene();
        BufferedImage with = render(new ParticleView(scene, panel.options().withSize(w, h)), w, h);
        BufferedImage without = render(new ParticleView(scene.withoutField(), panel.options().withSize(w, h)), w, h);
        long differ = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) if (with.getRGB(x, y) != without.getRGB(x, y)) differ++;
        }
        return differ / (double) ((long) w * h);
    }

    private static BufferedImage render(ParticleView view, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            view.draw(g, w, h);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The tooltip of the first particle with an arrow, found through the panel's hit test at its centre. */
    private String tooltipOfFirstArrow() {
        var panel = app.particlePanel();
        ParticleScene scene = panel.scene();
        double[] m = scene.fieldMagnitudes();
        boolean[] r = scene.rattlerMask();
        for (int i = 0; i < scene.size(); i++) {
            if (r[i] || m[i] == 0) continue;
            var p = panel.view().particleOnScreen(i);
            int x = (int) Math.round(p.getX());
            int y = (int) Math.round(p.getY());
            if (panel.particleAt(x, y) != i) continue;
            return panel.getToolTipText(new java.awt.event.MouseEvent(panel, java.awt.event.MouseEvent.MOUSE_MOVED,
                    System.currentTimeMillis(), 0, x, y, 0, false));
        }
        return null;
    }

    /** {distinct colours, fraction of pixels differing from the most common colour}. */
    static double[] imageStats(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        int w = img.getWidth();
        int h = img.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(c);
                counts.merge(c, 1, Integer::sum);
            }
        }
        int top = 0;
        for (int v : counts.values()) top = Math.max(top, v);
        return new double[] {colours.size(), 1.0 - top / (double) ((long) w * h)};
    }

    // ------------------------------------------------------------------ checks

    /** The exit code of {@code mdsens <args>} (output discarded). */
    static int cliExit(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return Main.execute(args, new PrintStream(sink, true, StandardCharsets.UTF_8),
                new PrintStream(sink, true, StandardCharsets.UTF_8));
    }

    /** The one line {@code mdsens <args>} prints on stderr, without {@code mdsens: }. */
    static String cliError(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8).strip();
        check(code == 2, "mdsens " + String.join(" ", args) + " must exit 2, got " + code + ": " + e);
        String first = e.lines().findFirst().orElse("");
        check(first.startsWith("mdsens: "), "the command line's message must start with 'mdsens: ', got " + first);
        return first.substring("mdsens: ".length());
    }

    private void checkNoUncaught() {
        if (!uncaught.isEmpty()) {
            AssertionError a = new AssertionError("an exception escaped to the event thread: " + uncaught.get(0));
            a.initCause(uncaught.get(0));
            throw a;
        }
    }

    static void check(boolean ok, String message) {
        if (!ok) throw new AssertionError(message);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
