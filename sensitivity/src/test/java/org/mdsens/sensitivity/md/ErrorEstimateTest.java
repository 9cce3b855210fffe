package org.mdsens.sensitivity.md;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdsens.md.model.EnergyEvaluator;

/**
 * The error estimate against the true error of sensitivities computed at minima stopped early: FIRE is
 * stopped at max force 1e-4, 1e-6 and 1e-8 in turn, the sensitivities are computed at each x̂, and
 * finally the system is Newton-polished to round-off for the reference. Checked over every parameter,
 * observable derivative and tolerance whose true error is measurable (above 1e-12 times the size of the
 * quantity; below that both are round-off): the estimate is within 10× of the true error (both ways) and
 * above it in at least 90% of the cases; the true JVP error is linear in ‖F(x̂)‖ (log-log slope in
 * [0.8, 1.2]), as Theorem 1 of Blondel et al. says.
 */
class ErrorEstimateTest {

    private static final double[] TOLERANCES = {1e-4, 1e-6, 1e-8};

    /** Ratios estimate/true over all cases, and the slopes; printed. */
    private static void study(String label, EnergyEvaluator ev, List<String> parameters, List<Observable> observables,
                              List<Double> ratios, List<Double> slopes) {
        int np = parameters.size(), no = observables.size();
        double[][][] jac = new double[TOLERANCES.length][np][];
        double[][] jacEstimate = new double[TOLERANCES.length][np];
        double[][][] obs = new double[TOLERANCES.length][no][np];
        double[][][] obsEstimate = new double[TOLERANCES.length][no][np];
        double[] force = new double[TOLERANCES.length];
        for (int t = 0; t < TOLERANCES.length; t++) {
            Fixtures.minimize(ev, TOLERANCES[t]);
            EquilibriumSensitivity s = new EquilibriumSensitivity(ev);
            force[t] = s.forceNorm();
            for (int p = 0; p < np; p++) {
                ParameterSensitivity j = s.jvp(parameters.get(p));
                jac[t][p] = j.dx();
                jacEstimate[t][p] = j.errorEstimate();
            }
            for (int o = 0; o < no; o++) {
                ObservableSensitivity v = s.vjp(observables.get(o), parameters);
                for (int p = 0; p < np; p++) {
                    obs[t][o][p] = v.derivative(parameters.get(p));
                    obsEstimate[t][o][p] = v.errorEstimate(parameters.get(p));
                }
            }
        }
        NewtonPolish.polish(ev, 20, 1e-13);
        EquilibriumSensitivity reference = new EquilibriumSensitivity(ev);
        for (int p = 0; p < np; p++) {
            double[] ref = reference.jvp(parameters.get(p)).dx();
            double[] logF = new double[TOLERANCES.length], logE = new double[TOLERANCES.length];
            for (int t = 0; t < TOLERANCES.length; t++) {
                double err = Fixtures.distance(ref, jac[t][p]);
                if (err > 1e-12 * Math.max(1, Fixtures.norm(ref))) ratios.add(jacEstimate[t][p] / err);
                logF[t] = Math.log(force[t]);
                logE[t] = Math.log(err);
                System.out.printf("%-8s dx/d%-12s |F| %.2e  true %.3e  estimate %.3e  ratio %.2f%n", label,
                        parameters.get(p), force[t], err, jacEstimate[t][p], jacEstimate[t][p] / err);
            }
            double slope = slope(logF, logE);
            slopes.add(slope);
            System.out.printf("%-8s dx/d%-12s slope of log error vs log |F|: %.3f%n", label, parameters.get(p), slope);
        }
        for (int o = 0; o < no; o++) {
            ObservableSensitivity v = reference.vjp(observables.get(o), parameters);
            for (int p = 0; p < np; p++) {
                for (int t = 0; t < TOLERANCES.length; t++) {
                    double err = Math.abs(obs[t][o][p] - v.derivative(parameters.get(p)));
                    boolean measurable = err > 1e-12 * Math.max(1, Math.abs(v.derivative(parameters.get(p))));
                    if (measurable) ratios.add(obsEstimate[t][o][p] / err);
                    System.out.printf("%-8s d%s/d%-12s |F| %.2e  true %.3e  estimate %.3e  ratio %.2f%s%n", label,
                            observables.get(o).name(), parameters.get(p), force[t], err, obsEstimate[t][o][p],
                            obsEstimate[t][o][p] / err, measurable ? "" : "  (round-off: not counted)");
                }
            }
        }
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    @Test
    void estimateTracksTheTrueErrorSeeds1And7And3() {
        List<Double> ratios = new ArrayList<>();
        List<Double> slopes = new ArrayList<>();
        List<Observable> observables = List.of(Observables.energy(), Observables.pressure());
        study("crystal", Fixtures.vacancyCrystal(1), List.of("sigma[A]", "epsilon[A]"), observables, ratios, slopes);
        study("packing", Fixtures.softSpherePacking(128, 0.9, 2.0, 7), List.of("diameter[B]", "alpha"), observables,
                ratios, slopes);
        study("KA", Fixtures.kobAndersen(250, 1.2, 3), List.of("sigma[A,B]", "epsilon[A,B]"), observables, ratios,
                slopes);
        int above = 0;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double r : ratios) {
            if (r >= 1) above++;
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        System.out.printf("error estimate / true error over %d cases: in [%.2f, %.2f], above in %d (%.0f%%); slopes %s%n",
                ratios.size(), lo, hi, above, 100.0 * above / ratios.size(), slopes);
        assertTrue(lo >= 0.1 && hi <= 10, "ratios must lie within 10x: [" + lo + ", " + hi + "]");
        assertTrue(above >= 0.9 * ratios.size(), "estimate above the true error in " + above + " of " + ratios.size());
        for (double s : slopes) assertTrue(s >= 0.8 && s <= 1.2, "slopes " + slopes);
    }
}
