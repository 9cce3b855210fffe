package org.mdsens.examples.cost;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mdsens.examples.paper.PaperExample;
import org.mdsens.md.kernel.ForceKernel;
import org.mdsens.md.kernel.KernelChoice;
import org.mdsens.md.kernel.KernelProvider;
import org.mdsens.md.kernel.Kernels;
import org.mdsens.md.kernel.PairBatch;
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
import org.mdsens.sensitivity.md.HessianKind;
import org.mdsens.sensitivity.md.NewtonPolish;
import org.mdsens.sensitivity.md.ParameterSensitivity;
import org.mdsens.sensitivity.md.SensitivityConfig;

/**
 * Cost of one implicit JVP against the minimization it differentiates and against a finite-difference
 * pair (issue 4, acceptance "Cost": JVP ≤ 0.25× FIRE, ≤ 0.1× one warm-started FD pair).
 *
 * <p>System: the paper's 2D bidisperse soft spheres ({@link PaperExample#packing}: D = 1.0/1.4 50:50,
 * φ = 0.9, α = 2, ε = 1, random sequential addition with min distance 0.1, seeded), kernel
 * {@link KernelChoice#AUTO}. Steps, each timed as thread CPU time ({@link ThreadMXBean}; every kernel is
 * single-threaded, so this is the whole work and less sensitive to other load on a shared machine) and as
 * wall time:
 * <ol>
 *   <li>FIRE 2.0 (dt 0.05 as the app uses for soft spheres, max step 0.1) from the generated start to max
 *       force 1e-10; force evaluations from {@link MinimizationResult#forceEvaluations()};</li>
 *   <li>one JVP dx*&#47;dD_B at x* to Krylov relative residual 1e-8 with {@link SensitivityConfig#defaults()}
 *       (assembled Hessian, the default preconditioner, printed), twice: with λ̂ and the first-order error
 *       estimates, and without both ("bare"). Each is split into setup (the {@link EquilibriumSensitivity}
 *       construction: rattlers, backbone, zero modes; then the Hessian assembly and the preconditioner), the
 *       per-system parts of the estimates, shared by every parameter (λ̂: {@link EquilibriumSensitivity#spectrum()};
 *       the Newton correction δ: {@link EquilibriumSensitivity#newtonCorrection()}), and the JVP itself (solve,
 *       d²E, and with estimates the probes and the estimate solve). Hessian products: the main solve's (its
 *       {@code SolveReport}), λ̂'s, and all of them (assembled products counted by the sensitivity, matrix-free
 *       ones at the kernel). A third row
 *       repeats the bare JVP the way it was done before preconditioning (matrix-free products, no
 *       preconditioner: {@link SensitivityConfig#matrixFree()}) for reference;</li>
 *   <li>a central finite-difference pair: D_B ± h, h = {@value #RELATIVE_STEP}·D_B, each re-minimized by FIRE
 *       to 1e-10 from x* (warm start), timed together. The step keeps the contact set: pairs that overlap at
 *       one minimum and not at the other are counted, leaving out pairs that touch at x* within the
 *       minimization's precision (|σ − r| ≤ f_tol·σ²/ε, i.e. a pair force below the force tolerance); with
 *       h = 1e-4·D_B (the former step) dozens of contacts change at N = 16384 and the FD Jacobian is
 *       meaningless. The FD Jacobian is compared with the JVP (non-rattlers, mean removed, minimum image)
 *       as FIRE leaves the two minima and again after Newton polish of both (untimed), which removes the
 *       FIRE error ~ f_tol/(λ_min·h) from the difference quotient.</li>
 * </ol>
 * With {@code --sweep} the FD pair is repeated for h/D_B = 1e-4 ... 1e-8 (contact changes, time, discrepancy).
 * A JIT warm-up on a small packing precedes the measurement, and {@value #MEASURED_SIZE_WARMUP_JVPS} untimed bare JVPs
 * at the measured minimum precede the timed JVPs, so no step pays for compilation (FIRE's loops are compiled during
 * the first minimization, before the FD pair reuses them).
 *
 * <p>Heap warm-up. After those, untimed rounds of the timed sequence (a JVP with λ̂ and the error estimates, then a
 * bare one) run until {@value #QUIET_WARMUP_ROUNDS} rounds in a row cause at most {@value #QUIET_FAULTS} minor page faults
 * of the process in each of their two JVPs (at most {@value #MAX_HEAP_WARMUP_ROUNDS} rounds). Reason:
 * when G1 grows the heap during a step, the first touch of every new page is a minor fault that the kernel serves on
 * the thread (about 11 µs each, counted in its CPU time); before this warm-up, a timed bare-JVP setup sometimes took
 * 0.14–0.18 s instead of 0.03 s with 9000–16000 such faults in it, i.e. it measured the heap being mapped (bare JVPs
 * alone do not grow the heap far enough: the JVP with estimates, timed just before the bare one, allocates more and
 * made G1 grow it again; hence rounds of both). The warm-up
 * does not make the JVP cheaper than it is in a long-running process; it only moves the heap growth out of the timed
 * steps. The FD pair is treated alike: it runs after the JVPs on the same, grown heap, and is timed the same way (thread
 * CPU and wall time). With {@code -Dcost.markers=true} the minor faults of every heap warm-up JVP and of every timed
 * step (setup and solve of each JVP, the FD pair) are printed, so that a remaining outlier can be told from JVP work.
 * Usage: {@code JvpCostBenchmark [N (default 16384)] [seed (default 1)] [--sweep]}. Not thread-safe (one run
 * per thread).
 */
public final class JvpCostBenchmark {

    /** The differentiated parameter. */
    public static final String PARAMETER = "diameter[B]";
    /** Force tolerance of every minimization. */
    public static final double FORCE_TOLERANCE = 1e-10;
    /** Krylov relative residual of the JVP. */
    public static final double KRYLOV_TOLERANCE = 1e-8;
    /** Relative finite-difference step h/D_B (keeps the contact set at N = 16384; see the class comment). */
    public static final double RELATIVE_STEP = 1e-6;
    /** Steps of the {@code --sweep} table. */
    public static final double[] SWEEP_STEPS = {1e-4, 1e-5, 1e-6, 1e-7, 1e-8};
    /** FIRE time step the app uses for soft spheres. */
    public static final double TIMESTEP = 0.05;
    /** Particles of the JIT warm-up run. */
    public static final int WARMUP_SIZE = 512;

    private JvpCostBenchmark() { }

    /** CPU (thread) and wall seconds of one timed step. */
    public record Timing(double cpuSeconds, double wallSeconds) {
        /** This step's CPU and wall time over another's. */
        public Timing over(Timing o) { return new Timing(cpuSeconds / o.cpuSeconds, wallSeconds / o.wallSeconds); }

        /** The sum of two timings. */
        public Timing plus(Timing o) { return new Timing(cpuSeconds + o.cpuSeconds, wallSeconds + o.wallSeconds); }

        /** No time. */
        public static final Timing ZERO = new Timing(0, 0);
    }

    /**
     * One JVP measurement.
     *
     * @param label           "with lambda + estimates", "bare", ...
     * @param setup           construction + assembly + preconditioner
     * @param spectrum        λ̂ (zero when off)
     * @param correction      the Newton correction δ of the error estimates (zero when off)
     * @param jvp             the JVP (solve and, with estimates, the rest of the error estimate)
     * @param sensitivity     the JVP (status, report, norm)
     * @param hessian         how the Hessian was applied
     * @param preconditioner  the preconditioner used
     * @param solveProducts   Hessian products of the main Krylov solve (its SolveReport)
     * @param lambdaProducts  Hessian products of the λ̂ estimate (0 when off)
     * @param totalProducts   every Hessian product made
     * @param lambda          λ̂ (NaN when off)
     * @param lambdaResidual  ‖Hy − λ̂y‖ of its Ritz vector (NaN when off)
     */
    public record JvpRun(String label, Timing setup, Timing spectrum, Timing correction, Timing jvp,
                         ParameterSensitivity sensitivity, String hessian, String preconditioner, int solveProducts,
                         int lambdaProducts, long totalProducts, double lambda, double lambdaResidual) {
        /** Setup + λ̂ + δ + JVP: one parameter from scratch. */
        public Timing total() { return setup.plus(spectrum).plus(correction).plus(jvp); }

        /** Without the per-system parts of the estimates (λ̂ and δ): setup + JVP. */
        public Timing withoutPerSystemEstimates() { return setup.plus(jvp); }
    }

    /**
     * One finite-difference pair.
     *
     * @param relativeStep   h/D_B
     * @param plus           FIRE at D_B + h from x*
     * @param minus          FIRE at D_B − h from x*
     * @param time           both minimizations
     * @param contactChanges pairs overlapping at one of x₊, x₋ and not at x* or the reverse, touching pairs left out
     * @param touchingFlips  the same for pairs touching at x* within the minimization precision (not a change)
     * @param error          ‖J − J_FD‖/max(‖J_FD‖, 1) with the FIRE minima
     * @param polishedError  the same after Newton polish of both minima (NaN when not computed)
     * @param fdNorm         ‖J_FD‖ (FIRE minima)
     */
    public record FdPair(double relativeStep, MinimizationResult plus, MinimizationResult minus, Timing time,
                         int contactChanges, int touchingFlips, double error, double polishedError, double fdNorm) { }

    /**
     * The whole measurement.
     *
     * @param size          N
     * @param seed          packing seed
     * @param kernel        kernel name
     * @param fire          the minimization from the generated start
     * @param fireTime      its time
     * @param withEstimates JVP with λ̂ and error estimates
     * @param plain         JVP without both
     * @param reference     the bare JVP matrix-free and unpreconditioned (the former default)
     * @param fd            the FD pair at {@link #RELATIVE_STEP}
     * @param sweep         FD pairs at {@link #SWEEP_STEPS} (empty unless asked for)
     */
    public record Result(int size, long seed, String kernel, MinimizationResult fire, Timing fireTime,
                         JvpRun withEstimates, JvpRun plain, JvpRun reference, FdPair fd, List<FdPair> sweep) {
        /** True when every minimization converged and the JVPs are usable. */
        public boolean converged() {
            return fire.converged() && fd.plus().converged() && fd.minus().converged()
                    && withEstimates.sensitivity().status().usable() && plain.sensitivity().status().usable()
                    && reference.sensitivity().status().usable();
        }
    }

    /** Runs the benchmark and prints the table: {@code [N] [seed] [--sweep]}. */
    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean sweep = rest.remove("--sweep");
        int n = rest.size() > 0 ? Integer.parseInt(rest.get(0)) : 16384;
        long seed = rest.size() > 1 ? Long.parseLong(rest.get(1)) : 1L;
        if (n < 2) throw new IllegalArgumentException("N must be >= 2, got " + n);
        System.out.printf("JIT warm-up at N = %d ...%n", Math.min(n, WARMUP_SIZE));
        warmUp(Math.min(n, WARMUP_SIZE), seed + 1);
        Result r = run(n, seed, sweep);
        print(r, System.out);
        if (!r.converged()) {
            System.out.println("NOT CONVERGED: see the statuses above");
            System.exit(1);
        }
    }

    /**
     * The JIT warm-up: the whole measurement on a small packing, then {@value #WARMUP_CALLS} calls of each kernel
     * a JVP calls only a few times (parameter gradient and energy derivatives, Hessian products, forces), and
     * {@value #WARMUP_JVPS} JVPs from scratch at the small packing's minimum (construction, assembly, preconditioner
     * setup, solve; with and without λ̂ and the estimates), so that they are compiled before the timed run as the
     * force loop of FIRE is. Without it, the one-off setup code (assembly, IC factorization, coarse matrix) runs
     * at the timed size interpreted or at C1 level and costs about twice its compiled time.
     */
    static void warmUp(int n, long seed) {
        run(n, seed, false);
        ParticleSystem system = PaperExample.packing(n, seed);
        EnergyModel model = PaperExample.model();
        EnergyEvaluator e = new EnergyEvaluator(system, model, Kernels.select(KernelChoice.AUTO),
                EnergyEvaluator.defaultSkin(system, model));
        Minimizers.create(new MinimizerConfig(MinimizerKind.FIRE, FORCE_TOLERANCE, 10_000_000, TIMESTEP, 0.1)).minimize(e);
        SensitivityConfig base = SensitivityConfig.defaults().withRelativeTolerance(KRYLOV_TOLERANCE)
                .withForceTolerance(FORCE_TOLERANCE);
        SensitivityConfig bare = base.withEigenvalueEstimate(false).withErrorEstimates(false);
        for (int c = 0; c < WARMUP_JVPS; c++) {
            new EquilibriumSensitivity(e, bare).jvp(PARAMETER);
            if (c % 4 == 0) new EquilibriumSensitivity(e, base).jvp(PARAMETER);
        }
        int k = model.parameterIndex(PARAMETER);
        double[] a = new double[system.positions().length], b = new double[a.length];
        Arrays.fill(a, 1e-3);
        for (int c = 0; c < WARMUP_CALLS; c++) {
            e.parameterGradient(k, b);
            e.parameterEnergyDerivative(k);
            e.parameterSecondEnergyDerivative(k);
            e.hessianProduct(a, b);
            e.computeForces(b);
        }
    }

    /** Calls per kernel in {@link #warmUp}. */
    public static final int WARMUP_CALLS = 300;

    /**
     * Untimed bare JVPs from scratch at the measured minimum before the timed ones ({@link #run}): the one-off setup
     * code (construction, assembly, factorizations, coarse matrix) runs once per JVP, so the small warm-up leaves it at
     * a profiling compilation level; at the measured size its loops reach the optimizing compiler only after a few
     * JVPs (measured: the first four to ten setups at N = 16384 cost 3–5× the compiled one), while FIRE's force loop,
     * which the FD pair runs, is compiled during the first minimization.
     */
    public static final int MEASURED_SIZE_WARMUP_JVPS = 12;

    /**
     * Minor page faults ({@link #minorFaults}) at or below which each JVP of a heap warm-up round at the measured size
     * counts as quiet: the heap it used was already mapped. A bare JVP at N = 16384 allocates about 25 MB; when G1 has just grown the heap,
     * the first touch of each new page costs a minor fault (measured: 9000–12000 faults at about 11 µs each, 0.10–0.15 s
     * of kernel time counted in the thread's CPU time), which is the operating system mapping memory, not JVP work.
     */
    public static final long QUIET_FAULTS = 1000;

    /**
     * Quiet heap warm-up rounds in a row ({@link #QUIET_FAULTS}) after which the heap counts as grown; a round is the
     * timed sequence: a JVP with λ̂ and the error estimates, then a bare one.
     */
    public static final int QUIET_WARMUP_ROUNDS = 3;

    /** The most heap warm-up rounds spent waiting for {@link #QUIET_WARMUP_ROUNDS} quiet ones (then the timing goes ahead). */
    public static final int MAX_HEAP_WARMUP_ROUNDS = 30;

    /** With {@code -Dcost.markers=true}: print the minor page faults of each heap warm-up round and of each timed step. */
    static final boolean MARKERS = Boolean.getBoolean("cost.markers");

    /**
     * The process's minor page faults so far (field 10 of {@code /proc/self/stat}), or −1 where that file is not
     * readable (not Linux): the fault-based warm-up then stops after {@link #QUIET_WARMUP_ROUNDS} rounds.
     */
    static long minorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // fields after the parenthesized command name (which may hold spaces) start at field 3
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(f[10 - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** JVPs from scratch in {@link #warmUp} (every fourth also with λ̂ and the error estimates). */
    public static final int WARMUP_JVPS = 40;

    /** Measures one packing of {@code n} particles (no warm-up); with {@code sweep}, also the FD step table. */
    public static Result run(int n, long seed, boolean sweep) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CountingProvider provider = new CountingProvider(Kernels.select(KernelChoice.AUTO));
        ParticleSystem system = PaperExample.packing(n, seed);
        EnergyModel model = PaperExample.model();
        EnergyEvaluator evaluator = new EnergyEvaluator(system, model, provider, EnergyEvaluator.defaultSkin(system, model));
        MinimizerConfig fire = new MinimizerConfig(MinimizerKind.FIRE, FORCE_TOLERANCE, 10_000_000, TIMESTEP, 0.1);

        long[] t0 = now(threads);
        MinimizationResult minimum = Minimizers.create(fire).minimize(evaluator);
        Timing fireTime = since(threads, t0);

        SensitivityConfig base = SensitivityConfig.defaults().withRelativeTolerance(KRYLOV_TOLERANCE)
                .withForceTolerance(FORCE_TOLERANCE);
        SensitivityConfig bare = base.withEigenvalueEstimate(false).withErrorEstimates(false);
        // JIT and heap warm-up at the measured size (untimed): see the class comment
        for (int c = 0; c < MEASURED_SIZE_WARMUP_JVPS; c++) {
            new EquilibriumSensitivity(evaluator, bare).jvp(PARAMETER);
        }
        int quiet = 0;
        for (int c = 0; c < MAX_HEAP_WARMUP_ROUNDS && quiet < QUIET_WARMUP_ROUNDS; c++) {
            // the timed sequence: with λ̂ and the estimates (which allocates most), then bare
            long f0 = minorFaults();
            EquilibriumSensitivity withEstimates = new EquilibriumSensitivity(evaluator, base);
            withEstimates.spectrum();
            withEstimates.newtonCorrection();
            withEstimates.jvp(PARAMETER);
            long f1 = minorFaults();
            new EquilibriumSensitivity(evaluator, bare).jvp(PARAMETER);
            long f2 = minorFaults();
            boolean calm = f1 - f0 <= QUIET_FAULTS && f2 - f1 <= QUIET_FAULTS;
            quiet = calm ? quiet + 1 : 0;
            if (MARKERS) {
                System.out.printf("marker: heap warm-up %d: %d minor faults (with estimates), %d (bare)%n", c + 1,
                        f1 - f0, f2 - f1);
            }
        }
        JvpRun with = jvp(evaluator, provider, threads, base, "with lambda + estimates");
        JvpRun plain = jvp(evaluator, provider, threads, bare, "bare");
        SensitivityConfig old = SensitivityConfig.matrixFree().withRelativeTolerance(KRYLOV_TOLERANCE)
                .withForceTolerance(FORCE_TOLERANCE).withEigenvalueEstimate(false).withErrorEstimates(false);
        JvpRun reference = jvp(evaluator, provider, threads, old, "bare, matrix-free, no precond.");

        double[] xStar = evaluator.positions().clone();
        int[] rattlers = new EquilibriumSensitivity(evaluator, bare).rattlers();
        FdPair fd = fdPair(evaluator, threads, xStar, RELATIVE_STEP, plain.sensitivity(), rattlers, true);
        List<FdPair> table = new ArrayList<>();
        if (sweep) {
            for (double step : SWEEP_STEPS) table.add(fdPair(evaluator, threads, xStar, step, plain.sensitivity(), rattlers, true));
        }
        return new Result(n, seed, provider.name(), minimum, fireTime, with, plain, reference, fd, table);
    }

    private static JvpRun jvp(EnergyEvaluator evaluator, CountingProvider provider, ThreadMXBean threads,
                              SensitivityConfig config, String label) {
        long before = provider.hessianProducts;
        long faults = minorFaults();
        long[] t0 = now(threads);
        EquilibriumSensitivity s = new EquilibriumSensitivity(evaluator, config);
        String preconditioner = s.preconditionerKind().name();   // assembles and factors
        Timing setup = since(threads, t0);
        faults = marker("JVP " + label + " setup", faults);
        Timing spectrum = Timing.ZERO;
        EigenEstimate e = null;
        if (config.estimateSmallestEigenvalue()) {
            t0 = now(threads);
            e = s.spectrum();
            spectrum = since(threads, t0);
        }
        Timing correction = Timing.ZERO;
        if (config.estimateErrors()) {
            t0 = now(threads);
            s.newtonCorrection();
            correction = since(threads, t0);
        }
        faults = minorFaults();
        t0 = now(threads);
        ParameterSensitivity j = s.jvp(PARAMETER);
        Timing jvp = since(threads, t0);
        marker("JVP " + label + " solve", faults);
        long kernelProducts = provider.hessianProducts - before;
        long total = kernelProducts + (s.hessianKind() == HessianKind.ASSEMBLED ? s.hessianApplications() : 0);
        return new JvpRun(label, setup, spectrum, correction, jvp, j, s.hessianKind().name(), preconditioner,
                j.report().operatorApplications(), e == null ? 0 : e.operatorApplications(), total,
                e == null ? Double.NaN : e.eigenvalue(), e == null ? Double.NaN : e.residualNorm());
    }

    /** The FD pair at D_B ± step·D_B from x*, timed; contact changes; discrepancy before and after polish. */
    private static FdPair fdPair(EnergyEvaluator evaluator, ThreadMXBean threads, double[] xStar, double relativeStep,
                                 ParameterSensitivity j, int[] rattlers, boolean polish) {
        MinimizerConfig fire = new MinimizerConfig(MinimizerKind.FIRE, FORCE_TOLERANCE, 10_000_000, TIMESTEP, 0.1);
        double dB = evaluator.model().parameter(PARAMETER);
        double h = relativeStep * dB;
        EnergyEvaluator plus = shifted(evaluator, xStar, PARAMETER, dB + h);
        EnergyEvaluator minus = shifted(evaluator, xStar, PARAMETER, dB - h);
        long faults = minorFaults();
        long[] t0 = now(threads);
        MinimizationResult fdPlus = Minimizers.create(fire).minimize(plus);
        MinimizationResult fdMinus = Minimizers.create(fire).minimize(minus);
        Timing time = since(threads, t0);
        marker("FD pair h = " + relativeStep + " D_B", faults);
        ParticleSystem star = evaluator.system().copy();
        star.setPositions(xStar);
        int[] changes = contactChanges(star, evaluator.model().pair(), plus, minus, FORCE_TOLERANCE);
        Box box = evaluator.system().box();
        double[] err = fdError(box, j, plus.positions(), minus.positions(), 2 * h, rattlers);
        double polished = Double.NaN;
        if (polish) {
            NewtonPolish.polish(plus, 30, 1e-13);
            NewtonPolish.polish(minus, 30, 1e-13);
            polished = fdError(box, j, plus.positions(), minus.positions(), 2 * h, rattlers)[0];
        }
        return new FdPair(relativeStep, fdPlus, fdMinus, time, changes[0], changes[1], err[0], polished, err[1]);
    }

    /** A copy of the evaluator's system at {@code x}, with one parameter changed. */
    private static EnergyEvaluator shifted(EnergyEvaluator base, double[] x, String parameter, double value) {
        ParticleSystem copy = base.system().copy();
        copy.setPositions(x);
        return new EnergyEvaluator(copy, base.model().withParameter(parameter, value), base.provider(), base.skin());
    }

    /**
     * {contact changes, flips of touching pairs} between x* and the two FD minima: a pair changes when it
     * overlaps (r &lt; σ, the pair cutoff) at one of them and not at x*, or the reverse; it is touching when
     * |σ − r*| ≤ f_tol·σ² at x* (pair force below the force tolerance for the harmonic soft sphere with ε = 1),
     * and then counted apart.
     */
    static int[] contactChanges(ParticleSystem star, PairPotential pair, EnergyEvaluator plus, EnergyEvaluator minus,
                                double forceTolerance) {
        long[] c0 = contacts(star, pair, new NeighborList(pair.maxCutoff(), 0.3));
        int n = star.size();
        int changes = 0, touching = 0;
        for (EnergyEvaluator e : new EnergyEvaluator[] {plus, minus}) {
            long[] c1 = contacts(e.system(), pair, new NeighborList(pair.maxCutoff(), 0.3));
            long[] diff = symmetricDifference(c0, c1);
            for (long key : diff) {
                int i = (int) (key / n), k = (int) (key % n);
                double sigma = pair.pair(star.species(i), star.species(k)).cutoff();
                if (Math.abs(sigma - distance(star, i, k)) <= forceTolerance * sigma * sigma) touching++;
                else changes++;
            }
        }
        return new int[] {changes, touching};
    }

    /** Overlapping pairs (r below the pair cutoff) as sorted keys i·N + j, i &lt; j. */
    private static long[] contacts(ParticleSystem system, PairPotential pair, NeighborList list) {
        int s = pair.speciesNames().size();
        double[] cut2 = new double[s * s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                double c = pair.pair(a, b).cutoff();
                cut2[a * s + b] = c * c;
            }
        }
        list.update(system);
        PairBatch batch = new PairBatch(s, cut2);
        batch.bind(system, list);
        long[] out = new long[64];
        int m = 0;
        int n = system.size();
        for (int i = 0; i < n; i++) {
            int count = batch.gather(i);
            for (int p = 0; p < count; p++) {
                if (m == out.length) out = Arrays.copyOf(out, 2 * m);
                int j = batch.other[p];
                out[m++] = (long) Math.min(i, j) * n + Math.max(i, j);
            }
        }
        long[] r = Arrays.copyOf(out, m);
        Arrays.sort(r);
        return r;
    }

    private static long[] symmetricDifference(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0, j = 0, m = 0;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] < b[j])) out[m++] = a[i++];
            else if (i >= a.length || b[j] < a[i]) out[m++] = b[j++];
            else {
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static double distance(ParticleSystem s, int i, int j) {
        int d = s.dimension();
        double[] x = s.positions(), len = s.box().imageLengths(), inv = s.box().inverseImageLengths();
        double r2 = 0;
        for (int a = 0; a < d; a++) {
            double dx = Box.minimumImage(x[d * i + a] - x[d * j + a], len[a], inv[a]);
            r2 += dx * dx;
        }
        return Math.sqrt(r2);
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
        out.printf("%-38s %9s %9s  %s%n", "step", "CPU s", "wall s", "details");
        out.printf("%-38s %9.3f %9.3f  %s, %d iterations, %d force evaluations, max force %.2e%n",
                "FIRE 2.0 from start to 1e-10", r.fireTime().cpuSeconds(), r.fireTime().wallSeconds(),
                r.fire().status(), r.fire().iterations(), r.fire().forceEvaluations(), r.fire().maxForce());
        for (JvpRun j : new JvpRun[] {r.withEstimates(), r.plain(), r.reference()}) {
            Timing t = j.total();
            out.printf("%-38s %9.3f %9.3f  %s; Hessian %s, preconditioner %s; Hessian products: solve %d, lambda %d, "
                            + "total %d; rel. residual %.2e; error estimate %.2e%n",
                    "JVP " + j.label(), t.cpuSeconds(), t.wallSeconds(), j.sensitivity().status(), j.hessian(),
                    j.preconditioner(), j.solveProducts(), j.lambdaProducts(), j.totalProducts(),
                    j.sensitivity().report().relativeResidual(), j.sensitivity().errorEstimate());
            out.printf("%-38s %9.3f %9.3f  construction, assembly, preconditioner%n", "  setup", j.setup().cpuSeconds(),
                    j.setup().wallSeconds());
            if (!Double.isNaN(j.lambda())) {
                out.printf("%-38s %9.3f %9.3f  lambda-hat %.5g (Ritz residual %.2e), per system%n", "  lambda-hat",
                        j.spectrum().cpuSeconds(), j.spectrum().wallSeconds(), j.lambda(), j.lambdaResidual());
            }
            if (j.correction().wallSeconds() > 0) {
                out.printf("%-38s %9.3f %9.3f  Newton correction of the error estimates, per system%n", "  correction",
                        j.correction().cpuSeconds(), j.correction().wallSeconds());
            }
            out.printf("%-38s %9.3f %9.3f  %d CG iterations%n", "  JVP solve" + (Double.isNaN(j.lambda()) ? "" : " + estimate"),
                    j.jvp().cpuSeconds(), j.jvp().wallSeconds(), j.sensitivity().report().iterations());
        }
        printFd("FD pair (h = " + r.fd().relativeStep() + " D_B, warm)", r.fd(), r.plain(), out);
        if (!r.sweep().isEmpty()) {
            out.printf("%nFD step sweep (FIRE from x* to 1e-10; discrepancy vs the JVP as FIRE leaves it / after Newton polish)%n");
            for (FdPair f : r.sweep()) printFd("  h = " + f.relativeStep() + " D_B", f, r.plain(), out);
        }
        out.printf("%nratios (CPU / wall)%41s %22s%n", "JVP/FIRE (<= 0.25)", "JVP/FD (<= 0.1)");
        for (JvpRun j : new JvpRun[] {r.withEstimates(), r.plain(), r.reference()}) {
            ratioLine("JVP " + j.label(), j.total(), r, out);
            if (!Double.isNaN(j.lambda())) ratioLine("  same without lambda-hat and correction", j.withoutPerSystemEstimates(), r, out);
        }
    }

    private static void printFd(String label, FdPair f, JvpRun plain, PrintStream out) {
        out.printf("%-38s %9.3f %9.3f  %s/%s, %d + %d force evaluations; contact changes %d (touching flips %d); "
                        + "|J_FD| = %.4g, |J| = %.4g; |J - J_FD|/max(|J_FD|,1) = %.2e, after polish %.2e%n",
                label, f.time().cpuSeconds(), f.time().wallSeconds(), f.plus().status(), f.minus().status(),
                f.plus().forceEvaluations(), f.minus().forceEvaluations(), f.contactChanges(), f.touchingFlips(),
                f.fdNorm(), plain.sensitivity().norm(), f.error(), f.polishedError());
    }

    private static void ratioLine(String label, Timing t, Result r, PrintStream out) {
        Timing a = t.over(r.fireTime()), b = t.over(r.fd().time());
        out.printf("%-42s %8.4f / %-8.4f %8.4f / %-8.4f%n", label, a.cpuSeconds(), a.wallSeconds(), b.cpuSeconds(),
                b.wallSeconds());
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

    /** With {@link #MARKERS}: prints the minor faults since {@code faultsBefore}; returns the count now. */
    private static long marker(String step, long faultsBefore) {
        long now = minorFaults();
        if (MARKERS) System.out.printf("marker: %s: %d minor faults%n", step, now - faultsBefore);
        return now;
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
