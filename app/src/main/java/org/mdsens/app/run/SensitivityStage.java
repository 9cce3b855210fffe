package org.mdsens.app.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mdsens.app.job.BuiltJob;
import org.mdsens.app.job.JobFileException;
import org.mdsens.app.job.JobSpec;
import org.mdsens.app.job.Suggestions;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.NewtonPolish;
import org.mdsens.sensitivity.md.Observable;
import org.mdsens.sensitivity.md.ObservableSensitivity;
import org.mdsens.sensitivity.md.Observables;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityConfig;
import org.mdsens.sensitivity.md.SensitivityResult;
import org.mdsens.sensitivity.md.SensitivityStatus;

/**
 * The sensitivity step of a job, reusable by {@code run} and {@code sweep}: the job's
 * {@code [sensitivity]} names turned into library values once, at the edge, then
 * {@link #polish(EnergyEvaluator) Newton polish} (when {@code [minimize] newton_polish = true}) and
 * {@link #compute(EnergyEvaluator) implicit differentiation} at a minimized configuration through
 * {@link EquilibriumSensitivity#compute}.
 *
 * <p>Observable names (DESIGN.md §5): {@code energy}, {@code pressure} (periodic boxes only),
 * {@code mean_contact_distance}, and {@code position[i]} (0-based particle index in input order),
 * which expands to the d coordinates {@code position[i].x}, {@code .y} (, {@code .z}). Unknown names,
 * particle indices ≥ N and {@code pressure} in an open box are a {@link JobFileException} naming
 * the file, line and key. Parameter names are checked by the job builder already; they are
 * re-checked here against the model.
 *
 * <p>Settings: the sensitivity's force tolerance is the job's {@code [minimize] force_tolerance}, so a
 * minimum that did not reach it yields {@link SensitivityStatus#NOT_CONVERGED_MINIMUM} (the numbers
 * are still computed, with their error estimates); Krylov tolerance and the rest are
 * {@link SensitivityConfig#defaults()}. The polish takes at most {@value #POLISH_MAX_STEPS}
 * Newton–Krylov steps toward max force {@value #POLISH_TOLERANCE} (or the job's tolerance if smaller):
 * to round-off, which is what finite-difference checks and tight sensitivity work need.
 *
 * <p>Immutable; the observables are immutable too, so one stage may serve many threads, each with
 * its own evaluator.
 *
 * @param parameters   parameter names in the model's spelling ({@code diameter[B]}), in job order
 * @param observables  the observables, in job order ({@code position[i]} expanded)
 * @param newtonPolish whether {@link #polish} does anything
 * @param config       the settings of {@link EquilibriumSensitivity}
 */
public record SensitivityStage(List<String> parameters, List<Observable> observables, boolean newtonPolish,
                               SensitivityConfig config) {

    /** Newton steps of the polish at most. */
    public static final int POLISH_MAX_STEPS = 20;
    /** Target largest per-particle force of the polish (the job's tolerance when that is smaller). */
    public static final double POLISH_TOLERANCE = 1e-13;
    /** The observable names a job file may use ({@code position[i]} with an index). */
    public static final List<String> OBSERVABLE_NAMES = List.of("energy", "pressure", "mean_contact_distance",
            "position[i]");

    private static final Pattern POSITION = Pattern.compile("position\\[([0-9]+)]");

    public SensitivityStage {
        if (parameters == null || observables == null || config == null) {
            throw new IllegalArgumentException("parameters, observables and config must not be null");
        }
        parameters = List.copyOf(parameters);
        observables = List.copyOf(observables);
    }

    /** The stage of a built job (its system gives N, d and the box the observables need). */
    public static SensitivityStage of(BuiltJob job) {
        return of(job.spec(), job.system(), job.minimizer().forceTolerance());
    }

    /**
     * The stage of a job over a system.
     *
     * @param spec           the job (names and where they are written, for messages)
     * @param system         the system the observables refer to (size, dimension, box)
     * @param forceTolerance the minimization's force tolerance (the sensitivity's too)
     * @throws JobFileException for an unknown observable, a particle index out of range, or pressure in
     *                          an open box
     */
    public static SensitivityStage of(JobSpec spec, ParticleSystem system, double forceTolerance) {
        List<String> parameters = new ArrayList<>();
        for (String p : spec.sensitivity().parameters()) parameters.add(p.replace(" ", ""));
        List<Observable> observables = new ArrayList<>();
        for (String name : spec.sensitivity().observables()) {
            try {
                observables.addAll(parseObservable(name, system));
            } catch (IllegalArgumentException e) {
                throw spec.source().error(List.of("sensitivity", "observables"), "[sensitivity] observables "
                        + e.getMessage());
            }
        }
        SensitivityConfig config = SensitivityConfig.defaults().withForceTolerance(forceTolerance);
        return new SensitivityStage(parameters, observables, spec.minimize().newtonPolish(), config);
    }

    /**
     * One job-file observable name as library observables ({@code position[i]} gives d of them).
     *
     * @throws IllegalArgumentException with a message that starts after the key (for example
     *                                  {@code names an unknown observable 'presure'; did you mean 'pressure'? ...})
     */
    public static List<Observable> parseObservable(String written, ParticleSystem system) {
        String name = written.replace(" ", "");
        switch (name) {
            case "energy":
                return List.of(Observables.energy());
            case "pressure":
                if (!(system.box() instanceof Box.Periodic)) {
                    throw new IllegalArgumentException("lists \"pressure\", which needs a periodic box, but this system "
                            + "has an open box; remove it or use a periodic box");
                }
                return List.of(Observables.pressure());
            case "mean_contact_distance":
                return List.of(Observables.meanContactDistance());
            default:
                break;
        }
        Matcher m = POSITION.matcher(name);
        if (m.matches()) {
            long i;
            try {
                i = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                i = Long.MAX_VALUE;
            }
            if (i >= system.size()) {
                throw new IllegalArgumentException("lists \"" + written + "\": the particle index must be < N = "
                        + system.size() + " (0-based, input order), got " + m.group(1));
            }
            return Observables.position((int) i, system);
        }
        List<String> known = List.of("energy", "pressure", "mean_contact_distance", "position");
        String base = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
        String hint = Suggestions.closest(base, known);
        if (hint != null && hint.equals("position")) hint = "position[i]";
        throw new IllegalArgumentException("names an unknown observable '" + written + "'"
                + (hint != null ? "; did you mean '" + hint + "'?" : "") + " (known: "
                + String.join(", ", OBSERVABLE_NAMES) + ")");
    }

    /** True when there is anything to differentiate (parameters or observables). */
    public boolean computes() {
        return !parameters.isEmpty() || !observables.isEmpty();
    }

    /** The polish's force target: {@value #POLISH_TOLERANCE}, or the job's tolerance when smaller. */
    public double polishTolerance() {
        return Math.min(POLISH_TOLERANCE, config.forceTolerance());
    }

    /**
     * Newton-polishes the evaluator's positions in place when the job asks for it.
     *
     * @return what the polish did, or null when {@link #newtonPolish()} is false
     */
    public PolishReport polish(EnergyEvaluator evaluator) {
        if (!newtonPolish) return null;
        return NewtonPolish.polish(evaluator, POLISH_MAX_STEPS, polishTolerance());
    }

    /**
     * Every parameter's dx*&#47;dθ and every observable's value and derivatives at the evaluator's
     * positions (not moved). Expected numerical outcomes (unconverged minimum, solver, not a minimum)
     * are statuses in the result.
     */
    public SensitivityResult compute(EnergyEvaluator evaluator) {
        return new EquilibriumSensitivity(evaluator, config).compute(parameters, observables);
    }

    /**
     * What is wrong with a result, one sentence per problem (empty when every status is OK): the
     * system status, then each parameter and observable whose status is not OK.
     */
    public static List<String> problems(SensitivityResult result) {
        List<String> out = new ArrayList<>();
        boolean unconverged = false;
        for (ParameterSensitivity p : result.parameters()) {
            if (p.status() == SensitivityStatus.NOT_CONVERGED_MINIMUM) unconverged = true;
        }
        for (ObservableSensitivity o : result.observables()) {
            if (o.status() == SensitivityStatus.NOT_CONVERGED_MINIMUM) unconverged = true;
        }
        if (unconverged || result.status() == SensitivityStatus.NOT_CONVERGED_MINIMUM) {
            out.add(String.format(Locale.ROOT, "sensitivities computed at an unconverged minimum (max force %.3e above "
                    + "the force tolerance): they refer to the last configuration, not to x*; see error_estimate",
                    result.maxForce()));
        }
        for (ParameterSensitivity p : result.parameters()) {
            SensitivityStatus s = p.status();
            if (s != SensitivityStatus.OK && s != SensitivityStatus.NOT_CONVERGED_MINIMUM) {
                out.add("sensitivity to " + p.name() + ": " + s + " (" + explain(s) + ")");
            }
        }
        for (ObservableSensitivity o : result.observables()) {
            SensitivityStatus s = o.status();
            if (s != SensitivityStatus.OK && s != SensitivityStatus.NOT_CONVERGED_MINIMUM) {
                out.add("derivatives of " + o.name() + ": " + s + " (" + explain(s) + ")");
            }
        }
        return out;
    }

    /** True when the result and every entry in it are {@link SensitivityStatus#OK}. */
    public static boolean allOk(SensitivityResult result) {
        if (result.status() != SensitivityStatus.OK) return false;
        for (ParameterSensitivity p : result.parameters()) if (p.status() != SensitivityStatus.OK) return false;
        for (ObservableSensitivity o : result.observables()) if (o.status() != SensitivityStatus.OK) return false;
        return true;
    }

    /** One phrase per status. */
    static String explain(SensitivityStatus s) {
        return switch (s) {
            case OK -> "converged solve at a converged minimum";
            case NOT_CONVERGED_MINIMUM -> "the minimum did not reach the force tolerance";
            case SOLVER_NOT_CONVERGED -> "the Krylov solver stopped above its tolerance; the last iterate is reported";
            case NOT_A_MINIMUM -> "the Hessian is indefinite: a saddle point, not a minimum; no numbers";
            case SINGULAR -> "the Hessian has zero modes beyond the rigid modes and rattlers (a floppy or "
                    + "disconnected system); no numbers";
            case NON_SMOOTH -> "the energy is not twice differentiable here (soft-sphere alpha < 2, or a pair on a "
                    + "cutoff with a force jump: use a smooth switch); no numbers";
            case INVALID_PARAMETER -> "the parameter derivatives are not finite here; no numbers";
        };
    }
}
