package org.mdsens.sensitivity.linalg;

/**
 * Settings of {@link LanczosEigenSolver}.
 *
 * @param maxSteps          Lanczos steps (one operator application each), ≥ 1; capped at the dimension. Memory is
 *                          maxSteps·n doubles (full reorthogonalization), so keep it to a few hundred.
 * @param relativeTolerance stop when every requested Ritz pair has residual estimate β_k|s_k| ≤
 *                          relativeTolerance·max|Ritz value|; in (0, 1)
 * @param seed              seed of the random start vector (Commons RNG, XO_RO_SHI_RO_128_PP)
 */
public record LanczosConfig(int maxSteps, double relativeTolerance, long seed) {

    /** Default seed of the start vector. */
    public static final long DEFAULT_SEED = 0x5EED_1A2C_205L;

    public LanczosConfig {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relativeTolerance must be in (0, 1), got " + relativeTolerance);
        }
    }

    /** @return 300 steps, tolerance 1e-8, {@link #DEFAULT_SEED} */
    public static LanczosConfig defaults() { return new LanczosConfig(300, 1e-8, DEFAULT_SEED); }

    public LanczosConfig withMaxSteps(int steps) { return new LanczosConfig(steps, relativeTolerance, seed); }

    public LanczosConfig withRelativeTolerance(double tolerance) { return new LanczosConfig(maxSteps, tolerance, seed); }

    public LanczosConfig withSeed(long newSeed) { return new LanczosConfig(maxSteps, relativeTolerance, newSeed); }
}
