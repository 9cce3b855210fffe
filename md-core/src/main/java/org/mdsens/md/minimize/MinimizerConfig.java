package org.mdsens.md.minimize;

/**
 * Minimizer settings.
 *
 * @param algorithm      which algorithm
 * @param forceTolerance stop when the largest per-particle force norm is ≤ this (&gt; 0)
 * @param maxIterations  iteration cap (&gt; 0)
 * @param timestep       FIRE initial time step, or the initial step length scale for L-BFGS/GD (&gt; 0)
 * @param maxStep        largest displacement of any particle in one step (&gt; 0)
 */
public record MinimizerConfig(MinimizerKind algorithm, double forceTolerance, int maxIterations,
                              double timestep, double maxStep) {

    public MinimizerConfig {
        if (algorithm == null) throw new IllegalArgumentException("algorithm must not be null");
        if (!(forceTolerance > 0)) throw new IllegalArgumentException("force_tolerance must be > 0, got " + forceTolerance);
        if (maxIterations <= 0) throw new IllegalArgumentException("max_iterations must be > 0, got " + maxIterations);
        if (!(timestep > 0) || !Double.isFinite(timestep)) throw new IllegalArgumentException("timestep must be > 0, got " + timestep);
        if (!(maxStep > 0) || !Double.isFinite(maxStep)) throw new IllegalArgumentException("max_step must be > 0, got " + maxStep);
    }

    /** FIRE 2.0, tolerance 1e-10, 200000 iterations, dt 0.005, max step 0.1. */
    public static MinimizerConfig defaults() {
        return new MinimizerConfig(MinimizerKind.FIRE, 1e-10, 200_000, 0.005, 0.1);
    }

    public MinimizerConfig withAlgorithm(MinimizerKind a) { return new MinimizerConfig(a, forceTolerance, maxIterations, timestep, maxStep); }
    public MinimizerConfig withForceTolerance(double t) { return new MinimizerConfig(algorithm, t, maxIterations, timestep, maxStep); }
    public MinimizerConfig withMaxIterations(int n) { return new MinimizerConfig(algorithm, forceTolerance, n, timestep, maxStep); }
    public MinimizerConfig withTimestep(double dt) { return new MinimizerConfig(algorithm, forceTolerance, maxIterations, dt, maxStep); }
    public MinimizerConfig withMaxStep(double s) { return new MinimizerConfig(algorithm, forceTolerance, maxIterations, timestep, s); }
}
