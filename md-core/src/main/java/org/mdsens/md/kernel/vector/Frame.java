package org.mdsens.md.kernel.vector;

import org.mdsens.md.neighbor.ClusterList;

/**
 * Slot-ordered workspaces of one kernel call over a {@link ClusterList}: positions (and, for
 * Hessian products, the input vector) in structure-of-arrays form, per-slot species, the
 * list's rows, and per-slot outputs. Arrays grow with the slot count and are reused. Mutable,
 * owned by one kernel; blocks of slots are written by different threads, each block only its
 * own slots.
 */
final class Frame {

    double[] xs = new double[0], ys = new double[0], zs = new double[0];
    double[] vx = new double[0], vy = new double[0], vz = new double[0];
    double[] fx = new double[0], fy = new double[0], fz = new double[0];
    /** Species index per slot (0 for padding). */
    int[] species = new int[0];
    /** Species index per slot as a double, for lane masks (0 for padding). */
    double[] speciesLanes = new double[0];
    int[] rows;
    int[] entries;
    /** All slots (buffer length), and the primary slots, which have rows. */
    int slots, primarySlots;
    /** Whether force loops accumulate the virial (skipped when the caller does not ask for it). */
    boolean virial;

    private ClusterList bound;
    private int boundVersion = -1;

    /** Points the frame at {@code list}'s current build; refreshes species lanes when it changed. */
    void bind(ClusterList list, int[] particleSpecies) {
        int n = list.slotCount();
        if (xs.length < n) {
            int cap = n + n / 8 + Lanes.WIDTH;
            xs = new double[cap];
            ys = new double[cap];
            zs = new double[cap];
            fx = new double[cap];
            fy = new double[cap];
            fz = new double[cap];
            species = new int[cap];
            speciesLanes = new double[cap];
            if (vx.length > 0) allocateVectors();
            boundVersion = -1;
        }
        slots = n;
        primarySlots = list.primarySlotCount();
        rows = list.rowOffsets();
        entries = list.entries();
        if (list != bound || list.version() != boundVersion) {
            int[] sp = list.slotParticle();
            for (int s = 0; s < n; s++) {
                int p = sp[s];
                int t = p < 0 ? 0 : particleSpecies[p];
                species[s] = t;
                speciesLanes[s] = t;
            }
            bound = list;
            boundVersion = list.version();
        }
    }

    /** Makes sure the input-vector buffers exist (Hessian products). */
    void allocateVectors() {
        if (vx.length < xs.length) {
            vx = new double[xs.length];
            vy = new double[xs.length];
            vz = new double[xs.length];
        }
    }
}
