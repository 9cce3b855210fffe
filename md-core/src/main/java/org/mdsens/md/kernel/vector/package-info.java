/**
 * The Vector API kernels: the only package that imports {@code jdk.incubator.vector}, loaded
 * reflectively by {@link org.mdsens.md.kernel.Kernels} when that module is present (run with
 * {@code --add-modules jdk.incubator.vector}). {@link org.mdsens.md.kernel.vector.VectorKernelProvider}
 * is the entry point; it serves the built-in potentials with a cluster kernel over
 * {@link org.mdsens.md.neighbor.ClusterList} (and, for the energies and forces of Lennard-Jones
 * and Morse, over the 4×4 half list {@link org.mdsens.md.neighbor.ClusterPairList}) and falls back
 * to the scalar reference for the rest.
 *
 * <p>What to use when: never directly; ask {@code Kernels.select(KernelChoice.AUTO, threads)}.
 */
package org.mdsens.md.kernel.vector;
