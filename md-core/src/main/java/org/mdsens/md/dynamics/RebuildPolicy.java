package org.mdsens.md.dynamics;

/** When {@link VelocityVerlet} rebuilds the neighbor list, besides every {@code rebuildEvery} steps. */
public enum RebuildPolicy {
    /**
     * Also whenever a particle has moved more than skin/2 since the last build (the evaluator's
     * own check, every step): forces are always exact. The default.
     */
    SAFE,
    /**
     * Only on schedule, as LAMMPS {@code neigh_modify delay 0 every N check no}: pairs that come
     * within the cutoff from beyond cutoff + skin between two builds are missed, exactly as in
     * LAMMPS. Each scheduled build checks whether some particle had moved more than skin/2 and
     * counts it ({@link VelocityVerlet#dangerousRebuilds()}, LAMMPS's "dangerous builds").
     * Pair-only models (no bonds); for like-for-like benchmarks.
     */
    FIXED
}
