package org.mdsens.app.sweep;

import java.util.Arrays;

import org.mdsens.app.run.SensitivityStage;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.minimize.Status;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.PolishReport;
import org.mdsens.sensitivity.md.SensitivityResult;

/**
 * Minimizes one point from given starting positions, Newton-polishes it when the job asks for it,
 * and computes its sensitivities ({@link SensitivityStage}). Every call builds a fresh system copy,
 * evaluator and neighbor list, so the result depends only on the starting positions and the model
 * (never on what ran before): this is what makes a resumed chain give the same bits. Immutable;
 * thread-safe.
 */
final class PointSolver {

    /**
     * What one minimization (and its sensitivities) gave.
     *
     * @param result      the minimizer's result
     * @param energy      the energy at the final positions (after the polish, if any)
     * @param maxForce    the largest per-particle force norm there
     * @param positions   the final positions (xyz-interleaved, d·N)
     * @param forces      −∇E at the final positions (all NaN when not finite)
     * @param sensitivity the sensitivities, or null when the final state is not finite
     */
    record Outcome(MinimizationResult result, double energy, double maxForce, double[] positions, double[] forces,
                   SensitivityResult sensitivity) { }

    private final KernelProvider provider;
    private final MinimizerConfig minimizer;
    private final SensitivityStage stage;

    PointSolver(KernelProvider provider, MinimizerConfig minimizer, SensitivityStage stage) {
        this.provider = provider;
        this.minimizer = minimizer;
        this.stage = stage;
    }

    /**
     * @param template a system with the right box, species and masses (not modified)
     * @param start    the starting positions, length d·N
     * @param model    the point's model
     */
    Outcome solve(ParticleSystem template, double[] start, EnergyModel model) {
        ParticleSystem system = template.copy();
        system.setPositions(start);
        EnergyEvaluator evaluator = new EnergyEvaluator(system, model, provider, EnergyEvaluator.defaultSkin(system, model));
        MinimizationResult result = Minimizers.create(minimizer).minimize(evaluator);
        boolean finite = result.status() != Status.NON_FINITE && finite(system.positions());
        if (finite && stage.newtonPolish()) {
            PolishReport polish = stage.polish(evaluator);
            finite = polish.outcome() != PolishReport.Outcome.NON_FINITE && finite(system.positions());
        }
        double[] forces = new double[system.positions().length];
        double energy = result.energy();
        double maxForce = result.maxForce();
        if (finite) {
            energy = evaluator.computeForces(forces);
            maxForce = maxForce(forces, system.dimension());
            finite = Double.isFinite(energy) && finite(forces);
        }
        SensitivityResult s = null;
        if (finite) {
            s = stage.compute(evaluator);
        } else {
            Arrays.fill(forces, Double.NaN);
        }
        return new Outcome(result, energy, maxForce, system.positions().clone(), forces, s);
    }

    static boolean finite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }

    private static double maxForce(double[] f, int d) {
        double max = 0;
        for (int i = 0; i < f.length; i += d) {
            double s = 0;
            for (int a = 0; a < d; a++) s += f[i + a] * f[i + a];
            max = Math.max(max, s);
        }
        return Math.sqrt(max);
    }
}
