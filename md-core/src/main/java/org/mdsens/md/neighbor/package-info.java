/**
 * Neighbor lists: {@link org.mdsens.md.neighbor.NeighborList}, a Verlet list with skin built
 * through a cell list (O(N)), in CSR form (half list, and a lazily derived full list), plus
 * {@link org.mdsens.md.neighbor.NeighborList#findCoincident} for load-time checks. Minimum image
 * through {@link org.mdsens.md.space.Box}; periodic lengths must be at least 2·(cutoff + skin).
 */
package org.mdsens.md.neighbor;
