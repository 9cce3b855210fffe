package org.mdsens.examples.dimer;

import java.util.List;

import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.NewtonPolish;
import org.mdsens.sensitivity.md.ObservableSensitivity;
import org.mdsens.sensitivity.md.Observables;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityConfig;

/**
 * A Lennard-Jones dimer in an open 3D box: the closed-form check of implicit differentiation.
 * φ = 4ε[(σ/r)¹² − (σ/r)⁶] (cut at 2.5σ and shifted) has its minimum at r* = 2^{1/6}σ, so
 * dr*&#47;dσ = 2^{1/6} ≈ 1.12246; in the gauge of the result (zero mean displacement, no rigid rotation)
 * each particle moves 2^{1/6}/2 outward along the bond per unit of σ. The null space has 5 modes: 3
 * translations and the 2 rotations about axes normal to the bond (a collinear dimer has no third).
 * The example also reports d⟨r⟩/dσ through a VJP (⟨r⟩ = the bond length, one contact) and
 * dE*&#47;dσ = ∂σφ(r*) = 0 for the unshifted part (the shift's σ-derivative remains, and is printed).
 *
 * <pre>
 *   java ... org.mdsens.examples.dimer.LjDimerExample [SIGMA]     # default 1.0
 * </pre>
 * Job-file twin: {@code examples/jobs/lj-dimer.toml}.
 */
public final class LjDimerExample {

    private LjDimerExample() { }

    /**
     * What the example computed.
     *
     * @param bondLength   r* after minimization and polish
     * @param sensitivity  dx*&#47;dσ of both particles (xyz-interleaved, length 6)
     * @param contact      ⟨r⟩ and d⟨r⟩/dσ
     * @param zeroModes    null-space dimension (5)
     * @param gauge        the gauge of the result
     * @param minimization FIRE's result
     */
    public record Result(double bondLength, ParameterSensitivity sensitivity, ObservableSensitivity contact,
                         int zeroModes, String gauge, MinimizationResult minimization) {

        /** dr*&#47;dσ: the relative displacement projected on the bond. */
        public double bondLengthDerivative() {
            double[] dx = sensitivity.dx();
            return (dx[3] - dx[0]);
        }
    }

    /** Two particles on the x axis, 1.3σ apart, in an open box; minimized, polished, differentiated by σ. */
    public static Result run(double sigma) {
        ParticleSystem dimer = new ParticleSystem(new Box.Open(3), new double[] {0, 0, 0, 1.3 * sigma, 0, 0},
                new int[] {0, 0}, List.of("A"), new double[] {1});
        EnergyModel model = new EnergyModel(LennardJones.builder(List.of("A")).sigma("A", sigma).epsilon("A", 1.0)
                .cutoff(2.5 * sigma).shift(true).build());
        EnergyEvaluator evaluator = new EnergyEvaluator(dimer, model, Kernels.select(KernelChoice.AUTO),
                EnergyEvaluator.defaultSkin(dimer, model));
        MinimizationResult fire = Minimizers.create(MinimizerConfig.defaults().withForceTolerance(1e-12)).minimize(evaluator);
        NewtonPolish.polish(evaluator, 20, 1e-14);
        double[] x = dimer.positions();
        double r = Math.sqrt((x[3] - x[0]) * (x[3] - x[0]) + (x[4] - x[1]) * (x[4] - x[1]) + (x[5] - x[2]) * (x[5] - x[2]));
        EquilibriumSensitivity s = new EquilibriumSensitivity(evaluator,
                SensitivityConfig.defaults().withForceTolerance(1e-12));
        ParameterSensitivity dx = s.jvp("sigma[A]");
        ObservableSensitivity contact = s.vjp(Observables.meanContactDistance(), List.of("sigma[A]"));
        return new Result(r, dx, contact, s.zeroModeCount(), s.gauge(), fire);
    }

    public static void main(String[] args) {
        double sigma = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Result r = run(sigma);
        double sixth = Math.pow(2, 1.0 / 6);
        System.out.printf("r*        = %.15f   (2^(1/6) sigma = %.15f)%n", r.bondLength(), sixth * sigma);
        System.out.printf("dr*/dsigma = %.15f   (2^(1/6)       = %.15f)%n", r.bondLengthDerivative(), sixth);
        double[] dx = r.sensitivity().dx();
        System.out.printf("dx_0/dsigma = (%.12f, %.3g, %.3g), dx_1/dsigma = (%.12f, %.3g, %.3g)%n",
                dx[0], dx[1], dx[2], dx[3], dx[4], dx[5]);
        System.out.printf("d<r>/dsigma = %.15f (VJP), dE*/dsigma = %.6g, %d zero modes, gauge %s%n",
                r.contact().derivative("sigma[A]"), r.sensitivity().dEnergy(), r.zeroModes(), r.gauge());
    }
}
