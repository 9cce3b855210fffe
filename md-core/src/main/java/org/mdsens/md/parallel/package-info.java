/**
 * Fixed-block parallelism for the hot loops of md-core: {@link org.mdsens.md.parallel.Workers},
 * a small set of daemon threads that run numbered blocks of one call, each block always covering
 * the same data, so that results never depend on the thread count. Used by the vector kernels,
 * the cluster-layout build of {@link org.mdsens.md.neighbor.NeighborList} and
 * {@link org.mdsens.md.dynamics.VelocityVerlet}.
 *
 * <p>What to use when: get the threads of a kernel family from
 * {@code Kernels.workers(provider)} (one pool shared by the kernels, the neighbor build and the
 * integrator); {@link org.mdsens.md.parallel.Workers#single()} runs everything on the caller.
 */
package org.mdsens.md.parallel;
