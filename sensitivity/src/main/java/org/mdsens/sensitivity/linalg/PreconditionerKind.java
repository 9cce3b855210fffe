package org.mdsens.sensitivity.linalg;

/** The built-in preconditioners of a {@link SymmetricBlockMatrix}, for configurations. */
public enum PreconditionerKind {
    /** No preconditioning. */
    NONE,
    /** {@link DiagonalPreconditioner}: the scalar diagonal. */
    JACOBI,
    /** {@link BlockJacobiPreconditioner}: the b×b diagonal blocks. */
    BLOCK_JACOBI,
    /** {@link IncompleteCholeskyPreconditioner}: block IC(0) in reverse Cuthill–McKee order, shifted on breakdown. */
    INCOMPLETE_CHOLESKY,
    /**
     * {@link TwoLevelPreconditioner}: IC (IC(1) as {@code EquilibriumSensitivity} builds it) plus an exact coarse solve on aggregate-wise near-null-space vectors. The
     * coarse space needs more than the matrix (for particle Hessians: positions, to build the rigid motions of
     * spatial aggregates), so {@link #create} cannot build it; {@code EquilibriumSensitivity} does.
     */
    TWO_LEVEL;

    /**
     * The preconditioner of this kind for {@code a}, or null for {@link #NONE}.
     *
     * @throws IllegalStateException         for {@link #INCOMPLETE_CHOLESKY} when no diagonal shift makes IC(0) succeed
     * @throws UnsupportedOperationException for {@link #TWO_LEVEL} (it needs a coarse space)
     */
    public Preconditioner create(SymmetricBlockMatrix a) {
        return switch (this) {
            case NONE -> null;
            case JACOBI -> DiagonalPreconditioner.of(a);
            case BLOCK_JACOBI -> new BlockJacobiPreconditioner(a);
            case INCOMPLETE_CHOLESKY -> new IncompleteCholeskyPreconditioner(a);
            case TWO_LEVEL -> throw new UnsupportedOperationException(
                    "a two-level preconditioner needs a coarse space: build a TwoLevelPreconditioner");
        };
    }
}
