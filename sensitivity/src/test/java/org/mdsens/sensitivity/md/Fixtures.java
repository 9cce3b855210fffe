package org.mdsens.sensitivity.md;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.model.HarmonicBonds;
import org.mdsens.md.potential.LennardJones;
import org.mdsens.md.potential.Morse;
import org.mdsens.md.potential.SoftSphere;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;

/** Seeded test systems, minimization to round-off, and finite-difference Jacobians of re-minimized systems. */
final class Fixtures {

    private Fixtures() { }

    static EnergyEvaluator evaluator(ParticleSystem system, EnergyModel model) {
        return new EnergyEvaluator(system, model, Kernels.select(KernelChoice.SCALAR),
                EnergyEvaluator.defaultSkin(system, model));
    }

    /** 2D bidisperse soft-sphere packing, D = 1.0 / 1.4 (50:50), uniform random start. */
    static EnergyEvaluator softSpherePacking(int n, double phi, double alpha, long seed) {
        List<String> names = List.of("A", "B");
        SoftSphere ss = SoftSphere.builder(names).diameter("A", 1.0).diameter("B", 1.4).epsilon(1.0).alpha(alpha).build();
        int[] species = new int[n];
        double area = 0;
        for (int i = 0; i < n; i++) {
            species[i] = i < n / 2 ? 0 : 1;
            double d = species[i] == 0 ? 1.0 : 1.4;
            area += Math.PI * d * d / 4;
        }
        double l = Math.sqrt(area / phi);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] x = new double[2 * n];
        for (int q = 0; q < x.length; q++) x[q] = l * rng.nextDouble();
        ParticleSystem system = new ParticleSystem(Box.Periodic.cube(2, l), x, species, names);
        return evaluator(system, new EnergyModel(ss));
    }

    /** Kob–Andersen 80:20 LJ with the C² switch on [2.0σ_ab, 2.5σ_ab], random sequential start. */
    static EnergyEvaluator kobAndersen(int n, double density, long seed) {
        List<String> names = List.of("A", "B");
        LennardJones lj = LennardJones.builder(names).sigma("A", 1).epsilon("A", 1).sigma("B", 0.88).epsilon("B", 0.5)
                .pairSigma("A", "B", 0.8).pairEpsilon("A", "B", 1.5).smoothSwitchInSigma(2.0, 2.5).build();
        double l = Math.cbrt(n / density);
        int[] species = new int[n];
        for (int i = 0; i < n; i++) species[i] = i < (4 * n) / 5 ? 0 : 1;
        double[] x = randomSequential(3, n, l, 0.75, seed);
        ParticleSystem system = new ParticleSystem(Box.Periodic.cube(3, l), x, species, names);
        return evaluator(system, new EnergyModel(lj));
    }

    /**
     * An fcc LJ crystal (4×4×4 cells at number density 1.0, C² switch on [2.0, 2.5]) with the site at the
     * origin left empty (a vacancy) and the others jittered by ±0.025 (seeded).
     */
    static EnergyEvaluator vacancyCrystal(long seed) {
        int cells = 4;
        double a = Math.cbrt(4 / 1.0);
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int n = 4 * cells * cells * cells - 1;
        double[] x = new double[3 * n];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int m = 0;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                for (int k = 0; k < cells; k++) {
                    for (int b = 0; b < 4; b++) {
                        if (i == 0 && j == 0 && k == 0 && b == 0) continue;
                        x[3 * m] = (i + basis[b][0]) * a + 0.05 * (rng.nextDouble() - 0.5);
                        x[3 * m + 1] = (j + basis[b][1]) * a + 0.05 * (rng.nextDouble() - 0.5);
                        x[3 * m + 2] = (k + basis[b][2]) * a + 0.05 * (rng.nextDouble() - 0.5);
                        m++;
                    }
                }
            }
        }
        List<String> names = List.of("A");
        LennardJones lj = LennardJones.builder(names).smoothSwitch(2.0, 2.5).build();
        return evaluator(new ParticleSystem(Box.Periodic.cube(3, cells * a), x, new int[n], names), new EnergyModel(lj));
    }

    /** Random sequential addition with a minimum distance (minimum image). */
    static double[] randomSequential(int d, int n, double l, double minDistance, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] x = new double[d * n];
        int placed = 0;
        long attempts = 0;
        while (placed < n) {
            if (++attempts > 10_000_000L) throw new IllegalStateException("random sequential addition failed");
            for (int a = 0; a < d; a++) x[d * placed + a] = l * rng.nextDouble();
            boolean ok = true;
            for (int j = 0; j < placed && ok; j++) {
                double r2 = 0;
                for (int a = 0; a < d; a++) {
                    double dx = Box.minimumImage(x[d * placed + a] - x[d * j + a], l, 1 / l);
                    r2 += dx * dx;
                }
                ok = r2 >= minDistance * minDistance;
            }
            if (ok) placed++;
        }
        return x;
    }

    /**
     * A 2D open elastic network: a jittered triangular patch of {@code rows × cols} particles, nearest
     * neighbours bonded with two bond types of different rest lengths (frustrated, so bond parameters
     * matter), plus a Morse pair interaction between all particles.
     */
    static EnergyEvaluator elasticNetwork(int rows, int cols, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = rows * cols;
        double[] x = new double[2 * n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                x[2 * i] = c + 0.5 * (r % 2) + 0.05 * (rng.nextDouble() - 0.5);
                x[2 * i + 1] = r * Math.sqrt(3) / 2 + 0.05 * (rng.nextDouble() - 0.5);
            }
        }
        int[] f = new int[3 * n], g = new int[3 * n], t = new int[3 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[2 * i] - x[2 * j], dy = x[2 * i + 1] - x[2 * j + 1];
                if (dx * dx + dy * dy < 1.2 * 1.2) {
                    f[m] = i;
                    g[m] = j;
                    t[m] = rng.nextDouble() < 0.5 ? 0 : 1;
                    m++;
                }
            }
        }
        HarmonicBonds bonds = new HarmonicBonds(Arrays.copyOf(f, m), Arrays.copyOf(g, m), Arrays.copyOf(t, m),
                List.of("soft", "stiff"), new double[] {2.0, 10.0}, new double[] {1.05, 0.95});
        List<String> names = List.of("A");
        Morse morse = Morse.builder(names).all(0.2, 1.1, 3.0).cutoff(2.5).shift(true).build();
        ParticleSystem system = new ParticleSystem(new Box.Open(2), x, new int[n], names);
        return evaluator(system, new EnergyModel(morse, bonds));
    }

    /** FIRE 2.0 to {@code tolerance}; fails the test when not converged. */
    static MinimizationResult minimize(EnergyEvaluator ev, double tolerance) {
        return minimize(ev, tolerance, MinimizerKind.FIRE);
    }

    /** The given minimizer to {@code tolerance}; fails the test when not converged. */
    static MinimizationResult minimize(EnergyEvaluator ev, double tolerance, MinimizerKind kind) {
        MinimizationResult r = Minimizers.create(MinimizerConfig.defaults().withAlgorithm(kind)
                .withForceTolerance(tolerance).withMaxIterations(500_000)).minimize(ev);
        if (!r.converged()) throw new AssertionError("minimization did not converge: " + r);
        return r;
    }

    /** Minimizes with FIRE to 1e-9 and polishes to 1e-13 (or the round-off floor, at most 1e-11). */
    static PolishReport minimizeAndPolish(EnergyEvaluator ev) {
        return minimizeAndPolish(ev, MinimizerKind.FIRE);
    }

    /** Minimizes with {@code kind} to 1e-9 and polishes to 1e-13 (or the round-off floor, at most 1e-11). */
    static PolishReport minimizeAndPolish(EnergyEvaluator ev, MinimizerKind kind) {
        minimize(ev, 1e-9, kind);
        PolishReport p = NewtonPolish.polish(ev, 20, 1e-13);
        if (p.finalMaxForce() > 1e-11) throw new AssertionError("polish did not reach 1e-11: " + p);
        return p;
    }

    /**
     * The system at x*(θ + delta) for one parameter: re-minimized from {@code prediction} (e.g. the
     * first-order prediction x* + delta·u) by Newton polish, falling back to FIRE first when Newton does
     * not converge. Its model has the changed parameter.
     */
    static EnergyEvaluator reminimizedEvaluator(EnergyEvaluator base, String parameter, double delta,
                                                double[] prediction) {
        ParticleSystem copy = base.system().copy();
        copy.setPositions(prediction);
        EnergyModel model = base.model().withParameter(parameter, base.model().parameter(parameter) + delta);
        EnergyEvaluator ev = new EnergyEvaluator(copy, model, base.provider(), base.skin());
        PolishReport p = NewtonPolish.polish(ev, 30, 1e-13);
        if (p.finalMaxForce() > 1e-11) {
            minimize(ev, 1e-9);
            p = NewtonPolish.polish(ev, 30, 1e-13);
            if (p.finalMaxForce() > 1e-11) throw new AssertionError("re-minimization failed: " + p);
        }
        return ev;
    }

    /** x*(θ + delta): the positions of {@link #reminimizedEvaluator}. */
    static double[] reminimized(EnergyEvaluator base, String parameter, double delta, double[] prediction) {
        return reminimizedEvaluator(base, parameter, delta, prediction).positions().clone();
    }

    /** Minimum-image difference (a − b)/scale, coordinate-wise. */
    static double[] difference(Box box, double[] a, double[] b, double scale) {
        int d = box.dimension();
        double[] len = box.imageLengths(), inv = box.inverseImageLengths();
        double[] out = new double[a.length];
        for (int q = 0; q < a.length; q++) out[q] = Box.minimumImage(a[q] - b[q], len[q % d], inv[q % d]) / scale;
        return out;
    }

    /**
     * Brings a displacement field into the gauge of {@code s}: rattlers 0, then the backbone's rigid
     * components projected out.
     */
    static double[] toGauge(EquilibriumSensitivity s, double[] field) {
        int d = s.dimension();
        boolean[] rattler = new boolean[s.size()];
        for (int r : s.rattlers()) rattler[r] = true;
        int nb = s.size() - s.rattlers().length;
        double[] bb = new double[d * nb];
        int m = 0;
        for (int i = 0; i < s.size(); i++) {
            if (rattler[i]) continue;
            System.arraycopy(field, d * i, bb, d * m, d);
            m++;
        }
        s.rigidModes().project(bb);
        double[] out = new double[field.length];
        m = 0;
        for (int i = 0; i < s.size(); i++) {
            if (rattler[i]) continue;
            System.arraycopy(bb, d * m, out, d * i, d);
            m++;
        }
        return out;
    }

    /** Central finite-difference dx*&#47;dθ in the gauge of {@code s}, from re-minimized systems at θ ± h. */
    static double[] finiteDifferenceJvp(EnergyEvaluator base, EquilibriumSensitivity s, String parameter, double h) {
        double[] x0 = s.positions();
        ParameterSensitivity u = s.jvp(parameter);
        double[] plus = reminimized(base, parameter, h, EquilibriumSensitivity.predict(x0, u, h));
        double[] minus = reminimized(base, parameter, -h, EquilibriumSensitivity.predict(x0, u, -h));
        return toGauge(s, difference(base.system().box(), plus, minus, 2 * h));
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) s += (a[q] - b[q]) * (a[q] - b[q]);
        return Math.sqrt(s);
    }
}
