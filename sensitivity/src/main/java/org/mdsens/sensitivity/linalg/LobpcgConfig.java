package org.mdsens.sensitivity.linalg;

/**
 * Settings of {@link LobpcgEigenSolver}.
 *
 * @param blockSize         vectors iterated together, ≥ 1 (at least the number of eigenvalues asked for; a few more
 *                          speed up convergence when the smallest eigenvalues are clustered); memory is about
 *                          9·blockSize·n doubles
 * @param maxIterations     iterations, ≥ 1 (blockSize operator applications each)
 * @param relativeTolerance stop when each requested Ritz pair has ‖A y − θ y‖ ≤ relativeTolerance·|θ|; in (0, 1).
 *                          The Ritz value is then within relativeTolerance·|θ| of an eigenvalue (Bauer–Fike), and
 *                          typically within relativeTolerance²·|θ|·|θ|/gap of it. Residuals below about
 *                          1e-8·‖A‖ are not reachable (the Gram-matrix Rayleigh–Ritz loses accuracy there)
 * @param stagnationTolerance also stop when the smallest Ritz value changed by at most this fraction over the last
 *                          {@value LobpcgEigenSolver#STAGNATION_WINDOW} iterations while every requested residual is
 *                          at most |θ| (so an eigenvalue lies in [0, 2θ] and the Ritz values, upper bounds of the
 *                          eigenvalues, no longer move); in [0, 1), 0 to disable. A heuristic for estimates: slow
 *                          convergence after a plateau is possible
 * @param seed              seed of the random start block (Commons RNG, XO_RO_SHI_RO_128_PP)
 */
public record LobpcgConfig(int blockSize, int maxIterations, double relativeTolerance, double stagnationTolerance,
                           long seed) {

    /** Default block size. */
    public static final int DEFAULT_BLOCK_SIZE = 3;
    /** Default iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    /** Default relative residual tolerance. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-2;
    /** Default stagnation tolerance. */
    public static final double DEFAULT_STAGNATION_TOLERANCE = 1e-3;

    public LobpcgConfig {
        if (blockSize < 1) throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relativeTolerance must be in (0, 1), got " + relativeTolerance);
        }
        if (!(stagnationTolerance >= 0 && stagnationTolerance < 1)) {
            throw new IllegalArgumentException("stagnationTolerance must be in [0, 1), got " + stagnationTolerance);
        }
    }

    /**
     * @return block {@value #DEFAULT_BLOCK_SIZE}, {@value #DEFAULT_MAX_ITERATIONS} iterations, tolerance
     *         {@value #DEFAULT_RELATIVE_TOLERANCE}, stagnation {@value #DEFAULT_STAGNATION_TOLERANCE},
     *         {@link LanczosConfig#DEFAULT_SEED}
     */
    public static LobpcgConfig defaults() {
        return new LobpcgConfig(DEFAULT_BLOCK_SIZE, DEFAULT_MAX_ITERATIONS, DEFAULT_RELATIVE_TOLERANCE,
                DEFAULT_STAGNATION_TOLERANCE, LanczosConfig.DEFAULT_SEED);
    }

    public LobpcgConfig withBlockSize(int size) {
        return new LobpcgConfig(size, maxIterations, relativeTolerance, stagnationTolerance, seed);
    }

    public LobpcgConfig withMaxIterations(int iterations) {
        return new LobpcgConfig(blockSize, iterations, relativeTolerance, stagnationTolerance, seed);
    }

    public LobpcgConfig withRelativeTolerance(double tolerance) {
        return new LobpcgConfig(blockSize, maxIterations, tolerance, stagnationTolerance, seed);
    }

    public LobpcgConfig withStagnationTolerance(double tolerance) {
        return new LobpcgConfig(blockSize, maxIterations, relativeTolerance, tolerance, seed);
    }

    public LobpcgConfig withSeed(long newSeed) {
        return new LobpcgConfig(blockSize, maxIterations, relativeTolerance, stagnationTolerance, newSeed);
    }
}
