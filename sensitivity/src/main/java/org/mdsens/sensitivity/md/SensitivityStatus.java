package org.mdsens.sensitivity.md;

/**
 * How a sensitivity computation ended. Only {@link #OK} and {@link #NOT_CONVERGED_MINIMUM} carry
 * usable numbers ({@link #usable()}); {@link #SOLVER_NOT_CONVERGED} carries the last Krylov iterate,
 * flagged; the others carry NaN.
 *
 * <p>When several apply, the most severe is reported, in the order NON_SMOOTH, NOT_A_MINIMUM,
 * SINGULAR, INVALID_PARAMETER, SOLVER_NOT_CONVERGED, NOT_CONVERGED_MINIMUM, OK.
 */
public enum SensitivityStatus {
    /** Converged solve at a converged minimum. */
    OK,
    /**
     * Warning: the largest per-particle force at x̂ exceeds the force tolerance of the configuration,
     * so x̂ is not the minimum the sensitivities refer to; the numbers are returned, and the error
     * estimate says how far off they may be.
     */
    NOT_CONVERGED_MINIMUM,
    /** The Krylov solver stopped before the requested relative residual; the last iterate is returned. */
    SOLVER_NOT_CONVERGED,
    /**
     * The Hessian is indefinite beyond its zero modes (CG met negative curvature, or Lanczos found a
     * clearly negative eigenvalue): x̂ is a saddle or a maximum, so dx*&#47;dθ is not defined there.
     */
    NOT_A_MINIMUM,
    /** The Hessian has zero modes beyond the rigid modes and rattlers (e.g. a floppy or disconnected system). */
    SINGULAR,
    /**
     * The energy is not twice differentiable where it matters: a soft sphere with α &lt; 2 (φ''
     * diverges at contact), or a pair within a tiny distance of a cutoff where the force jumps.
     */
    NON_SMOOTH,
    /** The parameter's derivative data ∂θ∇E or ∂θE is not finite at x̂. */
    INVALID_PARAMETER;

    /** True for {@link #OK} and {@link #NOT_CONVERGED_MINIMUM}: the numbers are meaningful. */
    public boolean usable() {
        return this == OK || this == NOT_CONVERGED_MINIMUM;
    }

    /** True when the result carries numbers (usable, or the last iterate of an unconverged solve). */
    public boolean hasNumbers() {
        return usable() || this == SOLVER_NOT_CONVERGED;
    }

    /** The job-file / JSON spelling: lower case with dashes ({@code not-a-minimum}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The more severe of two statuses. */
    public static SensitivityStatus worst(SensitivityStatus a, SensitivityStatus b) {
        return severity(a) >= severity(b) ? a : b;
    }

    private static int severity(SensitivityStatus s) {
        return switch (s) {
            case OK -> 0;
            case NOT_CONVERGED_MINIMUM -> 1;
            case SOLVER_NOT_CONVERGED -> 2;
            case INVALID_PARAMETER -> 3;
            case SINGULAR -> 4;
            case NOT_A_MINIMUM -> 5;
            case NON_SMOOTH -> 6;
        };
    }
}
