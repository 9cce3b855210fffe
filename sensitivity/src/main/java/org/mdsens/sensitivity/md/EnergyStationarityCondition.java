package org.mdsens.sensitivity.md;

import java.util.Arrays;
import java.util.List;

import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.condition.OptimalityCondition;

/**
 * The stationarity condition F(x, θ) = ∇ₓE(x; θ) = 0 of an {@link EnergyModel} as a generic
 * {@link OptimalityCondition}, so that a particle system can be differentiated by the solver-agnostic
 * {@link org.mdsens.sensitivity.implicit.ImplicitDifferentiation} like any other root condition:
 * ∂ₓF = H (exact Hessian products, {@link EnergyEvaluator#hessianProduct}), ∂θF = [b_1 … b_p] with
 * b_k = ∂θ_k∇ₓE ({@link EnergyEvaluator#parameterGradient}); symmetric.
 *
 * <p>x is the xyz-interleaved position vector (length d·N, the system's order); θ holds the values of
 * the parameters named at construction, in that order (the other parameters keep the model's values).
 * A point θ is realized from the base model by changing the global and species parameters first (their
 * change reaches every pair that is derived by mixing) and then adding the change of each pair
 * parameter to that pair's resulting value; so the model is affine in θ along each named direction
 * and ∂θF·u = Σ u_k b_k is the directional derivative, even when a species parameter and a derived
 * pair parameter are both named (a pair set by {@code withParameter} would otherwise stop following
 * the mixing rule).
 * This bridge has no gauge or rattler handling of its own: pass the projector of
 * {@link ZeroModes#rigid} (and work on a rattler-free system) to the differentiation settings.
 * {@link EquilibriumSensitivity} is the MD front end with gauge, rattlers, statuses and error
 * estimates; the two agree (see the tests).
 *
 * <p>The products are evaluated at the point given: the condition keeps its own copy of the system and
 * moves it to x (and rebuilds the model for θ) only when they differ from the last point. Mutable: one
 * instance per thread.
 */
public final class EnergyStationarityCondition implements OptimalityCondition {

    private final EnergyEvaluator evaluator;
    private final EnergyModel baseModel;
    private final List<String> parameters;
    private final int[] indices;
    private final int n;
    private final double[] lastX;
    private final double[] lastTheta;
    private final double[] baseTheta;
    private final double[] work;

    /**
     * @param evaluator  the system and model (copied; the evaluator is not used afterwards)
     * @param parameters the parameters θ, by name; unknown names throw {@link IllegalArgumentException}
     *                   listing the valid ones
     */
    public EnergyStationarityCondition(EnergyEvaluator evaluator, List<String> parameters) {
        this.baseModel = evaluator.model();
        this.parameters = List.copyOf(parameters);
        this.indices = new int[this.parameters.size()];
        for (int k = 0; k < indices.length; k++) indices[k] = baseModel.parameterIndex(this.parameters.get(k));
        ParticleSystem copy = evaluator.system().copy();
        this.evaluator = new EnergyEvaluator(copy, baseModel, evaluator.provider(), evaluator.skin());
        this.n = copy.positions().length;
        this.lastX = copy.positions().clone();
        this.lastTheta = theta(baseModel);
        this.baseTheta = lastTheta.clone();
        this.work = new double[n];
    }

    /** The current values of the named parameters in a model, in the order of {@link #parameters()}. */
    public double[] theta(EnergyModel model) {
        double[] values = model.parameterValues();
        double[] t = new double[indices.length];
        for (int k = 0; k < t.length; k++) t[k] = values[indices[k]];
        return t;
    }

    /** The parameter names, in θ order. */
    public List<String> parameters() { return parameters; }

    @Override public int dimension() { return n; }

    @Override public int parameterCount() { return indices.length; }

    @Override public boolean symmetric() { return true; }

    private void moveTo(double[] x, double[] theta) {
        if (x.length != n) throw new IllegalArgumentException("x length must be " + n + ", got " + x.length);
        if (theta.length != indices.length) {
            throw new IllegalArgumentException("theta length must be " + indices.length + ", got " + theta.length);
        }
        if (!Arrays.equals(theta, lastTheta)) {
            EnergyModel m = baseModel;
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < indices.length; k++) {
                    String name = parameters.get(k);
                    boolean pair = name.indexOf(',') >= 0;
                    double change = theta[k] - baseTheta[k];
                    if (change == 0 || pair != (pass == 1)) continue;
                    m = m.withParameter(name, m.parameter(name) + change);
                }
            }
            evaluator.setModel(m);
            System.arraycopy(theta, 0, lastTheta, 0, theta.length);
        }
        if (!Arrays.equals(x, lastX)) {
            System.arraycopy(x, 0, evaluator.positions(), 0, n);
            System.arraycopy(x, 0, lastX, 0, n);
        }
    }

    /** out = ∇ₓE(x; θ). */
    @Override public void residual(double[] x, double[] theta, double[] out) {
        moveTo(x, theta);
        evaluator.computeForces(out);
        for (int q = 0; q < n; q++) out[q] = -out[q];
    }

    /** out = H v. */
    @Override public void jvpX(double[] x, double[] theta, double[] v, double[] out) {
        moveTo(x, theta);
        evaluator.hessianProduct(v, out);
    }

    /** out = H w (H is symmetric). */
    @Override public void vjpX(double[] x, double[] theta, double[] w, double[] out) {
        jvpX(x, theta, w, out);
    }

    /** out = Σ_k u_k b_k. */
    @Override public void jvpTheta(double[] x, double[] theta, double[] u, double[] out) {
        moveTo(x, theta);
        Arrays.fill(out, 0.0);
        for (int k = 0; k < indices.length; k++) {
            if (u[k] == 0) continue;
            evaluator.parameterGradient(indices[k], work);
            for (int q = 0; q < n; q++) out[q] += u[k] * work[q];
        }
    }

    /** out_k = wᵀ b_k. */
    @Override public void vjpTheta(double[] x, double[] theta, double[] w, double[] out) {
        moveTo(x, theta);
        for (int k = 0; k < indices.length; k++) {
            evaluator.parameterGradient(indices[k], work);
            out[k] = ZeroModes.dot(w, work);
        }
    }

    @Override public String toString() {
        return "EnergyStationarityCondition[" + baseModel + ", n=" + n + ", parameters " + parameters + "]";
    }
}
