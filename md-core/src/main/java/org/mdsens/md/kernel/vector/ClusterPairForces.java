package org.mdsens.md.kernel.vector;

import org.mdsens.md.neighbor.ClusterPairList;
import org.mdsens.md.neighbor.NeighborList;
import org.mdsens.md.parallel.Workers;
import org.mdsens.md.system.ParticleSystem;

/**
 * Energies and forces over the half {@link ClusterPairList} (the 4×4 path of
 * {@link ClusterForceKernel}), with the arithmetic of a {@link PairForm} that
 * {@link PairForm#hasPairLoop has} the loop. One call runs three parallel phases: load the
 * duplicated slot coordinates (fixed blocks of clusters), the pair loop per force block of the
 * list (each into its private accumulator), and the fold, which sums per particle the
 * accumulators of the windows that hold it in block order. Energies and virials are summed per
 * block and the blocks reduced in block order with compensation. All three phases split the
 * clusters in the same spatial order and are claimed with {@link Workers#runAffine}, so each
 * thread tends to load, compute and fold the same region. Every sum therefore has a fixed
 * order, and the results are bitwise the same for any thread count. Values agree with
 * {@link org.mdsens.md.kernel.ScalarForceKernel} to round-off.
 *
 * <p>Not thread-safe (one frame); it uses its {@link Workers} internally.
 */
final class ClusterPairForces {

    /** Clusters per block of the load phase. */
    static final int LOAD_CLUSTERS = 512;
    /** Clusters per block of the fold phase. */
    static final int FOLD_CLUSTERS = 512;

    private final PairForm form;
    private final Workers workers;
    private final PairFrame frame = new PairFrame();
    private double[] sums = new double[0];

    // the current call, read by run(b)
    private int phase;
    private ClusterPairList list;
    private double[] positions;
    private double[] output;
    private final Workers.Blocks blocks = this::run;

    private static final int LOAD = 0, COMPUTE = 1, FOLD = 2;

    ClusterPairForces(PairForm form, Workers workers) {
        this.form = form;
        this.workers = workers;
    }

    /** As {@link org.mdsens.md.kernel.ForceKernel#energyAndForces}; {@code forces} may be null (energy only). */
    double energyAndForces(ParticleSystem system, NeighborList neighbors, double[] forces, double[] virial) {
        if (system.speciesCount() > form.species) {
            throw new IllegalArgumentException("system species count must be at most the potential's "
                    + form.species + ", got " + system.speciesCount());
        }
        ClusterPairList l = neighbors.clusterPairs(workers);
        if (l.particleCount() != system.size() || l.dimension() != system.dimension()) {
            throw new IllegalArgumentException("neighbor list must be built for " + system.size() + " particles in "
                    + system.dimension() + "D, got " + l.particleCount() + " in " + l.dimension() + "D");
        }
        frame.bind(l, system.species());
        frame.virial = virial != null;
        list = l;
        positions = system.positions();
        int nb = l.blockCount();
        if (sums.length < 2 * nb) sums = new double[2 * nb];
        try {
            phase = LOAD;
            int loads = (l.clusterCount() + LOAD_CLUSTERS - 1) / LOAD_CLUSTERS;
            copyWorkers(loads).runAffine(blocks, loads);
            phase = COMPUTE;
            workers.runAffine(blocks, nb);
            if (forces != null) {
                output = forces;
                phase = FOLD;
                int folds = (l.clusterCount() + FOLD_CLUSTERS - 1) / FOLD_CLUSTERS;
                copyWorkers(folds).runAffine(blocks, folds);
            }
        } finally {
            positions = null;
            output = null;
        }
        if (virial != null) virial[0] = total(nb, 1);
        return total(nb, 0);
    }

    private Workers copyWorkers(int count) {
        return count >= ClusterForceKernel.COPY_PARALLEL_BLOCKS ? workers : Workers.single();
    }

    private void run(int b, int worker) {
        switch (phase) {
            case LOAD -> list.loadPositions(positions, frame.xs, frame.ys, frame.zs, PairFrame.STRIDE,
                    b * LOAD_CLUSTERS, Math.min(list.clusterCount(), (b + 1) * LOAD_CLUSTERS));
            case COMPUTE -> form.pairForces(frame, b, sums);
            default -> fold(b * FOLD_CLUSTERS, Math.min(list.clusterCount(), (b + 1) * FOLD_CLUSTERS));
        }
    }

    /**
     * Forces of the particles in clusters [from, to): per particle, Σ over the windows holding its
     * cluster, in block order. Runs in slot order, so the accumulators are read in sequence and
     * only the output (one particle's d doubles) is written out of order.
     */
    private void fold(int from, int to) {
        final int d = list.dimension(), clusters = list.clusterCount();
        final int[] sp = list.slotParticle(), xcol = list.clusterXColumn(), ws = list.windowStart();
        final int[] wb = list.windowBlocks(), first = list.blockFirst(), win = frame.window;
        final double[] fx = frame.fx, fy = frame.fy, fz = frame.fz, out = output;
        for (int c = from; c < to; c++) {
            final int cx = xcol[c], k0 = ws[cx], k1 = ws[cx + 1];
            for (int lane = 0; lane < ClusterPairList.SIZE; lane++) {
                final int p = sp[ClusterPairList.SIZE * c + lane];
                if (p < 0) continue;
                double x = 0, y = 0, z = 0;
                for (int k = k0; k < k1; k++) {
                    final int b = wb[k];
                    int local = c - first[b];
                    if (local < 0) local += clusters;
                    final int at = win[b] + PairFrame.STRIDE * local + lane;
                    x += fx[at] + fx[at + ClusterPairList.SIZE];
                    y += fy[at] + fy[at + ClusterPairList.SIZE];
                    z += fz[at] + fz[at + ClusterPairList.SIZE];
                }
                out[d * p] = x;
                out[d * p + 1] = y;
                if (d == 3) out[d * p + 2] = z;
            }
        }
    }

    /** Σ over blocks of sums[2b + which], in block order, compensated. */
    private double total(int count, int which) {
        double s = 0, c = 0;
        for (int b = 0; b < count; b++) {
            double v = sums[2 * b + which];
            double t = s + v;
            c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }
        return s + c;
    }
}
