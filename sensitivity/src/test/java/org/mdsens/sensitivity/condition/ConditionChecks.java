package org.mdsens.sensitivity.condition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Oracles for any {@link OptimalityCondition}: products against central differences of F, and duality. */
public final class ConditionChecks {

    private ConditionChecks() {
    }

    private static double[] random(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Central difference of F along (dx, dθ) with step h. */
    public static double[] centralDifference(OptimalityCondition c, double[] x, double[] theta, double[] dx,
                                             double[] dTheta, double h) {
        int n = c.dimension();
        double[] xp = x.clone();
        double[] xm = x.clone();
        double[] tp = theta.clone();
        double[] tm = theta.clone();
        for (int i = 0; i < n; i++) {
            xp[i] += h * dx[i];
            xm[i] -= h * dx[i];
        }
        for (int j = 0; j < theta.length; j++) {
            tp[j] += h * dTheta[j];
            tm[j] -= h * dTheta[j];
        }
        double[] fp = new double[n];
        double[] fm = new double[n];
        c.residual(xp, tp, fp);
        c.residual(xm, tm, fm);
        for (int i = 0; i < n; i++) {
            fp[i] = (fp[i] - fm[i]) / (2 * h);
        }
        return fp;
    }

    /**
     * Checks jvpX and jvpTheta against central differences (relative tolerance {@code fdTolerance} of the largest
     * entry), duality ⟨w, A v⟩ = ⟨Aᵀ w, v⟩ and ⟨w, B u⟩ = ⟨Bᵀ w, u⟩ to {@code dualityTolerance}, and the declared
     * symmetry, for a few seeded random directions.
     */
    public static void check(OptimalityCondition c, double[] x, double[] theta, long seed, double fdStep,
                             double fdTolerance, double dualityTolerance) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = c.dimension();
        int p = c.parameterCount();
        for (int trial = 0; trial < 3; trial++) {
            double[] v = random(rng, n);
            double[] w = random(rng, n);
            double[] u = random(rng, p);
            double[] av = new double[n];
            c.jvpX(x, theta, v, av);
            double[] fd = centralDifference(c, x, theta, v, new double[p], fdStep);
            assertClose(fd, av, fdTolerance, "jvpX vs central differences");
            double[] bu = new double[n];
            c.jvpTheta(x, theta, u, bu);
            double[] fdt = centralDifference(c, x, theta, new double[n], u, fdStep);
            assertClose(fdt, bu, fdTolerance, "jvpTheta vs central differences");

            double[] atw = new double[n];
            c.vjpX(x, theta, w, atw);
            double lhs = dot(w, av);
            double rhs = dot(atw, v);
            double scale = Math.max(1.0, maxAbs(av) * maxAbs(w) * n);
            assertTrue(Math.abs(lhs - rhs) <= dualityTolerance * scale,
                    "<w, Av> = " + lhs + " but <Aᵀw, v> = " + rhs);
            double[] btw = new double[p];
            c.vjpTheta(x, theta, w, btw);
            double lhsT = dot(w, bu);
            double rhsT = dot(btw, u);
            double scaleT = Math.max(1.0, maxAbs(bu) * maxAbs(w) * n);
            assertTrue(Math.abs(lhsT - rhsT) <= dualityTolerance * scaleT,
                    "<w, Bu> = " + lhsT + " but <Bᵀw, u> = " + rhsT);
            if (c.symmetric()) {
                double[] aw = new double[n];
                c.jvpX(x, theta, w, aw);
                assertTrue(Math.abs(dot(v, aw) - lhs) <= dualityTolerance * scale, "declared symmetric but <v, Aw> != <w, Av>");
            }
        }
    }

    public static void assertClose(double[] expected, double[] actual, double relativeTolerance, String what) {
        double scale = Math.max(1e-300, maxAbs(expected));
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            int index = i;
            assertTrue(err <= relativeTolerance * scale, () -> what + ": entry " + index + " expected " + expected[index]
                    + " got " + actual[index] + " (scale " + scale + ")");
        }
    }
}
