package org.mdsens.app.run;

import org.mdsens.md.minimize.MinimizationResult;

/**
 * The result of minimizing a job: the minimizer's result, the forces at the final positions
 * (xyz-interleaved, length d·N, input order; all NaN when the state is not finite), the pressure
 * at T = 0 (NaN for open boxes or non-finite states) and the kernel actually used.
 *
 * @param result   status, iterations, energy, max force, timing, trace
 * @param forces   −∇E at the final positions (a copy is held)
 * @param pressure P = W/(d·V) at the final positions
 * @param kernel   the force kernel's name ({@code scalar}, {@code vector-512}, ...)
 * @param threads  worker threads requested
 */
public record RunOutcome(MinimizationResult result, double[] forces, double pressure, String kernel, int threads) {

    public RunOutcome {
        forces = forces.clone();
    }

    @Override public double[] forces() { return forces.clone(); }

    /** True when the minimizer reached the force tolerance. */
    public boolean converged() { return result.converged(); }
}
