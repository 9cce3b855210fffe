package org.mdsens.md.minimize;

import java.util.Arrays;

/**
 * FIRE 2.0, the Fast Inertial Relaxation Engine as revised by Guénolé et al. and implemented in
 * LAMMPS {@code min_style fire}: damped dynamics with unit masses, mixing the velocity towards the
 * force while the power P = v·F is positive, and restarting from rest (after half a step back)
 * when it is not.
 *
 * <p>One iteration, with P = v·F at the start of the iteration (F the current forces):
 * <ul>
 *   <li>P &gt; 0: c₁ = 1 − α, c₂ = α |v|/|F| (norms over all coordinates, |v| before this
 *       iteration's kick); if more than {@code delayStep} iterations have passed since the last
 *       P ≤ 0, then Δt ← min(Δt·{@code dtGrow}, Δt_max) and α ← α·{@code alphaShrink}.</li>
 *   <li>P ≤ 0: unless still inside the first {@code delayStep} iterations ({@code initialDelay}),
 *       α ← α₀ and Δt ← Δt·{@code dtShrink} if that stays ≥ Δt_min; with {@code halfStepBack}
 *       x ← x − ½ min(Δt, h) v, h the factor of the last position step x ← x + h v (so at most
 *       half of that step is undone; h = Δt unless the step limit acted, when this is LAMMPS's
 *       x ← x − ½Δt v); then v ← 0 (forces are re-evaluated if x moved). More than
 *       {@code vdfMax} consecutive P ≤ 0 iterations end the run as {@link Status#STAGNATED}.</li>
 *   <li>Step limit (LAMMPS {@code dmax}): Δt_v = Δt, reduced so Δt_v·max_i|v_i| ≤ d_max, where
 *       v is the current velocity, or Δt·F when at rest.</li>
 *   <li>Semi-implicit (symplectic) Euler: v ← v + Δt_v F; if P &gt; 0, v ← c₁v + c₂F;
 *       x ← x + Δt_v v; then E and F are evaluated at the new x.</li>
 *   <li>As a final guarantee the position increment is scaled down (velocities unchanged) if any
 *       particle would still move further than d_max = {@link MinimizerConfig#maxStep()}.</li>
 * </ul>
 * Δt₀ = {@link MinimizerConfig#timestep()}, Δt_max = {@code tMax}·Δt₀, Δt_min = {@code tMin}·Δt₀.
 * The defaults ({@link Settings#defaults()}) are those of LAMMPS: delaystep 20, dtgrow 1.1,
 * dtshrink 0.5, alpha0 0.25, alphashrink 0.99, tmax 10, tmin 0.02, integrator eulerimplicit,
 * halfstepback yes, initialdelay yes, vdfmax 2000, abcflag no.
 *
 * <p>Differences from LAMMPS, all for float64 work at tight tolerances: the per-particle step
 * limit uses the Euclidean norm of each particle's vector (LAMMPS: the largest component); the
 * mixing coefficient c₂ is switched off only when F = 0 exactly (LAMMPS: when F·F ≤ 1e-20, which
 * a 1e-10 force tolerance reaches); no energy tolerance; convergence is on the largest
 * per-particle force norm; only the semi-implicit Euler integrator and no abc variant.
 *
 * <p>Statuses: {@link Status#CONVERGED}, {@link Status#MAX_ITERATIONS},
 * {@link Status#STAGNATED} (vdfmax), {@link Status#NON_FINITE}, {@link Status#CANCELLED}.
 * Each iteration costs one force evaluation, two after a P ≤ 0 restart with a half step back.
 * Unit masses; positions and forces are xyz-interleaved, length d·N.
 *
 * <p>Mutable (workspaces per size): one instance per thread.
 *
 * <p>References: J. Guénolé, W. G. Nöhring, A. Vaid, F. Houllé, Z. Xie, A. Prakash, E. Bitzek,
 * Comput. Mater. Sci. 175, 109584 (2020); E. Bitzek, P. Koskinen, F. Gähler, M. Moseler,
 * P. Gumbsch, Phys. Rev. Lett. 97, 170201 (2006); LAMMPS {@code min_style fire} documentation.
 */
public final class FireMinimizer implements Minimizer {

    /**
     * FIRE 2.0 parameters, named as in LAMMPS {@code min_modify}.
     *
     * @param delayStep    iterations after a P ≤ 0 before Δt may grow and α shrink (≥ 0)
     * @param dtGrow       Δt growth factor (≥ 1)
     * @param dtShrink     Δt shrink factor (in (0, 1])
     * @param alpha0       initial and reset mixing parameter α (in [0, 1])
     * @param alphaShrink  α decay factor (in (0, 1])
     * @param tMax         Δt_max / Δt₀ (≥ tMin)
     * @param tMin         Δt_min / Δt₀ (&gt; 0)
     * @param halfStepBack move back half a step when P ≤ 0
     * @param initialDelay no Δt shrink or α reset during the first delayStep iterations
     * @param vdfMax       stop as STAGNATED after more than this many consecutive P ≤ 0 (0: never)
     */
    public record Settings(int delayStep, double dtGrow, double dtShrink, double alpha0, double alphaShrink,
                           double tMax, double tMin, boolean halfStepBack, boolean initialDelay, int vdfMax) {

        public Settings {
            if (delayStep < 0) throw new IllegalArgumentException("delaystep must be >= 0, got " + delayStep);
            if (!(dtGrow >= 1.0) || !Double.isFinite(dtGrow)) throw new IllegalArgumentException("dtgrow must be >= 1, got " + dtGrow);
            if (!(dtShrink > 0.0 && dtShrink <= 1.0)) throw new IllegalArgumentException("dtshrink must be in (0, 1], got " + dtShrink);
            if (!(alpha0 >= 0.0 && alpha0 <= 1.0)) throw new IllegalArgumentException("alpha0 must be in [0, 1], got " + alpha0);
            if (!(alphaShrink > 0.0 && alphaShrink <= 1.0)) throw new IllegalArgumentException("alphashrink must be in (0, 1], got " + alphaShrink);
            if (!(tMin > 0.0) || !Double.isFinite(tMin)) throw new IllegalArgumentException("tmin must be > 0, got " + tMin);
            if (!(tMax >= tMin) || !Double.isFinite(tMax)) throw new IllegalArgumentException("tmax must be >= tmin = " + tMin + ", got " + tMax);
            if (vdfMax < 0) throw new IllegalArgumentException("vdfmax must be >= 0, got " + vdfMax);
        }

        /** LAMMPS defaults: 20, 1.1, 0.5, 0.25, 0.99, 10, 0.02, half step back, initial delay, 2000. */
        public static Settings defaults() {
            return new Settings(20, 1.1, 0.5, 0.25, 0.99, 10.0, 0.02, true, true, 2000);
        }
    }

    private final MinimizerConfig config;
    private final Settings settings;
    private double[] velocity = new double[0];
    private double[] force = new double[0];

    /** FIRE 2.0 with the LAMMPS defaults; {@code config.algorithm()} is not consulted. */
    public FireMinimizer(MinimizerConfig config) {
        this(config, Settings.defaults());
    }

    public FireMinimizer(MinimizerConfig config, Settings settings) {
        if (config == null) throw new IllegalArgumentException("config must not be null");
        if (settings == null) throw new IllegalArgumentException("settings must not be null");
        this.config = config;
        this.settings = settings;
    }

    public MinimizerConfig config() { return config; }

    public Settings settings() { return settings; }

    @Override
    public MinimizationResult minimize(PotentialSurface surface, MinimizationListener listener) {
        Progress run = new Progress(surface, listener, config);
        final int len = surface.size() * surface.dimension();
        if (velocity.length != len) {
            velocity = new double[len];
            force = new double[len];
        }
        Arrays.fill(velocity, 0.0);

        Status early = run.begin(force);
        if (early != null) return run.finish(early);

        // The iteration lives in Iteration.step and every vector loop in a small static method:
        // this loop then stays short (one call per iteration), so the JIT compiles the step once as
        // an ordinary method instead of on-stack-replacing a large loop body several times over.
        Iteration it = new Iteration(run, surface, velocity, force, config, settings);
        for (int step = 1; ; step++) {
            Status stop = it.step(step);
            if (stop != null) return stop == Status.NON_FINITE ? run.finish(stop, it.nonFiniteEnergy, run.lastMaxForce)
                    : run.finish(stop);
        }
    }

    /** The state of one run carried from iteration to iteration. */
    private static final class Iteration {
        private final Progress run;
        private final double[] x;
        private final double[] v;
        private final double[] f;
        private final int n;
        private final int d;
        private final int len;
        private final double dmax;
        private final double dtMax;
        private final double dtMin;
        private final Settings s;
        private double dt;
        private double alpha;
        private int lastNegative;
        private int negativeRun;
        private boolean atRest = true;
        private double lastStep;
        /** The energy that ended the run as NON_FINITE. */
        double nonFiniteEnergy = Double.NaN;

        Iteration(Progress run, PotentialSurface surface, double[] v, double[] f, MinimizerConfig config, Settings s) {
            this.run = run;
            this.x = surface.positions();
            this.v = v;
            this.f = f;
            this.n = surface.size();
            this.d = surface.dimension();
            this.len = n * d;
            this.s = s;
            this.dmax = config.maxStep();
            this.dt = config.timestep();
            this.dtMax = s.tMax() * dt;
            this.dtMin = s.tMin() * dt;
            this.alpha = s.alpha0();
        }

        /** One FIRE iteration; the status that ends the run, or null to go on. */
        Status step(int step) {
            Status stop = run.interruption();
            if (stop != null) return stop;

            double vf = Vectors.dot(v, f, len);
            boolean mix = vf > 0.0;
            double c1 = 1.0;
            double c2 = 0.0;
            if (mix) {
                negativeRun = 0;
                double vv = Vectors.dot(v, v, len);
                double ff = Vectors.dot(f, f, len);
                c1 = 1.0 - alpha;
                c2 = ff > 0.0 ? alpha * Math.sqrt(vv / ff) : 0.0;
                if (step - lastNegative > s.delayStep()) {
                    dt = Math.min(dt * s.dtGrow(), dtMax);
                    alpha *= s.alphaShrink();
                }
            } else {
                lastNegative = step;
                if (!(s.initialDelay() && step < s.delayStep())) {
                    alpha = s.alpha0();
                    if (dt * s.dtShrink() >= dtMin) dt *= s.dtShrink();
                }
                negativeRun++;
                if (s.vdfMax() > 0 && negativeRun > s.vdfMax()) return Status.STAGNATED;
                if (!atRest) {
                    if (s.halfStepBack()) {
                        // at most half of the last position step, which used this same v
                        double h = 0.5 * Math.min(dt, lastStep);
                        drift(x, -h, v, len);
                        Arrays.fill(v, 0.0);
                        double e = run.evaluate(f);
                        if (!run.finite(e)) {
                            nonFiniteEnergy = e;
                            return Status.NON_FINITE;
                        }
                    } else {
                        Arrays.fill(v, 0.0);
                    }
                    atRest = true;
                }
            }

            // step limit from the current velocity (dt·F when at rest), as LAMMPS dmax
            double speed = atRest ? dt * run.lastMaxForce : Vectors.maxParticleNorm(v, n, d);
            double dtv = dt;
            if (dtv * speed > dmax) dtv = dmax / speed;

            // semi-implicit Euler kick with FIRE mixing, then the largest particle speed
            if (mix) {
                mixedKick(v, f, c1, c2, dtv, len);
            } else {
                drift(v, dtv, f, len);
            }
            double h = dtv * Vectors.stepCap(dtv * Vectors.maxParticleNorm(v, n, d), dmax);
            advance(x, h, v, len);
            lastStep = h;
            atRest = false;

            double e = run.evaluate(f);
            if (!run.finite(e)) {
                nonFiniteEnergy = e;
                return Status.NON_FINITE;
            }
            run.accept(e, run.lastMaxForce);
            return run.converged() ? Status.CONVERGED : null;
        }
    }

    /** x ← x + h·v for the half step back (x − ½h v with h negated) and the plain kick v ← v + Δt F. */
    private static void drift(double[] x, double h, double[] v, int len) {
        for (int k = 0; k < len; k++) x[k] += h * v[k];
    }

    /** The position step x ← x + h·v. */
    private static void advance(double[] x, double h, double[] v, int len) {
        for (int k = 0; k < len; k++) x[k] += h * v[k];
    }

    /** The kick with FIRE mixing, v ← c₁(v + Δt F) + c₂F. */
    private static void mixedKick(double[] v, double[] f, double c1, double c2, double dtv, int len) {
        for (int k = 0; k < len; k++) v[k] = c1 * (v[k] + dtv * f[k]) + c2 * f[k];
    }

    @Override public String toString() {
        return "FireMinimizer[" + settings + ", " + config + "]";
    }
}
