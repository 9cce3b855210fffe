/**
 * Pair-term force kernels. {@link org.mdsens.md.kernel.ForceKernel} is the loop contract (energy
 * and forces with virial, Hessian-vector product, parameter derivatives of E and of ∇E);
 * {@link org.mdsens.md.kernel.KernelProvider} makes kernels for a potential;
 * {@link org.mdsens.md.kernel.Kernels#select} chooses the provider once at start-up (scalar
 * reference, or the Vector API provider loaded reflectively when {@code jdk.incubator.vector} is
 * present; {@code auto} then picks, per system, the vector kernel for dense neighbor lists and the
 * scalar one for sparse lists); {@link org.mdsens.md.kernel.Kernels#workers} gives the threads of a
 * provider to the code around its calls. {@link org.mdsens.md.kernel.ScalarForceKernel} is the oracle every other kernel is
 * tested against; {@link org.mdsens.md.kernel.PairBatch} is the traversal all kernels share.
 *
 * <p>What to use when: most code never touches a kernel directly; use
 * {@link org.mdsens.md.model.EnergyEvaluator}, which adds bonds and keeps the neighbor list current.
 */
package org.mdsens.md.kernel;
