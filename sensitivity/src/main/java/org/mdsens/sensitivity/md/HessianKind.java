package org.mdsens.sensitivity.md;

/** How {@link EquilibriumSensitivity} applies the Hessian in its Krylov solves and eigenvalue estimates. */
public enum HessianKind {
    /**
     * Matrix-free: every product walks the neighbor list and re-evaluates pair derivatives
     * ({@link org.mdsens.md.model.EnergyEvaluator#hessianProduct}); no memory beyond the list.
     */
    MATRIX_FREE,
    /**
     * Assembled once at x̂ ({@link org.mdsens.md.model.SparseHessian}: pairs inside the cutoff only), several times
     * cheaper per product; falls back to matrix-free when the matrix would exceed
     * {@link EquilibriumSensitivity#ASSEMBLY_MEMORY} doubles.
     */
    ASSEMBLED
}
