package org.mdsens.examples.cost;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mdsens.examples.paper.PaperExample;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.minimize.MinimizationResult;
import org.mdsens.md.minimize.MinimizerConfig;
import org.mdsens.md.minimize.MinimizerKind;
import org.mdsens.md.minimize.Minimizers;
import org.mdsens.md.model.EnergyEvaluator;
import org.mdsens.md.model.EnergyModel;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.potential.PairPotential;
import org.mdsens.md.space.Box;
import org.mdsens.md.system.ParticleSystem;
import org.mdsens.sensitivity.linalg.EigenEstimate;
import org.mdsens.sensitivity.md.EquilibriumSensitivity;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityConfig;

/**
 * Cost of one implicit JVP against the minimization it differentiates and against a finite-difference
 * pair (issue 4, acceptance "Cost": JVP ≤ 0.25× FIRE, ≤ 0.1× one warm-started FD pair).
 *
 * <p>System: the paper's 2D bidisperse soft spheres ({@link PaperExample#packing}: D = 1.0/1.4 50:50,
 * φ = 0.9, α = 2, ε = 1, random sequential addition with min distance 0.1, seeded), kernel
 * {@link KernelChoice#AUTO}. Steps, each timed as thread CPU time ({@link ThreadMXBean}; every kernel is
 * single-threaded, so this is the whole work and insensitive to other load on a shared machine) and as
 * wall time:
 * <ol>
 *   <li>FIRE 2.0 (dt 0.05 as the app uses for soft spheres, max step 0.1) from the generated start to max
 *       force 1e-10; force evaluations from {@link MinimizationResult#forceEvaluations()};</li>
 *   <li>one JVP dx*&#47;dD_B at x* to Krylov relative residual 1e-8, twice: with the Lanczos λ̂ and the
 *       first-order error estimates ({@link SensitivityConfig#defaults()}), and without both. The time covers
 *       the {@link EquilibriumSensitivity} construction (rattlers, backbone, zero modes) and the solve;
 *       Hessian products are counted at the kernel (all of them: Lanczos, main solve, estimate solves and
 *       probes) next to the main solve's count from its {@code SolveReport};</li>
 *   <li>a central finite-difference pair: D_B ± h, h = 1e-4·D_B, each re-minimized by FIRE to 1e-10 from x*
 *       (warm start), timed together. The FD Jacobian is compared with the JVP (non-rattlers, mean removed,
 *       minimum image) as a sanity check.</li>
 * </ol>
 * A JIT warm-up on a small packing precedes the measurement, so no step pays for compilation.
 * Usage: {@code JvpCostBenchmark [N (default 16384)] [seed (default 1)]}. Not thread-safe (one run per thread).
 */
public final class JvpCostBenchmark {

    /** The differentiated parameter. */
    public static final String PARAMETER = "diameter[B]";
    /** Force tolerance of every minimization. */
    public static final double FORCE_TOLERANCE = 1e-10;
    /** Krylov relative residual of the JVP. */
    public static final double KRYLOV_TOLERANCE = 1e-8;
    /** Relative finite-difference step h/D_B. */
    public static final double RELATIVE_STEP = 1e-4;
    /** FIRE time step the app uses for soft spheres. */
    public static final double TIMESTEP = 0.05;
    /** Particles of the JIT warm-up run. */
    public static final int WARMUP_SIZE = 512;

    private JvpCostBenchmark() { }

    /** CPU (thread) and wall seconds of one timed step. */
    public record Timing(double cpuSeconds, double wallSeconds) {
        /** This step's CPU and wall time over another's. */
        public Timing over(Timing o) { return new Timing(cpuSeconds / o.cpuSeconds, wallSeconds / o.wallSeconds); }
    }

    /**
     * One JVP measurement.
     *
     * @param label           "with λ̂ + estimates" or "without"
     * @param time            construction + solve
     * @param sensitivity     the JVP (status, report, norm)
     * @param solveProducts   Hessian products of the main Krylov solve (its SolveReport)
     * @param lanczosProducts Hessian products of the Lanczos run (0 when off)
     * @param totalProducts   every Hessian product made, counted at the kernel
     * @param lambda          λ̂ (NaN when off)
     */
    public record JvpRun(String label, Timing time, ParameterSensitivity sensitivity, int solveProducts,
                         int lanczosProducts, long totalProducts, double lambda) { }

    /**
     * The whole measurement.
     *
     * @param size          N
     * @param seed          packing seed
     * @param kernel        kernel name
     * @param fire          the minimization from the generated start
     * @param fireTime      its time
     * @param withEstimates JVP with Lanczos λ̂ and error estimates
     * @param plain         JVP without both
     * @param fdPlus        FIRE at D_B + h from x*
     * @param fdMinus       FIRE at D_B − h from x*
     * @param fdTime        both FD minimizations together
     * @param fdError       ‖J − J_FD‖₂/max(‖J_FD‖₂, 1) over non-rattlers, mean removed
     * @param fdNorm        ‖J_FD‖₂ over the same particles
     */
    public record Result(int size, long seed, String kernel, MinimizationResult fire, Timing fireTime,
                         JvpRun withEstimates, JvpRun plain, MinimizationResult fdPlus, MinimizationResult fdMinus,
                         Timing fdTime, double fdError, double fdNorm) {
        /** True when every minimization converged and both JVPs are usable. */
        public boolean converged() {
            return fire.converged() && fdPlus.converged() && fdMinus.converged()
                    && withEstimates.sensitivity().status().usable() && plain.sensitivity().status().usable();
        }
    }

    /** Runs the benchmark and prints the table: {@code [N] [seed]}. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 16384;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        if (n < 2) throw new IllegalArgumentException("N must be >= 2, got " + n);
        System.out.printf("JIT warm-up at N = %d ...%n", Math.min(n, WARMUP_SIZE));
        run(Math.min(n, WARMUP_SIZE), seed + 1);
        Result r = run(n, seed);
        print(r, System.out);
        if (!r.converged()) {
            System.out.println("NOT CONVERGED: see the statuses above");
            System.exit(1);
        }
    }

    /** Measures one packing of {@code n} particles (no warm-up). */
    public static Result run(int n, long seed) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CountingProvider provider = new CountingProvider(Kernels.select(KernelChoice.AUTO));
        ParticleSystem system = PaperExample.packing(n, seed);
        EnergyModel model = PaperExample.model();
        EnergyEvaluator evaluator = new EnergyEvaluator(system, model, provider, EnergyEvaluator.defaultSkin(system, model));
        MinimizerConfig fire = new MinimizerConfig(MinimizerKind.FIRE, FORCE_TOLERANCE, 10_000_000, TIMESTEP, 0.1);

        long[] t0 = now(threads);
        MinimizationResult minimum = Minimizers.create(fire).minimize(evaluator);
        Timing fireTime = since(threads, t0);

        JvpRun with = jvp(evaluator, provider, threads, true, "with lambda + estimates");
        JvpRun plain = jvp(evaluator, provider, threads, false, "without");

        double[] xStar = evaluator.positions().clone();
        double dB = model.parameter(PARAMETER);
        double h = RELATIVE_STEP * dB;
        EnergyEvaluator plus = shifted(evaluator, xStar, PARAMETER, dB + h);
        EnergyEvaluator minus = shifted(evaluator, xStar, PARAMETER, dB - h);
        t0 = now(threads);
        MinimizationResult fdPlus = Minimizers.create(fire).minimize(plus);
        MinimizationResult fdMinus = Minimizers.create(fire).minimize(minus);
        Timing fdTime = since(threads, t0);
        double[] fdError = fdError(system.box(), plain.sensitivity(), plus.positions(), minus.positions(), 2 * h,
                new EquilibriumSensitivity(evaluator, SensitivityConfig.defaults().withEigenvalueEstimate(false)
                        .withErrorEstimates(false)).rattlers());
        return new Result(n, seed, provider.name(), minimum, fireTime, with, plain, fdPlus, fdMinus, fdTime, fdError[0], fdError[1]);
    }

    private static JvpRun jvp(EnergyEvaluator evaluator, CountingProvider provider, ThreadMXBean threads,
                              boolean estimates, String label) {
        SensitivityConfig config = SensitivityConfig.defaults().withRelativeTolerance(KRYLOV_TOLERANCE)
                .withForceTolerance(FORCE_TOLERANCE).withEigenvalueEstimate(estimates).withErrorEstimates(estimates);
        long before = provider.hessianProducts;
        long[] t0 = now(threads);
        EquilibriumSensitivity s = new EquilibriumSensitivity(evaluator, config);
        ParameterSensitivity j = s.jvp(PARAMETER);
        Timing t = since(threads, t0);
        long total = provider.hessianProducts - before;
        EigenEstimate e = estimates ? s.spectrum() : null;
        return new JvpRun(label, t, j, j.report().operatorApplications(), e == null ? 0 : e.operatorApplications(),
                total, e == null ? Double.NaN : e.eigenvalue());
    }

    /** A copy of the evaluator's system at {@code x}, with one parameter changed. */
    private static EnergyEvaluator shifted(EnergyEvaluator base, double[] x, String parameter, double value) {
        ParticleSystem copy = base.system().copy();
        copy.setPositions(x);
        return new EnergyEvaluator(copy, base.model().withParameter(parameter, value), base.provider(), base.skin());
    }

    /**
     * {‖J − J_FD‖₂/max(‖J_FD‖₂, 1), ‖J_FD‖₂}, J_FD = (x₊ − x₋)/2h by minimum image, over non-rattlers with the
     * mean removed.
     */
    static double[] fdError(Box box, ParameterSensitivity j, double[] plus, double[] minus, double twoH, int[] rattlers) {
        int d = box.dimension();
        double[] len = box.imageLengths(), inv = box.inverseImageLengths();
        int n = plus.length / d;
        boolean[] skip = new boolean[n];
        for (int r : rattlers) skip[r] = true;
        double[] fd = new double[plus.length];
        double[] mean = new double[d];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (skip[i]) continue;
            kept++;
            for (int a = 0; a < d; a++) {
                int q = d * i + a;
                fd[q] = Box.minimumImage(plus[q] - minus[q], len[a], inv[a]) / twoH;
                mean[a] += fd[q];
            }
        }
        double[] dx = j.dx();
        double diff = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            if (skip[i]) continue;
            for (int a = 0; a < d; a++) {
                int q = d * i + a;
                double f = fd[q] - mean[a] / kept;
                norm += f * f;
                diff += (dx[q] - f) * (dx[q] - f);
            }
        }
        return new double[] {Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1), Math.sqrt(norm)};
    }

    /** Prints the measurement table. */
    public static void print(Result r, PrintStream out) {
        out.printf("%nJVP cost, 2D soft spheres D 1.0/1.4 phi 0.9 alpha 2, N = %d, seed %d, kernel %s%n",
                r.size(), r.seed(), r.kernel());
        out.printf("JDK %s (%s), %d processors, load average %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), loadAverage());
        out.printf("%-34s %10s %10s  %s%n", "step", "CPU s", "wall s", "details");
        out.printf("%-34s %10.3f %10.3f  %s, %d iterations, %d force evaluations, max force %.2e%n",
                "FIRE 2.0 from start to 1e-10", r.fireTime().cpuSeconds(), r.fireTime().wallSeconds(),
                r.fire().status(), r.fire().iterations(), r.fire().forceEvaluations(), r.fire().maxForce());
        for (JvpRun j : new JvpRun[] {r.withEstimates(), r.plain()}) {
            out.printf("%-34s %10.3f %10.3f  %s, Hessian products: solve %d, Lanczos %d, total %d; lambda %.4g; "
                            + "rel. residual %.2e; error estimate %.2e%n",
                    "JVP " + j.label(), j.time().cpuSeconds(), j.time().wallSeconds(), j.sensitivity().status(),
                    j.solveProducts(), j.lanczosProducts(), j.totalProducts(), j.lambda(),
                    j.sensitivity().report().relativeResidual(), j.sensitivity().errorEstimate());
        }
        out.printf("%-34s %10.3f %10.3f  %s/%s, %d + %d force evaluations; |J_FD| = %.4g, |J| = %.4g, |J - J_FD|/max(|J_FD|,1) = %.2e%n",
                "FD pair (h = 1e-4 D_B, warm)", r.fdTime().cpuSeconds(), r.fdTime().wallSeconds(), r.fdPlus().status(),
                r.fdMinus().status(), r.fdPlus().forceEvaluations(), r.fdMinus().forceEvaluations(), r.fdNorm(), r.plain().sensitivity().norm(),
                r.fdError());
        out.printf("%nratios (CPU / wall)%32s %18s%n", "JVP/FIRE (<= 0.25)", "JVP/FD (<= 0.1)");
        for (JvpRun j : new JvpRun[] {r.withEstimates(), r.plain()}) {
            Timing a = j.time().over(r.fireTime()), b = j.time().over(r.fdTime());
            out.printf("JVP %-30s %8.4f / %-8.4f %8.4f / %-8.4f%n", j.label(), a.cpuSeconds(), a.wallSeconds(),
                    b.cpuSeconds(), b.wallSeconds());
        }
    }

    /** The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), or "n/a". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static long[] now(ThreadMXBean threads) {
        return new long[] {threads.getCurrentThreadCpuTime(), System.nanoTime()};
    }

    private static Timing since(ThreadMXBean threads, long[] t0) {
        return new Timing((threads.getCurrentThreadCpuTime() - t0[0]) * 1e-9, (System.nanoTime() - t0[1]) * 1e-9);
    }

    /** Wraps a provider and counts Hessian products over all its kernels (single-threaded use). */
    private static final class CountingProvider implements KernelProvider {
        private final KernelProvider inner;
        long hessianProducts;

        CountingProvider(KernelProvider inner) { this.inner = inner; }

        @Override public String name() { return inner.name(); }

        @Override public ForceKernel pairKernel(PairPotential potential) {
            ForceKernel k = inner.pairKernel(potential);
            return new ForceKernel() {
                @Override public String name() { return k.name(); }

                @Override public double energyAndForces(ParticleSystem s, NeighborList l, double[] f, double[] v) {
                    return k.energyAndForces(s, l, f, v);
                }

                @Override public void hessianProduct(ParticleSystem s, NeighborList l, double[] v, double[] out) {
                    hessianProducts++;
                    k.hessianProduct(s, l, v, out);
                }

                @Override public double parameterEnergyDerivative(ParticleSystem s, NeighborList l, int q) {
                    return k.parameterEnergyDerivative(s, l, q);
                }

                @Override public void parameterGradient(ParticleSystem s, NeighborList l, int q, double[] out) {
                    k.parameterGradient(s, l, q, out);
                }
            };
        }
    }
}
