package org.mdsens.md.kernel;

import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.system.ParticleSystem;

/**
 * Pair-term loops over a neighbor list, bound to one {@link org.mdsens.md.potential.PairPotential}
 * (see {@link KernelProvider#pairKernel}). Conventions of DESIGN.md §4: r_ij = x_i − x_j under
 * the minimum image, n = r_ij / r. All arrays are xyz-interleaved, length d·N, in the system's
 * particle order. The list must be up to date for the system's positions (the caller updates it).
 *
 * <p>Implementations hold no per-call state except workspaces and are used by one thread at a
 * time (one kernel per thread, or a kernel that parallelizes internally in a fixed order).
 */
public interface ForceKernel {

    /** A short name recorded in outputs ({@code scalar}, {@code vector-512}, ...). */
    String name();

    /**
     * Overwrites {@code forces} with −∇E_pair and returns E_pair = Σ_{i<j} φ(r_ij).
     * If {@code virial} is not null, sets {@code virial[0]} = Σ_{i<j} r_ij·f_ij = −Σ r φ'(r).
     */
    double energyAndForces(ParticleSystem system, NeighborList list, double[] forces, double[] virial);

    /**
     * Whether {@link #energyAndForces} on this system and list reads the half cluster-pair list
     * ({@link NeighborList#clusterPairs}): a caller that keeps its particles in that list's slot
     * order between builds then has them loaded and stored in sequence. Queries only; the answer
     * may depend on the system and the build. False unless a kernel says otherwise.
     */
    default boolean readsClusterPairs(ParticleSystem system, NeighborList list) { return false; }

    /**
     * Overwrites {@code out} with H v, H the pair-term Hessian:
     * (Hv)_i = Σ_j [φ''(r) n nᵀ + (φ'(r)/r)(I − n nᵀ)] (v_i − v_j).
     */
    void hessianProduct(ParticleSystem system, NeighborList list, double[] v, double[] out);

    /** ∂E_pair/∂θ_k = Σ_{i<j} ∂φ/∂θ_k(r_ij). */
    double parameterEnergyDerivative(ParticleSystem system, NeighborList list, int k);

    /** Overwrites {@code out} with ∂(∇E_pair)/∂θ_k: (∂_θ∇E)_i = Σ_j ∂_θφ'(r_ij) n_ij. */
    void parameterGradient(ParticleSystem system, NeighborList list, int k, double[] out);
}
