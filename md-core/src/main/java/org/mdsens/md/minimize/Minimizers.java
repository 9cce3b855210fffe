package org.mdsens.md.minimize;

/**
 * Factory for the built-in minimizers, one per {@link MinimizerKind}, each with its default
 * settings. Stateless and thread-safe; the minimizers it returns are one per thread.
 */
public final class Minimizers {

    private Minimizers() { }

    /**
     * The minimizer for {@code config.algorithm()}: {@link FireMinimizer} (FIRE 2.0, LAMMPS
     * defaults), {@link FireClassicMinimizer} (JAX-MD defaults), {@link LbfgsMinimizer} (m = 10)
     * or {@link GradientDescentMinimizer}.
     */
    public static Minimizer create(MinimizerConfig config) {
        if (config == null) throw new IllegalArgumentException("config must not be null");
        return switch (config.algorithm()) {
            case FIRE -> new FireMinimizer(config);
            case FIRE_CLASSIC -> new FireClassicMinimizer(config);
            case LBFGS -> new LbfgsMinimizer(config);
            case GRADIENT_DESCENT -> new GradientDescentMinimizer(config);
        };
    }
}
