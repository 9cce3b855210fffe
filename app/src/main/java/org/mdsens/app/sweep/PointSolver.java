package org.mdsens.app.sweep;

import java.util.List;

import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.minimize.Status;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.Observable;
import org.mdsens.sensitivity.md.SensitivityResult;

/**
 * Minimizes one point from given starting positions and computes its sensitivities. Every call
 * builds a fresh system copy, evaluator and neighbor list, so the result depends only on the
 * starting positions and the model (never on what ran before): this is what makes a resumed chain
 * give the same bits. Stateless apart from its settings; thread-safe.
 */
final class PointSolver {

    /**
     * What one minimization (and its sensitivities) gave.
     *
     * @param result      the minimizer's result
     * @param positions   the final positions (xyz-interleaved, d·N)
     * @param forces      −∇E at the final positions (all NaN when not finite)
     * @param sensitivity the sensitivities, or null when the final state is not finite
     */
    record Outcome(MinimizationResult result, double[] positions, double[] forces, SensitivityResult sensitivity) { }

    private final KernelProvider provider;
    private final MinimizerConfig minimizer;
    private final SensitivityStep sensitivity;
    private final List<String> parameters;
    private final List<Observable> observables;

    PointSolver(KernelProvider provider, MinimizerConfig minimizer, SensitivityStep sensitivity, List<String> parameters,
                List<Observable> observables) {
        this.provider = provider;
        this.minimizer = minimizer;
        this.sensitivity = sensitivity;
        this.parameters = List.copyOf(parameters);
        this.observables = List.copyOf(observables);
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
        double[] x = system.positions().clone();
        double[] forces = new double[x.length];
        SensitivityResult s = null;
        if (result.status() != Status.NON_FINITE && finite(x)) {
            evaluator.computeForces(forces);
            s = sensitivity.compute(evaluator, parameters, observables);
            x = system.positions().clone(); // a polishing step may have moved them
        } else {
            java.util.Arrays.fill(forces, Double.NaN);
        }
        return new Outcome(result, x, forces, s);
    }

    static boolean finite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }
}
