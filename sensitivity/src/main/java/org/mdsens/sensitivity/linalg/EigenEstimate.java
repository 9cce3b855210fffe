package org.mdsens.sensitivity.linalg;

/**
 * Estimates of the smallest eigenvalues of a symmetric operator (restricted to the range of a projector, if one
 * was given) from {@link LanczosEigenSolver}. Immutable: arrays are copied in and out.
 *
 * @param eigenvalues          the requested smallest Ritz values, ascending
 * @param residualNorms        explicit ‖A·y − θ·y‖ for each Ritz pair (‖y‖ = 1), same order; an eigenvalue lies
 *                             within this distance of each Ritz value
 * @param vectors              the Ritz vectors, one row per eigenvalue (length n each)
 * @param smallestMagnitude    min |θ| over all Ritz values of the last tridiagonal matrix: an estimate of the
 *                             smallest eigenvalue magnitude (may overestimate it for an indefinite operator, whose
 *                             smallest-magnitude eigenvalues are interior and converge last)
 * @param largestMagnitude     max |θ|: a lower estimate of ‖A‖₂
 * @param steps                Lanczos steps taken
 * @param operatorApplications applications of the operator, including the explicit residuals
 * @param status               {@link SolveStatus#CONVERGED} if the residual estimates met the tolerance or the
 *                             Krylov space became invariant; {@link SolveStatus#MAX_ITERATIONS};
 *                             {@link SolveStatus#NON_FINITE}
 */
public record EigenEstimate(double[] eigenvalues, double[] residualNorms, double[][] vectors, double smallestMagnitude,
                            double largestMagnitude, int steps, int operatorApplications, SolveStatus status) {

    public EigenEstimate {
        eigenvalues = eigenvalues.clone();
        residualNorms = residualNorms.clone();
        vectors = deepCopy(vectors);
        if (eigenvalues.length != residualNorms.length || eigenvalues.length != vectors.length) {
            throw new IllegalArgumentException("eigenvalues, residualNorms and vectors must have equal lengths, got "
                    + eigenvalues.length + ", " + residualNorms.length + ", " + vectors.length);
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** @return the smallest eigenvalue estimate */
    public double eigenvalue() { return eigenvalues[0]; }

    /** @return ‖A·y − θ·y‖ for the smallest Ritz pair */
    public double residualNorm() { return residualNorms[0]; }

    /** @return a copy of the Ritz vector of the smallest eigenvalue */
    public double[] vector() { return vectors[0].clone(); }

    @Override public double[] eigenvalues() { return eigenvalues.clone(); }

    @Override public double[] residualNorms() { return residualNorms.clone(); }

    @Override public double[][] vectors() { return deepCopy(vectors); }

    /** @return {@code true} if the status is {@link SolveStatus#CONVERGED} */
    public boolean converged() { return status.converged(); }

    @Override public String toString() {
        return String.format("EigenEstimate[%s, smallest=%.10g, residual=%.3e, count=%d, steps=%d, |θ| in [%.3e, %.3e]]",
                status, eigenvalues.length == 0 ? Double.NaN : eigenvalues[0],
                residualNorms.length == 0 ? Double.NaN : residualNorms[0], eigenvalues.length, steps,
                smallestMagnitude, largestMagnitude);
    }
}
