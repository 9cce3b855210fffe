package org.mdsens.md.minimize;

/**
 * Book-keeping of one minimization run (package-private): counters, the accepted energy and
 * max force, the listener, the trace and the clock, and the stopping rules every minimizer
 * shares (non-finite start, force tolerance, iteration cap, cancellation, and the stagnation
 * count of the line-search minimizers). One per {@code minimize} call.
 */
final class Progress {

    private final PotentialSurface surface;
    private final MinimizationListener listener;
    private final int n;
    private final int d;
    private final long startNanos;
    private final TraceRecorder trace;
    private final double tolerance;
    private final int maxIterations;
    private double bestMaxForce;
    private int stall;

    int iterations;
    int evaluations;
    /** Energy and max force at the current accepted positions. */
    double energy;
    double maxForce;
    /** Max force of the most recent evaluation (accepted or trial). */
    double lastMaxForce;

    Progress(PotentialSurface surface, MinimizationListener listener, MinimizerConfig config) {
        if (surface == null) throw new IllegalArgumentException("surface must not be null");
        if (listener == null) throw new IllegalArgumentException("listener must not be null");
        this.surface = surface;
        this.listener = listener;
        this.n = surface.size();
        this.d = surface.dimension();
        if (d <= 0) throw new IllegalArgumentException("surface dimension must be > 0, got " + d);
        if (n < 0) throw new IllegalArgumentException("surface size must be >= 0, got " + n);
        double[] x = surface.positions();
        if (x == null || x.length != n * d) {
            throw new IllegalArgumentException("surface positions must have length d·N = " + (n * d) + ", got "
                    + (x == null ? "null" : Integer.toString(x.length)));
        }
        this.tolerance = config.forceTolerance();
        this.maxIterations = config.maxIterations();
        this.trace = new TraceRecorder(maxIterations);
        this.startNanos = System.nanoTime();
    }

    /** Evaluates E and forces at the current positions; sets {@link #lastMaxForce}. */
    double evaluate(double[] forces) {
        double e = surface.computeForces(forces);
        evaluations++;
        lastMaxForce = Vectors.maxParticleNorm(forces, n, d);
        return e;
    }

    /** True when the last evaluation gave a finite energy {@code e} and finite forces. */
    boolean finite(double e) {
        return Double.isFinite(e) && Double.isFinite(lastMaxForce);
    }

    /**
     * Evaluates the starting point into {@code forces} and records it as iteration 0; returns the
     * status that ends the run at once ({@link Status#NON_FINITE}, or {@link Status#CONVERGED}
     * when the start is within the force tolerance), or null to go on. The start energy is then
     * {@link #energy}.
     */
    Status begin(double[] forces) {
        double e = evaluate(forces);
        energy = e;
        maxForce = lastMaxForce;
        bestMaxForce = lastMaxForce;
        trace.record(0, e, lastMaxForce);
        if (!finite(e)) return Status.NON_FINITE;
        return converged() ? Status.CONVERGED : null;
    }

    /**
     * Checked before every iteration: {@link Status#MAX_ITERATIONS} at the iteration cap, else
     * {@link Status#CANCELLED} when the listener asks, else null.
     */
    Status interruption() {
        if (iterations >= maxIterations) return Status.MAX_ITERATIONS;
        return listener.cancelRequested() ? Status.CANCELLED : null;
    }

    /** Whether the accepted max force is within the force tolerance. */
    boolean converged() {
        return maxForce <= tolerance;
    }

    /**
     * Stagnation count of the line-search minimizers, updated for a step about to be accepted:
     * reset when the step lowers the best max force so far ({@link #lastMaxForce}) or changes the
     * energy by more than the round-off {@code bound}, else one more. Returns the count of
     * consecutive accepted steps that did neither.
     */
    int stalledSteps(double energyChange, double bound) {
        if (lastMaxForce < bestMaxForce) {
            bestMaxForce = lastMaxForce;
            stall = 0;
        } else if (LineSearchConditions.resolved(energyChange, bound)) {
            stall = 0;
        } else {
            stall++;
        }
        return stall;
    }

    /** One more iteration ended at energy {@code e} and max force {@code maxF}. */
    void accept(double e, double maxF) {
        iterations++;
        energy = e;
        maxForce = maxF;
        trace.record(iterations, e, maxF);
        listener.onIteration(iterations, e, maxF);
    }

    /** The result at the current accepted state. */
    MinimizationResult finish(Status status) {
        return finish(status, energy, maxForce);
    }

    /**
     * The result with explicit final energy and max force (e.g. the non-finite values met); the
     * trace keeps only accepted states.
     */
    MinimizationResult finish(Status status, double e, double maxF) {
        double seconds = (System.nanoTime() - startNanos) * 1e-9;
        trace.close(iterations, energy, maxForce);
        return new MinimizationResult(status, iterations, evaluations, e, maxF, seconds,
                trace.energies(), trace.maxForces(), trace.iterations());
    }
}
