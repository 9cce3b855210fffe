package org.mdsens.viz.desktop;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.GridLayout;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.viz.chart.ConvergenceChart;
import org.mdsens.viz.chart.FigurePreset;
import org.mdsens.viz.chart.SensitivityHistogram;
import org.mdsens.viz.export.Drawable;
import org.mdsens.viz.export.Figures;
import org.mdsens.viz.export.PngExporter;
import org.mdsens.viz.export.SvgExporter;
import org.mdsens.viz.picture.ParticleView;
import org.mdsens.viz.scene.ParticleScene;

import com.formdev.flatlaf.FlatLightLaf;

/**
 * The mdsens desktop app (DESIGN.md §1, {@code mdsens gui [JOB.toml]}): set up or load a particle
 * system, minimize it, compute its equilibrium sensitivities dx*&#47;dθ, look at the packing with the
 * sensitivity arrows, and export figures and data.
 *
 * <p>Window: on the left the job's settings (system, potential and species, minimizer, sensitivity
 * parameters), each an editable table whose edits are checked by the job reader through the
 * {@link JobGateway}; in the centre the {@link ParticlePanel}; on the right tabs with the live
 * convergence chart, the histogram of |dx/dθ| and a log; a toolbar with Run, Minimize,
 * Sensitivities and Cancel, the parameter whose arrows are drawn, a progress bar and the live energy
 * and max force; a status line.
 *
 * <p>Threads: every slow step (loading and building jobs, minimization, sensitivities, exports) runs
 * on a {@link SwingWorker}, never on the event thread; progress comes back through
 * {@code publish/process}, throttled, and each sensitivity parameter appears as it finishes. Cancel
 * stops the minimizer at its next iteration and the sensitivities between parameters. While a task
 * runs the settings are read-only and the run buttons disabled.
 *
 * <p>Errors: unusable input (a bad value in a table, a job or structure file that does not read)
 * shows a dialog with the same one-line message the command line prints ({@link ErrorMessages});
 * never a stack trace, and the window stays responsive.
 *
 * <p>The methods behind the menus ({@link #openJob}, {@link #saveJob}, {@link #openStructure},
 * {@link #exportPicture}, {@link #exportData}) are public so that tests and scripts drive the same
 * code as the file choosers; each remembers the file's directory in the preferences
 * ({@value #LAST_DIRECTORY}), where the next file chooser opens. Create and use on the event thread
 * only.
 */
public final class DesktopApp {

    /** Component names, for tests and accessibility tools. */
    public static final String RUN = "run";
    /** Name of the Minimize button. */
    public static final String MINIMIZE = "minimize";
    /** Name of the Sensitivities button. */
    public static final String SENSITIVITY = "sensitivity";
    /** Name of the Cancel button. */
    public static final String CANCEL = "cancel";
    /** Name of the status line. */
    public static final String STATUS = "status";
    /** Name of the error text inside error dialogs. */
    public static final String ERROR_TEXT = "errorText";

    /** Preferences key of the last directory used in a file chooser. */
    public static final String LAST_DIRECTORY = "lastDirectory";

    private static final int LEFT_WIDTH = 420;
    private static final long PUBLISH_MILLIS = 50;
    private static final long CHART_MILLIS = 300;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final JobGateway gateway;
    private final Preferences prefs;
    private final JFrame frame;
    private final ParticlePanel particles = new ParticlePanel();
    private final ChartPanel convergencePanel = new ChartPanel(null);
    private final ChartPanel histogramPanel = new ChartPanel(null);
    private final JTextArea log = new JTextArea();
    private final JLabel status = new JLabel(" ");
    private final JLabel live = new JLabel(" ");
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JComboBox<String> parameterBox = new JComboBox<>();
    private final JCheckBox colorByMagnitude = new JCheckBox("Colour by |dx/dθ|");
    private final JCheckBoxMenuItem colorByMagnitudeItem = new JCheckBoxMenuItem("Colour by |dx/dθ|");
    private final DraftTable systemTable;
    private final DraftTable potentialTable;
    private final DraftTable minimizerTable;
    private final JPanel parameterChecks = new JPanel();
    private final JButton runButton;
    private final JButton minimizeButton;
    private final JButton sensitivityButton;
    private final JButton cancelButton;
    private final List<Action> whenIdle = new ArrayList<>();
    private final List<JComponent> editors = new ArrayList<>();

    private final ConvergenceTrace trace = new ConvergenceTrace();
    private final Map<String, ParameterSensitivity> results = new LinkedHashMap<>();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private JobDraft draft;
    private DesktopJob job;
    private RunResult lastResult;
    private int[] rattlers = new int[0];
    private SwingWorker<?, ?> task;
    private String taskName = "";
    private String lastError;
    private int errorCount;
    private long lastChartMillis;
    private boolean updatingParameters;

    /**
     * Builds the window (not yet visible).
     *
     * @param gateway job files (the {@code app} module's reader and builder)
     * @param prefs   where the last directory is remembered
     */
    public DesktopApp(JobGateway gateway, Preferences prefs) {
        checkEventThread();
        if (gateway == null || prefs == null) throw new IllegalArgumentException("gateway and prefs must not be null");
        this.gateway = gateway;
        this.prefs = prefs;
        this.frame = new JFrame("mdsens");
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override public void windowClosing(WindowEvent e) { cancel.set(true); }
        });

        Consumer<JobDraft> validator = gateway::check;
        Consumer<String> errors = this::showError;
        systemTable = new DraftTable(new DraftTableModel(List.of("system"), validator,
                d -> applyDraft(d, false), errors));
        potentialTable = new DraftTable(new DraftTableModel(List.of("potential", "species", "bonds"), validator,
                d -> applyDraft(d, true), errors));
        minimizerTable = new DraftTable(new DraftTableModel(List.of("minimize"), validator,
                d -> applyDraft(d, true), errors));
        systemTable.setName("systemTable");
        potentialTable.setName("potentialTable");
        minimizerTable.setName("minimizerTable");

        Action run = action("Run", "Minimize, then compute the sensitivities", KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0),
                () -> startRun(RunPlan.MINIMIZE_THEN_SENSITIVITY));
        Action minimize = action("Minimize", "Minimize only", null, () -> startRun(RunPlan.MINIMIZE));
        Action sens = action("Sensitivities", "Sensitivities at the current positions", null,
                () -> startRun(RunPlan.SENSITIVITY));
        Action cancelAction = action("Cancel", "Stop the running task", KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                this::cancelTask);
        whenIdle.addAll(List.of(run, minimize, sens));
        runButton = button(run, RUN);
        minimizeButton = button(minimize, MINIMIZE);
        sensitivityButton = button(sens, SENSITIVITY);
        cancelButton = button(cancelAction, CANCEL);
        cancelAction.setEnabled(false);

        frame.setJMenuBar(menuBar(run, minimize, sens, cancelAction));
        frame.getContentPane().setLayout(new BorderLayout());
        frame.getContentPane().add(toolBar(), BorderLayout.NORTH);
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int width = Math.min(1440, screen.width);
        int height = Math.min(880, screen.height);
        int left = Math.max(320, Math.min(LEFT_WIDTH, width / 3));
        JSplitPane centre = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, particles, rightTabs());
        centre.setResizeWeight(0.6);
        centre.setContinuousLayout(true);
        centre.setDividerLocation((int) (0.62 * (width - left)));
        JSplitPane main = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, leftPanel(), centre);
        main.setResizeWeight(0);
        main.setContinuousLayout(true);
        main.setDividerLocation(left);
        frame.getContentPane().add(main, BorderLayout.CENTER);
        status.setName(STATUS);
        status.setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 8));
        frame.getContentPane().add(status, BorderLayout.SOUTH);
        particles.setName("particles");
        particles.setEmptyText("no system: File > Open job…, or edit the settings on the left");
        frame.setSize(new Dimension(width, height));
        frame.setLocationByPlatform(true);
        updateEnabled();
    }

    /** Sets up the FlatLaf light look and feel (call once, on the event thread, before the first window). */
    public static void installLookAndFeel() {
        if (!FlatLightLaf.setup()) {
            try {
                UIManager.setLookAndFeel(UIManager.getSystemLookAndFeelClassName());
            } catch (Exception ignored) {
                // the default look and feel stays
            }
        }
    }

    /**
     * Creates the window, shows it, and loads {@code jobFile} (or starts from
     * {@link JobGateway#newDraft()} when null) in the background. Event thread only.
     */
    public static DesktopApp open(JobGateway gateway, Path jobFile, Preferences prefs) {
        DesktopApp app = new DesktopApp(gateway, prefs);
        app.frame.setVisible(true);
        if (jobFile != null) app.openJob(jobFile);
        else app.applyDraft(gateway.newDraft(), false);
        return app;
    }

    // ------------------------------------------------------------------ state for tests and scripts

    /** The window. */
    public JFrame frame() { return frame; }

    /** Whether a background task (load, build, run, export) is running. */
    public boolean busy() { return task != null; }

    /** The current job, or null before the first build. */
    public DesktopJob job() { return job; }

    /** The draft shown in the settings. */
    public JobDraft draft() { return draft; }

    /** The last finished run, or null. */
    public RunResult lastResult() { return lastResult; }

    /** The sensitivities computed for the current job, by parameter, in order. */
    public Map<String, ParameterSensitivity> sensitivities() { return Map.copyOf(results); }

    /** The status line. */
    public String statusText() { return status.getText(); }

    /** The message of the last error shown, or null. */
    public String lastError() { return lastError; }

    /** How many errors were shown. */
    public int errorCount() { return errorCount; }

    /** The particle view component. */
    public ParticlePanel particlePanel() { return particles; }

    /** The Run button (minimize, then sensitivities). */
    public JButton runButton() { return runButton; }

    /** The Minimize button. */
    public JButton minimizeButton() { return minimizeButton; }

    /** The Sensitivities button. */
    public JButton sensitivityButton() { return sensitivityButton; }

    /** The Cancel button. */
    public JButton cancelButton() { return cancelButton; }

    /** The system settings table. */
    public DraftTable systemTable() { return systemTable; }

    /** The potential and species settings table. */
    public DraftTable potentialTable() { return potentialTable; }

    /** The minimizer settings table. */
    public DraftTable minimizerTable() { return minimizerTable; }

    /** The parameter whose arrows are drawn, or null. */
    public String selectedParameter() { return (String) parameterBox.getSelectedItem(); }

    /** Selects the parameter whose arrows are drawn. */
    public void selectParameter(String name) { parameterBox.setSelectedItem(name); }

    // ------------------------------------------------------------------ layout

    private JMenuBar menuBar(Action run, Action minimize, Action sens, Action cancelAction) {
        int menuMask = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        file.add(idle(action("Open job…", "Open a job file (TOML)", KeyStroke.getKeyStroke(KeyEvent.VK_O, menuMask),
                this::chooseJob)));
        file.add(idle(action("Save job…", "Save the settings as a job file",
                KeyStroke.getKeyStroke(KeyEvent.VK_S, menuMask), this::chooseSaveJob)));
        file.add(idle(action("Open structure…", "Start from an extended XYZ or LAMMPS file", null,
                this::chooseStructure)));
        file.addSeparator();
        file.add(idle(action("Export picture…", "PNG or SVG of the particle picture or a chart",
                KeyStroke.getKeyStroke(KeyEvent.VK_E, menuMask), this::chooseExportPicture)));
        file.add(idle(action("Export data…", "CSV of sensitivities, extended XYZ, or JSON summary", null,
                this::chooseExportData)));
        file.addSeparator();
        file.add(action("Quit", "Close the window", KeyStroke.getKeyStroke(KeyEvent.VK_Q, menuMask), this::quit));
        bar.add(file);

        JMenu runMenu = new JMenu("Run");
        runMenu.setMnemonic(KeyEvent.VK_R);
        runMenu.add(run);
        runMenu.add(minimize);
        runMenu.add(sens);
        runMenu.add(cancelAction);
        runMenu.addSeparator();
        runMenu.add(idle(action("Reset positions", "Back to the job's starting configuration", null,
                () -> applyDraft(draft, false))));
        bar.add(runMenu);

        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        colorByMagnitudeItem.addActionListener(e -> setColorByMagnitude(colorByMagnitudeItem.isSelected()));
        view.add(colorByMagnitudeItem);
        view.add(action("Reset view", "Zoom, pan and rotation back to the whole system", null, particles::resetView));
        bar.add(view);
        return bar;
    }

    private JToolBar toolBar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.add(runButton);
        bar.add(minimizeButton);
        bar.add(sensitivityButton);
        bar.add(cancelButton);
        bar.addSeparator();
        bar.add(new JLabel("Arrows: "));
        parameterBox.setName("parameterBox");
        parameterBox.setPrototypeDisplayValue("diameter[AB]   ");
        parameterBox.setToolTipText("The sensitivity parameter whose dx/dθ arrows are drawn");
        parameterBox.setMaximumSize(new Dimension(200, 30));
        parameterBox.addActionListener(e -> {
            if (!updatingParameters) refreshScene();
        });
        bar.add(parameterBox);
        bar.addSeparator();
        colorByMagnitude.addActionListener(e -> setColorByMagnitude(colorByMagnitude.isSelected()));
        bar.add(colorByMagnitude);
        bar.addSeparator();
        progress.setName("progress");
        progress.setStringPainted(true);
        progress.setString("");
        progress.setMaximumSize(new Dimension(220, 22));
        progress.setPreferredSize(new Dimension(220, 22));
        bar.add(progress);
        bar.add(Box.createHorizontalStrut(10));
        live.setName("live");
        live.setFont(new Font(Font.MONOSPACED, Font.PLAIN, live.getFont().getSize()));
        bar.add(live);
        bar.add(Box.createHorizontalGlue());
        return bar;
    }

    /** A panel that is as wide as its scroll pane's viewport (scrolls vertically only). */
    private static final class WidthTrackingPanel extends JPanel implements Scrollable {
        private static final long serialVersionUID = 1L;

        @Override public Dimension getPreferredScrollableViewportSize() { return getPreferredSize(); }

        @Override public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) { return 16; }

        @Override public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
            return Math.max(16, visible.height - 32);
        }

        @Override public boolean getScrollableTracksViewportWidth() { return true; }

        @Override public boolean getScrollableTracksViewportHeight() { return false; }
    }

    private JComponent leftPanel() {
        JPanel panel = new WidthTrackingPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));

        JPanel system = section("System");
        JPanel systemButtons = new JPanel(new GridLayout(1, 3, 4, 0));
        systemButtons.add(button(idle(action("Open file…", "Start from an extended XYZ or LAMMPS file", null,
                this::chooseStructure)), "openStructure"));
        systemButtons.add(button(idle(action("Random", "Replace the system by a random packing of the species",
                null, () -> applyDraft(gateway.withGeneratedSystem(draft), false))), "randomPacking"));
        systemButtons.add(button(idle(action("Regenerate", "Rebuild the starting configuration from the settings",
                null, () -> applyDraft(draft, false))), "regenerate"));
        system.add(systemButtons, BorderLayout.NORTH);
        system.add(tableScroll(systemTable, 150), BorderLayout.CENTER);
        panel.add(system);

        JPanel potential = section("Potential and species");
        potential.add(tableScroll(potentialTable, 170), BorderLayout.CENTER);
        panel.add(potential);

        JPanel minimizer = section("Minimizer");
        minimizer.add(tableScroll(minimizerTable, 140), BorderLayout.CENTER);
        panel.add(minimizer);

        JPanel sens = section("Sensitivity parameters");
        parameterChecks.setLayout(new BoxLayout(parameterChecks, BoxLayout.Y_AXIS));
        parameterChecks.setName("parameterChecks");
        JScrollPane ps = new JScrollPane(parameterChecks);
        ps.setPreferredSize(new Dimension(340, 110));
        sens.add(ps, BorderLayout.CENTER);
        panel.add(sens);

        editors.addAll(List.of(systemTable, potentialTable, minimizerTable, parameterChecks));
        JScrollPane scroll = new JScrollPane(panel);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setMinimumSize(new Dimension(300, 200));
        scroll.setPreferredSize(new Dimension(LEFT_WIDTH, 700));
        return scroll;
    }

    private static JPanel section(String title) {
        JPanel p = new JPanel(new BorderLayout(0, 4));
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder(title),
                BorderFactory.createEmptyBorder(2, 4, 4, 4)));
        return p;
    }

    private static JScrollPane tableScroll(DraftTable table, int height) {
        JScrollPane s = new JScrollPane(table);
        s.setPreferredSize(new Dimension(340, height));
        return s;
    }

    private JComponent rightTabs() {
        JTabbedPane tabs = new JTabbedPane();
        tabs.setName("tabs");
        convergencePanel.setName("convergenceChart");
        histogramPanel.setName("histogram");
        convergencePanel.setMouseWheelEnabled(true);
        tabs.addTab("Convergence", convergencePanel);
        tabs.addTab("Histogram |dx/dθ|", histogramPanel);
        log.setEditable(false);
        log.setName("log");
        log.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        log.setLineWrap(true);
        log.setWrapStyleWord(true);
        tabs.addTab("Log", new JScrollPane(log));
        tabs.setPreferredSize(new Dimension(460, 600));
        return tabs;
    }

    private Action action(String name, String tip, KeyStroke key, Runnable body) {
        AbstractAction a = new AbstractAction(name) {
            private static final long serialVersionUID = 1L;

            @Override public void actionPerformed(ActionEvent e) {
                try {
                    body.run();
                } catch (RuntimeException ex) {
                    showError(ex);
                }
            }
        };
        a.putValue(Action.SHORT_DESCRIPTION, tip);
        if (key != null) a.putValue(Action.ACCELERATOR_KEY, key);
        return a;
    }

    private Action idle(Action a) {
        whenIdle.add(a);
        return a;
    }

    private static JButton button(Action a, String name) {
        JButton b = new JButton(a);
        b.setName(name);
        return b;
    }

    // ------------------------------------------------------------------ tasks

    /** Runs {@code work} on a worker; {@code onDone} gets its value on the event thread, failures become dialogs. */
    private <T> void startTask(String name, Callable<T> work, Consumer<T> onDone) {
        startTask(name, work, onDone, () -> { });
    }

    /** As {@link #startTask(String, Callable, Consumer)}, running {@code onFailure} after the dialog of a failure. */
    private <T> void startTask(String name, Callable<T> work, Consumer<T> onDone, Runnable onFailure) {
        if (task != null) {
            showError(new IllegalStateException(taskName + " is still running; wait or press Cancel"));
            return;
        }
        cancel.set(false);
        taskName = name;
        SwingWorker<T, Void> w = new SwingWorker<>() {
            @Override protected T doInBackground() throws Exception { return work.call(); }

            @Override protected void done() {
                finishTask(this);
                try {
                    onDone.accept(get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    setStatus("failed: " + ErrorMessages.oneLine(e));
                    showError(e);
                    onFailure.run();
                }
            }
        };
        task = w;
        progress.setIndeterminate(true);
        progress.setString(name);
        setStatus(name + "…");
        updateEnabled();
        w.execute();
    }

    private void finishTask(SwingWorker<?, ?> w) {
        if (task == w) task = null;
        progress.setIndeterminate(false);
        updateEnabled();
    }

    private void cancelTask() {
        if (task == null) return;
        cancel.set(true);
        setStatus("cancelling " + taskName + "…");
    }

    private void updateEnabled() {
        boolean idle = task == null;
        for (Action a : whenIdle) a.setEnabled(idle && (job != null || !isRunAction(a)));
        cancelButton.getAction().setEnabled(!idle);
        for (JComponent c : editors) setEnabledDeep(c, idle);
    }

    private boolean isRunAction(Action a) {
        return a == runButton.getAction() || a == minimizeButton.getAction() || a == sensitivityButton.getAction();
    }

    private static void setEnabledDeep(Component c, boolean on) {
        c.setEnabled(on);
        if (c instanceof java.awt.Container k) for (Component child : k.getComponents()) setEnabledDeep(child, on);
    }

    // ------------------------------------------------------------------ jobs and drafts

    /** Loads a job file in the background; errors become a dialog. */
    public void openJob(Path file) {
        checkEventThread();
        remember(file);
        startTask("loading " + file.getFileName(), () -> gateway.load(file), j -> {
            setJob(j, false);
            log("opened " + file);
        });
    }

    /** Saves the current settings as a job file (in the background); the draft takes that name. */
    public void saveJob(Path file) {
        checkEventThread();
        remember(file);
        if (draft == null) throw new IllegalStateException("there is no job to save yet");
        JobDraft d = draft;
        startTask("saving " + file.getFileName(), () -> {
            gateway.save(d, file);
            return d.withFile(file);
        }, saved -> {
            if (draft == d) draft = saved;
            if (job != null && job.draft() == d) {
                job = new DesktopJob(job.name(), saved, job.system(), job.model(), job.minimizer(), job.newtonPolish(),
                        job.parameters(), job.speciesDiameters(), job.description(), job.warnings());
            }
            frame.setTitle("mdsens — " + file.getFileName());
            log("saved " + file);
            setStatus("saved " + file);
        });
    }

    /** Replaces the system by a structure file and rebuilds (in the background). */
    public void openStructure(Path file) {
        checkEventThread();
        remember(file);
        if (draft == null) throw new IllegalStateException("open or create a job first");
        applyDraft(gateway.withStructure(draft, file), false);
    }

    /**
     * Shows a draft and builds it in the background.
     *
     * @param d             the new settings
     * @param keepPositions keep the current positions when the new system has the same particles
     *                      (settings of the potential or minimizer changed); false starts over
     */
    public void applyDraft(JobDraft d, boolean keepPositions) {
        checkEventThread();
        showDraft(d);
        startTask("building the job", () -> gateway.build(d), j -> setJob(j, keepPositions), () -> {
            if (job != null) {
                showDraft(job.draft()); // the settings go back to those of the job that runs
                updateParameterChecks();
            }
        });
    }

    private void showDraft(JobDraft d) {
        draft = d;
        List<DraftEntry> optional;
        try {
            optional = gateway.optionalEntries(d);
        } catch (IllegalArgumentException e) {
            optional = List.of();
        }
        systemTable.model().setDraft(d, optional);
        potentialTable.model().setDraft(d, optional);
        minimizerTable.model().setDraft(d, optional);
    }

    private void setJob(DesktopJob j, boolean keepPositions) {
        if (keepPositions && job != null && sameParticles(job.system(), j.system())) {
            j.system().setPositions(job.system().positions());
        } else {
            trace.clear();
            convergencePanel.setChart(null);
            lastResult = null;
        }
        job = j;
        showDraft(j.draft());
        results.clear();
        rattlers = new int[0];
        updateParameterBox();
        updateParameterChecks();
        frame.setTitle("mdsens — " + j.draft().file().getFileName());
        log(j.description());
        for (String w : j.warnings()) log("warning: " + w);
        refreshScene();
        updateEnabled();
        progress.setValue(0);
        progress.setString("");
        setStatus("ready: " + j.description());
    }

    private static boolean sameParticles(ParticleSystem a, ParticleSystem b) {
        return a.size() == b.size() && a.dimension() == b.dimension() && a.box().equals(b.box())
                && a.speciesNames().equals(b.speciesNames()) && Arrays.equals(a.species(), b.species());
    }

    private void updateParameterChecks() {
        parameterChecks.removeAll();
        List<String> chosen = job.parameters();
        for (String name : job.model().parameterNames()) {
            JCheckBox box = new JCheckBox(name, chosen.contains(name));
            box.setName("parameter:" + name);
            box.addActionListener(e -> toggleParameter());
            parameterChecks.add(box);
        }
        parameterChecks.revalidate();
        parameterChecks.repaint();
        setEnabledDeep(parameterChecks, task == null);
    }

    private void toggleParameter() {
        List<String> chosen = new ArrayList<>();
        for (Component c : parameterChecks.getComponents()) {
            if (c instanceof JCheckBox b && b.isSelected()) chosen.add(b.getText());
        }
        JobDraft d = draft.withSensitivityParameters(chosen);
        try {
            gateway.check(d);
        } catch (IllegalArgumentException e) {
            showError(e);
            updateParameterChecks();
            return;
        }
        applyDraft(d, true);
    }

    // ------------------------------------------------------------------ running

    private void startRun(RunPlan plan) {
        if (job == null) throw new IllegalStateException("there is no job to run yet");
        if (task != null) return;
        DesktopJob j = job;
        ParticleSystem start = j.system().copy();
        if (plan.minimizes()) {
            trace.clear();
            convergencePanel.setChart(null);
        }
        if (plan.computesSensitivity()) {
            results.clear();
            rattlers = new int[0];
            updateParameterBox();
            refreshScene();
        }
        cancel.set(false);
        taskName = switch (plan) {
            case MINIMIZE_THEN_SENSITIVITY -> "minimization and sensitivities";
            case MINIMIZE -> "minimization";
            case SENSITIVITY -> "sensitivities";
        };
        RunWorker w = new RunWorker(j, start, plan);
        task = w;
        lastChartMillis = 0;
        progress.setIndeterminate(false);
        progress.setValue(0);
        progress.setString("starting");
        log("run: " + taskName + " (" + j.minimizer().algorithm().label() + ", max force "
                + j.minimizer().forceTolerance() + ", parameters " + (j.parameters().isEmpty() ? "none"
                : String.join(", ", j.parameters())) + ")");
        setStatus("running " + taskName + "…");
        updateEnabled();
        w.execute();
    }

    /** Progress messages from the worker. */
    private sealed interface RunEvent permits Iteration, PhaseEvent, ParameterEvent, MessageEvent { }

    private record Iteration(int iteration, double energy, double maxForce) implements RunEvent { }

    private record PhaseEvent(RunListener.Phase phase) implements RunEvent { }

    private record ParameterEvent(ParameterSensitivity result, int index, int count) implements RunEvent { }

    private record MessageEvent(String text) implements RunEvent { }

    /** The background run: {@link DesktopRun} with progress published to the event thread. */
    private final class RunWorker extends SwingWorker<RunResult, RunEvent> implements RunListener {
        private final DesktopJob job;
        private final ParticleSystem start;
        private final RunPlan plan;
        private final double tolerance;
        private long lastPublish;
        private double firstMaxForce = Double.NaN;

        RunWorker(DesktopJob job, ParticleSystem start, RunPlan plan) {
            this.job = job;
            this.start = start;
            this.plan = plan;
            this.tolerance = job.minimizer().forceTolerance();
        }

        @Override protected RunResult doInBackground() {
            return DesktopRun.execute(job, start, plan, this);
        }

        // --- RunListener (worker thread)
        @Override public void onIteration(int iteration, double energy, double maxForce) {
            trace.add(iteration, energy, maxForce);
            long now = System.currentTimeMillis();
            if (now - lastPublish >= PUBLISH_MILLIS) {
                lastPublish = now;
                publish(new Iteration(iteration, energy, maxForce));
            }
        }

        @Override public boolean cancelRequested() { return cancel.get(); }

        @Override public void onPhase(Phase phase) { publish(new PhaseEvent(phase)); }

        @Override public void onParameter(ParameterSensitivity result, int index, int count) {
            publish(new ParameterEvent(result, index, count));
        }

        @Override public void onMessage(String line) { publish(new MessageEvent(line)); }

        // --- event thread
        @Override protected void process(List<RunEvent> events) {
            try {
                Iteration latest = null;
                for (RunEvent e : events) {
                    if (e instanceof Iteration it) {
                        latest = it;
                    } else if (e instanceof PhaseEvent p) {
                        showPhase(p.phase());
                    } else if (e instanceof ParameterEvent p) {
                        showParameter(p);
                    } else if (e instanceof MessageEvent m) {
                        log(m.text());
                    }
                }
                if (latest != null) showIteration(latest);
            } catch (RuntimeException ex) {
                showError(ex);
            }
        }

        private void showIteration(Iteration it) {
            live.setText(String.format(Locale.ROOT, "iteration %d   E = %.10g   max force = %.3e", it.iteration(),
                    it.energy(), it.maxForce()));
            if (Double.isNaN(firstMaxForce) && it.maxForce() > 0) firstMaxForce = it.maxForce();
            if (firstMaxForce > tolerance && it.maxForce() > 0) {
                double p = Math.log(firstMaxForce / it.maxForce()) / Math.log(firstMaxForce / tolerance);
                progress.setValue((int) Math.round(1000 * Math.max(0, Math.min(1, p))));
            }
            long now = System.currentTimeMillis();
            if (now - lastChartMillis >= CHART_MILLIS) {
                lastChartMillis = now;
                updateConvergenceChart();
            }
        }

        private void showPhase(Phase phase) {
            switch (phase) {
                case MINIMIZING -> {
                    progress.setIndeterminate(false);
                    progress.setString("minimizing");
                    setStatus("minimizing with " + job.minimizer().algorithm().label() + "…");
                }
                case POLISHING -> {
                    progress.setIndeterminate(true);
                    progress.setString("Newton polish");
                    setStatus("Newton polish…");
                }
                case PREPARING_SENSITIVITY -> {
                    updateConvergenceChart();
                    progress.setIndeterminate(true);
                    progress.setString("rattlers, zero modes, λ_min");
                    setStatus("preparing sensitivities: rattlers, zero modes, smallest eigenvalue…");
                }
                case SENSITIVITY -> {
                    progress.setIndeterminate(false);
                    progress.setValue(0);
                    progress.setString("sensitivities 0/" + job.parameters().size());
                    setStatus("computing sensitivities…");
                }
            }
        }

        private void showParameter(ParameterEvent p) {
            results.put(p.result().name(), p.result());
            progress.setValue((int) Math.round(1000.0 * (p.index() + 1) / p.count()));
            progress.setString("sensitivities " + (p.index() + 1) + "/" + p.count());
            updateParameterBox();
            refreshScene();
        }

        @Override protected void done() {
            finishTask(this);
            RunResult r;
            try {
                r = get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                setStatus("failed: " + ErrorMessages.oneLine(e));
                showError(e);
                return;
            }
            try {
                finishRun(job, r);
            } catch (RuntimeException e) {
                showError(e);
            }
        }
    }

    private void finishRun(DesktopJob j, RunResult r) {
        lastResult = r;
        if (j == job) {
            double[] x = r.positions();
            if (DesktopRun.allFinite(x)) j.system().setPositions(x);
            else log("the run ended with non-finite positions; the previous positions are kept");
        }
        if (r.sensitivity() != null) {
            rattlers = r.sensitivity().rattlers();
            for (ParameterSensitivity p : r.sensitivity().parameters()) results.put(p.name(), p);
        }
        if (r.plan().minimizes()) updateConvergenceChart();
        updateParameterBox();
        refreshScene();
        progress.setIndeterminate(false);
        progress.setValue(r.cancelled() ? progress.getValue() : 1000);
        progress.setString(r.cancelled() ? "cancelled" : "done");
        live.setText(String.format(Locale.ROOT, "E = %.10g   max force = %.3e", r.energy(), r.maxForce()));
        String summary = summary(j, r);
        log(summary);
        setStatus(summary);
    }

    private String summary(DesktopJob j, RunResult r) {
        StringBuilder sb = new StringBuilder(r.cancelled() ? "cancelled: " : "done: ");
        int n = j.system().size();
        if (r.minimization() != null) {
            sb.append(String.format(Locale.ROOT, "%s %s in %d iterations, E/N = %.8g, max force %.2e",
                    j.minimizer().algorithm().label(), r.minimization().status().name().toLowerCase(Locale.ROOT),
                    r.minimization().iterations(), r.energy() / n, r.maxForce()));
        } else {
            sb.append(String.format(Locale.ROOT, "E/N = %.8g, max force %.2e", r.energy() / n, r.maxForce()));
        }
        if (r.sensitivity() != null) {
            sb.append("; sensitivity ").append(r.sensitivity().status().label()).append(", ")
                    .append(r.sensitivity().parameters().size()).append(" parameter(s)");
            String shown = selectedParameter();
            int arrows = particles.arrowCount();
            if (shown != null) {
                sb.append(", arrows of ").append(shown).append(" on ").append(arrows).append(" particles");
            }
            sb.append(", ").append(rattlers.length).append(" rattlers");
        }
        sb.append(String.format(Locale.ROOT, " (%.2f s)", r.seconds()));
        return sb.toString();
    }

    private void updateConvergenceChart() {
        ConvergenceTrace.Snapshot s = trace.snapshot();
        if (s.size() == 0) return;
        JFreeChart chart = ConvergenceChart.create(s.iterations(), s.energies(), s.maxForces(),
                ConvergenceChart.EnergyScale.EXCESS_LOG, FigurePreset.screen());
        convergencePanel.setChart(chart);
    }

    private void updateParameterBox() {
        String selected = selectedParameter();
        updatingParameters = true;
        try {
            parameterBox.removeAllItems();
            for (String name : results.keySet()) parameterBox.addItem(name);
            if (selected != null && results.containsKey(selected)) parameterBox.setSelectedItem(selected);
            else if (!results.isEmpty()) parameterBox.setSelectedIndex(0);
        } finally {
            updatingParameters = false;
        }
    }

    /** Rebuilds the picture and the histogram from the current positions and the selected parameter. */
    private void refreshScene() {
        if (job == null) {
            particles.setScene(null);
            histogramPanel.setChart(null);
            return;
        }
        ParticleSystem s = job.system();
        if (!DesktopRun.allFinite(s.positions())) {
            log("positions are not finite: nothing to draw");
            return;
        }
        ParticleScene scene = ParticleScene.of(s, job.speciesDiameters()).withRattlers(rattlers);
        String name = selectedParameter();
        ParameterSensitivity p = name == null ? null : results.get(name);
        if (p != null && p.status().hasNumbers() && DesktopRun.allFinite(p.dx())) {
            scene = scene.withField(p.dx(), "dx/d " + name);
        } else if (p != null) {
            log("no arrows for " + name + ": status " + p.status().label());
        }
        particles.setScene(scene);
        if (scene.hasField()) {
            histogramPanel.setChart(SensitivityHistogram.create(backboneMagnitudes(scene), scene.fieldLabel()));
        } else {
            histogramPanel.setChart(null);
        }
    }

    private static double[] backboneMagnitudes(ParticleScene scene) {
        double[] m = scene.fieldMagnitudes();
        boolean[] r = scene.rattlerMask();
        int k = 0;
        for (boolean b : r) if (!b) k++;
        if (k == 0) return m;
        double[] out = new double[k];
        int j = 0;
        for (int i = 0; i < m.length; i++) if (!r[i]) out[j++] = m[i];
        return out;
    }

    private void setColorByMagnitude(boolean on) {
        colorByMagnitude.setSelected(on);
        colorByMagnitudeItem.setSelected(on);
        particles.setOptions(particles.options().withColorByMagnitude(on));
    }

    // ------------------------------------------------------------------ exports

    /**
     * Writes a picture (PNG or SVG, by the file's extension) in the background.
     *
     * @param file   ends in .png or .svg
     * @param kind   what to draw
     * @param preset size, resolution and type size
     */
    public void exportPicture(Path file, PictureKind kind, FigurePreset preset) {
        checkEventThread();
        remember(file);
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = n.endsWith(".png");
        if (!png && !n.endsWith(".svg")) {
            throw new IllegalArgumentException("picture file name must end in .png or .svg, got '" + file.getFileName() + "'");
        }
        Drawable drawable = switch (kind) {
            case PARTICLES -> {
                ParticleScene scene = particles.scene();
                if (scene == null) throw new IllegalStateException("there is no particle picture to export yet");
                ParticleView view = new ParticleView(scene, Figures.viewOptions(preset)
                        .withColorByMagnitude(particles.options().colorByMagnitude()));
                yield Drawable.of(view);
            }
            case CONVERGENCE -> {
                ConvergenceTrace.Snapshot s = trace.snapshot();
                if (s.size() == 0) throw new IllegalStateException("there is no convergence trace yet: run a minimization");
                yield Drawable.of(ConvergenceChart.create(s.iterations(), s.energies(), s.maxForces(),
                        ConvergenceChart.EnergyScale.EXCESS_LOG, preset));
            }
            case HISTOGRAM -> {
                ParticleScene scene = particles.scene();
                if (scene == null || !scene.hasField()) {
                    throw new IllegalStateException("there are no sensitivities to plot yet: run the sensitivities");
                }
                yield Drawable.of(SensitivityHistogram.create(backboneMagnitudes(scene), scene.fieldLabel(), preset));
            }
        };
        startTask("exporting " + file.getFileName(), () -> {
            if (png) PngExporter.write(drawable, file, preset.width(), preset.height(), preset.dpi());
            else SvgExporter.write(drawable, file, preset.width(), preset.height(), preset.dpi());
            return file;
        }, f -> {
            log("wrote " + f + " (" + kind + ", " + preset.name() + ")");
            setStatus("wrote " + f);
        });
    }

    /** Writes the data (CSV, extended XYZ or JSON, by the file's extension) in the background. */
    public void exportData(Path file) {
        checkEventThread();
        remember(file);
        DataExport.Format format = DataExport.Format.forFileName(file.getFileName().toString());
        if (format == null) {
            throw new IllegalArgumentException("data file name must end in .csv, .xyz, .extxyz or .json, got '"
                    + file.getFileName() + "'");
        }
        if (job == null) throw new IllegalStateException("there is no job to export yet");
        DesktopJob j = job;
        ParticleSystem system = j.system().copy();
        RunResult r = lastResult;
        startTask("exporting " + file.getFileName(), () -> {
            DataExport.write(file, format, j, system, r);
            return file;
        }, f -> {
            log("wrote " + f);
            setStatus("wrote " + f);
        });
    }

    private void quit() {
        cancel.set(true);
        frame.dispose();
    }

    // ------------------------------------------------------------------ file choosers

    private JFileChooser chooser(String title, FileNameExtensionFilter... filters) {
        JFileChooser c = new JFileChooser(lastDirectory());
        c.setDialogTitle(title);
        for (FileNameExtensionFilter f : filters) c.addChoosableFileFilter(f);
        if (filters.length > 0) c.setFileFilter(filters[0]);
        return c;
    }

    private File lastDirectory() {
        String d = prefs.get(LAST_DIRECTORY, null);
        if (d != null && Files.isDirectory(Path.of(d))) return new File(d);
        return new File(System.getProperty("user.dir"));
    }

    /** Remembers the directory of {@code file} for the next file chooser. */
    private void remember(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) prefs.put(LAST_DIRECTORY, dir.toString());
    }

    private Path choose(JFileChooser c, boolean save) {
        int answer = save ? c.showSaveDialog(frame) : c.showOpenDialog(frame);
        if (answer != JFileChooser.APPROVE_OPTION || c.getSelectedFile() == null) return null;
        Path p = c.getSelectedFile().toPath();
        if (save && c.getFileFilter() instanceof FileNameExtensionFilter f) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean hasOne = false;
            for (String ext : f.getExtensions()) if (name.endsWith("." + ext)) hasOne = true;
            if (!hasOne) p = p.resolveSibling(p.getFileName() + "." + f.getExtensions()[0]);
        }
        remember(p);
        return p;
    }

    private void chooseJob() {
        Path p = choose(chooser("Open job", new FileNameExtensionFilter("Job files (*.toml)", "toml")), false);
        if (p != null) openJob(p);
    }

    private void chooseSaveJob() {
        JFileChooser c = chooser("Save job", new FileNameExtensionFilter("Job files (*.toml)", "toml"));
        if (draft != null) c.setSelectedFile(draft.file().toFile());
        Path p = choose(c, true);
        if (p != null) saveJob(p);
    }

    private void chooseStructure() {
        Path p = choose(chooser("Open structure",
                new FileNameExtensionFilter("Structure files (*.xyz, *.extxyz, *.data, *.lmp, *.dump, *.lammpstrj)",
                        "xyz", "extxyz", "data", "lmp", "dump", "lammpstrj")), false);
        if (p != null) openStructure(p);
    }

    private void chooseExportPicture() {
        JFileChooser c = chooser("Export picture", new FileNameExtensionFilter("PNG image (*.png)", "png"),
                new FileNameExtensionFilter("SVG drawing (*.svg)", "svg"));
        JComboBox<PictureKind> kind = new JComboBox<>(PictureKind.values());
        JComboBox<String> size = new JComboBox<>(new String[] {
            "journal column: 85 mm, 300 dpi, 8 pt", "two columns: 178 mm, 300 dpi, 8 pt", "screen: 900 × 650 px"});
        JPanel acc = new JPanel();
        acc.setLayout(new BoxLayout(acc, BoxLayout.Y_AXIS));
        acc.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 0));
        acc.add(new JLabel("Picture:"));
        acc.add(kind);
        acc.add(Box.createVerticalStrut(8));
        acc.add(new JLabel("Size:"));
        acc.add(size);
        JPanel wrap = new JPanel(new FlowLayout(FlowLayout.LEFT));
        wrap.add(acc);
        c.setAccessory(wrap);
        Path p = choose(c, true);
        if (p == null) return;
        FigurePreset preset = switch (size.getSelectedIndex()) {
            case 1 -> FigurePreset.journalDoubleColumn();
            case 2 -> FigurePreset.screen();
            default -> FigurePreset.journalColumn();
        };
        exportPicture(p, (PictureKind) kind.getSelectedItem(), preset);
    }

    private void chooseExportData() {
        Path p = choose(chooser("Export data",
                new FileNameExtensionFilter("Sensitivities, CSV (*.csv)", "csv"),
                new FileNameExtensionFilter("Extended XYZ with dpos_d_<parameter> columns (*.xyz)", "xyz", "extxyz"),
                new FileNameExtensionFilter("JSON summary (*.json)", "json")), true);
        if (p != null) exportData(p);
    }

    // ------------------------------------------------------------------ messages

    private void setStatus(String text) {
        status.setText(text);
        status.setToolTipText(text);
    }

    private void log(String line) {
        log.append(LocalTime.now().format(CLOCK) + "  " + line + "\n");
        log.setCaretPosition(log.getDocument().getLength());
    }

    /** Shows an error dialog with the one-line message of {@code t} (and logs it). */
    public void showError(Throwable t) {
        String msg = ErrorMessages.oneLine(t);
        if (t instanceof IllegalStateException && t.getMessage() != null) msg = t.getMessage();
        showError(msg);
    }

    /** Shows an error dialog with {@code message} (and logs it). Modal: returns when it is closed. */
    public void showError(String message) {
        checkEventThread();
        lastError = message;
        errorCount++;
        log("error: " + message);
        JTextArea text = new JTextArea(message);
        text.setName(ERROR_TEXT);
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setOpaque(false);
        text.setBorder(null);
        text.setColumns(56);
        text.setSize(new Dimension(560, Short.MAX_VALUE));
        text.setSize(text.getPreferredSize());
        JOptionPane.showMessageDialog(frame, text, "mdsens", JOptionPane.ERROR_MESSAGE);
    }

    private static void checkEventThread() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("the desktop app must be used on the Swing event thread");
        }
    }
}
