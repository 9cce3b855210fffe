package org.mdsens.md.minimize;

import java.util.Arrays;

/**
 * Classic FIRE (Bitzek et al. 2006) with the update of JAX-MD {@code minimize.fire_descent}:
 * a velocity-Verlet-like step followed by the FIRE velocity mixing, unit masses.
 *
 * <p>One iteration, with F₀ the forces at the current positions:
 * <ol>
 *   <li>Δx = Δt v + Δt² F₀ (JAX-MD's increment, without the ½ of velocity Verlet); if any particle
 *       would move further than d_max = {@link MinimizerConfig#maxStep()}, Δx is scaled so the
 *       largest particle move is d_max; x ← x + Δx; F = F(x).</li>
 *   <li>v ← v + ½Δt (F₀ + F); P = F·v; v ← v + α (|v| F/|F| − v) (norms over all coordinates,
 *       |v| before mixing; the mixing term is dropped when F = 0).</li>
 *   <li>n₊ ← n₊ + 1 if P ≥ 0, else 0. If P &gt; 0 and n₊ &gt; {@code nMin}: Δt ← min(Δt·{@code fInc},
 *       Δt_max), α ← α·{@code fAlpha}. If P &lt; 0: Δt ← Δt·{@code fDec}, α ← α_start, v ← 0.</li>
 * </ol>
 * Δt_start = {@link MinimizerConfig#timestep()} and Δt_max = {@code dtMaxFactor}·Δt_start (JAX-MD's
 * defaults 0.1 and 0.4, so the factor is 4); n_min 5, f_inc 1.1, f_dec 0.5, α_start 0.1,
 * f_α 0.99. There is no Δt_min, as in JAX-MD.
 *
 * <p>Differences from JAX-MD: |F| is the exact norm (JAX-MD adds 1e-6 under the square root, a
 * float32 guard that would weaken the mixing at forces below ~1e-3 and so slow convergence to
 * 1e-10); the max-step cap is ours (JAX-MD has none); convergence is on the largest per-particle
 * force norm.
 *
 * <p>Statuses: {@link Status#CONVERGED}, {@link Status#MAX_ITERATIONS},
 * {@link Status#NON_FINITE}, {@link Status#CANCELLED}. One force evaluation per iteration.
 * Positions and forces xyz-interleaved, length d·N. Mutable (workspaces per size): one instance
 * per thread.
 *
 * <p>References: E. Bitzek, P. Koskinen, F. Gähler, M. Moseler, P. Gumbsch, Phys. Rev. Lett. 97,
 * 170201 (2006); S. S. Schoenholz, E. D. Cubuk, JAX MD, NeurIPS 2020 ({@code jax_md.minimize}).
 */
public final class FireClassicMinimizer implements Minimizer {

    /**
     * Classic FIRE parameters, named as in JAX-MD.
     *
     * @param dtMaxFactor Δt_max / Δt_start (≥ 1)
     * @param nMin        positive-power iterations before Δt may grow (≥ 0)
     * @param fInc        Δt growth factor (≥ 1)
     * @param fDec        Δt shrink factor (in (0, 1])
     * @param alphaStart  initial and reset mixing parameter (in [0, 1])
     * @param fAlpha      α decay factor (in (0, 1])
     */
    public record Settings(double dtMaxFactor, int nMin, double fInc, double fDec, double alphaStart, double fAlpha) {

        public Settings {
            if (!(dtMaxFactor >= 1.0) || !Double.isFinite(dtMaxFactor)) throw new IllegalArgumentException("dt_max factor must be >= 1, got " + dtMaxFactor);
            if (nMin < 0) throw new IllegalArgumentException("n_min must be >= 0, got " + nMin);
            if (!(fInc >= 1.0) || !Double.isFinite(fInc)) throw new IllegalArgumentException("f_inc must be >= 1, got " + fInc);
            if (!(fDec > 0.0 && fDec <= 1.0)) throw new IllegalArgumentException("f_dec must be in (0, 1], got " + fDec);
            if (!(alphaStart >= 0.0 && alphaStart <= 1.0)) throw new IllegalArgumentException("alpha_start must be in [0, 1], got " + alphaStart);
            if (!(fAlpha > 0.0 && fAlpha <= 1.0)) throw new IllegalArgumentException("f_alpha must be in (0, 1], got " + fAlpha);
        }

        /** JAX-MD defaults: Δt_max = 4 Δt_start, n_min 5, f_inc 1.1, f_dec 0.5, α_start 0.1, f_α 0.99. */
        public static Settings defaults() {
            return new Settings(4.0, 5, 1.1, 0.5, 0.1, 0.99);
        }
    }

    private final MinimizerConfig config;
    private final Settings settings;
    private double[] velocity = new double[0];
    private double[] forceA = new double[0];
    private double[] forceB = new double[0];

    /** Classic FIRE with the JAX-MD defaults; {@code config.algorithm()} is not consulted. */
    public FireClassicMinimizer(MinimizerConfig config) {
        this(config, Settings.defaults());
    }

    public FireClassicMinimizer(MinimizerConfig config, Settings settings) {
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
        final int n = surface.size();
        final int d = surface.dimension();
        final int len = n * d;
        if (velocity.length != len) {
            velocity = new double[len];
            forceA = new double[len];
            forceB = new double[len];
        }
        final double[] x = surface.positions();
        final double[] v = velocity;
        Arrays.fill(v, 0.0);
        double[] fOld = forceA;
        double[] f = forceB;

        final double dmax = config.maxStep();
        final Settings s = settings;

        Status early = run.begin(fOld);
        if (early != null) return run.finish(early);

        double dt = config.timestep();
        final double dtMax = s.dtMaxFactor() * dt;
        double alpha = s.alphaStart();
        int nPos = 0;

        while (true) {
            Status stop = run.interruption();
            if (stop != null) return run.finish(stop);

            // largest particle move of Δx = dt v + dt² F_old, then the (possibly scaled) move
            double dt2 = dt * dt;
            double move2 = 0.0;
            for (int i = 0, k = 0; i < n; i++) {
                double s2 = 0.0;
                for (int c = 0; c < d; c++, k++) {
                    double dx = dt * v[k] + dt2 * fOld[k];
                    s2 += dx * dx;
                }
                if (s2 > move2) move2 = s2;
            }
            double scale = Vectors.stepCap(Math.sqrt(move2), dmax);
            for (int k = 0; k < len; k++) x[k] += scale * (dt * v[k] + dt2 * fOld[k]);

            double e = run.evaluate(f);
            if (!run.finite(e)) return run.finish(Status.NON_FINITE, e, run.lastMaxForce);

            double halfDt = 0.5 * dt;
            double power = 0.0;
            double vv = 0.0;
            double ff = 0.0;
            for (int k = 0; k < len; k++) {
                double vk = v[k] + halfDt * (fOld[k] + f[k]);
                v[k] = vk;
                power += f[k] * vk;
                vv += vk * vk;
                ff += f[k] * f[k];
            }
            double mixF = ff > 0.0 ? alpha * Math.sqrt(vv / ff) : 0.0;
            double keep = 1.0 - alpha;
            for (int k = 0; k < len; k++) v[k] = keep * v[k] + mixF * f[k];

            nPos = power >= 0.0 ? nPos + 1 : 0;
            if (power > 0.0 && nPos > s.nMin()) {
                dt = Math.min(dt * s.fInc(), dtMax);
                alpha *= s.fAlpha();
            }
            if (power < 0.0) {
                dt *= s.fDec();
                alpha = s.alphaStart();
                Arrays.fill(v, 0.0);
            }

            double[] t = fOld;
            fOld = f;
            f = t;
            run.accept(e, run.lastMaxForce);
            if (run.converged()) return run.finish(Status.CONVERGED);
        }
    }

    @Override public String toString() {
        return "FireClassicMinimizer[" + settings + ", " + config + "]";
    }
}
