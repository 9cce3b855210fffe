package org.mdsens.examples.bilevel;

import java.util.ArrayList;
import java.util.List;

import org.mdsens.md.build.RandomPacking;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.NewtonPolish;
import org.mdsens.sensitivity.md.ObservableSensitivity;
import org.mdsens.sensitivity.md.Observables;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityConfig;
import org.mdsens.sensitivity.md.SensitivityStatus;

/**
 * A tiny bilevel problem: choose the diameter D_B of the large disks of a 2D soft-sphere packing
 * (fixed box) so that the pressure of the packing's energy minimum hits a target P*.
 *
 * <pre>
 *   outer:  min over θ = D_B of  L(θ) = ½ (P(x*(θ), θ)/P* − 1)²
 *   inner:  x*(θ) = argmin over x of E(x; θ)          (FIRE 2.0, then Newton polish)
 * </pre>
 * The outer gradient dL/dθ = (P/P* − 1)·(dP/dθ)/P* needs the total derivative of the equilibrium
 * pressure, dP/dθ = ∂θP − λᵀ∂θ∇ₓE with H λ = ∇ₓP: one VJP ({@link EquilibriumSensitivity#vjp}) per
 * outer step, never a derivative through the minimizer's iterations. The outer step is gradient
 * descent θ ← θ − η_k dL/dθ with the Gauss–Newton step size η_k = (P* / (dP/dθ))² (for a scalar
 * residual this is Newton's method on P(θ) = P*), capped at {@value #MAX_STEP} in θ and halved
 * until the loss decreases. Each inner minimization starts from the first-order prediction
 * x*(θ + Δθ) ≈ x*(θ) + (dx*&#47;dθ) Δθ ({@link EquilibriumSensitivity#predict}).
 *
 * <pre>
 *   java ... org.mdsens.examples.bilevel.BilevelExample [TARGET_FACTOR]   # P* = factor · P(D_B = 1.4), default 1.25
 * </pre>
 */
public final class BilevelExample {

    /** The fitted parameter. */
    public static final String PARAMETER = "diameter[B]";
    /** Largest change of θ in one outer step. */
    public static final double MAX_STEP = 0.05;

    private BilevelExample() { }

    /**
     * One outer iterate.
     *
     * @param iteration   0 for the start
     * @param theta       D_B
     * @param pressure    P(x*(θ), θ)
     * @param dPressure   dP/dθ (VJP)
     * @param loss        ½(P/P* − 1)²
     * @param gradient    dL/dθ
     * @param status      the sensitivity status at this iterate
     */
    public record Step(int iteration, double theta, double pressure, double dPressure, double loss, double gradient,
                       SensitivityStatus status) { }

    /**
     * The fit.
     *
     * @param target    P*
     * @param history   every accepted iterate, the start first
     * @param converged |P/P* − 1| ≤ the tolerance at the last iterate
     * @param system    the inner minimum at the last iterate
     */
    public record Result(double target, List<Step> history, boolean converged, ParticleSystem system) {
        public Result {
            history = List.copyOf(history);
        }

        /** The last iterate. */
        public Step last() { return history.get(history.size() - 1); }
    }

    /** The inner problem at one θ: minimized system, VJP of the pressure and JVP for the warm start. */
    record Inner(ParticleSystem system, double pressure, double dPressure, ParameterSensitivity jvp,
                         SensitivityStatus status) { }

    /** A harmonic soft-sphere packing: N disks, half of diameter 1, half of diameter 1.4, φ = 0.9. */
    public static ParticleSystem packing(int count, long seed) {
        return RandomPacking.atPackingFraction(2, count, List.of("A", "B"), new double[] {0.5, 0.5},
                new double[] {1.0, 1.4}, 0.9, 0.1, seed);
    }

    static EnergyModel model(double diameterB) {
        return new EnergyModel(SoftSphere.builder(List.of("A", "B")).diameter("A", 1.0).diameter("B", diameterB)
                .epsilon(1.0).alpha(2.0).build());
    }

    /** Minimizes {@code system} in place at θ and differentiates the pressure. */
    static Inner solveInner(ParticleSystem system, double theta) {
        EnergyModel model = model(theta);
        EnergyEvaluator ev = new EnergyEvaluator(system, model, Kernels.select(KernelChoice.AUTO),
                EnergyEvaluator.defaultSkin(system, model));
        MinimizationResult fire = Minimizers.create(new MinimizerConfig(MinimizerKind.FIRE, 1e-12, 200_000, 0.05, 0.1))
                .minimize(ev);
        if (!fire.converged()) throw new IllegalStateException("inner minimization failed: " + fire);
        NewtonPolish.polish(ev, 20, 1e-14);
        EquilibriumSensitivity s = new EquilibriumSensitivity(ev, SensitivityConfig.defaults().withForceTolerance(1e-12));
        ObservableSensitivity p = s.vjp(Observables.pressure(), List.of(PARAMETER));
        ParameterSensitivity jvp = s.jvp(PARAMETER);
        SensitivityStatus status = SensitivityStatus.worst(p.status(), jvp.status());
        return new Inner(system, p.value(), p.derivative(PARAMETER), jvp, status);
    }

    /**
     * Fits D_B so that the equilibrium pressure is {@code targetFactor} times the pressure at D_B = 1.4.
     *
     * @param count        particles
     * @param seed         packing seed
     * @param targetFactor P* / P(1.4)
     * @param tolerance    stop when |P/P* − 1| ≤ this
     * @param maxSteps     outer steps at most
     */
    public static Result fit(int count, long seed, double targetFactor, double tolerance, int maxSteps) {
        double theta = 1.4;
        ParticleSystem system = packing(count, seed);
        Inner inner = solveInner(system, theta);
        double target = targetFactor * inner.pressure();
        List<Step> history = new ArrayList<>();
        history.add(step(0, theta, inner, target));
        for (int k = 1; k <= maxSteps && Math.abs(inner.pressure() / target - 1) > tolerance; k++) {
            Step current = history.get(history.size() - 1);
            double g = current.gradient();
            double scale = inner.dPressure() / target;
            double dTheta = -g / (scale * scale);                 // gradient step with the Gauss–Newton size
            if (Math.abs(dTheta) > MAX_STEP) dTheta = Math.copySign(MAX_STEP, dTheta);
            boolean accepted = false;
            for (int halving = 0; halving < 20 && !accepted; halving++, dTheta /= 2) {
                ParticleSystem trial = system.copy();
                trial.setPositions(EquilibriumSensitivity.predict(system.positions(), inner.jvp(), dTheta));
                Inner next = solveInner(trial, theta + dTheta);
                Step s = step(k, theta + dTheta, next, target);
                if (s.loss() < current.loss()) {
                    accepted = true;
                    theta += dTheta;
                    system = trial;
                    inner = next;
                    history.add(s);
                }
            }
            if (!accepted) break;
        }
        return new Result(target, history, Math.abs(inner.pressure() / target - 1) <= tolerance, system);
    }

    private static Step step(int k, double theta, Inner inner, double target) {
        double residual = inner.pressure() / target - 1;
        return new Step(k, theta, inner.pressure(), inner.dPressure(), 0.5 * residual * residual,
                residual * inner.dPressure() / target, inner.status());
    }

    public static void main(String[] args) {
        double factor = args.length > 0 ? Double.parseDouble(args[0]) : 1.25;
        Result r = fit(32, 5, factor, 1e-10, 30);
        System.out.printf("target pressure P* = %.12g%n", r.target());
        System.out.println("step  D_B               P                 dP/dD_B        loss          status");
        for (Step s : r.history()) {
            System.out.printf("%4d  %.12f  %.12e  %.6e  %.3e  %s%n", s.iteration(), s.theta(), s.pressure(),
                    s.dPressure(), s.loss(), s.status());
        }
        System.out.println(r.converged() ? "converged" : "not converged");
    }
}
