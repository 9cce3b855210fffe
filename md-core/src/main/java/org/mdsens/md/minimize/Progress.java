package org.mdsens.md.minimize;

/**
 * Book-keeping of one minimization run (package-private): counters, the accepted energy and
 * max force, the listener, the trace and the clock. One per {@code minimize} call.
 */
final class Progress {

    private final PotentialSurface surface;
    private final MinimizationListener listener;
    private final int n;
    private final int d;
    private final long startNanos;
    private final TraceRecorder trace;

    int iterations;
    int evaluations;
    /** Energy and max force at the current accepted positions. */
    double energy;
    double maxForce;
    /** Max force of the most recent evaluation (accepted or trial). */
    double lastMaxForce;

    Progress(PotentialSurface surface, MinimizationListener listener, int maxIterations) {
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

    /** Records the starting point (iteration 0) after the first evaluation. */
    void start(double e, double maxF) {
        energy = e;
        maxForce = maxF;
        trace.record(0, e, maxF);
    }

    /** One more iteration ended at energy {@code e} and max force {@code maxF}. */
    void accept(double e, double maxF) {
        iterations++;
        energy = e;
        maxForce = maxF;
        trace.record(iterations, e, maxF);
        listener.onIteration(iterations, e, maxF);
    }

    boolean cancelRequested() {
        return listener.cancelRequested();
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
