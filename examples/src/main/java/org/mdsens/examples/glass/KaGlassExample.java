package org.mdsens.examples.glass;

import java.util.List;

import org.mdsens.md.build.RandomPacking;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.NewtonPolish;
import org.mdsens.sensitivity.md.Observables;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityConfig;
import org.mdsens.sensitivity.md.SensitivityResult;

/**
 * Sensitivity of a Kob–Andersen glass (inherent structure) to the A–B well depth ε_AB.
 *
 * <p>The 80:20 Lennard-Jones mixture of Kob &amp; Andersen (PRE 51, 4626, 1995): σ_AA = 1, ε_AA = 1,
 * σ_BB = 0.88, ε_BB = 0.5, σ_AB = 0.8, ε_AB = 1.5, at number density 1.2, every pair smoothly
 * switched off between 2.0σ_ab and 2.5σ_ab (C² switch, so the Hessian is continuous and the
 * sensitivity exact while the neighbor set does not change). A random start is quenched with FIRE
 * 2.0 to max force 1e-8 and Newton-polished to round-off; then dx*&#47;dε_AB (one CG solve), dE*&#47;dε_AB
 * and dP/dε_AB (one VJP) are computed, and {@link #finiteDifference} checks dx*&#47;dε_AB against central
 * differences of re-minimized glasses.
 *
 * <p>The default N = 250 runs in seconds; the job files {@code ka-glass-sensitivity.toml} (N = 250) and
 * {@code ka-glass-smooth.toml} (N = 1000) are its twins.
 *
 * <pre>
 *   java ... org.mdsens.examples.glass.KaGlassExample [N [SEED]]    # default 250 11
 * </pre>
 */
public final class KaGlassExample {

    /** The parameter differentiated. */
    public static final String PARAMETER = "epsilon[A,B]";

    private KaGlassExample() { }

    /**
     * What the example computed.
     *
     * @param system       the inherent structure (input order)
     * @param model        the KA model
     * @param minimization FIRE's result
     * @param polish       the Newton polish
     * @param sensitivity  dx*&#47;dε_AB with the energy and pressure observables
     */
    public record Result(ParticleSystem system, EnergyModel model, MinimizationResult minimization, PolishReport polish,
                         SensitivityResult sensitivity) { }

    /** The smoothly switched Kob–Andersen model. */
    public static EnergyModel model() {
        return new EnergyModel(LennardJones.builder(List.of("A", "B")).sigma("A", 1.0).epsilon("A", 1.0)
                .sigma("B", 0.88).epsilon("B", 0.5).pairSigma("A", "B", 0.8).pairEpsilon("A", "B", 1.5)
                .smoothSwitchInSigma(2.0, 2.5).build());
    }

    /** N particles, 80 % A, at number density 1.2, no two closer than 0.7 (random sequential addition). */
    public static ParticleSystem start(int count, long seed) {
        return RandomPacking.atDensity(3, count, List.of("A", "B"), new double[] {0.8, 0.2}, 1.2, 0.7, seed);
    }

    /** Quenches a random start and computes the sensitivities. */
    public static Result run(int count, long seed) {
        ParticleSystem system = start(count, seed);
        EnergyModel model = model();
        EnergyEvaluator evaluator = evaluator(system, model);
        MinimizationResult fire = quench(evaluator);
        PolishReport polish = NewtonPolish.polish(evaluator, 20, 1e-13);
        SensitivityResult s = new EquilibriumSensitivity(evaluator, SensitivityConfig.defaults().withForceTolerance(1e-8))
                .compute(List.of(PARAMETER), List.of(Observables.energy(), Observables.pressure()));
        return new Result(system, model, fire, polish, s);
    }

    static EnergyEvaluator evaluator(ParticleSystem system, EnergyModel model) {
        return new EnergyEvaluator(system, model, Kernels.select(KernelChoice.AUTO), EnergyEvaluator.defaultSkin(system, model));
    }

    static MinimizationResult quench(EnergyEvaluator evaluator) {
        return Minimizers.create(MinimizerConfig.defaults().withForceTolerance(1e-8)).minimize(evaluator);
    }

    /**
     * Central finite difference of the inherent structure: re-minimizes (FIRE from x*, then Newton polish)
     * at ε_AB ± h and returns (x₊ − x₋)/(2h) under the minimum image, with its mean removed (the gauge
     * of the implicit result; KA has no rattlers).
     */
    public static double[] finiteDifference(Result r, double h) {
        double eps = r.model().parameter(PARAMETER);
        double[][] x = new double[2][];
        for (int side = 0; side < 2; side++) {
            ParticleSystem copy = r.system().copy();
            EnergyEvaluator ev = evaluator(copy, r.model().withParameter(PARAMETER, eps + (side == 0 ? h : -h)));
            quench(ev);
            NewtonPolish.polish(ev, 20, 1e-13);
            x[side] = copy.positions().clone();
        }
        int d = r.system().dimension();
        int n = r.system().size();
        double[] fd = new double[d * n];
        double[] delta = new double[d];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) delta[a] = x[0][d * i + a] - x[1][d * i + a];
            r.system().box().minimumImage(delta, 0);
            for (int a = 0; a < d; a++) {
                fd[d * i + a] = delta[a] / (2 * h);
                mean[a] += fd[d * i + a] / n;
            }
        }
        for (int i = 0; i < n; i++) for (int a = 0; a < d; a++) fd[d * i + a] -= mean[a];
        return fd;
    }

    /** ‖a − b‖₂ / ‖b‖₂. */
    public static double relativeDifference(double[] a, double[] b) {
        double num = 0, den = 0;
        for (int k = 0; k < a.length; k++) {
            num += (a[k] - b[k]) * (a[k] - b[k]);
            den += b[k] * b[k];
        }
        return Math.sqrt(num / den);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 11;
        long t0 = System.nanoTime();
        Result r = run(n, seed);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        System.out.println("FIRE: " + r.minimization());
        System.out.println("Newton polish: " + r.polish());
        System.out.println(r.sensitivity());
        System.out.printf("(%.2f s)%n", seconds);
        double[] fd = finiteDifference(r, 1e-4);
        System.out.printf("implicit vs central finite difference (h = 1e-4): relative difference %.3e%n",
                relativeDifference(r.sensitivity().parameter(PARAMETER).dx(), fd));
    }
}
