package org.mdsens.sensitivity.implicit;

import java.util.Objects;

import org.mdsens.sensitivity.linalg.LanczosConfig;

/**
 * Where λ̂, the smallest non-zero eigenvalue magnitude of ∂ₓF used in the error estimate, comes from.
 *
 * <ul>
 *   <li>{@link None}: no λ̂; error estimates are NaN.</li>
 *   <li>{@link Given}: a value the caller knows (e.g. from a previous run or an analytic bound).</li>
 *   <li>{@link Lanczos}: a seeded {@link org.mdsens.sensitivity.linalg.LanczosEigenSolver} run on the projected
 *       ∂ₓF (symmetric conditions: λ̂ = min |Ritz value|), or, for nonsymmetric conditions when the scope allows,
 *       on ∂ₓFᵀ∂ₓF (λ̂ = √λ_min, the smallest singular value), computed once per linearization point.</li>
 * </ul>
 */
public sealed interface EigenvalueEstimation permits EigenvalueEstimation.None, EigenvalueEstimation.Given,
        EigenvalueEstimation.Lanczos {

    /** Which conditions a Lanczos estimate is computed for. */
    enum Scope {
        /** Only symmetric ∂ₓF (one product per step); nonsymmetric conditions get NaN. */
        SYMMETRIC_ONLY,
        /** Also nonsymmetric ∂ₓF, through ∂ₓFᵀ∂ₓF (two products per step). */
        ALL
    }

    /** No estimate. */
    record None() implements EigenvalueEstimation {
    }

    /** @param smallestMagnitude λ̂ &gt; 0, finite */
    record Given(double smallestMagnitude) implements EigenvalueEstimation {
        public Given {
            if (!(smallestMagnitude > 0 && Double.isFinite(smallestMagnitude))) {
                throw new IllegalArgumentException("smallestMagnitude must be finite and > 0, got " + smallestMagnitude);
            }
        }
    }

    /**
     * @param config Lanczos steps, tolerance and seed
     * @param scope  which conditions get an estimate
     */
    record Lanczos(LanczosConfig config, Scope scope) implements EigenvalueEstimation {
        public Lanczos {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /** @return no estimate */
    static EigenvalueEstimation none() { return new None(); }

    /** @return a known λ̂ */
    static EigenvalueEstimation given(double smallestMagnitude) { return new Given(smallestMagnitude); }

    /** @return the default: Lanczos, 150 steps, relative tolerance 1e-6, default seed, symmetric conditions only */
    static EigenvalueEstimation lanczos() {
        return new Lanczos(new LanczosConfig(150, 1e-6, LanczosConfig.DEFAULT_SEED), Scope.SYMMETRIC_ONLY);
    }

    /** @return Lanczos with the given settings and scope */
    static EigenvalueEstimation lanczos(LanczosConfig config, Scope scope) { return new Lanczos(config, scope); }
}
