package org.mdsens.sensitivity.linalg;

/**
 * A symmetric positive definite preconditioner M ≈ A, applied as {@code z ← M⁻¹ r} on flat arrays (for
 * {@link LinearSolver#solve(org.hipparchus.linear.RealLinearOperator, double[], double[], Preconditioner)} and
 * {@link LobpcgEigenSolver}). Conjugate gradient and MINRES need M⁻¹ symmetric positive definite (on the range
 * of the projector the operator works in, when there is one: a preconditioner for a deflated operator P A P must
 * return vectors in range(P), see {@link #projected}).
 *
 * <p>Implementations must not allocate per call; one instance serves one thread at a time (it may keep work
 * arrays). Built-in: {@link DiagonalPreconditioner}, {@link BlockJacobiPreconditioner},
 * {@link IncompleteCholeskyPreconditioner}.
 */
public interface Preconditioner {

    /**
     * z = M⁻¹ r.
     *
     * @param r input, length n (not modified)
     * @param z output, length n, overwritten; never the same array as {@code r}
     */
    void apply(double[] r, double[] z);

    /** @return a short name for reports ({@code "IC(0)"}, {@code "block-Jacobi"}, ...) */
    String name();

    /**
     * P M⁻¹ P for an orthogonal projector P, on inputs already in range(P): the preconditioner of a deflated
     * operator P A P (CG then stays in range(P)). Krylov methods on P A P only pass residuals that are in range(P),
     * so only the output is projected (in place): z = P M⁻¹ r.
     *
     * @param inner     M⁻¹
     * @param projector P
     * @return the projected preconditioner (same name as {@code inner})
     */
    static Preconditioner projected(Preconditioner inner, Projector projector) {
        return new Preconditioner() {
            @Override public void apply(double[] r, double[] z) {
                inner.apply(r, z);
                projector.project(z);
            }

            @Override public String name() { return inner.name(); }
        };
    }
}
