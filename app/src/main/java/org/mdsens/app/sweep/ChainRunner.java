package org.mdsens.app.sweep;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mdsens.viz.export.AtomicFiles;
import org.mdsens.md.io.ExtendedXyz;
import org.mdsens.md.io.XyzColumn;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.md.ObservableSensitivity;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityResult;

/**
 * Runs one chain: its points in order, skipping those already committed, each started either
 * cold (from the replica's starting configuration) or warm (from the previous point's minimum moved
 * by the first-order prediction x* + (dx*&#47;dθ) Δθ of the chain parameter), then minimized, differentiated
 * and committed ({@link PointStore}).
 *
 * <p>Resume: the previous point's minimum and dx*&#47;dθ come from its committed state, bit for bit, so
 * a chain resumed after a kill computes exactly what an uninterrupted run computes. A warm start
 * that does not converge is retried cold ({@code start = cold-retry}; the iterations of both runs are
 * counted). The predicted energy change ΔE_pred = dE*&#47;dθ Δθ + ½ d²E*&#47;dθ² Δθ² (from the previous
 * point) is compared with the re-minimized one, and flagged {@code poor} when
 * |ΔE_pred − ΔE| &gt; {@value #PREDICTION_TOLERANCE}·|ΔE| + {@value #PREDICTION_FLOOR}·max(1, |E*|) (a
 * contact change, or a jump to another minimum). One instance per chain; runs on one thread.
 */
final class ChainRunner {

    /** Relative disagreement of predicted and re-minimized energy change above which a prediction is poor. */
    static final double PREDICTION_TOLERANCE = 0.25;
    /** Absolute floor of that comparison, relative to max(1, |E*|). */
    static final double PREDICTION_FLOOR = 1e-9;

    /** Called after each point of the chain (committed now, or found committed). */
    interface Listener {
        void pointDone(PointKey key, boolean computed, JsonNode row);
    }

    private final SweepSetup setup;
    private final PointStore store;
    private final PointSolver solver;
    private final boolean warm;
    private final boolean xyz;

    ChainRunner(SweepSetup setup, PointStore store, PointSolver solver, boolean warm, boolean xyz) {
        this.setup = setup;
        this.store = store;
        this.solver = solver;
        this.warm = warm;
        this.xyz = xyz;
    }

    /** The previous point of the chain, as far as the next one needs it. */
    private record Previous(PointKey key, double theta, boolean converged, double energy, double dEnergy,
                            double d2Energy, PointState state) { }

    void run(SweepPlan.Chain chain, Listener listener) throws IOException {
        SweepPlan plan = setup.plan();
        SweepLayout layout = setup.layout();
        String chainParameter = plan.chainParameter();
        int chainIndex = plan.names().size() - 1;
        ParticleSystem template = null;
        Previous prev = null;
        for (int k = 0; k < chain.length(); k++) {
            int point = chain.point(k);
            PointKey key = new PointKey(point, chain.replica());
            double theta = plan.point(point)[chainIndex];
            ObjectNode committed = store.readRow(key);
            if (committed != null) {
                prev = previous(key, theta, committed, chainParameter, null);
                listener.pointDone(key, false, committed);
                continue;
            }
            if (template == null) template = setup.startingSystem(chain.replica());
            EnergyModel model = setup.model(point);

            double[] start = null;
            String kind = "cold";
            double predicted = Double.NaN;
            if (prev != null && prev.converged()) {
                double dTheta = theta - prev.theta();
                if (Double.isFinite(prev.dEnergy())) {
                    predicted = prev.dEnergy() * dTheta
                            + (Double.isFinite(prev.d2Energy()) ? 0.5 * prev.d2Energy() * dTheta * dTheta : 0.0);
                }
                if (warm) {
                    PointState s = prev.state() != null ? prev.state() : store.readState(prev.key());
                    double[] dx = s.dx();
                    if (dx != null) {
                        start = s.positions();
                        for (int q = 0; q < start.length; q++) start[q] += dx[q] * dTheta;
                        kind = "warm";
                    }
                }
            }
            PointSolver.Outcome out;
            int iterations;
            int evaluations;
            if (start != null) {
                out = solver.solve(template, start, model);
                iterations = out.result().iterations();
                evaluations = out.result().forceEvaluations();
                if (!out.result().converged()) {
                    out = solver.solve(template, template.positions(), model);
                    iterations += out.result().iterations();
                    evaluations += out.result().forceEvaluations();
                    kind = "cold-retry";
                }
            } else {
                out = solver.solve(template, template.positions(), model);
                iterations = out.result().iterations();
                evaluations = out.result().forceEvaluations();
            }

            double change = prev != null ? out.energy() - prev.energy() : Double.NaN;
            String prediction = "";
            if (Double.isFinite(predicted) && Double.isFinite(change)) {
                double floor = PREDICTION_FLOOR * Math.max(1.0, Math.abs(out.energy()));
                prediction = Math.abs(predicted - change) > PREDICTION_TOLERANCE * Math.abs(change) + floor ? "poor" : "ok";
            }
            ObjectNode row = row(layout, plan, chain, point, out, iterations, evaluations, kind,
                    predicted, change, prediction);
            double[] dx = null;
            if (warm && out.sensitivity() != null) {
                ParameterSensitivity ps = out.sensitivity().parameter(chainParameter);
                if (ps.status().hasNumbers()) dx = ps.dx();
            }
            PointState state = new PointState(out.positions(), dx);
            AtomicFiles.PathWriter xyzWriter = xyz && PointSolver.finite(out.positions())
                    ? xyzWriter(template, out, row, layout) : null;
            store.commit(key, state, row, xyzWriter);
            prev = previous(key, theta, row, chainParameter, state);
            listener.pointDone(key, true, row);
        }
    }

    private static Previous previous(PointKey key, double theta, JsonNode row, String chainParameter, PointState state) {
        boolean converged = "CONVERGED".equals(row.path("status").asText());
        return new Previous(key, theta, converged, real(row, "energy"),
                real(row, SweepLayout.derivativeColumn("energy", chainParameter)),
                real(row, "d2_energy_d_" + SweepLayout.mangle(chainParameter)), state);
    }

    /** A REAL cell of a row (a number, or the text NaN / Infinity that JSON writes for them). */
    static double real(JsonNode row, String column) {
        JsonNode v = row.get(column);
        if (v == null || v.isNull()) return Double.NaN;
        if (v.isNumber()) return v.doubleValue();
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static ObjectNode row(SweepLayout layout, SweepPlan plan, SweepPlan.Chain chain, int point, PointSolver.Outcome out,
                          int iterations, int evaluations, String start, double predicted, double change,
                          String prediction) {
        MinimizationResult r = out.result();
        SensitivityResult s = out.sensitivity();
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("point", point);
        row.put("chain", chain.index());
        row.put("replica", chain.replica());
        Long seed = plan.seed(chain.replica());
        if (seed == null) row.putNull("seed"); else row.put("seed", seed.longValue());
        double[] v = plan.point(point);
        for (int k = 0; k < v.length; k++) row.put(SweepLayout.valueColumn(plan.names().get(k)), v[k]);
        row.put("status", r.status().name());
        row.put("energy", out.energy());
        row.put("max_force", out.maxForce());
        row.put("iterations", iterations);
        List<String> ps = layout.parameters();
        for (String p : ps) row.put(SweepLayout.derivativeColumn("energy", p), s == null ? Double.NaN : s.parameter(p).dEnergy());
        for (String p : ps) row.put("d2_energy_d_" + SweepLayout.mangle(p), s == null ? Double.NaN : s.parameter(p).d2Energy());
        for (String o : layout.observables()) {
            ObservableSensitivity os = s == null ? null : s.observable(o);
            row.put(SweepLayout.mangle(o), os == null ? Double.NaN : os.value());
            for (String p : ps) row.put(SweepLayout.derivativeColumn(o, p), os == null ? Double.NaN : os.derivative(p));
            for (String p : ps) row.put("err_" + SweepLayout.derivativeColumn(o, p), os == null ? Double.NaN : os.errorEstimate(p));
            row.put(SweepLayout.mangle(o) + "_solver_residual", os == null ? Double.NaN : os.report().relativeResidual());
        }
        for (String p : ps) {
            ParameterSensitivity q = s == null ? null : s.parameter(p);
            String m = SweepLayout.mangle(p);
            row.put("dx_norm_" + m, q == null ? Double.NaN : q.norm());
            row.put("dx_residual_" + m, q == null ? Double.NaN : q.report().relativeResidual());
            row.put("dx_error_" + m, q == null ? Double.NaN : q.errorEstimate());
        }
        row.put("sensitivity_status", s == null ? "not-computed" : s.status().label());
        row.put("smallest_eigenvalue", s == null ? Double.NaN : s.smallestEigenvalue());
        if (s == null) row.putNull("zero_modes"); else row.put("zero_modes", s.zeroModes());
        if (s == null) row.putNull("rattlers"); else row.put("rattlers", s.rattlers().length);
        row.put("force_evaluations", evaluations);
        row.put("start", start);
        row.put("predicted_energy_change", predicted);
        row.put("energy_change", change);
        row.put("prediction", prediction);
        return row;
    }

    /** The point's extended XYZ: species, positions, forces, and dpos_d_&lt;p&gt; per differentiated parameter. */
    private static AtomicFiles.PathWriter xyzWriter(ParticleSystem template, PointSolver.Outcome out, ObjectNode row,
                                                    SweepLayout layout) {
        ParticleSystem system = template.copy();
        system.setPositions(out.positions());
        int d = system.dimension();
        List<XyzColumn> columns = new java.util.ArrayList<>();
        columns.add(new XyzColumn("forces", d, out.forces()));
        if (out.sensitivity() != null) {
            for (String p : layout.parameters()) {
                ParameterSensitivity ps = out.sensitivity().parameter(p);
                if (ps.status().hasNumbers()) columns.add(new XyzColumn("dpos_d_" + SweepLayout.mangle(p), d, ps.dx()));
            }
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("point", row.get("point").asText());
        info.put("replica", row.get("replica").asText());
        if (!row.get("seed").isNull()) info.put("seed", row.get("seed").asText());
        for (String v : layout.varied()) info.put(SweepLayout.mangle(v), row.get(SweepLayout.valueColumn(v)).asText());
        info.put("energy", Double.toString(out.energy()));
        info.put("max_force", Double.toString(out.maxForce()));
        info.put("status", out.result().status().name());
        return tmp -> ExtendedXyz.write(tmp, system, columns, info);
    }
}
