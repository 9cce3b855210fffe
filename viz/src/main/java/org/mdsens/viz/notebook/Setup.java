package org.mdsens.viz.notebook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.potential.PotentialKind;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.NewtonPolish;
import org.mdsens.sensitivity.md.PolishReport;

/**
 * A starting configuration, its energy model and how to minimize it: everything {@link #minimize()}
 * needs. Made by {@link Mdsens} (generated packings, XYZ and LAMMPS files) or {@link Minimum#withParameter}
 * (a warm start from a minimum with one parameter changed); each setter returns a new setup.
 *
 * <pre>{@code
 * Setup s = Mdsens.readXyz("packing.xyz").softSpheres(1.0, 1.4);   // diameters in species order
 * Minimum m = s.forceTolerance(1e-12).newtonPolish(true).minimize();
 * }</pre>
 *
 * <p>Defaults: FIRE 2.0 ({@link MinimizerKind#FIRE}), largest per-particle force ≤ 1e-10, 200 000
 * iterations, time step 0.05 for soft spheres and 0.005 otherwise, max step 0.1 (length units), no Newton
 * polish, {@link KernelChoice#AUTO} kernels (vector kernels when the JVM has
 * {@code --add-modules jdk.incubator.vector} and they are known to be faster, scalar otherwise).
 *
 * <p>Newton polish ({@link #newtonPolish(boolean)}): after the minimizer, up to
 * {@value #POLISH_STEPS} Newton–Krylov steps ({@link NewtonPolish}) towards a largest force of
 * 10⁻³ × the tolerance, stopping at the round-off floor; kept only when it does not increase the largest
 * force. Tight sensitivity work wants it (DESIGN.md §4).
 *
 * <p>Immutable and thread-safe: the configuration is copied in, and every {@link #minimize()} works on
 * its own copy.
 */
public final class Setup {

    /** Most Newton steps of the optional polish. */
    public static final int POLISH_STEPS = 20;

    private final ParticleSystem system;
    private final EnergyModel model;
    private final String source;
    private final MinimizerKind algorithm;
    private final double forceTolerance;
    private final int maxIterations;
    private final double timestep;
    private final boolean polish;
    private final KernelChoice kernel;

    private Setup(ParticleSystem system, EnergyModel model, String source, MinimizerKind algorithm,
                  double forceTolerance, int maxIterations, double timestep, boolean polish, KernelChoice kernel) {
        this.system = system;
        this.model = model;
        this.source = source;
        this.algorithm = algorithm;
        this.forceTolerance = forceTolerance;
        this.maxIterations = maxIterations;
        this.timestep = timestep;
        this.polish = polish;
        this.kernel = kernel;
        // validate the minimizer settings now, with the messages of MinimizerConfig
        config();
    }

    /**
     * A setup of a configuration (copied) and an energy model (null: set one later with
     * {@link #softSpheres}, {@link #potential} or {@link #model}).
     *
     * @param source a short description for {@code toString} ("file packing.xyz", ...)
     */
    public static Setup of(ParticleSystem system, EnergyModel model, String source) {
        if (system == null) throw new IllegalArgumentException("system must not be null");
        if (model != null) checkSpecies(system, model);
        return new Setup(system.copy(), model, source == null ? "configuration" : source, MinimizerKind.FIRE,
                MinimizerConfig.defaults().forceTolerance(), MinimizerConfig.defaults().maxIterations(), Double.NaN,
                false, KernelChoice.AUTO);
    }

    private static void checkSpecies(ParticleSystem system, EnergyModel model) {
        if (!model.pair().speciesNames().equals(system.speciesNames())) {
            throw new IllegalArgumentException("potential species must equal the configuration's species "
                    + system.speciesNames() + ", got " + model.pair().speciesNames());
        }
    }

    private Setup with(ParticleSystem s, EnergyModel m, MinimizerKind a, double tol, int iters, double dt, boolean p,
                       KernelChoice k) {
        return new Setup(s, m, source, a, tol, iters, dt, p, k);
    }

    // ------------------------------------------------------------------ the model

    /**
     * Soft spheres (JAX-MD convention, φ = (ε/α)(1 − r/σ)^α, σ_ab = (D_a + D_b)/2) with ε = 1, α = 2 and
     * the given diameters, one per species in the configuration's species order.
     */
    public Setup softSpheres(double... diameters) { return softSpheres(diameters, 2.0, 1.0); }

    /** Soft spheres with one diameter per species, exponent α (≥ 2 for sensitivities) and energy scale ε. */
    public Setup softSpheres(double[] diameters, double alpha, double epsilon) {
        List<String> species = system.speciesNames();
        if (diameters == null || diameters.length != species.size()) {
            throw new IllegalArgumentException("diameters must have one entry per species " + species + ", got "
                    + (diameters == null ? "null" : Arrays.toString(diameters)));
        }
        SoftSphere.Builder b = SoftSphere.builder(species).alpha(alpha).epsilon(epsilon);
        for (int s = 0; s < diameters.length; s++) b.diameter(species.get(s), diameters[s]);
        return model(new EnergyModel(b.build()));
    }

    /** Any pair potential over the configuration's species. */
    public Setup potential(PairPotential pair) { return model(new EnergyModel(pair)); }

    /** Any energy model (pair potential and harmonic bonds) over the configuration's species. */
    public Setup model(EnergyModel newModel) {
        if (newModel == null) throw new IllegalArgumentException("model must not be null");
        checkSpecies(system, newModel);
        return with(system, newModel, algorithm, forceTolerance, maxIterations, timestep, polish, kernel);
    }

    /** The same setup with one model parameter changed ({@code "diameter[B]"}, {@code "alpha"}, ...). */
    public Setup withParameter(String parameter, double value) {
        return model(requireModel().withParameter(parameter, value));
    }

    // ------------------------------------------------------------------ the minimizer

    /** The minimization algorithm (FIRE 2.0 by default). */
    public Setup algorithm(MinimizerKind kind) {
        if (kind == null) throw new IllegalArgumentException("algorithm must not be null");
        return with(system, model, kind, forceTolerance, maxIterations, timestep, polish, kernel);
    }

    /** Stop when the largest per-particle force norm is ≤ this (default 1e-10). */
    public Setup forceTolerance(double tolerance) {
        return with(system, model, algorithm, tolerance, maxIterations, timestep, polish, kernel);
    }

    /** Iteration cap of the minimizer (default 200 000). */
    public Setup maxIterations(int n) {
        return with(system, model, algorithm, forceTolerance, n, timestep, polish, kernel);
    }

    /** FIRE initial time step, or the initial step scale of L-BFGS and gradient descent. */
    public Setup timestep(double dt) {
        return with(system, model, algorithm, forceTolerance, maxIterations, dt, polish, kernel);
    }

    /** Newton polish after the minimizer (default off). */
    public Setup newtonPolish(boolean on) {
        return with(system, model, algorithm, forceTolerance, maxIterations, timestep, on, kernel);
    }

    /** Force kernels: AUTO (default), SCALAR or VECTOR (falls back to scalar with a warning). */
    public Setup kernel(KernelChoice choice) {
        if (choice == null) throw new IllegalArgumentException("kernel choice must not be null");
        return with(system, model, algorithm, forceTolerance, maxIterations, timestep, polish, choice);
    }

    // ------------------------------------------------------------------ reading

    /** A copy of the starting configuration. */
    public ParticleSystem system() { return system.copy(); }

    /** The energy model, or null when none was set. */
    public EnergyModel model() { return model; }

    /** The model's parameter names, e.g. {@code [diameter[A], diameter[B], epsilon, alpha, sigma[A,A], ...]}. */
    public List<String> parameters() { return requireModel().parameterNames(); }

    /** The value of one model parameter. */
    public double parameter(String name) { return requireModel().parameter(name); }

    /** The minimizer settings in effect. */
    public MinimizerConfig config() {
        double dt = Double.isNaN(timestep)
                ? (model != null && model.pair().kind() == PotentialKind.SOFT_SPHERE ? 0.05 : 0.005)
                : timestep;
        return new MinimizerConfig(algorithm, forceTolerance, maxIterations, dt, MinimizerConfig.defaults().maxStep());
    }

    /** Whether Newton polish follows the minimizer. */
    public boolean newtonPolish() { return polish; }

    /** The kernel choice. */
    public KernelChoice kernel() { return kernel; }

    /** Where the configuration came from. */
    public String source() { return source; }

    /** A picture of the starting configuration. */
    public Figure picture() {
        return Pictures.configuration(system, model, "start: " + source);
    }

    // ------------------------------------------------------------------ minimizing

    /**
     * Minimizes a copy of the configuration (and polishes it when asked). Expected numerical outcomes
     * (not converged, non-finite energy) are the {@link Minimum#status()}, not exceptions.
     *
     * @throws IllegalStateException    when no energy model was set
     * @throws IllegalArgumentException when the box is too small for the potential's cutoff
     */
    public Minimum minimize() {
        EnergyModel m = requireModel();
        ParticleSystem work = system.copy();
        EnergyEvaluator evaluator = new EnergyEvaluator(work, m, Kernels.select(kernel, Kernels.availableThreads()),
                EnergyEvaluator.defaultSkin(work, m));
        MinimizationResult result = Minimizers.create(config()).minimize(evaluator);
        PolishReport report = null;
        if (polish && Double.isFinite(result.energy())) {
            double[] before = work.positions().clone();
            report = NewtonPolish.polish(evaluator, POLISH_STEPS, 1e-3 * forceTolerance);
            if (!(report.finalMaxForce() <= report.initialMaxForce())) work.setPositions(before);
        }
        return new Minimum(this, evaluator, result, report);
    }

    private EnergyModel requireModel() {
        if (model == null) {
            throw new IllegalStateException("no energy model: call softSpheres(...), potential(...) or model(...) first");
        }
        return model;
    }

    @Override public String toString() {
        MinimizerConfig c = config();
        return "Setup[" + source + ", N=" + system.size() + ", d=" + system.dimension() + ", species "
                + system.speciesNames() + ", "
                + (model == null ? "no potential" : model.pair().kind().label())
                + ", " + c.algorithm().name().toLowerCase(Locale.ROOT).replace('_', '-') + " to max force "
                + String.format(Locale.ROOT, "%.0e", c.forceTolerance()) + (polish ? " + Newton polish" : "") + "]";
    }
}
