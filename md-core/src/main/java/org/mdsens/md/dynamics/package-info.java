/**
 * Molecular dynamics: {@link org.mdsens.md.dynamics.VelocityVerlet}, an NVE integrator on top of
 * an {@link org.mdsens.md.model.EnergyEvaluator}, with a fixed neighbor-list rebuild interval
 * (as LAMMPS {@code neigh_modify every N check no}) plus a skin/2 safety check, and seeded
 * Maxwell–Boltzmann velocities. Used for equilibration and for the side-by-side benchmark with
 * LAMMPS ({@code benchmarks/compare-lammps.sh}).
 */
package org.mdsens.md.dynamics;
