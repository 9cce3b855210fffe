/**
 * Neighbor lists: {@link org.mdsens.md.neighbor.NeighborList}, a Verlet list with skin whose
 * layouts are derived from one build on demand: the half list and full list in CSR form (input
 * order, for the scalar kernels) and the cluster-pair layout
 * {@link org.mdsens.md.neighbor.ClusterList} (particles sorted spatially into clusters of one
 * vector's width, with periodic image clusters, for the Vector API kernels) and the half cluster-pair list
 * {@link org.mdsens.md.neighbor.ClusterPairList} (clusters of 4 over the same layout, each pair of
 * clusters once, for the 4×4 energy-and-force loops); plus
 * {@link org.mdsens.md.neighbor.NeighborList#findCoincident} for load-time checks. Minimum image
 * through {@link org.mdsens.md.space.Box}; periodic lengths must be at least 2·(cutoff + skin).
 */
package org.mdsens.md.neighbor;
