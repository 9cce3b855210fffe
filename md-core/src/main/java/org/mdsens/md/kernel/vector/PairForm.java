package org.mdsens.md.kernel.vector;

import org.mdsens.md.potential.PairPotential;

/**
 * The vector arithmetic of one pair-potential family with its coefficients tabulated per species
 * pair (index s_i·S + s_j, S ≤ {@value #MAX_SPECIES}), run over a block of slots of a
 * {@link Frame}: each slot's row is summed lane-wise over its (cluster, image) entries, with the
 * cutoff, padding and self pair (r = 0) removed by a lane mask and a blend (never a multiply),
 * and reduced once per row. No vector lives across rows.
 *
 * <p>Immutable; the loops are static and flat (one method per kernel) so that C2 keeps every
 * vector in registers on JDK 17 as on newer JDKs.
 */
abstract class PairForm {

    /** Largest species count handled with per-lane blends; more species use the scalar kernel. */
    static final int MAX_SPECIES = 2;

    /** Species count S. */
    final int species;

    PairForm(int species) { this.species = species; }

    /**
     * For slots [from, to): {@code fx/fy/fz[i]} = Σ_j c r_ij with c = −φ'(r)/r (the pair force on
     * i); {@code sums[2b]} = Σ_i Σ_j φ(r_ij) and, when {@code f.virial}, {@code sums[2b+1]} =
     * Σ_i Σ_j c r² (each pair twice: the caller halves), accumulated row by row in slot order with
     * compensation.
     */
    abstract void forces(Frame f, int from, int to, double[] sums, int b);

    /**
     * For slots [from, to): {@code fx/fy/fz[i]} = (Hv)_i = Σ_j [(φ'/r) Δv + ((φ'' − φ'/r)/r²)(r_ij·Δv) r_ij],
     * Δv = v_i − v_j, v read from {@code vx/vy/vz}.
     */
    abstract void hessian(Frame f, int from, int to);

    /**
     * The form of the parameter derivative φ_θ = ∂φ/∂θ_k: its {@link #forces} yields
     * c = −φ_θ'/r (so ∂_θ∇E = −fx) and energies Σ φ_θ. Throws what
     * {@link PairPotential#parameterDerivative} throws for an unbounded derivative.
     */
    abstract PairForm derivative(PairPotential potential, int k);

    /**
     * Whether {@link #pairForces} serves this form's energies and forces over a
     * {@link org.mdsens.md.neighbor.ClusterPairList} (the 4×4 path: on 8 lanes, and on 4 lanes
     * for one-species Lennard-Jones); when false the kernel uses {@link #forces} over the
     * 1×{@link Lanes#WIDTH} cluster layout.
     */
    boolean hasPairLoop() { return false; }

    /**
     * Force block b of {@code f}: zeroes the block's accumulator, then for each of its cluster
     * pairs (each particle pair once) adds c r_ij to i and −c r_ij to j, c = −φ'/r; writes
     * {@code sums[2b]} = Σ φ over the block's pairs and, when {@code f.virial},
     * {@code sums[2b+1]} = Σ c r² (not halved: each pair once), in a fixed order.
     */
    void pairForces(PairFrame f, int b, double[] sums) {
        throw new UnsupportedOperationException("no cluster-pair loop for " + getClass().getSimpleName());
    }

    /** The table index offset of species pair (a, b). */
    final int index(int a, int b) { return a * species + b; }
}
